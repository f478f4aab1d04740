"""sitemap.xml with hreflang alternates, and robots.txt pointing at it."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from hubgen.model import Site
from hubgen.outputs.tree import FileTree
from hubgen.render.views import MessageView, lang_prefix

__all__ = ["render_sitemap"]


def render_sitemap(site: Site, views: dict[str, list[MessageView]], tree: FileTree) -> None:
    config = site.config
    entries = []
    for lang in config.site.languages:
        entries.append(_url(config.url(lang_prefix(site, lang)), None, ()))
        for message in views.get(lang, []):
            alternates = ((lang, message.url),
                          *((t.lang, config.url(t.path)) for t in message.translations))
            entries.append(_url(message.url, message, alternates if len(alternates) > 1 else ()))
    tree.add_text("sitemap.xml", (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "".join(entries) + "</urlset>\n"))
    tree.add_text("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {config.url('sitemap.xml')}\n")


def _url(loc: str, message: MessageView | None, alternates: tuple[tuple[str, str], ...]) -> str:
    lastmod = f"    <lastmod>{message.date.isoformat()}</lastmod>\n" if message else ""
    links = "".join(f"    <xhtml:link rel=\"alternate\" hreflang={quoteattr(lang)}"
                    f" href={quoteattr(url)}/>\n" for lang, url in alternates)
    return f"  <url>\n    <loc>{loc}</loc>\n{lastmod}{links}  </url>\n"
