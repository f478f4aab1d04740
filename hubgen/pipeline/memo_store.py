"""The memo's kept namespaces on disk: `.hubgen-cache/memo.sqlite`, one sealed row per result.

SQLite holds data only (pickle, used before, rebuilt whatever object a file named). A row is
used when a build asks for its key, and only if its seal matches: a row edited, copied to
another key or written by anyone without the key is dropped and made again. Rendered pages
are typed JSON (`codec`); the bytes of output files in a result (rendered pages) are a row of
their own beside it (`TAIL`), which a build reads only for a file it has to write (`Blob`): an
edit build writes few. Saving writes only the difference: results made by this build in, rows
no build asked for out. A build's message passes are encoded by the workers that make them and
written as they come (`put`): encoding them all at the end was a sixth of a cold build.
"""

from __future__ import annotations

import hmac
import os
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from hubgen import __version__
from hubgen.errors import Problem
from hubgen.filetree import Area, BlobMissing
from hubgen.memo import Made, Namespace, seal
from hubgen.pipeline.codec import decode, encode, split

__all__ = ["MemoStore", "encoded_row", "lazy_made", "save_memo"]

SCHEMA = ("CREATE TABLE memo (namespace TEXT NOT NULL, key TEXT NOT NULL, kind INTEGER NOT NULL,"
          " data BLOB NOT NULL, seal BLOB NOT NULL, PRIMARY KEY (namespace, key))")
BYTES, TYPED = 0, 1
"""Kinds of rows: a result's bytes (`TAIL`), the result as typed JSON."""
FORMAT = b"hubgen memo 3"
TAIL = ":bytes"
"""The namespace of the row of a result's file bytes is the result's with this after it."""
Slot = tuple[Namespace, str]
Row = tuple[str, str, int, bytes, bytes]
"""Namespace, key, kind, data, seal."""


class MemoStore:
    """The rows of a memo file, for `Memo(stored=...)`: those of a namespace read at the first
    question for it, all at once (one query is faster than one per key). By namespace, not
    all at the first question: a build asks for the passes before the pages, and the pages'
    rows (a quarter of the file) waited in memory beside the passes decoded."""

    def __init__(self, path: Path, key: bytes, writes: bool = False, lazy: bool = False) -> None:
        self.path, self.key, self.lazy = path, key, lazy
        """Files in results (`Namespace.files`) are Blobs, read if needed (a build's), not read
        with them (the preview's: it serves them, and another build may remove them
        meanwhile)."""
        self.sound: set[Slot] = set()
        """Rows that matched their seal or were written by `flush`: the file holds them as
        they should be."""
        self._rows: dict[str, dict[str, tuple[object, object, object]]] | None = {}
        """By namespace, by key; None once closed."""
        self._writes = writes
        self._writer: sqlite3.Connection | None = None
        self._pending: list[Slot] = []

    def take(self, namespace: Namespace, key: str) -> Made[Any] | None:
        row = self._row(namespace.label, key)
        if row is None:
            return None
        kind, data = row
        if kind != TYPED:
            return None
        lazy = self.lazy and namespace.files
        tail = self._row(namespace.label + TAIL, key) if namespace.files and not lazy else None
        try:
            made = _made(decode(data if tail is None else b"\0".join([data, tail[1]]),
                                _Tail(self.path, self.key, namespace.label + TAIL, key) if lazy else None))
        except ValueError:
            return None
        self.sound.add((namespace, key))
        return made

    def _row(self, label: str, key: str) -> tuple[int, bytes] | None:
        """Kind and data of a row that matches its seal."""
        if self._rows is None:
            return None
        rows = self._rows.get(label)
        if rows is None:
            rows = self._rows[label] = _read(self.path, label)
        return _sound(self.key, label, key, rows.pop(key, None))

    def close(self) -> None:
        self._rows = None

    def writes(self) -> bool:
        return self._writes

    def put(self, namespace: Namespace, key: str, data: bytes) -> None:
        """Write a row in the open transaction; on any failure, stop writing: the rows not
        written are encoded again when the memo is saved, which warns if it fails too."""
        if not self._writes:
            return
        try:
            if self._writer is None:
                self.path.parent.mkdir(exist_ok=True)
                self._writer = _writable(self.path)
            self._writer.executemany("INSERT OR REPLACE INTO memo VALUES (?, ?, ?, ?, ?)",
                                     _sealed(self.key, namespace, key, data))
            self._pending.append((namespace, key))
        except (sqlite3.Error, OSError):
            self._writes = False
            self._close()
            return
        if len(self._pending) >= _BATCH:
            self.flush()

    def areas(self, namespace: Namespace) -> Callable[[str], Area] | None:
        if not (self.lazy and self._writes and namespace.files):
            return None
        return partial(_Tail, self.path, self.key, namespace.label + TAIL, fresh=True)

    def flush(self) -> None:
        """Commit the rows put, and close: the file is not held between a build's phases."""
        if self._writer is None:
            return
        try:
            self._writer.commit()
            self.sound.update(self._pending)
        except sqlite3.Error:
            self._writes = False
        self._close()

    def _close(self) -> None:
        if self._writer is not None:
            self._writer.close()  # what was not committed is rolled back
        self._writer, self._pending = None, []


