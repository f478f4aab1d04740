"""Content-keyed memory of work done: rebuilds redo only what their inputs changed.

A key is a fingerprint of everything a result depends on, so a stale entry can't be found;
there is no invalidation to forget. Problems found while making a result are stored with it
and reported again on every hit, so a cached broken file stays broken.

What is kept on disk between runs (`.hubgen-cache/`) is sealed with a keyed digest whose key
lives outside the site (`seal`): an entry edited, swapped or made up there fails its seal and is
made again, so nothing in the site folder can put words into the output.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import hmac
import os
import secrets
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import cache
from pathlib import Path, PurePath
from typing import Any, Generic, Protocol, TypeVar

from hubgen.errors import Problem, Report
from hubgen.filetree import Area, Blob, digest_of

__all__ = ["Kept", "Made", "Memo", "Namespace", "Stored", "each", "fingerprint", "known_encoding",
           "remember_encoding", "seal", "secret_key"]

T = TypeVar("T")
Made = tuple[T, tuple[Problem, ...]]
"""A result with the problems found while making it."""


@dataclasses.dataclass(frozen=True)
class Kept(Generic[T]):
    """A result with its row for the memo file (`Stored.put`), encoded where it
    was made: a worker encodes while the others go on, instead of the parent at the end."""

    made: Made[T]
    row: bytes | None


def fingerprint(*parts: object) -> str:
    """A stable hash of plain data: dataclasses, mappings, sequences, text, numbers, dates.
    Callables are skipped: templates get helper functions whose behaviour the rest decides."""
    digest = hashlib.blake2b(digest_size=16)
    seen: dict[int, bytes] = {}
    for part in parts:
        digest.update(_encode(part, seen))
    return digest.hexdigest()


def _encode(value: object, seen: dict[int, bytes]) -> bytes:
    if isinstance(value, str):
        return b"s" + value.encode("utf-8", "surrogatepass") + b"\x00"
    if isinstance(value, bytes):
        return b"b" + digest_of(value)
    if isinstance(value, Blob):  # the same as its bytes: a result read lazily keys as made
        return b"b" + value.digest
    if value is None or isinstance(value, (bool, int, float)):
        return b"v" + repr(value).encode() + b"\x00"
    if isinstance(value, (datetime, date, PurePath)):
        return b"d" + (value.isoformat() if not isinstance(value, PurePath)
                       else value.as_posix()).encode() + b"\x00"
    if callable(value) and not dataclasses.is_dataclass(value):
        return b"f"
    key = id(value)
    if key not in seen:  # shared objects (the config, a message on many pages) hash once
        seen[key] = _frozen(value, seen)
    return seen[key]


def _frozen(value: object, seen: dict[int, bytes]) -> bytes:
    """Frozen dataclasses keep their encoding: a message's view is hashed once, not once per
    page and rebuild that shows it."""
    params = getattr(type(value), "__dataclass_params__", None)
    if params is None or not params.frozen or not hasattr(value, "__dict__"):
        return _encode_container(value, seen)
    cached = known_encoding(value)
    if cached is None:
        cached = _encode_container(value, seen)
        remember_encoding(value, cached)
    return cached


_REMEMBERED = "_hubgen_fingerprint"


def known_encoding(value: object) -> bytes | None:
    """What `fingerprint` remembered of a frozen dataclass. Kept with it on disk, so that a
    value read back is not hashed again: that was most of an edit build."""
    remembered: bytes | None = getattr(value, "__dict__", {}).get(_REMEMBERED)
    return remembered


def remember_encoding(value: object, encoding: bytes) -> None:
    object.__setattr__(value, _REMEMBERED, encoding)


def _encode_container(value: object, seen: dict[int, bytes]) -> bytes:
    items: list[Any]
    if isinstance(value, dict):
        items = [item for pair in value.items() for item in pair]
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else list(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = [f.name for f in dataclasses.fields(value)]
        items = [x for name in items for x in (name, getattr(value, name))]
    elif hasattr(value, "__dict__"):
        items = [x for pair in sorted(vars(value).items()) for x in pair]
    else:
        return b"r" + repr(value).encode() + b"\x00"
    inner = hashlib.blake2b(b"".join(_encode(item, seen) for item in items), digest_size=16)
    return b"c" + type(value).__name__.encode() + inner.digest()


class Namespace(enum.Enum):
    """The kinds of results the memo holds; `kept` ones are saved in the build cache on disk.
    Kept: work that is slow to redo. Rendered pages make the cache about as large as the site,
    and save re-rendering every page after an edit."""

    MESSAGE = "message", True
    PASS = "pass", True, True
    """Everything a message makes on its own (hubgen.pipeline.message_pass)."""
    SNIPPETS = "snippets", True
    CHECKS = "checks", True
    REFERENCES = "references", True
    PAGE = "page", True, True
    ICS = "ics", True
    """A message's calendar events as icalendar writes them: it folds lines a character at a
    time."""
    SHARE = "share", True
    """Share image cache entries found sound, by their file's state: reading and sealing
    twenty thousand images again was most of an edit build's share images."""
    KIT = "kit", False
    """A kit message only gathers its message and snippets (kept themselves): read back from
    disk, it would hold copies of them that each page key must hash again, which costs more
    than making it."""

    def __init__(self, label: str, kept: bool, files: bool = False) -> None:
        self.label = label
        self.kept = kept
        self.files = files
        """The bytes its results hold are files of the output, which a build writes only if
        they changed (read back as Blobs: `MemoStore.lazy`)."""


