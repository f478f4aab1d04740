"""What a build leaves for the next one, in `.hubgen-cache/` beside the output folders.

- A manifest: the state of every input file (path, size, modification time), the options, the
  hubgen version and the instant until which time alone changes nothing (the next embargo to
  lift, the next message to leave the news sitemap). A build whose inputs match it, while its
  output folders still carry the marker of that build, has nothing to do.
- What the last build wrote (digest, size and time of each file), so that an unchanged file
  is hard-linked from the old output instead of written again.
- The memo of the per-message work (parsed messages, snippets, views, checks, search entries)
  and of the rendered pages, so that after an edit only what the edit touches is made again
  (`memo_store`).

Nothing here is pickled: the files hold JSON and SQLite rows, each sealed with a key kept
outside the site (`memo.secret_key`), and what fails its seal is ignored and made again.
Deleting the folder is always safe: the next build is a clean one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import astuple, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hubgen import __version__
from hubgen.errors import Problem
from hubgen.filetree import DIGEST_SIZE
from hubgen.memo import Memo, seal, secret_key
from hubgen.pipeline.options import Held
from hubgen.pipeline.safety import MARKER
from hubgen.pipeline.walk import walk
from hubgen.pipeline.write import Record, Written

if TYPE_CHECKING:
    from hubgen.pipeline.memo_store import MemoStore

__all__ = ["CACHE_DIR", "BuildCache", "Manifest"]

CACHE_DIR = ".hubgen-cache"
LEGACY = ("manifest.pickle", "memo.pickle", "written.pickle")
"""Files of hubgen versions that pickled the cache: never read, removed by the next save."""


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
    held: Held = field(default_factory=Held)
    """Drafts and embargoed messages left out, for the summary (no embargo has lifted while
    the manifest holds)."""


def folder_state(public: Path, kit: Path | None) -> str:
    """Every file of public/ with size and time; the kit's by name only. Stat-ing each of the
    kit's files (a dozen per message) was most of a warm build, and it is never deployed: a
    kit file edited by hand stays until its message changes, or `hubgen build --clean`."""
    return _digest(sorted(_walk(public)) + (sorted(_walk(kit, stat=False)) if kit else ["no kit"]))


def written_state(public: Path, kit: Path | None, written: Written) -> str:
    """`folder_state` of folders just written, from the records of what was written in them
    (every file but none other, as staged): walking them again was a tenth of an edit build."""
    def recorded(folder: Path, stat: bool) -> list[str]:
        records = written.get(str(folder), {})
        if not stat:
            return sorted(f"{folder}/{path}" for path in records)
        return sorted(f"{folder}/{path}\0{size}\0{mtime}" for path, (_, size, mtime) in records.items())
    return _digest(recorded(public, True) + (recorded(kit, False) if kit else ["no kit"]))


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


def _walk(folder: Path, stat: bool = True) -> list[str]:
    """`path NUL size NUL mtime` of every file under `folder`, hidden ones too (`walk`); only
    the path without `stat`. Hidden files count: the build reads them too (an image in
    `content/.media/`, a link leading out of the site)."""
    return walk(str(folder), stat)[0]


def _digest(entries: list[str]) -> str:
    # Not memo.fingerprint: its general encoder took most of a warm build's time here.
    return hashlib.blake2b("\n".join(entries).encode("utf-8", "surrogateescape")).hexdigest()


class BuildCache:
    def __init__(self, root: Path) -> None:
        self.folder = root / CACHE_DIR
        # Apart: deciding that nothing changed must not wait for the memo to load.
        self.manifest_path = self.folder / "manifest.json"
        self.memo_path = self.folder / "memo.sqlite"
        self.written_path = self.folder / "written.json"
        self.key = secret_key()
        self._store: MemoStore | None = None
        """The memo file read by `memo()`, if it was."""

    def unchanged(self, inputs: str, now: datetime, public: Path, kit: Path | None) -> Manifest | None:
        """The last build's manifest if it still describes the outputs exactly."""
        manifest = _manifest(self._read(self.manifest_path))
        if manifest is None or manifest.inputs != inputs:
            return None
        if manifest.valid_until is not None and now >= manifest.valid_until:
            return None
        for folder in (public, kit) if kit else (public,):
            marker = folder / MARKER
            if not marker.is_file() or manifest.build_id not in marker.read_text(encoding="utf-8"):
                return None
        return manifest if folder_state(public, kit) == manifest.outputs else None

    def memo(self, writes: bool = False, lazy: bool = False) -> Memo:
        """A memo that answers from the memo file too; one that `writes` keeps there the
        results its workers encode as they are made (a build's, which saves the memo). A
        `lazy` one's results hold Blobs where they hold bytes (`MemoStore.lazy`)."""
        # Here, not at the top: the codec imports the model and views, which a build that
        # finds nothing changed never needs.
        from hubgen.pipeline.memo_store import MemoStore

        self._store = MemoStore(self.memo_path, self.key, writes, lazy)
        return Memo(self._store)

    def written(self) -> Written:
        """What the last build wrote."""
        return _written(self._read(self.written_path))

    def save(self, inputs: str, valid_until: datetime | None, summary: tuple[int, int, int, int],
             memo: Memo, build_id: str, warnings: list[Problem], outputs: tuple[Path, Path | None],
             written: Written, held: Held | None = None) -> list[Problem]:
        """Keep what the next build needs. It comes after the output folders were swapped in
        (the manifest describes them as written), so a cache that can't be saved costs the next
        build its speed, not this build its result: a warning, not an error."""
        from hubgen.pipeline.memo_store import save_memo

        manifest = Manifest(inputs, valid_until, build_id, summary, tuple(warnings),
                            written_state(*outputs, written), held or Held())
        try:
            self.folder.mkdir(exist_ok=True)
            save_memo(self.memo_path, memo.to_keep(), self.key,
                      None if self._store is None else self._store.sound)
            self._write(self.written_path, json.dumps(
                {folder: _columns(files) for folder, files in written.items()}, separators=(",", ":")))
            self._write(self.manifest_path, _manifest_json(manifest))  # last: it vouches for all
            for name in LEGACY:
                (self.folder / name).unlink(missing_ok=True)
        except OSError as exc:
            return [Problem(CACHE_DIR, 0, "cache", f"not saved, the next build redoes this one's work"
                            f" ({exc})", f"make {CACHE_DIR} writable, or delete it", "warning")]
        return []

    @staticmethod
    def new_build_id() -> str:
        return secrets.token_hex(8)

    def _read(self, path: Path) -> Any:
        """The JSON of a sealed file, or None if it is missing or fails its seal."""
        try:
            data = path.read_bytes()
            found, payload = data[:32], data[32:]
            if hmac.compare_digest(found, self._seal(path, payload)):
                return json.loads(payload)
        except (OSError, ValueError):
            pass
        return None

    def _write(self, path: Path, text: str) -> None:
        payload = text.encode()
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(self._seal(path, payload) + payload)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _seal(self, path: Path, payload: bytes) -> bytes:
        return seal(self.key, b"hubgen cache 1", __version__.encode(), path.name.encode(), payload)