_BATCH = 256
"""Rows per transaction: another build (one in another terminal) waits for the file no
longer than that takes."""


def _read(path: Path, namespace: str) -> dict[str, tuple[object, object, object]]:
    """The rows of `namespace`, by key: kind, data and seal."""
    try:
        db = _read_only(path)
    except sqlite3.Error:
        return {}  # none yet, or not a memo file: every result is made
    try:
        return {key: (kind, data, found) for key, kind, data, found in
                db.execute("SELECT key, kind, data, seal FROM memo WHERE namespace = ?", (namespace,))}
    except (sqlite3.Error, TypeError):
        return {}
    finally:
        db.close()


def _read_only(path: Path) -> sqlite3.Connection:
    # Read-only: a cache folder without write access is still read.
    return _checked(sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True))


def save_memo(path: Path, entries: dict[Slot, Made[Any]], key: bytes,
              sound: set[Slot] | None) -> None:
    """Make the file hold exactly `entries`; rows in `sound` are known to be as they should be
    (None: nothing is known, the file is made anew). OSError if that fails."""
    try:
        if sound is None:
            _remove(path)
        db = _writable(path)
        try:
            with db:  # one transaction: a build killed meanwhile leaves the file as it was
                keep = {(namespace.label + tail, slot_key) for namespace, slot_key in entries
                        for tail in ("", TAIL)}
                stale = [row for row in db.execute("SELECT namespace, key FROM memo") if row not in keep]
                db.executemany("DELETE FROM memo WHERE namespace = ? AND key = ?", stale)
                db.executemany("INSERT OR REPLACE INTO memo VALUES (?, ?, ?, ?, ?)",
                               _rows(entries, key, sound or set()))
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise OSError(f"{path}: {exc}") from exc


def _rows(entries: dict[Slot, Made[Any]], key: bytes, sound: set[Slot]) -> list[Row]:
    rows = []
    for (namespace, slot_key), (value, problems) in entries.items():
        if (namespace, slot_key) in sound or (row := encoded_row(value, problems)) is None:
            continue
        rows += _sealed(key, namespace, slot_key, row)
    return rows


def _sealed(key: bytes, namespace: Namespace, slot_key: str, data: bytes) -> list[Row]:
    """The rows that keep a result: the output files' bytes apart (`TAIL`)."""
    text, tail = split(data) if namespace.files else (data, None)
    parts = [(namespace.label, text, TYPED)]
    if tail is not None:
        parts.append((namespace.label + TAIL, tail, BYTES))
    return [(label, slot_key, part_kind, part, _seal(key, label, slot_key, part_kind, part))
            for label, part, part_kind in parts]


def lazy_made(row: bytes, area: Area) -> Made[Any]:
    """The result `row` keeps, its files as Blobs read from `area` (`MemoStore.areas`): what a
    later build would read back. A worker sends that instead of the files themselves, which
    would wait in the parent's memory until they are written."""
    return _made(decode(split(row)[0], area))


def encoded_row(value: object, problems: tuple[Problem, ...]) -> bytes | None:
    """The data of the row that keeps a result, or None for a value the codec doesn't know
    (made again next time)."""
    try:
        return encode((value, problems))
    except ValueError:
        return None


