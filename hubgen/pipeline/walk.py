"""Reading a folder tree on all cores: a site's output has a hundred thousand folders, and
reading them was most of a build that finds nothing changed and a tenth of an edit build."""

from __future__ import annotations

import os

from hubgen.parallel import parallel_map

__all__ = ["walk"]

Found = tuple[list[str], list[str]]

_SPREAD = 2048
"""Folders waiting to be read at which reading them is spread over the cores."""
_SLICE = 64
_BUDGET = 1024
"""Folders a worker reads of a slice before it gives back the rest, spread again: a slice may
hold a folder of thousands (a language's messages in the kit), which one worker read alone
while the others waited (a build that found nothing changed took a third longer)."""


def walk(folder: str, stat: bool = True, links: bool = False) -> Found:
    """Every file under `folder` as `path NUL size NUL mtime` (only the path without `stat`),
    a link to a folder as `path NUL link` (not followed, as os.walk does), and every folder;
    with `links`, a link to a file is `path NUL link` too (the size and time of the file it
    leads to would pass it off as a file). The first folders are read here until many wait;
    those are then read, with all below them, by the workers, in rounds of `_BUDGET`."""
    files: list[str] = []
    pending, at = [folder], 0
    while at < len(pending) and len(pending) - at < _SPREAD:
        _scan(pending[at], (stat, links), files, pending)
        at += 1
    folders, rest = pending[1:at], pending[at:]
    while rest:
        slices = [rest[start:start + _SLICE] for start in range(0, len(rest), _SLICE)]
        rest = []
        for more_files, more_folders, left in parallel_map(_walk_below, slices, (stat, links), chunk=1):
            files += more_files
            folders += more_folders
            rest += left
    return files, folders


def _walk_below(how: tuple[bool, bool], folders: list[str]) -> tuple[list[str], list[str], list[str]]:
    """`walk` of `folders` and below them, here, up to `_BUDGET` folders: files and folders
    read, and the folders left to read."""
    files: list[str] = []
    pending, done = list(folders), list[str]()
    while pending and len(done) < _BUDGET:
        done.append(pending.pop())
        _scan(done[-1], how, files, pending)
    return files, done, pending


def _scan(folder: str, how: tuple[bool, bool], files: list[str], pending: list[str]) -> None:
    """The files of one folder into `files`, its subfolders into `pending`."""
    stat, links = how
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # not there (yet), or gone meanwhile
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif entry.is_dir() or (links and entry.is_symlink()):  # not followed; counted
                files.append(f"{entry.path}\0link")
            elif stat:
                info = entry.stat()
                files.append(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}")
            else:
                files.append(entry.path)
        except OSError:
            continue  # a dangling link, or removed while we looked
