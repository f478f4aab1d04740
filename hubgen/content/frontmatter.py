"""Split a message file into front matter and body; load the YAML safely, keeping lines.

Message files come from many writers and are read by every build and the preview, so the YAML
is held to what front matter needs: mappings, lists, text, true/false and empty. Everything
else YAML can do (aliases, tags, deep nesting) is refused with the line, before any of it runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

__all__ = ["MAX_DEPTH", "MAX_FRONT_MATTER", "FrontMatter", "FrontMatterError", "parse_front_matter"]

MAX_FRONT_MATTER = 64 * 1024
"""Characters of YAML; the largest front matter of the demo site has 3,200."""
MAX_DEPTH = 10
"""Levels of nesting below the top mapping; front matter uses 3 (channels.social.x)."""

try:  # the C loader is several times faster on large sites
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader

_YAML = "tag:yaml.org,2002:"
_KEPT = {_YAML + "bool", _YAML + "null"}
_ALLOWED_TAGS = {*_KEPT, _YAML + "str", _YAML + "map", _YAML + "seq"}
# Control characters break file names, HTML and feeds; lone surrogates can't be written as UTF-8.
# Raw ones are refused by the YAML reader already; these come from escapes such as "\0".
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_KEY_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")  # and no tab or line break in a key
_FLATTER = "write the value with fewer levels"


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that reads every value as text except true/false and empty.

    YAML 1.1 reads `40.000` as 40.0, `9:30` as 570, `0x1F` as 31, `2026-03-12` as a date, `<<`
    as a merge and `=` as a "value"; every front-matter value that isn't true/false or empty is
    shown or parsed as text, so hubgen keeps what was written (dates it parses itself, with the
    site's time zone and clear errors)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag in _KEPT]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any]
    lines: dict[str, int]
    """File line of each key, dotted for nested mappings."""
    body: str
    body_line: int


class FrontMatterError(Exception):
    def __init__(self, line: int, message: str, fix: str, field: str = "front matter") -> None:
        super().__init__(message)
        self.line, self.message, self.fix, self.field = line, message, fix, field


def parse_front_matter(text: str) -> FrontMatter:
    """Parse `---`-delimited YAML front matter; raise FrontMatterError with the file line."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(1, "no front matter", "start the file with a line '---'")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise FrontMatterError(1, "front matter is not closed", "end it with a line '---'")
    yaml_text = "".join(lines[1:end])
    if len(yaml_text) > MAX_FRONT_MATTER:
        raise FrontMatterError(1, f"front matter has {len(yaml_text):,} characters, more than the"
                               f" {MAX_FRONT_MATTER:,} allowed", "move long texts into the body")
    loader = _Loader(yaml_text)
    try:
        node = _compose(loader, yaml_text)
        key_lines: dict[str, int] = {}
        if node is not None:
            _Check(loader, key_lines).mapping(node, "", 0)
        data = loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()
    return FrontMatter(data, key_lines, "".join(lines[end + 1 :]), end + 2)


def _line(mark: yaml.Mark) -> int:
    return mark.line + 2  # +1 for 1-based, +1 for the opening '---'


def _compose(loader: _Loader, yaml_text: str) -> yaml.MappingNode | None:
    """The node tree (aliases not yet expanded: they are shared nodes), or FrontMatterError."""
    try:
        node: yaml.Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark, problem = exc.problem_mark or exc.context_mark, exc.problem
        unclosed = any(word in (exc.context or "") for word in ("quoted", "flow"))
        at_end = exc.problem_mark is not None and exc.problem_mark.line >= yaml_text.count("\n")
        if exc.context_mark and (unclosed or at_end):
            # An unclosed quote or bracket shows only where the parser runs out: point where
            # it was opened instead.
            mark, problem = exc.context_mark, f"{exc.problem} {exc.context}"
        raise FrontMatterError(_line(mark) if mark else 1, f"invalid YAML: {problem}",
                               "check indentation and quote values containing ': ' or '#'") from None
    except RecursionError:  # only the pure-Python parser recurses; libyaml stops at 1000 levels
        raise FrontMatterError(1, f"nested more than {MAX_DEPTH} levels deep", _FLATTER) from None
    except yaml.reader.ReaderError as exc:  # a raw control character
        raise FrontMatterError(yaml_text.count("\n", 0, exc.position) + 2,
                               f"invalid character U+{exc.character:04X}",
                               "remove it; it is often pasted in invisibly") from None
    if node is not None and not isinstance(node, yaml.MappingNode):
        raise FrontMatterError(2, "front matter must be key: value pairs", "write 'title: …' etc.")
    return node


@dataclass
class _Check:
    """Walks the node tree before anything is built from it, recording the line of each key.

    An alias is a node met twice: front matter never needs one, and aliases are how a few
    hundred bytes expand to gigabytes ("billion laughs") or refer to themselves."""

    loader: _Loader
    lines: dict[str, int]
    seen: set[int] = field(default_factory=set)

    def node(self, node: yaml.Node, name: str, line: int, depth: int) -> None:
        if id(node) in self.seen:
            raise FrontMatterError(line, "aliases (*name) are not allowed in front matter",
                                   "write the value out in full", name)
        self.seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace(_YAML, "!!")
            raise FrontMatterError(_line(node.start_mark), f"tag '{tag}' is not allowed",
                                   "remove it; front matter holds text, lists, true/false", name)
        if depth > MAX_DEPTH:
            raise FrontMatterError(_line(node.start_mark), f"nested more than {MAX_DEPTH} levels"
                                   " deep", _FLATTER, name)
        if isinstance(node, yaml.MappingNode):
            self.mapping(node, name + ".", depth)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                item_line = line if id(item) in self.seen else _line(item.start_mark)
                self.lines[f"{name}.{index}"] = item_line
                self.node(item, f"{name}.{index}", item_line, depth + 1)
        elif control := _CONTROL.search(node.value):
            raise FrontMatterError(_line(node.start_mark), "contains the control character"
                                   f" U+{ord(control.group()):04X}",
                                   "remove it, or the escape such as \\0 that makes it", name)

    def mapping(self, node: yaml.MappingNode, prefix: str, depth: int) -> None:
        first: dict[object, int] = {}
        parent = prefix.rstrip(".") or "front matter"
        for key_node, value_node in node.value:
            line = _line(key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                raise FrontMatterError(line, "a key must be a name, not a list or mapping",
                                       "write 'name: value'", parent)
            if _KEY_CONTROL.search(key_node.value):
                raise FrontMatterError(line, "a key contains a line break or control character",
                                       "write the key as a plain name", parent)
            name = f"{prefix}{key_node.value}"
            self.node(key_node, name, line, depth)
            key = self.loader.construct_object(key_node)
            if key in first:
                # YAML lets the last one win silently: `draft: true` … `draft: false` would
                # publish a draft.
                raise FrontMatterError(line, f"is written twice (first on line {first[key]})",
                                       "remove one of the two lines", name)
            first[key] = line
            self.lines[name] = line
            self.node(value_node, name, line, depth + 1)