def _seal(key: bytes, label: str, slot_key: str, kind: int, data: bytes) -> bytes:
    # The version too: another hubgen may make other results from the same inputs.
    return seal(key, FORMAT, __version__.encode(), label.encode(), slot_key.encode(),
                bytes([kind]), data)


def _sound(key: bytes, label: str, slot_key: str,
           row: tuple[object, object, object] | None) -> tuple[int, bytes] | None:
    """Kind and data of a row read, if it matches its seal."""
    if row is None:
        return None
    kind, data, found = row
    if type(data) is not bytes or type(found) is not bytes or type(kind) is not int:
        return None
    if not hmac.compare_digest(found, _seal(key, label, slot_key, kind, data)):
        return None
    return kind, data


class _Tail:
    """A typed row's bytes, read at a Blob read (by a worker of the write, often)."""

    def __init__(self, path: Path, key: bytes, label: str, slot_key: str, fresh: bool = False) -> None:
        self._path, self._key, self._label, self._slot_key = path, key, label, slot_key
        self.fresh = fresh

    def bytes(self) -> memoryview:
        slot = (self._path, self._label, self._slot_key)
        if (known := _RECENT.get(slot)) is not None:
            return known
        found = _one_row(self._path, self._label, self._slot_key)
        row = _sound(self._key, self._label, self._slot_key, found)
        if row is None:
            raise BlobMissing(f"{self._path}: {self._label} {self._slot_key}")
        if len(_RECENT) >= _RECENT_ROWS:
            del _RECENT[next(iter(_RECENT))]
        _RECENT[slot] = view = memoryview(row[1])
        return view


def _one_row(path: Path, label: str, slot_key: str) -> tuple[object, object, object] | None:
    """Kind, data and seal of one row, through this process's connection to the file: one
    connection (and schema check) per row was most of reading it, for the ten thousand rows a
    cold build's writers read."""
    try:
        info = path.stat()
        slot = (os.getpid(), path, info.st_dev, info.st_ino)  # not across a fork, nor a new file
        db = _READERS.get(slot)
        if db is None:
            for old in [s for s in _READERS if s[:2] == slot[:2]]:
                _READERS.pop(old).close()
            db = _READERS[slot] = _read_only(path)
        found = db.execute("SELECT kind, data, seal FROM memo WHERE namespace = ? AND key = ?",
                           (label, slot_key)).fetchone()
    except (OSError, sqlite3.Error):
        return None
    return None if found is None else (found[0], found[1], found[2])


_READERS: dict[tuple[int, Path, int, int], sqlite3.Connection] = {}
_RECENT: dict[tuple[Path, str, str], memoryview] = {}
"""The rows read last: a message's files are written one after another. A few only: each
row kept by its Blobs held the bytes of every file a writer had written."""
_RECENT_ROWS = 8


def _made(value: object) -> Made[Any]:
    if (type(value) is tuple and len(value) == 2 and type(value[1]) is tuple
            and all(type(p) is Problem for p in value[1])):
        return value[0], value[1]
    raise ValueError("not a result with its problems")


def _checked(db: sqlite3.Connection) -> sqlite3.Connection:
    """`db` if it is a memo file of this form; sqlite3.DatabaseError otherwise. A made-up file
    could hold triggers or views: schema functions are not trusted, and nothing but the one
    table may be there."""
    try:
        db.execute("PRAGMA trusted_schema = OFF")
        db.execute("PRAGMA cell_size_check = ON")
        found = db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
        if found != [(SCHEMA,)]:
            raise sqlite3.DatabaseError("not a memo file")
    except sqlite3.Error:
        db.close()
        raise
    return db


def _writable(path: Path) -> sqlite3.Connection:
    """The memo file, made anew if it is missing or not a memo file."""
    try:
        return _checked(sqlite3.connect(path))
    except sqlite3.OperationalError:
        raise  # locked by another build, or read-only: not ours to replace
    except sqlite3.DatabaseError:
        _remove(path)
        db = sqlite3.connect(path)
        db.execute("PRAGMA auto_vacuum = FULL")  # pages of removed rows are given back
        db.execute(SCHEMA)
        return _checked(db)


def _remove(path: Path) -> None:
    # The journal too: SQLite would play a journal left by a killed build into the new file.
    for name in (path.name, path.name + "-journal"):
        path.with_name(name).unlink(missing_ok=True)
