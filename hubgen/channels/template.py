"""Snippet texts are small templates over the message: `{{ title }}`, `{{ summary }}`,
`{{ key_message }}`, `{{ facts.NAME }}` and `{{ url }}`, each optionally through `| upper`,
`| lower` or `| trim`.

Not Jinja: snippet texts come from content files, which many people write. A text is read once,
left to right, and every `{{ … }}` is replaced by a value as it is: the work is linear in the
text, nothing can loop, call or reach a Python object, and a `{{` inside a title stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

__all__ = ["FILTERS", "NAMES", "SnippetTemplateError", "render_text"]

NAMES = ("title", "summary", "key_message", "facts.NAME", "url")
FILTERS: dict[str, Callable[[str], str]] = {"upper": str.upper, "lower": str.lower,
                                            "trim": str.strip}

_OPEN = re.compile(r"\{[{%#]")
# `facts.households` or `facts["households"]`; a plain name has no part.
_REFERENCE = re.compile(r"([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*)|\[\s*(['\"])(\w*)\3\s*\])?", re.ASCII)
_SHOWN = 40
"""Characters of a broken `{{ … }}` quoted in the error."""


class SnippetTemplateError(Exception):
    """A snippet text that can't be rendered; `message` and `fix` are for the user."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message, self.fix = message, fix


def render_text(text: str, values: Mapping[str, str], facts: Mapping[str, str]) -> str:
    """Render one snippet text; SnippetTemplateError names what is wrong."""
    parts: list[str] = []
    position = 0
    while start := _OPEN.search(text, position):
        if start.group() != "{{":
            raise SnippetTemplateError(f"template syntax: '{start.group()}' is not allowed",
                                       "only names can be used, as {{ name }}")
        end = text.find("}}", start.end())
        if end < 0:
            raise SnippetTemplateError("template syntax: '{{' is not closed",
                                       "write names as {{ name }}")
        parts += [text[position:start.start()], _value(text[start.end():end], values, facts)]
        position = end + 2
    return "".join(parts) + text[position:] if parts else text


def _value(inside: str, values: Mapping[str, str], facts: Mapping[str, str]) -> str:
    head, *filters = (part.strip() for part in inside.split("|"))
    reference = _REFERENCE.fullmatch(head)
    if reference is None:
        shown = inside.strip() if len(inside.strip()) <= _SHOWN else inside.strip()[:_SHOWN] + "…"
        raise SnippetTemplateError(f"template syntax: '{shown}' is not a name", _use(values))
    name, attribute, _, key = reference.groups()
    part = attribute if attribute is not None else key
    if name == "facts" and part is not None:
        value = _fact(part, facts)
    elif name in values and part is None:
        value = str(values[name])
    else:
        raise SnippetTemplateError(f"unknown name '{head}'", _use(values))
    for filter_name in filters:
        if filter_name not in FILTERS:
            raise SnippetTemplateError(f"unknown filter '{filter_name}'",
                                       "use " + ", ".join(f"| {f}" for f in FILTERS) + " or none")
        value = FILTERS[filter_name](value)
    return value


def _fact(name: str, facts: Mapping[str, str]) -> str:
    if name not in facts:
        known = ", ".join(sorted(facts)) or "none"
        raise SnippetTemplateError(f"unknown fact '{name}'", f"facts of this message: {known}")
    return facts[name]


def _use(values: Mapping[str, str]) -> str:
    return "use " + ", ".join(f"{{{{ {n} }}}}" for n in NAMES
                              if n.split(".")[0] in values or n == "facts.NAME")
