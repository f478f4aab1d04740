"""A folder's future content: texts made by the build and files copied from the site."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

__all__ = ["DIGEST_SIZE", "Blob", "BlobMissing", "Content", "FileTree", "content", "digest_of",
           "safe_relative"]

DIGEST_SIZE = 16
"""Bytes of a file's digest (BLAKE2b)."""


def digest_of(data: bytes) -> bytes:
    """The digest a file is known by: in the records of what was written, in a Blob."""
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


class BlobMissing(Exception):
    """The build cache no longer holds bytes a Blob points to (another build removed them, or
    they were damaged): the build is made again without them."""


class Area(Protocol):
    """Where Blobs' bytes are: read once, at the first Blob read."""

    fresh: bool
    """Made by this build (and sent back by the worker that made it), not read back from the
    cache of an earlier one."""

    def bytes(self) -> memoryview:
        """All of them; BlobMissing if they can't be read as they were kept."""


class Blob:
    """A file's bytes as the build cache keeps them, known by digest and size and read only
    if needed: an edit build leaves nearly every file where it is, and reading (and sealing)
    the bytes of every page of the site was a fifth of such a build."""

    __slots__ = ("_area", "_start", "digest", "size")

    def __init__(self, digest: bytes, size: int, area: Area, start: int) -> None:
        self.digest, self.size, self._area, self._start = digest, size, area, start

    @property
    def fresh(self) -> bool:
        return self._area.fresh

    def read(self) -> bytes:
        area = self._area.bytes()
        if self._start + self.size > len(area):
            raise BlobMissing("bytes outside their row")
        return bytes(area[self._start:self._start + self.size])


Content = bytes | Blob
"""A file made by the build: its bytes, or where the build cache keeps them."""


def content(data: Content) -> bytes:
    return data if isinstance(data, bytes) else data.read()


def safe_relative(path: str) -> str:
    """The path if it stays inside its folder; ValueError for absolute paths or `..`.
    Plain string tests: a build checks tens of thousands of paths."""
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if path.startswith("/") or "\\" in path or "\x00" in path or not parts or ".." in parts:
        raise ValueError(f"unsafe output path '{path}'")
    return "/".join(parts)


@dataclass
class FileTree:
    texts: dict[str, Content] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)

    def add_text(self, path: str, text: str) -> None:
        self.texts[safe_relative(path)] = text.encode("utf-8")

    def add_bytes(self, path: str, data: Content) -> None:
        """Binary content made by the build, such as a rendered image."""
        self.texts[safe_relative(path)] = data

    def add_copy(self, path: str, source: Path) -> None:
        self.copies[safe_relative(path)] = source

    def copy(self) -> FileTree:
        return FileTree(dict(self.texts), dict(self.copies))

    def paths(self) -> set[str]:
        return set(self.texts) | set(self.copies)
