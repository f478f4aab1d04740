"""Content-keyed memory of work done: rebuilds redo only what their inputs changed.

A key is a fingerprint of everything a result depends on, so a stale entry can't be found;
there is no invalidation to forget. Problems found while making a result are stored with it
and reported again on every hit, so a cached broken file stays broken.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import PurePath
from typing import Any, TypeVar

from hubgen.errors import Problem, Report

__all__ = ["Memo", "fingerprint"]

T = TypeVar("T")


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
        return b"b" + hashlib.blake2b(value, digest_size=16).digest()
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
    cached: bytes | None = vars(value).get("_hubgen_fingerprint")
    if cached is None:
        cached = _encode_container(value, seen)
        object.__setattr__(value, "_hubgen_fingerprint", cached)
    return cached


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


class Memo:
    """Results by namespace and key, with the problems found while making them."""

    def __init__(self) -> None:
        self._store: dict[tuple[str, str], tuple[Any, tuple[Problem, ...]]] = {}
        self._used: set[tuple[str, str]] = set()
        self.hits = 0
        self.misses = 0

    def get(self, namespace: str, key: str, report: Report, make: Callable[[Report], T]) -> T:
        """The stored result for `key`, or `make(report)` stored for next time."""
        def made(missing: list[int]) -> list[tuple[T, tuple[Problem, ...]]]:
            local = Report()
            return [(make(local), tuple(local.problems)) for _ in missing]

        return self.get_all(namespace, [key], report, made)[0]

    def get_all(self, namespace: str, keys: Sequence[str], report: Report,
                make: Callable[[list[int]], list[tuple[T, tuple[Problem, ...]]]]) -> list[T]:
        """`get` for a batch: `make` receives the positions of the keys not stored yet, all at
        once, so that it can spread them over cores; problems are reported in key order."""
        missing = [i for i, key in enumerate(keys) if (namespace, key) not in self._store]
        for i, made in zip(missing, make(missing), strict=True):
            self._store[(namespace, keys[i])] = made
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

    def entries(self, namespaces: tuple[str, ...]) -> dict[tuple[str, str], object]:
        """The stored results of some namespaces, to keep for a later run."""
        return {slot: entry for slot, entry in self._store.items() if slot[0] in namespaces}

    def restore(self, entries: dict[tuple[str, str], object]) -> None:
        self._store.update(entries)  # type: ignore[arg-type]

    def forget_unused(self) -> None:
        """Drop entries the last build didn't ask for, so memory follows the site's size."""
        self._store = {slot: entry for slot, entry in self._store.items() if slot in self._used}
        self._used = set()
