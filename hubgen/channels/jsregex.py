"""JavaScript regular expressions (without the `u` flag) run by Python's `re`, exactly.

twitter-text's regexes are JS sources that match UTF-16 code units and fold case the JS way.
`utf16` turns a text into a str of code units (astral characters become their surrogate
halves) and `translate` a JS source into a Python pattern over such a str. The `i` flag is
not left to `re.IGNORECASE`, which folds differently ("ſ" matches "s", "K" matches "k"):
the text is mapped through `fold` (JS Canonicalize, ECMA-262 §22.2.2.7.3, non-unicode) and
every literal and class of the pattern is mapped the same way, so a case-sensitive match of
the two is the JS case-insensitive match. `trie` writes a word list as a tree-shaped pattern:
a 1,500-name TLD alternation then costs one step per letter instead of one per name.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Mapping
from functools import lru_cache

__all__ = ["fold", "from_utf16", "translate", "trie", "utf16"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16(text: str) -> str:
    """`text` as UTF-16 code units, one str character each (a JS string's view of it)."""
    if not _ASTRAL.search(text):
        return text
    return "".join(map(chr, array("H", text.encode("utf-16-le", "surrogatepass"))))


def from_utf16(units: str) -> str:
    """Code units back to code points: pairs join, lone surrogates stay (as JS reads them)."""
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _canonical(unit: int) -> int:
    # ECMA-262 Canonicalize without the u flag: the simple uppercase if it is one code unit,
    # but never from non-ASCII to ASCII ("ſ" stays "ſ", "ı" stays "ı").
    if 0xD800 <= unit <= 0xDFFF:
        return unit
    upper = chr(unit).upper()
    if len(upper) != 1 or (unit >= 128 and ord(upper) < 128):
        return unit
    return ord(upper)


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, int]:
    return {unit: canon for unit in range(0x10000) if (canon := _canonical(unit)) != unit}


def fold(units: str) -> str:
    """Each code unit as JS's case-insensitive matching compares it; the length is kept."""
    return units if units.isascii() and units.isupper() else units.translate(_fold_table())


def _literal(unit: int) -> str:
    char = chr(unit)
    return char if char.isascii() and char.isalnum() else f"\\u{unit:04x}"


def _class(units: set[int], negated: bool, ignore_case: bool) -> str:
    if ignore_case:
        units = {_canonical(unit) for unit in units}
    if not units:
        return "[^\\u0000-\\uffff]" if not negated else "[\\u0000-\\uffff]"
    parts, ordered = [], sorted(units)
    start = prev = ordered[0]
    for unit in [*ordered[1:], -2]:
        if unit != prev + 1:
            parts.append(_literal(start) if start == prev else f"{_literal(start)}-{_literal(prev)}")
            start = unit
        prev = unit
    return "[" + ("^" if negated else "") + "".join(parts) + "]"


# JS \s (ECMA-262 WhiteSpace and LineTerminator), \d and \w, as code units.
_JS_SPACE = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000, 0xFEFF}
_JS_DIGIT = set(range(0x30, 0x3A))
_JS_WORD = {*_JS_DIGIT, *range(0x41, 0x5B), *range(0x61, 0x7B), 0x5F}
_ALL = set(range(0x10000))
_SETS = {"s": _JS_SPACE, "d": _JS_DIGIT, "w": _JS_WORD}
_CONTROL = {"n": 0x0A, "t": 0x09, "r": 0x0D, "f": 0x0C, "v": 0x0B, "0": 0x00}
_HEX = re.compile(r"u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})")
_GROUP = re.compile(r"\(\?(?::|=|!|<=|<!|<(?=[A-Za-z_]))")
_QUANTIFIER = re.compile(r"\{\d+(?:,\d*)?\}")


