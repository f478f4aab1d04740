"""What an output folder holds before a build writes it, listed while the build renders.

An edit build patches its output folders: it needs to know each file there (and, in public/,
its size and time, to tell a file edited by hand). Listing public/ at 10,000 messages reads a
hundred thousand folders, seconds of system calls, while the parent renders on one core and
the workers wait. So a build forks a process that lists the folders at its start (`Early`),
and takes the listing when it writes. A file edited by hand meanwhile is as if edited after
the build: the next build finds it, as `folder_state` tells any hand edit.

The same process first reads the build cache's memo file through once: the system may have
dropped it from memory since the last build, and SQLite then reads the rows a build asks for
piece by piece from the disk (5 s for the passes at 10,000 messages, against 0.3 s from
memory); read in order, the file comes back at the disk's speed while the build loads the
content (an edit build at 10,000 messages: 31 s with the file dropped, 20 s with it read so).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hubgen.parallel import Background
from hubgen.pipeline.walk import walk

__all__ = ["UNSTATED", "Early", "Listing", "list_folder"]

Listing = tuple[dict[str, tuple[int, int] | None], set[str]]
"""The files of a folder with their size and time (`UNSTATED` if listed by name only, None for
a link), and its folders, relative to it."""

UNSTATED = (-1, -1)
"""The size and time of a file listed by name only."""


def list_folder(target: Path, stat: bool) -> Listing:
    """The listing of `target`, with each file's size and time if `stat`."""
    found, folders = walk(str(target), stat, links=True)
    cut = len(str(target)) + 1
    files: dict[str, tuple[int, int] | None] = {}
    for entry in found:
        path, _, state = entry.partition("\0")
        size, _, mtime = state.partition("\0")
        files[path[cut:]] = None if state == "link" else (int(size), int(mtime)) if state else UNSTATED
    return files, {path[cut:] for path in folders}


class Early:
    """Listings of folders made by a forked process from now on (`Background`), for `take`
    when writing. Without a listing made, `take` gives None: the caller lists then."""

    def __init__(self, folders: dict[Path, bool], warm: tuple[Path, ...] = ()) -> None:
        """`folders`: each to list, with the size and time of its files or not; `warm`: files
        to read through first."""
        self._folders = {target: stat for target, stat in folders.items() if target.is_dir()}
        self._states = {target: _state(target) for target in self._folders}
        self._listed = Background(_list, (self._folders, warm)) if self._folders or warm else None

    def take(self, target: Path, stat: bool) -> Listing | None:
        """The listing of `target` made early, if it was listed so (`stat` alike) and no build
        has written it since: each writes the build marker at its top."""
        found = self._listed.result() if self._listed else None
        if found is None or self._folders.get(target) != stat or self._states[target] != _state(target):
            return None
        return found.get(target)

    def close(self) -> None:
        """Stop the listing process if it still runs (a build that failed)."""
        if self._listed:
            self._listed.close()


def _list(job: tuple[dict[Path, bool], tuple[Path, ...]]) -> dict[Path, Listing]:
    folders, warm = job
    for path in warm:
        _read_through(path)
    return {target: list_folder(target, stat) for target, stat in folders.items()}


def _read_through(path: Path) -> None:
    """A regular file's bytes, read and dropped; anything else is left alone (a pipe in its
    place would wait for a writer forever)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return  # none yet: nothing to read
    with os.fdopen(handle, "rb", buffering=0) as source:
        if stat.S_ISREG(os.fstat(handle).st_mode):
            while source.read(1 << 22):
                pass


def _state(folder: Path) -> tuple[int, int, int] | None:
    try:
        info = folder.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_mtime_ns
