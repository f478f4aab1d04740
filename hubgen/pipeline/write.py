"""Write output folders so that a failure leaves the previous ones exactly as they were.

Each tree is written to a staging folder beside its target (`.public.hubgen-new-PID`), then all
are put in place (`swap`). A build holds a lock on its staging folders until then, so the next
build can tell those of a killed build (no lock, no such process) and remove them
(`remove_stale`, before it decides anything).

After a first build, the staging folder holds only the files that changed since (a patch); the
others stay where they are. Without a record of the last build, the staging folder holds the
whole tree, files unchanged since hard-linked from the old folder.
"""

from __future__ import annotations

import os
import shutil
import stat
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from hubgen.filetree import Blob, FileTree, digest_of
from hubgen.parallel import parallel_map
from hubgen.pipeline.listing import UNSTATED, Early, Listing, list_folder
from hubgen.pipeline.safety import MARKER
from hubgen.pipeline.swap import Patch, Staged, aside, locked, swap, with_folder

__all__ = ["Record", "Written", "write_folders"]

Record = tuple[bytes, int, int]
Written = dict[str, dict[str, Record]]
"""Per output folder, per file: digest, size and modification time as written. The digest is
of the bytes of a file made by the build, of path, size and time of the source of a copied
one. The next build leaves a file it would write the same where it is (or hard-links it from
the folder it replaces) if the file there is still as written."""


def write_folders(trees: dict[Path, FileTree], build_id: str = "",
                  previous: Written | None = None, by_name: frozenset[Path] = frozenset(),
                  listed: Early | None = None) -> Written:
    """Write each tree to a fresh sibling folder, then swap all of them in. Copied files are
    copied, never linked to their source: a link to a site's file or to hubgen's cache would
    let an edit of the output change them. In the folders `by_name` (the kit), a file read
    back from the cache is left as it is if one of its name is there, as `folder_state` finds
    them: stat-ing each of the kit's files was a third of an edit build's writing. `listed`:
    the folders as listed at the start of the build."""
    staged: dict[Path, Staged] = {}
    written: Written = {}
    with ExitStack() as locks:
        try:
            for target, tree in trees.items():
                staged[target], written[str(target)] = _stage(
                    target, tree, build_id, (previous or {}).get(str(target), {}), locks,
                    target in by_name, listed)
            swap(staged, locks)
        except BaseException:
            for folder in staged.values():
                shutil.rmtree(folder.folder, ignore_errors=True)
            raise
    return written


def _stage(target: Path, tree: FileTree, build_id: str, before: dict[str, Record],
           locks: ExitStack, by_name: bool = False,
           listed: Early | None = None) -> tuple[Staged, dict[str, Record]]:
    """The tree staged as a patch of `target` if the last build's records describe it, else
    whole."""
    listing = _listing(target, not by_name, listed) if before and target.is_dir() else None
    folder = aside(target, "new")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    locks.enter_context(locked(folder))
    marker = f"Made by hubgen; replaced on every build. Build {build_id}\n".encode()
    marker_record = (digest_of(marker),
                     *_write(f"{folder}/{MARKER}", marker))
    kept = _found(tree, before, listing[0]) if listing is not None else {}
    # Plain strings, not Path objects: a site has tens of thousands of files, and building a
    # Path per file was a third of an edit build's writing.
    job = _Job(os.fspath(folder), os.fspath(target), tree,
               [relative for relative in tree.texts if relative not in kept], list(tree.copies),
               before, patch=listing is not None)
    total = len(job.texts) + len(job.copies)
    slices = [(start, min(start + _SLICE, total)) for start in range(0, total, _SLICE)]
    parts = parallel_map(_write_slice, slices, job, chunk=1, inherited=True)
    records = kept | {relative: record for part in parts for relative, record, _ in part}
    records[MARKER] = marker_record
    if listing is None:
        return Staged(folder), records
    placed = [relative for part in parts for relative, _, staged in part if staged] + [MARKER]
    patch = _patch(placed, records, *listing)
    if patch is None:  # a file where a folder was, or the other way round: staged whole
        shutil.rmtree(folder, ignore_errors=True)
        return _stage(target, tree, build_id, {}, locks, by_name)
    return Staged(folder, patch), records