def _escape(source: str, i: int, in_class: bool) -> tuple[int | set[int], int]:
    """The escape at source[i] (a backslash): one code unit or a set of them, and where it ends."""
    char = source[i + 1]
    if hex_match := _HEX.match(source, i + 1):
        return int(hex_match[1] or hex_match[2], 16), hex_match.end()
    if char.lower() in _SETS:
        units = _SETS[char.lower()]
        return (_ALL - units if char.isupper() else units), i + 2
    if char in _CONTROL:
        return _CONTROL[char], i + 2
    if in_class and char == "b":
        return 0x08, i + 2
    if char.isalnum():
        raise ValueError(f"JS escape \\{char} is not translated")
    return ord(char), i + 2  # identity escape: \/ \. \- ...


def _parse_class(source: str, i: int) -> tuple[set[int], bool, int]:
    """The class starting at source[i] ("["): its members, whether negated, where it ends."""
    i += 1
    negated = source.startswith("^", i)
    i += negated
    units: set[int] = set()
    pending: int | None = None  # a single unit that may start a range
    while source[i] != "]":
        if source[i] == "-" and pending is not None and source[i + 1] != "]":
            item, i = _escape(source, i + 1, True) if source[i + 1] == "\\" else (ord(source[i + 1]), i + 2)
            if isinstance(item, set):
                units |= {pending, ord("-"), *item}
            else:
                units |= set(range(pending, item + 1))
            pending = None
            continue
        item, i = _escape(source, i, True) if source[i] == "\\" else (ord(source[i]), i + 1)
        if pending is not None:
            units.add(pending)
        if isinstance(item, set):
            units |= item
            pending = None
        else:
            pending = item
    if pending is not None:
        units.add(pending)
    return units, negated, i + 1


def translate(source: str, ignore_case: bool, replace: Mapping[str, str] | None = None) -> str:
    """A Python pattern for the JS regex `source` (no `u`, `m`, `s` or `y` flag), to be matched
    against `utf16` text, after `fold` when `ignore_case`. `replace` maps parts of `source` to
    ready Python patterns (the TLD tries), put in verbatim."""
    out: list[str] = []
    i = 0
    while i < len(source):
        char = source[i]
        found = next((js for js in replace or () if source.startswith(js, i)), None) if char == "(" else None
        if found is not None:
            out.append((replace or {})[found])
            i += len(found)
        elif char == "\\":
            item, i = _escape(source, i, False)
            out.append(_class(item, False, False) if isinstance(item, set)
                       else _literal(_canonical(item) if ignore_case else item))
        elif char == "[":
            units, negated, i = _parse_class(source, i)
            out.append(_class(units, negated, ignore_case))
        elif char == ".":
            out.append(_class({0x0A, 0x0D, 0x2028, 0x2029}, True, False))
            i += 1
        elif char == "$":
            out.append(r"\Z")  # JS $ without the m flag: the end only, not before a final \n
            i += 1
        elif char == "(" and (group := _GROUP.match(source, i)):
            out.append("(?P<" if group[0] == "(?<" else group[0])  # (?<name> is (?P<name> here
            i = group.end()
        elif char == "{" and (quantifier := _QUANTIFIER.match(source, i)):
            out.append(quantifier[0])
            i = quantifier.end()
        elif char in "^()|*+?":
            out.append(char)
            i += 1
        else:
            out.append(_literal(_canonical(ord(char)) if ignore_case else ord(char)))
            i += 1
    return "".join(out)


def trie(words: Iterable[str], ignore_case: bool) -> str:
    """`(?:w1|w2|...)` as a tree: one branch per first letter, and so on.

    Equivalent to the alternation when no word comes before a longer word it begins (`abc`
    before `abcd`): then both try, at any position, the matching words longest first.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]  # a node: letter -> node, "" -> end
    for word in words:
        node = root
        for unit in utf16(word):
            node = node.setdefault(_literal(_canonical(ord(unit)) if ignore_case else ord(unit)), {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [letter + emit(child) for letter, child in node.items() if letter]
        if "" in node:
            branches.append("")  # ending here is tried after every longer word
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return "(?:" + emit(root) + ")"
