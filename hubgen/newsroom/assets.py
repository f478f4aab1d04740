"""Files copied as they are: theme and site static folders, images of published messages."""

from __future__ import annotations

from pathlib import Path

from hubgen.filetree import FileTree
from hubgen.model import Site

__all__ = ["collect_assets"]


def collect_assets(site: Site, theme_static: list[Path], tree: FileTree) -> None:
    """Static folders first, the site's over the theme's; only images that public messages use,
    so an embargoed message's image can't leak."""
    for folder in (*theme_static, site.config.static_path):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            relative = path.relative_to(folder)
            if path.is_file() and not any(p.startswith(".") for p in relative.parts):
                tree.add_copy(relative.as_posix(), path)
    for message in site.messages:
        if message.image:
            tree.add_copy(message.image, site.config.content_path / message.image)
