"""The newsroom: everything in public/ (pages, feeds, sitemaps, search, share images, press texts)."""
