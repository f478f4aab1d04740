"""The one rule for symbolic links in a site: a link that stays inside the site is read like the
file it names; a link that leads out of it is refused. Without it, a link in static/ to ~/.ssh
(or a message file linked from a private folder) would be published as if the site held it.

Every file a build takes from the site is listed by `list_files` and checked against it, and the
preview checks each file again when it serves it (a file may become a link after the build)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from hubgen.errors import Problem

__all__ = ["FIX", "Listing", "leads_outside", "list_files", "outside_problem"]

FIX = "copy the file into the site, or point the link at a file inside the site"


def leads_outside(path: Path, root: Path) -> Path | None:
    """Where `path` really is when links (its own or a folder's on the way) take it out of
    `root`, a resolved folder; None when it stays inside."""
    target = path.resolve()
    return None if target.is_relative_to(root) else target


@dataclass
class Listing:
    """The files under a folder, and the links under it that lead out of the site."""

    files: list[Path] = field(default_factory=list)
    """Sorted; links to files inside the site included, links to folders not followed (a link
    may lead back to a folder above it)."""
    outside: list[tuple[Path, Path]] = field(default_factory=list)
    """(link, where it leads) for links out of the site, to files or folders, dangling or not,
    hidden ones too: a message may name an image in any folder."""

    def visible(self, folder: Path) -> list[Path]:
        """The files without a hidden part below `folder` (`.git/`, `.DS_Store`)."""
        return [p for p in self.files
                if not any(part.startswith(".") for part in p.relative_to(folder).parts)]


def list_files(folder: Path, root: Path) -> Listing:
    """Every file under `folder`, hidden ones too, checked against the site in `root`
    (resolved). Only links cost a look at their target: a site has thousands of files."""
    listing = Listing()
    if not folder.is_dir():
        return listing
    if (target := leads_outside(folder, root)) is not None:
        listing.outside.append((folder, target))
        return listing
    pending = [str(folder)]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue  # removed while we looked
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_symlink() and (target := leads_outside(path, root)) is not None:
                    listing.outside.append((path, target))
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif entry.is_file():
                    listing.files.append(path)
            except OSError:
                continue  # a dangling link inside the site, or a file removed meanwhile
    listing.files.sort()
    listing.outside.sort()
    return listing


def outside_problem(link: Path, target: Path, site: Path) -> Problem:
    """`path: symlink: leads to TARGET, outside the site (fix)`, the path as the site names it."""
    shown = link.relative_to(site) if link.is_relative_to(site) else link
    return Problem(shown.as_posix(), 0, "symlink", f"leads to {target}, outside the site", FIX)
