"""Write output folders so that a failure leaves the previous ones exactly as they were.

Each tree is written to a staging folder beside its target (`.public.hubgen-new-PID`), then all
are swapped in. A build holds a lock on its staging folders until the swap is done, so the next
build can tell those of a killed build (no lock, no such process) and remove them
(`remove_stale`, before it decides anything).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from hubgen.filetree import FileTree
from hubgen.parallel import parallel_map
from hubgen.pipeline.safety import MARKER

__all__ = ["Written", "remove_stale", "write_folders"]

Record = tuple[bytes, int, int]
Written = dict[str, dict[str, Record]]
"""Per output folder, per file: digest, size and modification time as written. The digest is
of the bytes of a file made by the build, of path, size and time of the source of a copied
one. The next build hard-links a file it would write the same from the folder it replaces, if
the file there is still as written: linking is ten times faster than writing."""


def write_folders(trees: dict[Path, FileTree], build_id: str = "",
                  previous: Written | None = None) -> Written:
    """Write each tree to a fresh sibling folder, then swap all of them in. Copied files are
    copied, never linked to their source: a link to a site's file or to hubgen's cache would
    let an edit of the output change them."""
    staged: dict[Path, Path] = {}
    written: Written = {}
    with ExitStack() as locks:
        try:
            for target, tree in trees.items():
                staged[target], written[str(target)] = _stage(
                    target, tree, build_id, (previous or {}).get(str(target), {}), locks)
        except BaseException:
            for folder in staged.values():
                shutil.rmtree(folder, ignore_errors=True)
            raise
        _swap(staged, locks)
    return written


def _stage(target: Path, tree: FileTree, build_id: str, before: dict[str, Record],
           locks: ExitStack) -> tuple[Path, dict[str, Record]]:
    folder = _aside(target, "new")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    locks.enter_context(_locked(folder))
    (folder / MARKER).write_text(f"Made by hubgen; replaced on every build. Build {build_id}\n",
                                 encoding="utf-8")
    # Plain strings, not Path objects: a site has tens of thousands of files, and building a
    # Path per file was a third of an edit build's writing.
    job = _Job(os.fspath(folder), os.fspath(target), tree, list(tree.texts), list(tree.copies), before)
    total = len(job.texts) + len(job.copies)
    slices = [(start, min(start + _SLICE, total)) for start in range(0, total, _SLICE)]
    parts = parallel_map(_write_slice, slices, job, chunk=1, inherited=True)
    return folder, {relative: record for part in parts for relative, record in part}


_SLICE = 256
"""Files a worker writes at a time: writing is a few system calls a file, which all cores
make sooner; files that follow each other share folders, which one worker then makes."""


@dataclass(frozen=True)
class _Job:
    base: str
    old_base: str
    tree: FileTree
    texts: list[str]
    copies: list[str]
    before: dict[str, Record]

    def linked(self, relative: str, digest: bytes, destination: str) -> Record | None:
        return _linked(f"{self.old_base}/{relative}", self.before.get(relative), digest, destination)


def _write_slice(job: _Job, span: tuple[int, int]) -> list[tuple[str, Record]]:
    """The files `span` of `job` (its texts, then its copies) written or linked."""
    made: set[str] = {job.base}
    count = len(job.texts)
    return [_text(job, job.texts[i], made) if i < count else _copied(job, job.copies[i - count], made)
            for i in range(*span)]


def _text(job: _Job, relative: str, made: set[str]) -> tuple[str, Record]:
    destination = _parent(f"{job.base}/{relative}", made)
    data = job.tree.texts[relative]
    digest = hashlib.blake2b(data, digest_size=16).digest()
    return relative, job.linked(relative, digest, destination) or (digest, *_write(destination, data))


def _copied(job: _Job, relative: str, made: set[str]) -> tuple[str, Record]:
    destination = _parent(f"{job.base}/{relative}", made)
    source = job.tree.copies[relative]
    info = os.stat(source)
    digest = hashlib.blake2b(f"{source}\0{info.st_size}\0{info.st_mtime_ns}".encode(
        "utf-8", "surrogateescape"), digest_size=16).digest()
    return relative, job.linked(relative, digest, destination) or (digest, *_copy(source, destination))


def _write(path: str, data: bytes) -> tuple[int, int]:
    with open(path, "wb", buffering=0) as out:  # unbuffered: fstat sees the final size and time
        view = memoryview(data)
        while view:
            view = view[out.write(view) or 0 :]
        info = os.fstat(out.fileno())
    return info.st_size, info.st_mtime_ns


def _copy(source: Path, destination: str) -> tuple[int, int]:
    shutil.copyfile(source, destination)
    info = os.stat(destination)
    return info.st_size, info.st_mtime_ns


def _linked(old: str, record: Record | None, digest: bytes,
            destination: str) -> Record | None:
    """`record` if the old output file was made the same and is still as written (not changed
    by hand since), and is now linked to `destination`."""
    if record is None or record[0] != digest:
        return None
    try:
        info = os.stat(old)
        if (info.st_size, info.st_mtime_ns) != record[1:]:
            return None
        os.link(old, destination)
    except OSError:
        return None  # gone, another file system, or links not allowed: written then
    return record


def _parent(path: str, made: set[str]) -> str:
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


def _swap(staged: dict[Path, Path], locks: ExitStack) -> None:
    """Every old folder aside, then every new one in: renames, so no folder is ever half
    replaced, and a failure on the way moves back what was moved."""
    aside: dict[Path, Path] = {}
    placed: list[Path] = []
    try:
        for target in staged:
            if target.exists():
                locks.enter_context(_locked(target))  # ours while it waits aside for removal
                aside[target] = _aside(target, "old")
                target.rename(aside[target])
        for target, new in staged.items():
            new.rename(target)
            placed.append(target)
    except BaseException:
        for target in placed:
            target.rename(staged[target])
        for target, old in aside.items():
            old.rename(target)
        raise
    for old in aside.values():
        shutil.rmtree(old, ignore_errors=True)


def _aside(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.hubgen-{kind}-{os.getpid()}")


def remove_stale(target: Path) -> None:
    """Remove what killed builds left beside `target`: folders no running build holds. An old
    folder put aside while the target is missing (a build killed mid-swap) is put back, so
    the site has its last complete output again."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.hubgen-(new|old)-(\d+)")
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
            with _locked(entry, wait=False) as ours:
                if not ours:
                    continue  # a running build's (one whose process this one can't see)
                if found[1] == "old" and not target.exists():
                    entry.rename(target)
                else:
                    shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            continue  # not ours to open or move: left as it is


@contextmanager
def _locked(folder: Path, wait: bool = True) -> Iterator[bool]:
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
