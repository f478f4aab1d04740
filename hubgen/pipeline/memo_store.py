"""The memo's kept namespaces on disk: `.hubgen-cache/memo.sqlite`, one sealed row per result.

SQLite holds data only (pickle, used before, rebuilt whatever object a file named). A row is
used when a build asks for its key, and only if its seal matches: a row edited, copied to
another key or written by anyone without the key is dropped and made again. Rendered pages
are stored as their bytes, everything else as typed JSON (`codec`). Saving writes only the
difference: results made by this build in, rows no build asked for out. A build's message
passes are encoded by the workers that make them and written as they come (`put`): encoding
them all at the end was a sixth of a cold build.
"""

from __future__ import annotations

import hmac
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from hubgen import __version__
from hubgen.errors import Problem
from hubgen.memo import Made, Namespace, seal
from hubgen.pipeline.codec import decode, encode

__all__ = ["MemoStore", "encoded_row", "save_memo"]

SCHEMA = ("CREATE TABLE memo (namespace TEXT NOT NULL, key TEXT NOT NULL, kind INTEGER NOT NULL,"
          " data BLOB NOT NULL, seal BLOB NOT NULL, PRIMARY KEY (namespace, key))")
BYTES, TYPED = 0, 1
"""Kinds of rows: a result that is bytes without problems (a page) as it is, or typed JSON."""
FORMAT = b"hubgen memo 1"
Slot = tuple[Namespace, str]


class MemoStore:
    """The rows of a memo file, for `Memo(stored=...)`: those of a namespace read at the first
    question for it, all at once (one query is faster than one per key). By namespace, not
    all at the first question: a build asks for the passes before the pages, and the pages'
    rows (a quarter of the file) waited in memory beside the passes decoded."""

    def __init__(self, path: Path, key: bytes, writes: bool = False) -> None:
        self.path, self.key = path, key
        self.sound: set[Slot] = set()
        """Rows that matched their seal or were written by `flush`: the file holds them as
        they should be."""
        self._rows: dict[str, dict[str, tuple[object, object, object]]] | None = {}
        """By namespace, by key; None once closed."""
        self._writes = writes
        self._writer: sqlite3.Connection | None = None
        self._pending: list[Slot] = []

    def take(self, namespace: Namespace, key: str) -> Made[Any] | None:
        if self._rows is None:
            return None
        rows = self._rows.get(namespace.label)
        if rows is None:
            rows = self._rows[namespace.label] = _read(self.path, namespace.label)
        row = rows.pop(key, None)
        if row is None:
            return None
        kind, data, found = row
        if type(data) is not bytes or type(found) is not bytes or type(kind) is not int:
            return None
        if not hmac.compare_digest(found, _seal(self.key, namespace, key, kind, data)):
            return None
        try:
            made = (data, ()) if kind == BYTES else _made(decode(data))
        except ValueError:
            return None
        self.sound.add((namespace, key))
        return made

    def close(self) -> None:
        self._rows = None

    def writes(self) -> bool:
        return self._writes

    def put(self, namespace: Namespace, key: str, kind: int, data: bytes) -> None:
        """Write a row in the open transaction; on any failure, stop writing: the rows not
        written are encoded again when the memo is saved, which warns if it fails too."""
        if not self._writes:
            return
        try:
            if self._writer is None:
                self.path.parent.mkdir(exist_ok=True)
                self._writer = _writable(self.path)
            row = namespace.label, key, kind, data, _seal(self.key, namespace, key, kind, data)
            self._writer.execute("INSERT OR REPLACE INTO memo VALUES (?, ?, ?, ?, ?)", row)
            self._pending.append((namespace, key))
        except (sqlite3.Error, OSError):
            self._writes = False
            self._close()
            return
        if len(self._pending) >= _BATCH:
            self.flush()

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
    try:
        # Read-only: a cache folder without write access is still read.
        db = _checked(sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True))
    except sqlite3.Error:
        return {}  # none yet, or not a memo file: every result is made
    try:
        return {key: (kind, data, found) for key, kind, data, found
                in db.execute("SELECT key, kind, data, seal FROM memo WHERE namespace = ?", (namespace,))}
    except (sqlite3.Error, TypeError):
        return {}
    finally:
        db.close()


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
                keep = {(namespace.label, slot_key) for namespace, slot_key in entries}
                stale = [row for row in db.execute("SELECT namespace, key FROM memo") if row not in keep]
                db.executemany("DELETE FROM memo WHERE namespace = ? AND key = ?", stale)
                db.executemany("INSERT OR REPLACE INTO memo VALUES (?, ?, ?, ?, ?)",
                               _rows(entries, key, sound or set()))
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise OSError(f"{path}: {exc}") from exc


def _rows(entries: dict[Slot, Made[Any]], key: bytes,
          sound: set[Slot]) -> list[tuple[str, str, int, bytes, bytes]]:
    rows = []
    for (namespace, slot_key), (value, problems) in entries.items():
        if (namespace, slot_key) in sound or (row := encoded_row(value, problems)) is None:
            continue
        kind, data = row
        rows.append((namespace.label, slot_key, kind, data, _seal(key, namespace, slot_key, kind, data)))
    return rows


def encoded_row(value: object, problems: tuple[Problem, ...]) -> tuple[int, bytes] | None:
    """Kind and data of the row that keeps a result, or None for a value the codec doesn't
    know (made again next time)."""
    if type(value) is bytes and not problems:
        return BYTES, value
    try:
        return TYPED, encode((value, problems))
    except ValueError:
        return None


def _seal(key: bytes, namespace: Namespace, slot_key: str, kind: int, data: bytes) -> bytes:
    # The version too: another hubgen may make other results from the same inputs.
    return seal(key, FORMAT, __version__.encode(), namespace.label.encode(), slot_key.encode(),
                bytes([kind]), data)


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
