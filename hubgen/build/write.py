"""Write output folders so that a failure leaves the previous ones exactly as they were."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hubgen.build.safety import MARKER
from hubgen.outputs.tree import FileTree

__all__ = ["write_folders"]


def write_folders(trees: dict[Path, FileTree], build_id: str = "", link_from: Path | None = None) -> None:
    """Write each tree to a fresh sibling folder, then swap all of them in. Files copied from
    `link_from` (hubgen's own cache, never the site's sources) are hard-linked where the file
    system allows: share images are most of a site's bytes."""
    staged: dict[Path, Path] = {}
    try:
        for target, tree in trees.items():
            staged[target] = _stage(target, tree, build_id, link_from)
    except BaseException:
        for folder in staged.values():
            shutil.rmtree(folder, ignore_errors=True)
        raise
    for target, folder in staged.items():
        _swap(target, folder)


def _stage(target: Path, tree: FileTree, build_id: str, link_from: Path | None) -> Path:
    folder = target.with_name(f".{target.name}.hubgen-new-{os.getpid()}")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text(f"Made by hubgen; replaced on every build. Build {build_id}\n",
                                 encoding="utf-8")
    made: set[Path] = set()
    for relative, data in tree.texts.items():
        _parent(folder / relative, made).write_bytes(data)
    for relative, source in tree.copies.items():
        destination = _parent(folder / relative, made)
        if link_from is not None and source.is_relative_to(link_from):
            try:
                os.link(source, destination)
                continue
            except OSError:
                pass  # another file system, or links not allowed: a copy then
        shutil.copyfile(source, destination)
    return folder


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