def _manifest_json(manifest: Manifest) -> str:
    until = manifest.valid_until
    return json.dumps({"inputs": manifest.inputs, "valid_until": until.isoformat() if until else None,
                       "build_id": manifest.build_id, "summary": manifest.summary,
                       "warnings": [astuple(p) for p in manifest.warnings],
                       "outputs": manifest.outputs, "held": _held_json(manifest.held)},
                      ensure_ascii=False)


def _held_json(held: Held) -> list[object]:
    return [held.drafts, held.embargoed, held.next_public.isoformat() if held.next_public else None]


def _held(data: Any) -> Held:
    drafts, embargoed, instant = data if data is not None else (0, 0, None)
    return Held(int(drafts), int(embargoed), datetime.fromisoformat(instant) if instant else None)


def _manifest(data: Any) -> Manifest | None:
    try:
        until = data["valid_until"]
        summary = tuple(int(n) for n in data["summary"])
        manifest = Manifest(str(data["inputs"]), datetime.fromisoformat(until) if until else None,
                            str(data["build_id"]), (summary[0], summary[1], summary[2], summary[3]),
                            tuple(_problem(p) for p in data["warnings"]), str(data["outputs"]),
                            _held(data.get("held")))
    except (TypeError, KeyError, IndexError, ValueError):
        return None
    return manifest


def _problem(fields: list[Any]) -> Problem:
    path, line, field, message, fix, severity = fields
    if severity not in ("error", "warning"):
        raise ValueError(severity)
    return Problem(str(path), int(line), str(field), str(message), str(fix), severity)


def _columns(files: dict[str, Record]) -> dict[str, object]:
    """A folder's records as columns: a list per field, the digests as one hex string. A list
    per file was most of saving and reading them (hundreds of thousands of files)."""
    records = files.values()
    return {"paths": list(files), "digests": b"".join(digest for digest, _, _ in records).hex(),
            "sizes": [size for _, size, _ in records], "mtimes": [mtime for _, _, mtime in records]}


def _written(data: Any) -> Written:
    try:
        return {str(folder): _records(files) for folder, files in data.items()}
    except (AttributeError, TypeError, ValueError, KeyError):
        return {}


def _records(columns: dict[str, Any]) -> dict[str, Record]:
    paths, sizes, mtimes = columns["paths"], columns["sizes"], columns["mtimes"]
    digests = bytes.fromhex(columns["digests"])
    if not all(type(x) is str for x in paths) or not all(type(x) is int for x in sizes + mtimes):
        raise TypeError("not records")
    split = [digests[at:at + DIGEST_SIZE] for at in range(0, len(digests), DIGEST_SIZE)]
    if len(digests) != DIGEST_SIZE * len(paths):
        raise ValueError("a digest per file")
    return dict(zip(paths, zip(split, sizes, mtimes, strict=True), strict=True))