class Stored(Protocol):
    """What an earlier run kept on disk."""

    def take(self, namespace: Namespace, key: str) -> Made[Any] | None:
        """The result, or None when it isn't there or isn't sound."""

    def close(self) -> None: ...

    def writes(self) -> bool:
        """Whether rows made by this run are written as they come (`put`)."""

    def put(self, namespace: Namespace, key: str, data: bytes) -> None:
        """Keep a row for the result of `key` (known sound once `flush` has written it)."""

    def flush(self) -> None:
        """Write the rows put since the last flush."""

    def areas(self, namespace: Namespace) -> Callable[[str], Area] | None:
        """Where the files' bytes of the row put now for a key will be read from, when this
        run reads them only if needed (`Namespace.files`); None when it doesn't."""


class Memo:
    """Results by namespace and key, with the problems found while making them."""

    def __init__(self, stored: Stored | None = None, fresh: bool = False) -> None:
        self._store: dict[tuple[Namespace, str], Made[Any]] = {}
        self._used: set[tuple[Namespace, str]] = set()
        self._stored = stored
        self.fresh = fresh
        """Nothing earlier runs left may be used, not even results kept as files (share
        images): `hubgen build --clean`."""
        self.hits = 0
        self.misses = 0

    def map(self, namespace: Namespace, keys: Sequence[str], report: Report,
            make: Callable[[list[int]], Iterable[Made[T] | Kept[T]]],
            reading: Callable[[], None] | None = None) -> list[T]:
        """The result for each key: stored ones, and `make(positions)` for the keys not stored
        yet, all at once, so that it can spread them over cores (`each` makes them one by
        one). Problems are reported in key order. Results made with their row (`Kept`) go to
        the memo file as they come (`make` may give them one by one), when it `writes`.
        `reading` is called now and then while stored results are read (seconds for ten
        thousand passes): the preview stops a rebuild a save made useless there."""
        missing = []
        for i, key in enumerate(keys):
            if not self._has(namespace, key):
                missing.append(i)
            if reading and i % _READ_TICK == 0:
                reading()
        made = make(missing) if missing else ()
        for i, result in zip(missing, made, strict=True):
            if isinstance(result, Kept):
                if result.row is not None and self._stored is not None:
                    self._stored.put(namespace, keys[i], result.row)
                result = result.made
            self._store[(namespace, keys[i])] = result
        if missing and self._stored is not None:
            self._stored.flush()
        self.misses += len(missing)
        self.hits += len(keys) - len(missing)
        values = []
        for key in keys:
            self._used.add((namespace, key))
            value, problems = self._store[(namespace, key)]
            for problem in problems:
                report.add(problem)
            values.append(value)
        return values

    def _has(self, namespace: Namespace, key: str) -> bool:
        slot = (namespace, key)
        if slot in self._store:
            return True
        found = self._stored.take(namespace, key) if self._stored and namespace.kept else None
        if found is not None:
            self._store[slot] = found
        return found is not None

    def writes(self, namespace: Namespace) -> bool:
        """Whether results of `namespace` made with their row (`Kept`) are written now."""
        return namespace.kept and self._stored is not None and self._stored.writes()

    def areas(self, namespace: Namespace) -> Callable[[str], Area] | None:
        """For results of `namespace` made with their row (`Kept`): where the row's files
        will be read from once `map` has written it (`Stored.areas`), so that a result made
        elsewhere can come back with Blobs in place of its files; None when they can't."""
        return self._stored.areas(namespace) if self.writes(namespace) and self._stored else None

    def to_keep(self) -> dict[tuple[Namespace, str], Made[Any]]:
        """The results worth saving on disk, for a later run."""
        return {slot: entry for slot, entry in self._store.items() if slot[0].kept}

    def forget_unused(self) -> None:
        """Drop entries the last build didn't ask for, so memory follows the site's size. What
        earlier runs kept is offered to the first build only: after it, the memo is current."""
        self._store = {slot: entry for slot, entry in self._store.items() if slot in self._used}
        self._used = set()
        if self._stored:
            self._stored.close()
        self._stored = None