def _found(tree: FileTree, before: dict[str, Record],
           files: dict[str, tuple[int, int] | None]) -> dict[str, Record]:
    """The records of the files of `tree` known by digest (Blobs) that the target holds as they
    were written: left there, without a worker. In an edit build they are nearly all files,
    which the workers stat-ed one by one before. A file not stat-ed (`UNSTATED`: the kit's) is
    taken as written only if its bytes were read back from the cache: a message made anew
    writes all its files again, one edited by hand too."""
    kept = {}
    for relative, data in tree.texts.items():
        if isinstance(data, Blob) and (record := before.get(relative)) is not None \
                and record[0] == data.digest and (state := files.get(relative)) is not None \
                and (state == record[1:] or (state == UNSTATED and not data.fresh)):
            kept[relative] = record
    return kept


def _listing(target: Path, stat: bool, listed: Early | None) -> Listing:
    return (listed.take(target, stat) if listed else None) or list_folder(target, stat)


def _patch(placed: list[str], records: dict[str, Record], files: dict[str, tuple[int, int] | None],
           folders: set[str]) -> Patch | None:
    """The patch that turns the target (its `files` and `folders`) into the tree, if every
    placed file goes where a file is or nothing is."""
    removed = sorted(files.keys() - records.keys())
    for relative in placed:
        parts = relative.split("/")
        if relative in folders or any("/".join(parts[:n]) in files for n in range(1, len(parts))):
            return None
    return Patch(placed, removed, [relative for relative in placed if relative not in files])


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
    patch: bool
    """Files as they were are left in the old folder, not linked."""

    def kept(self, relative: str, digest: bytes, destination: str, made: set[str]) -> Record | None:
        """The record of `relative` if the old folder has it as it would be written (and it is
        now linked to `destination`, unless the old folder is patched)."""
        record = self.before.get(relative)
        if record is None or record[0] != digest:
            return None
        old = f"{self.old_base}/{relative}"
        return _kept(old, record, None if self.patch else destination, made)


Done = tuple[str, Record, bool]
"""A file's path, record and whether it was written to the staging folder."""


def _write_slice(job: _Job, span: tuple[int, int]) -> list[Done]:
    """The files `span` of `job` (its texts, then its copies) written or kept."""
    made: set[str] = {job.base}
    count = len(job.texts)
    return [_text(job, job.texts[i], made) if i < count else _copied(job, job.copies[i - count], made)
            for i in range(*span)]


def _text(job: _Job, relative: str, made: set[str]) -> Done:
    destination = f"{job.base}/{relative}"
    data = job.tree.texts[relative]
    digest = data.digest if isinstance(data, Blob) else digest_of(data)
    if (record := job.kept(relative, digest, destination, made)) is not None:
        return relative, record, not job.patch
    if isinstance(data, Blob):
        data = data.read()
    return relative, (digest, *_write(with_folder(destination, made), data)), True


def _copied(job: _Job, relative: str, made: set[str]) -> Done:
    destination = f"{job.base}/{relative}"
    source = job.tree.copies[relative]
    info = os.stat(source)
    digest = digest_of(f"{source}\0{info.st_size}\0{info.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    if (record := job.kept(relative, digest, destination, made)) is not None:
        return relative, record, not job.patch
    return relative, (digest, *_copy(source, with_folder(destination, made))), True


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


def _kept(old: str, record: Record, destination: str | None, made: set[str]) -> Record | None:
    """`record` if the old output file is still a file as written (not changed by hand since),
    and is now linked to `destination` if there is one."""
    try:
        info = os.lstat(old)
        if not stat.S_ISREG(info.st_mode) or (info.st_size, info.st_mtime_ns) != record[1:]:
            return None
        if destination is not None:
            with_folder(destination, made)
            os.link(old, destination)
    except OSError:
        return None  # gone, another file system, or links not allowed: written then
    return record
