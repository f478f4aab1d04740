"""What a build leaves for the next one, in `.hubgen-cache/` beside the output folders.

- A manifest: the state of every input file (path, size, modification time), the options, the
  hubgen version and the instant until which time alone changes nothing (the next embargo to
  lift, the next message to leave the news sitemap). A build whose inputs match it, while its
  output folders still carry the marker of that build, has nothing to do.
- What the last build wrote (digest, size and time of each file), so that an unchanged file
  is hard-linked from the old output instead of written again.
- The memo of the per-message work (parsed messages, snippets, views, checks, search entries)
  and of the rendered pages, so that after an edit only what the edit touches is made again.

Deleting the folder is always safe: the next build is a clean one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hubgen import __version__
from hubgen.errors import Problem
from hubgen.memo import Memo
from hubgen.pipeline.safety import MARKER
from hubgen.pipeline.write import Written

__all__ = ["CACHE_DIR", "BuildCache", "Manifest"]

CACHE_DIR = ".hubgen-cache"
KEPT = ("message", "snippets", "view", "checks", "search", "references", "page", "ics")
"""Memo namespaces worth keeping on disk: work that is slow to redo. Rendered pages make the
cache about as large as the site, and save re-rendering every page after an edit."""


@dataclass(frozen=True)
class Manifest:
    inputs: str
    """Fingerprint of the input files' states, the options and the version."""
    valid_until: datetime | None
    build_id: str
    summary: tuple[int, int, int, int]
    """Messages, published, pages and files of that build, for the one-line report."""
    warnings: tuple[Problem, ...] = ()
    """Shown again: an unchanged site still has them."""
    outputs: str = ""
    """State of the output folders as written: a file changed or added by hand there means
    the folders must be made anew."""


def folder_state(public: Path, kit: Path) -> str:
    """Every file of public/ with size and time; the kit's by name only. Stat-ing each of the
    kit's files (a dozen per message) was most of a warm build, and it is never deployed: a
    kit file edited by hand stays until its message changes, or `hubgen build --clean`."""
    return _digest(sorted(_walk(public, hidden=True)) + sorted(_walk(kit, hidden=True, stat=False)))


def input_state(folders: list[Path], files: list[Path], options: object) -> str:
    """Path, size and modification time of every input: what `make` trusts, and cheap enough to
    check thousands of files in a few milliseconds."""
    entries = [__version__, repr(options)]
    for folder in folders:
        entries += sorted(_walk(folder))
    for path in files:
        info = path.stat() if path.exists() else None
        entries.append(f"{path}\0{info.st_size if info else -1}\0{info.st_mtime_ns if info else -1}")
    return _digest(entries)


def _walk(folder: Path, hidden: bool = False, stat: bool = True) -> list[str]:
    """`path NUL size NUL mtime` of every file under `folder`, as os.walk finds them (symlinked
    folders not followed); only the path without `stat`."""
    found, pending = [], [str(folder)]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue  # not there (yet), or gone meanwhile
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if hidden or not entry.name.startswith("."):
                        pending.append(entry.path)
                elif entry.is_dir():
                    continue  # a link to a folder, not followed
                elif stat:
                    info = entry.stat()
                    found.append(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}")
                else:
                    found.append(entry.path)
            except OSError:
                continue  # a dangling link, or removed while we looked
    return found


def _digest(entries: list[str]) -> str:
    # Not memo.fingerprint: its general encoder took most of a warm build's time here.
    return hashlib.blake2b("\n".join(entries).encode("utf-8", "surrogateescape")).hexdigest()


class BuildCache:
    def __init__(self, root: Path) -> None:
        self.folder = root / CACHE_DIR
        # Two files: deciding that nothing changed must not wait for the memo to load.
        self.manifest_path = self.folder / "manifest.pickle"
        self.memo_path = self.folder / "memo.pickle"
        self.written_path = self.folder / "written.pickle"

    @staticmethod
    def _load(path: Path) -> Any:
        try:
            with path.open("rb") as file:
                return pickle.load(file)
        except Exception:
            return None

    def unchanged(self, inputs: str, now: datetime, public: Path, kit: Path) -> Manifest | None:
        """The last build's manifest if it still describes the outputs exactly."""
        manifest = self._load(self.manifest_path)
        if not isinstance(manifest, Manifest) or manifest.inputs != inputs:
            return None
        if manifest.valid_until is not None and now >= manifest.valid_until:
            return None
        for folder in (public, kit):
            marker = folder / MARKER
            if not marker.is_file() or manifest.build_id not in marker.read_text(encoding="utf-8"):
                return None
        return manifest if folder_state(public, kit) == manifest.outputs else None

    def memo(self) -> Memo:
        memo = Memo()
        entries = self._load(self.memo_path)
        if isinstance(entries, dict):
            memo.restore(entries)
        return memo

    def written(self) -> Written:
        """What the last build wrote."""
        written = self._load(self.written_path)
        return written if isinstance(written, dict) else {}

    def save(self, inputs: str, valid_until: datetime | None, summary: tuple[int, int, int, int],
             memo: Memo, build_id: str, warnings: list[Problem], outputs: tuple[Path, Path],
             written: Written) -> None:
        self.folder.mkdir(exist_ok=True)
        manifest = Manifest(inputs, valid_until, build_id, summary, tuple(warnings),
                            folder_state(*outputs))
        for path, value in ((self.memo_path, memo.entries(KEPT)), (self.written_path, written),
                            (self.manifest_path, manifest)):
            temporary = path.with_suffix(".tmp")
            with temporary.open("wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(path)

    @staticmethod
    def new_build_id() -> str:
        return secrets.token_hex(8)
