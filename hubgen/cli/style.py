"""Colour on a terminal, and only there.

The rules of no-color.org and force-color.org: `NO_COLOR` set to anything but the empty string
turns colour off, `FORCE_COLOR` likewise turns it on (NO_COLOR wins, as in CPython 3.13's own
`_colorize`); otherwise colour needs a terminal that is not `TERM=dumb`.
"""

from __future__ import annotations

import os
from typing import Literal, TextIO

__all__ = ["Kind", "colour_on", "paint", "problem_line"]

Kind = Literal["error", "warning", "ok", "dim", "bold"]
_CODES: dict[Kind, str] = {"error": "1;31", "warning": "33", "ok": "32", "dim": "2", "bold": "1"}


def colour_on(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str, kind: Kind, stream: TextIO) -> str:
    return f"\033[{_CODES[kind]}m{text}\033[0m" if text and colour_on(stream) else text


def problem_line(line: str, stream: TextIO) -> str:
    """`path:line: error: field: message` with the place dimmed and the tag coloured."""
    for tag in ("error: ", "warning: "):
        where, found, rest = line.partition(": " + tag)
        if found:
            kind: Kind = "error" if tag == "error: " else "warning"
            return f"{paint(where + ':', 'dim', stream)} {paint(tag.strip(), kind, stream)} {rest}"
    return line
