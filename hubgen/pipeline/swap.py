"""Putting staged output folders in place so that a failure, or a kill, leaves the old ones.

A staged folder is either whole (every file of the new output: the old folder is renamed aside
and the new one in) or a patch (only the files that changed: each old file is moved aside into
an undo folder before the new one takes its place, and the files no longer made go there too).
An edit build writes a patch: it touches what changed, not the tens of thousands of files a
site has. A patch that fails on the way is undone; one a killed build left half done is undone
by the next build (`remove_stale`), from the undo folder and the list of files the patch added.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Patch", "Staged", "aside", "locked", "remove_stale", "swap", "with_folder"]

_ADDED = "added.json"
"""In an undo folder: the files the patch adds, which undoing it removes."""
_FILES = "files"
"""In an undo folder: the old files the patch replaces or removes, at their paths."""


@dataclass(frozen=True)
class Patch:
    """What a staged patch changes in its target: `placed` files come from the staging folder
    (the last one is the marker, so the folder names the new build only when it is complete),
    `removed` ones leave."""

    placed: list[str]
    removed: list[str]
    added: list[str]
    """The placed files the target does not have yet."""


@dataclass(frozen=True)
class Staged:
    folder: Path
    patch: Patch | None = None
    """None for a whole folder."""


def swap(staged: dict[Path, Staged], locks: ExitStack) -> None:
    """Every target replaced or patched; a failure on the way puts back what was done."""
    undo: list[tuple[Path, Staged, Path]] = []
    try:
        for target, new in staged.items():
            if target.exists():
                locks.enter_context(locked(target))  # ours while it is replaced
            old = aside(target, "old" if new.patch is None else "undo")
            undo.append((target, new, old))
            if new.patch is None:
                _replace(target, new.folder, old)
            else:
                _patch(target, new.folder, old, new.patch, locks)
    except BaseException:
        for target, new, old in reversed(undo):
            if new.patch is None:
                _undo_replace(target, new.folder, old)
            else:
                undo_patch(target, old)
                shutil.rmtree(old, ignore_errors=True)
        raise
    for _, new, old in undo:
        shutil.rmtree(old, ignore_errors=True)
        if new.patch is not None:
            shutil.rmtree(new.folder, ignore_errors=True)  # emptied but for its folders


def _replace(target: Path, new: Path, old: Path) -> None:
    if target.exists():
        target.rename(old)
    new.rename(target)


def _undo_replace(target: Path, new: Path, old: Path) -> None:
    if target.exists() and not new.exists():  # the new one is in: back to where it was
        target.rename(new)
    if old.exists():
        old.rename(target)


def _patch(target: Path, new: Path, old: Path, patch: Patch, locks: ExitStack) -> None:
    files = old / _FILES
    shutil.rmtree(old, ignore_errors=True)
    files.mkdir(parents=True)
    locks.enter_context(locked(old))
    (old / _ADDED).write_text(json.dumps(patch.added), encoding="utf-8")  # before any move
    base, undo_base = os.fspath(target), os.fspath(files)
    made = {base, undo_base}
    added = set(patch.added)
    for relative in patch.removed:
        _keep(f"{base}/{relative}", f"{undo_base}/{relative}", made)
    for relative in patch.placed:
        if relative not in added:
            _keep(f"{base}/{relative}", f"{undo_base}/{relative}", made)
        _move(f"{new}/{relative}", f"{base}/{relative}", made)
    for relative in patch.removed:
        _prune(base, relative)


def undo_patch(target: Path, old: Path) -> None:
    """The target as it was before the patch whose undo folder is `old`, however far it got."""
    base, files = os.fspath(target), old / _FILES
    try:
        added = [str(path) for path in json.loads((old / _ADDED).read_text(encoding="utf-8"))]
    except (OSError, ValueError):
        added = []  # killed before the list was written: no file was moved yet
    for relative in added:
        with suppress(OSError):
            os.unlink(f"{base}/{relative}")
        _prune(base, relative)
    made = {base}
    for folder, _, names in os.walk(files):
        for name in names:
            source = os.path.join(folder, name)
            _move(source, f"{base}/{os.path.relpath(source, files)}", made)


def _keep(old: str, undo: str, made: set[str]) -> None:
    """An old file moved into the undo folder; one removed by hand meanwhile has nothing to keep."""
    with suppress(FileNotFoundError):
        _move(old, undo, made)


def _move(source: str, destination: str, made: set[str]) -> None:
    os.replace(source, with_folder(destination, made))


def with_folder(path: str, made: set[str]) -> str:
    """`path`, its folder made if it is not in `made` (the folders known to be there, the base
    one at least) yet."""
    parent = path.rpartition("/")[0]
    if parent not in made:
        _folder(parent, made)
    return path


def _folder(folder: str, made: set[str]) -> None:
    """Mostly one mkdir: the files come folder by folder, so the parent is usually made already
    (os.makedirs looks at every level first, which took a tenth of a build with short links)."""
    above = folder.rpartition("/")[0]
    if above not in made:
        _folder(above, made)
    with suppress(FileExistsError):
        os.mkdir(folder)
    made.add(folder)


def _prune(base: str, relative: str) -> None:
    """The folders of `relative` that it left empty, as a clean build would not make them."""
    parts = relative.split("/")[:-1]
    while parts:
        try:
            os.rmdir(f"{base}/{'/'.join(parts)}")
        except OSError:
            return  # not empty (or gone): nor is anything above
        parts.pop()


def aside(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.hubgen-{kind}-{os.getpid()}")


def remove_stale(target: Path) -> None:
    """Remove what killed builds left beside `target`: folders no running build holds. An old
    folder put aside while the target is missing (a build killed mid-swap) is put back, so
    the site has its last complete output again; a half-applied patch is undone."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.hubgen-(new|old|undo)-(\d+)")
    try:
        entries = sorted(target.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if found is None or entry.is_symlink() or not entry.is_dir():
            continue
        pid = int(found[2])
        # A live process of that number may be a build about to lock a folder it just made.
        if pid != os.getpid() and _alive(pid):
            continue
        try:
            with locked(entry, wait=False) as ours:
                if not ours:
                    continue  # a running build's (one whose process this one can't see)
                if found[1] == "old" and not target.exists():
                    entry.rename(target)
                    continue
                if found[1] == "undo" and target.is_dir():
                    undo_patch(target, entry)
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            continue  # not ours to open or move: left as it is


@contextmanager
def locked(folder: Path, wait: bool = True) -> Iterator[bool]:
    """An exclusive lock on `folder`, held inside the block; without `wait`, False when another
    process holds it. The lock goes with the folder through renames, and with the process
    when it dies."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(handle)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's
    return True
