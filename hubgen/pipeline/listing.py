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
import pickle
import signal
import stat
import threading
from contextlib import suppress
from pathlib import Path

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
    """Listings of folders made by a forked process from now on, for `take` when writing.

    Only in a process without threads (a build, not the preview's): forking one with threads
    could copy a held lock. Without a listing made, `take` gives None: the caller lists then."""

    def __init__(self, folders: dict[Path, bool], warm: tuple[Path, ...] = ()) -> None:
        """`folders`: each to list, with the size and time of its files or not; `warm`: files
        to read through first."""
        self._folders = {target: stat for target, stat in folders.items() if target.is_dir()}
        self._states = {target: _state(target) for target in self._folders}
        self._child: tuple[int, int] | None = None
        self._found: dict[Path, Listing] | None = None
        if (self._folders or warm) and threading.active_count() == 1:
            self._child = _fork(self._folders, warm)

    def take(self, target: Path, stat: bool) -> Listing | None:
        """The listing of `target` made early, if it was listed so (`stat` alike) and no build
        has written it since: each writes the build marker at its top."""
        if self._found is None:
            self._found = self._collect()
        if self._folders.get(target) != stat or self._states[target] != _state(target):
            return None
        return self._found.get(target)

    def close(self) -> None:
        """Stop the listing process if it still runs (a build that failed)."""
        if self._child is not None:
            pid, reading = self._child
            self._child = None
            os.close(reading)
            with suppress(OSError):
                os.kill(pid, signal.SIGTERM)
            with suppress(OSError):
                os.waitpid(pid, 0)

    def _collect(self) -> dict[Path, Listing]:
        if self._child is None:
            return {}
        pid, reading = self._child
        self._child = None
        chunks = []
        try:
            with os.fdopen(reading, "rb") as source:
                while chunk := source.read(1 << 20):
                    chunks.append(chunk)
        finally:
            with suppress(OSError):
                os.waitpid(pid, 0)
        try:
            # Made by our own fork a moment ago, through a pipe: never read from a file.
            found: dict[Path, Listing] = pickle.loads(b"".join(chunks))
        except (pickle.UnpicklingError, EOFError, ValueError):
            return {}  # the process failed: listed when written
        return found


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


def _fork(folders: dict[Path, bool], warm: tuple[Path, ...]) -> tuple[int, int]:
    reading, writing = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writing)
        return pid, reading
    status = 1
    try:  # the child: nothing but this, and no exit handlers of the parent's
        os.close(reading)
        for path in warm:
            _read_through(path)
        data = pickle.dumps({target: list_folder(target, stat) for target, stat in folders.items()})
        with os.fdopen(writing, "wb") as out:
            out.write(data)
        status = 0
    finally:
        os._exit(status)
