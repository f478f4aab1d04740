"""docs/config.md, written from the declarations of schema.py.

    python -m hubgen.config.docs > docs/config.md

tests/config/test_docs.py fails when the committed page differs from what this writes.
"""

from __future__ import annotations

import dataclasses
from typing import Any, get_args, get_origin, get_type_hints

from hubgen.config.options import CONFIG_FILE, Option, declared
from hubgen.config.schema import Config

__all__ = ["render"]

HEADER = f"""\
# {CONFIG_FILE}

<!-- Written by `python -m hubgen.config.docs > docs/config.md` from hubgen/config/schema.py,
     where each key is declared: edit it there. -->

Only {{required}} are required; everything else has a default.
Unknown keys are errors (with a suggestion), so a typo never goes unnoticed.
"""


def render() -> str:
    """The whole page."""
    parts = [HEADER.format(required=_required())]
    hints = get_type_hints(Config)
    for f, option in declared(Config):
        hint = hints[f.name]
        rows = _table_of(hint)
        heading = f"[{f.name}.NAME]" if get_origin(hint) is dict and rows else f"[{f.name}]"
        section = [f"## {heading}"]
        if option.doc:
            section.append(option.doc)
        if rows:
            section.append(_rows(rows))
        parts.append("\n\n".join(section) + "\n")
    return "\n".join(parts)


def _table_of(hint: Any) -> type | None:
    """The dataclass whose fields are the rows of a section: its own, or its entries'."""
    if get_origin(hint) is dict:
        hint = get_args(hint)[1]
    return hint if isinstance(hint, type) and dataclasses.is_dataclass(hint) else None


def _rows(cls: type, prefix: str = "") -> str:
    """One row per key; a list of tables gets a row per key of its entries too."""
    hints = get_type_hints(cls)
    lines = [] if prefix else ["| key | type | default | meaning |", "| --- | --- | --- | --- |"]
    for f, option in declared(cls):
        example = f": `{option.example}`" if option.example else ""
        lines.append(f"| `{prefix}{f.name}` | {_kind(hints[f.name], option)} | {_default(f, option)}"
                     f" | {option.doc}{example} |")
        entry = get_args(hints[f.name])[0] if get_origin(hints[f.name]) is tuple else None
        if isinstance(entry, type) and dataclasses.is_dataclass(entry):
            lines.append(_rows(entry, f"{prefix}{f.name}[]."))
    return "\n".join(lines)


def _kind(hint: Any, option: Option) -> str:
    args = [arg for arg in get_args(hint) if arg is not type(None)]
    if get_origin(hint) is not tuple and len(args) == 1:  # X | None
        return _kind(args[0], option)
    if get_origin(hint) is tuple:
        return "list of tables" if dataclasses.is_dataclass(args[0]) else "list of strings"
    if get_origin(hint) is dict:
        if get_origin(args[-1]) is tuple:
            return "table of lists of strings"
        return "string or table" if option.per_language else "table of strings"
    return "true/false" if hint is bool else "string"


def _default(f: dataclasses.Field[Any], option: Option) -> str:
    if option.shown:
        return option.shown
    value = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value in ("", {}):
        return "none"
    return "`[]`" if value == () else f'`"{value}"`'


def _required() -> str:
    """`[site] title`, `base_url` and `language`: the keys a site can't do without."""
    names = []
    hints = get_type_hints(Config)
    for f, _ in declared(Config):
        table = _table_of(hints[f.name])
        if table is not None and get_origin(hints[f.name]) is not dict:
            keys = [f"`{field.name}`" for field, option in declared(table) if option.required]
            if keys:
                names.append(f"`[{f.name}] {keys[0][1:]}" + "".join(f", {k}" for k in keys[1:]))
    text = ", ".join(names)
    head, _, last = text.rpartition(", ")
    return f"{head} and {last}" if head else text


if __name__ == "__main__":
    print(render(), end="")
