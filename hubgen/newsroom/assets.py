"""Files copied as they are: theme and site static folders, images of published messages."""

from __future__ import annotations

from pathlib import Path

from hubgen.config.themes import link_boundary
from hubgen.errors import Report
from hubgen.filetree import FileTree
from hubgen.model import Site
from hubgen.symlinks import list_files, outside_problem

__all__ = ["collect_assets"]


def collect_assets(site: Site, theme_static: list[Path], tree: FileTree, report: Report) -> None:
    """Static folders first, the site's over the theme's; only images that public messages use,
    so an embargoed message's image can't leak. A link out of the site is a problem, not a copy."""
    for folder in (*theme_static, site.config.static_path):
        listing = list_files(folder, link_boundary(site.config.root, folder))
        for link, target in listing.outside:
            report.add(outside_problem(link, target, site.config.root))
        for path in listing.visible(folder):
            tree.add_copy(path.relative_to(folder).as_posix(), path)
    for message in site.messages:
        if message.image:  # checked by the content walk, as every file under content/ is
            tree.add_copy(message.image, site.config.content_path / message.image)
