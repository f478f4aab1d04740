"""How a key of `hubgen.toml` is declared: once, as a dataclass field of schema.py.

The field's type is the key's type, its default the key's default, and `option()` adds one line
of doc and the key's check. The loader (load.py), its suggestions for misspelt keys and
docs/config.md (docs.py) all read these declarations, so they cannot disagree. The model is
MkDocs' `config_options`, where each option carries its own default and documentation
(https://www.mkdocs.org/dev-guide/api/#mkdocs.config.config_options).
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["CONFIG_FILE", "OPTION", "Context", "Invalid", "Option", "declared", "derived", "option",
           "required", "table"]

CONFIG_FILE = "hubgen.toml"
OPTION = "hubgen.config.option"
T = TypeVar("T")


class Invalid(Exception):
    """A value that can't be used: what is wrong with it and what to do, for the key itself or
    (`key`) an entry below it: a list's `0`, a table's `campaign`."""

    def __init__(self, message: str, fix: str, *, key: str = "") -> None:
        super().__init__(message)
        self.issues = [(key, message, fix)]

    @classmethod
    def all(cls, found: list[Invalid]) -> Invalid:
        """Several problems of one value, raised together."""
        first = found[0]
        first.issues = [issue for invalid in found for issue in invalid.issues]
        return first


@dataclass
class Context:
    """What a check may look at: the site folder and the values read before its own."""

    root: Path
    values: dict[str, Any] = field(default_factory=dict)
    """Dotted key (`site.static_dir`) -> the value read for it, in declaration order."""


Check = Callable[[Any, Context], Any]
"""Returns the value to use (converted, normalised) or raises Invalid."""


@dataclass(frozen=True)
class Option:
    doc: str
    """One line for docs/config.md: what the key means."""
    shown: str = ""
    """The default as the docs show it, when it is not a plain value (`site title`, `required`)."""
    check: Check | None = None
    derive: Callable[[Context], Any] | None = None
    """The default made from keys read before (company name: the site title)."""
    required: bool = False
    long: bool = False
    """A paragraph rather than a name: a longer text is allowed."""
    per_language: bool = False
    """A table of texts by language that may be written as one text for all languages."""
    example: str = ""
    """How the key is written, for the fix of a value of the wrong type."""


def option(default: T, doc: str, *, shown: str = "", check: Check | None = None,
           example: str = "", long: bool = False, per_language: bool = False) -> T:
    """A key with a default; a dict default is copied for each config."""
    meta = {OPTION: Option(doc, shown, check, example=example, long=long, per_language=per_language)}
    if isinstance(default, dict):
        return field(default_factory=lambda: copy.copy(default), metadata=meta)
    return field(default=default, metadata=meta)


def required(doc: str, *, check: Check | None = None) -> Any:
    return field(metadata={OPTION: Option(doc, "required", check, required=True)})


def derived(derive: Callable[[Context], Any], doc: str, *, shown: str,
            check: Check | None = None) -> Any:
    """A key whose default comes from another one: no dataclass default, the loader fills it."""
    return field(metadata={OPTION: Option(doc, shown, check, derive)})


def table(doc: str, default: Callable[[], T] | None = None) -> Any:
    """A table declared by a dataclass of its own; left out, it is read as an empty table."""
    if default is None:
        return field(metadata={OPTION: Option(doc)})
    return field(default_factory=default, metadata={OPTION: Option(doc)})


def declared(cls: type) -> list[tuple[dataclasses.Field[Any], Option]]:
    """The fields of a section that are keys of hubgen.toml, in order."""
    return [(f, f.metadata[OPTION]) for f in dataclasses.fields(cls) if OPTION in f.metadata]
