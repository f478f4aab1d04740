"""Where each key of a TOML text is written: `tomllib` parses values but keeps no lines.

A small scanner over the text, not a second parser: it runs after (or instead of, when
`tomllib` refuses the text) the real parse and only has to find keys, table headers and the
entries of arrays, skipping strings and comments, to number their lines (TOML 1.0,
https://toml.io/en/v1.0.0). Arrays and inline tables are followed with a stack, not recursion,
so no nesting can exhaust Python's stack.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

__all__ = ["Written", "first_conflict", "line_of", "written_keys"]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BLANK = re.compile(r"(?:[ \t\r]+|#[^\n]*)*")
_BLANK_LINES = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_SCALAR = re.compile(r"[^,\]}\n# \t\r]*")  # a number, date, true/false: up to what ends it


@dataclass(frozen=True)
class Written:
    """One key, table header or array entry, as a dotted path (array entries numbered from 0)."""

    key: str
    line: int
    kind: str
    """`value` (key = value), `table` ([key]), `array` ([[key]]) or `entry` (an array's item)."""
    part_of: str = ""
    """The `key = value` whose value this is inside: an inline table's key, an array's entry."""
    table: str = ""
    """The `[table]` a `key = value` stands under."""


def line_of(lines: dict[str, int], key: str) -> int:
    """The line of `key`, else of the closest enclosing key that is written; 1 if none is."""
    while key:
        if key in lines:
            return lines[key]
        key = key.rpartition(".")[0]
    return 1


def first_conflict(written: list[Written]) -> tuple[Written, Written] | None:
    """The first key that TOML forbids where it stands, and the key written before it that it
    collides with: the same key again, a key beneath a value, a value (or a table) over keys
    written beneath it by dotted keys (https://toml.io/en/v1.0.0#table)."""
    seen: dict[str, Written] = {}
    below: dict[str, tuple[Written, bool]] = {}  # first key written beneath, and if by a dotted key
    for entry in written:
        earlier = seen.get(entry.key)
        if earlier and entry.kind != "entry" and not earlier.kind == entry.kind == "array":
            return entry, earlier
        under = below.get(entry.key)
        if under and (entry.kind == "value" or (entry.kind == "table" and under[1])):
            return entry, under[0]
        parts = entry.key.split(".")
        depth = len(entry.table.split(".")) if entry.table else 0
        for n in range(1, len(parts)):
            parent = ".".join(parts[:n])
            above = seen.get(parent)
            inside = entry.part_of and (parent + ".").startswith(entry.part_of + ".")
            if above is not None and above.kind == "value" and not inside:
                return entry, above
            below.setdefault(parent, (entry, entry.kind == "value" and n > depth))
        seen.setdefault(entry.key, entry)
    return None


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.line = 1
        self.found: list[Written] = []
        self.tables: dict[str, int] = {}  # count of each [[array of tables]] so far
        self.statement = ""  # the top-level `key = value` being read
        self.table = ""  # the last [table] header

    def peek(self, ahead: int = 0) -> str:
        at = self.at + ahead
        return self.text[at] if at < len(self.text) else ""

    def advance(self, count: int = 1) -> None:
        self.line += self.text.count("\n", self.at, self.at + count)
        self.at += count

    def skip_blank(self, newlines: bool) -> None:
        """Spaces and comments; with `newlines`, line ends too."""
        match = (_BLANK_LINES if newlines else _BLANK).match(self.text, self.at)
        self.advance(match.end() - self.at if match else 0)

    def to_line_end(self) -> None:
        end = self.text.find("\n", self.at)
        self.advance((len(self.text) if end < 0 else end) - self.at)

    def skip_string(self) -> None:
        quote = self.peek()
        if self.text.startswith(quote * 3, self.at):
            end = self.text.find(quote * 3, self.at + 3)
            while quote == '"' and end > 0 and _escaped(self.text, end):
                end = self.text.find(quote * 3, end + 1)
            end = len(self.text) if end < 0 else end + 3
            while end < len(self.text) and self.text[end] == quote and end - self.at < 8:
                end += 1  # up to two quotes of the content may stand right before the closing three
            self.advance(end - self.at)
            return
        end = self.at + 1
        while end < len(self.text) and self.text[end] not in (quote, "\n"):
            end += 2 if quote == '"' and self.text[end] == "\\" else 1
        self.advance(min(end + 1, len(self.text)) - self.at)

    def key(self) -> list[str]:
        """A dotted key, each part decoded: `a."b.c".d` is three parts."""
        parts = []
        while True:
            self.skip_blank(newlines=False)
            start = self.at
            if self.peek() in ('"', "'"):
                self.skip_string()
                parts.append(_decode(self.text[start:self.at]))
            else:
                match = _BARE.match(self.text, self.at)
                if not match:
                    return parts
                self.advance(match.end() - start)
                parts.append(match.group())
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return parts
            self.advance()

    def record(self, key: list[str], line: int, kind: str) -> None:
        self.found.append(Written(".".join(key), line, kind, self.statement, self.table))

    def header(self) -> list[str]:
        """`[a.b]` or `[[a.b]]` at the start of a line: the table keys below it belong to."""
        many = self.text.startswith("[[", self.at)
        self.advance(2 if many else 1)
        line = self.line
        written = self.key()
        self.to_line_end()
        # Below `[[a]]`, `[a.b]` is a table of a's last entry: `a.0.b`.
        name = []
        for part in written[:-1]:
            name.append(part)
            if ".".join(name) in self.tables:
                name.append(str(self.tables[".".join(name)] - 1))
        name += written[-1:]
        if not many:
            self.record(name, line, "table")
            return name
        dotted = ".".join(name)
        index = self.tables.get(dotted, 0)
        self.tables[dotted] = index + 1
        self.record(name, line, "array")
        self.record([*name, str(index)], line, "entry")
        return [*name, str(index)]

    def value(self, path: list[str]) -> None:
        """A value, with the keys of inline tables and the entries of arrays inside it."""
        frames: list[tuple[str, list[str], list[int]]] = []  # "[" or "{", its path, [entries]
        self.one(path, frames)
        while frames:
            self.skip_blank(newlines=True)
            char = self.peek()
            if not char:
                return
            kind, where, count = frames[-1]
            if char in ("]", "}"):
                self.advance()
                frames.pop()
            elif char == ",":
                self.advance()
            elif kind == "[":
                item = [*where, str(count[0])]
                count[0] += 1
                self.record(item, self.line, "entry")
                self.one(item, frames)
            else:
                line = self.line
                key = [*where, *self.key()]
                if self.peek() != "=":
                    return  # not TOML: the parser says so
                self.advance()
                self.record(key, line, "value")
                self.one(key, frames)

    def one(self, path: list[str], frames: list[tuple[str, list[str], list[int]]]) -> None:
        """One value: a string or scalar is skipped, an array or inline table opened."""
        self.skip_blank(newlines=False)
        char = self.peek()
        if char in ("[", "{"):
            self.advance()
            frames.append((char, path, [0]))
        elif char in ('"', "'"):
            self.skip_string()
        else:
            match = _SCALAR.match(self.text, self.at)
            self.advance(match.end() - self.at if match else 0)

    def scan(self) -> list[Written]:
        table: list[str] = []
        while self.peek():
            self.skip_blank(newlines=True)
            if not self.peek():
                break
            if self.peek() == "[":
                table = self.header()
                self.table = ".".join(table)
                continue
            line = self.line
            key = [*table, *self.key()]
            self.skip_blank(newlines=False)
            if self.peek() != "=":  # not TOML: the parser reports it; go on at the next line
                self.to_line_end()
                continue
            self.advance()
            self.statement = ""
            self.record(key, line, "value")
            self.statement = ".".join(key)
            self.value(key)
            self.statement = ""
            self.to_line_end()
        return self.found


def written_keys(text: str) -> list[Written]:
    """Every key, header and array entry of `text`, in order, repeats included."""
    return _Scanner(text).scan()


def _escaped(text: str, at: int) -> bool:
    """True if the character at `at` follows an odd number of backslashes."""
    count = 0
    while at - count - 1 >= 0 and text[at - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _decode(quoted: str) -> str:
    if quoted.startswith("'"):
        return quoted[1:-1]
    try:
        return str(tomllib.loads(f"k = {quoted}")["k"])
    except (tomllib.TOMLDecodeError, KeyError):
        return quoted.strip('"')
