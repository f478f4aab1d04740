"""A folder's future content: texts made by the build and files copied from the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["FileTree", "safe_relative"]


def safe_relative(path: str) -> str:
    """The path if it stays inside its folder; ValueError for absolute paths or `..`.
    Plain string tests: a build checks tens of thousands of paths."""
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if path.startswith("/") or "\\" in path or "\x00" in path or not parts or ".." in parts:
        raise ValueError(f"unsafe output path '{path}'")
    return "/".join(parts)


@dataclass
class FileTree:
    texts: dict[str, bytes] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)

    def add_text(self, path: str, text: str) -> None:
        self.texts[safe_relative(path)] = text.encode("utf-8")

    def add_bytes(self, path: str, data: bytes) -> None:
        """Binary content made by the build, such as a rendered image."""
        self.texts[safe_relative(path)] = data

    def add_copy(self, path: str, source: Path) -> None:
        self.copies[safe_relative(path)] = source

    def copy(self) -> FileTree:
        return FileTree(dict(self.texts), dict(self.copies))

    def paths(self) -> set[str]:
        return set(self.texts) | set(self.copies)
