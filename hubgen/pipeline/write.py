"""Write output folders so that a failure leaves the previous ones exactly as they were."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from hubgen.filetree import FileTree
from hubgen.pipeline.safety import MARKER

__all__ = ["Written", "write_folders"]

Written = dict[str, dict[str, tuple[bytes, int, int]]]
"""Per output folder, per file made from bytes: digest, size and modification time as written.
The next build hard-links a file it would write with the same bytes from the folder it
replaces, if the file there is still as written: linking is ten times faster than writing."""


def write_folders(trees: dict[Path, FileTree], build_id: str = "", link_from: Path | None = None,
                  previous: Written | None = None) -> Written:
    """Write each tree to a fresh sibling folder, then swap all of them in. Files copied from
    `link_from` (hubgen's own cache, never the site's sources) are hard-linked where the file
    system allows: share images are most of a site's bytes."""
    staged: dict[Path, Path] = {}
    written: Written = {}
    try:
        for target, tree in trees.items():
            staged[target], written[str(target)] = _stage(
                target, tree, build_id, link_from, (previous or {}).get(str(target), {}))
    except BaseException:
        for folder in staged.values():
            shutil.rmtree(folder, ignore_errors=True)
        raise
    for target, folder in staged.items():
        _swap(target, folder)
    return written


def _stage(target: Path, tree: FileTree, build_id: str, link_from: Path | None,
           before: dict[str, tuple[bytes, int, int]]) -> tuple[Path, dict[str, tuple[bytes, int, int]]]:
    folder = target.with_name(f".{target.name}.hubgen-new-{os.getpid()}")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text(f"Made by hubgen; replaced on every build. Build {build_id}\n",
                                 encoding="utf-8")
    made: set[Path] = set()
    written = {}
    for relative, data in tree.texts.items():
        destination = _parent(folder / relative, made)
        digest = hashlib.blake2b(data, digest_size=16).digest()
        old = before.get(relative)
        if old is not None and old[0] == digest and _link_if_as_written(target / relative, old, destination):
            written[relative] = old
        else:
            written[relative] = (digest, *_write(destination, data))
    for relative, source in tree.copies.items():
        destination = _parent(folder / relative, made)
        if not (link_from is not None and source.is_relative_to(link_from) and _link(source, destination)):
            shutil.copyfile(source, destination)
    return folder, written


def _write(path: Path, data: bytes) -> tuple[int, int]:
    with path.open("wb", buffering=0) as out:  # unbuffered: fstat sees the final size and time
        view = memoryview(data)
        while view:
            view = view[out.write(view) or 0 :]
        info = os.fstat(out.fileno())
    return info.st_size, info.st_mtime_ns


def _link_if_as_written(old: Path, record: tuple[bytes, int, int], destination: Path) -> bool:
    """Link the old output file unless it was changed by hand since it was written."""
    try:
        info = os.stat(old)
    except OSError:
        return False
    return (info.st_size, info.st_mtime_ns) == record[1:] and _link(old, destination)


def _link(source: Path, destination: Path) -> bool:
    try:
        os.link(source, destination)
    except OSError:
        return False  # another file system, or links not allowed: a copy then
    return True


def _parent(path: Path, made: set[Path]) -> Path:
    if path.parent not in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        made.add(path.parent)
    return path


def _swap(target: Path, new: Path) -> None:
    """Two renames: the old folder is never half-replaced."""
    old = target.with_name(f".{target.name}.hubgen-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
