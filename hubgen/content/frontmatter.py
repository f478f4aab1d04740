"""Split a message file into front matter and body; load the YAML safely, keeping lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

__all__ = ["FrontMatter", "FrontMatterError", "parse_front_matter"]

try:  # the C loader is several times faster on large sites
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that keeps timestamps as strings: hubgen parses dates itself, with the
    site's time zone and clear errors, instead of YAML's partial timestamp rules."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
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
    def __init__(self, line: int, message: str, fix: str) -> None:
        super().__init__(message)
        self.line, self.message, self.fix = line, message, fix


def parse_front_matter(text: str) -> FrontMatter:
    """Parse `---`-delimited YAML front matter; raise FrontMatterError with the file line."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(1, "no front matter", "start the file with a line '---'")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise FrontMatterError(1, "front matter is not closed", "end it with a line '---'")
    yaml_text = "".join(lines[1:end])
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as exc:
        mark, problem = exc.problem_mark or exc.context_mark, exc.problem
        unclosed = any(word in (exc.context or "") for word in ("quoted", "flow"))
        at_end = exc.problem_mark is not None and exc.problem_mark.line >= yaml_text.count("\n")
        if exc.context_mark and (unclosed or at_end):
            # An unclosed quote or bracket shows only where the parser runs out: point where
            # it was opened instead.
            mark, problem = exc.context_mark, f"{exc.problem} {exc.context}"
        line = mark.line + 2 if mark else 1
        raise FrontMatterError(line, f"invalid YAML: {problem}",
                               "check indentation and quote values containing ': ' or '#'") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise FrontMatterError(2, "front matter must be key: value pairs", "write 'title: …' etc.")
    key_lines: dict[str, int] = {}
    _collect_lines(node, "", key_lines)
    return FrontMatter(data, key_lines, "".join(lines[end + 1 :]), end + 2)


def _collect_lines(node: yaml.Node, prefix: str, out: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = f"{prefix}{key_node.value}"
            out[name] = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the opening '---'
            _collect_lines(value_node, name + ".", out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[f"{prefix}{index}"] = item.start_mark.line + 2
            _collect_lines(item, f"{prefix}{index}.", out)