_READ_TICK = 128
"""Stored results read between two calls of `Memo.map`'s `reading`: a few milliseconds."""


def each(make: Callable[[int, Report], T]) -> Callable[[list[int]], list[Made[T]]]:
    """A `make` for `Memo.map` that makes the missing results one at a time, each with the
    problems reported while making it."""
    def made(positions: list[int]) -> list[Made[T]]:
        results = []
        for position in positions:
            report = Report()
            results.append((make(position, report), tuple(report.problems)))
        return results
    return made


# Seals ----------------------------------------------------------------------------------------

KEY_ENV = "HUBGEN_CACHE_KEY"
"""Set it (to any secret text) to share a build cache between machines, such as CI runners."""


def seal(key: bytes, *parts: bytes) -> bytes:
    """A keyed digest (HMAC-SHA256; SHA-256 runs in hardware on most CPUs, so it was faster
    here than keyed BLAKE2) of the parts, each length-prefixed so that none can move into
    another."""
    # One call: OpenSSL's one-shot HMAC, without a Python call per part (thousands per build).
    return hmac.digest(key, b"".join(len(part).to_bytes(8, "big") + part for part in parts), "sha256")


def secret_key() -> bytes:
    """The key that seals what hubgen keeps in a site's `.hubgen-cache/`. It is kept outside
    every site, in the user's cache folder, so that whoever can write a site folder (a shared
    checkout, a cache restored on CI) cannot forge an entry. Without a place to keep it, each
    run gets a key of its own: nothing kept verifies, and builds start from scratch."""
    if shared := os.environ.get(KEY_ENV):
        return hashlib.sha256(shared.encode("utf-8", "surrogateescape")).digest()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return _key_in(Path(base) / "hubgen" / "cache-key")


@cache
def _key_in(path: Path) -> bytes:
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except FileNotFoundError:
        pass
    except OSError:
        return _RUN_KEY
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent)  # mode 0600
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_bytes(32))
        try:
            os.link(temporary, path)  # atomic, and never replaces a key another run just made
        except FileExistsError:
            if len(path.read_bytes()) < 32:  # broken: replaced
                os.replace(temporary, path)
        except OSError:  # a file system without links
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        return path.read_bytes()
    except OSError:
        return _RUN_KEY


_RUN_KEY = secrets.token_bytes(32)
