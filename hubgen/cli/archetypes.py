"""The templates `hubgen new` starts a message from, per section, as Hugo's archetypes: the
site's own `archetypes/SECTION.md`, else its `archetypes/default.md`, else hubgen's own for
the section, else its default, in the message's language (English for a language without).

Their placeholders are `{{ .NAME }}`, with the dot as in Hugo, so that the snippet templates a
message holds (`{{ url }}`, `{{ facts.x }}`) pass through as written. `{{ .todo.NAME }}` is the
placeholder text of `hubgen.content.placeholders`, which the checks recognise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from hubgen.content.placeholders import PLACEHOLDERS, placeholders
from hubgen.errors import UsageError

__all__ = ["SHIPPED", "archetype", "fill"]

SHIPPED = Path(__file__).resolve().parent.parent / "scaffold" / "archetypes"
_PLACEHOLDER = re.compile(r"\{\{\s*\.([A-Za-z_][\w.]*)\s*\}\}")


def archetype(root: Path, section: str, lang: str) -> Path:
    """The archetype file a message of `section` in `lang` starts from."""
    own = root / "archetypes"
    shipped = SHIPPED / (lang if (SHIPPED / lang).is_dir() else "en")
    for candidate in (own / f"{section}.md", own / "default.md", shipped / f"{section}.md"):
        if candidate.is_file():
            return candidate
    return shipped / "default.md"


def fill(template: str, values: Mapping[str, str], lang: str, shown: str) -> str:
    """`template` with every `{{ .NAME }}` replaced; UsageError for a name it doesn't know,
    naming the archetype file `shown` and the line."""
    todo = placeholders(lang)

    def value(match: re.Match[str]) -> str:
        name = match[1]
        if name.startswith("todo.") and name[5:] in todo:
            return todo[name[5:]]
        if name in values:
            return values[name]
        line = template.count("\n", 0, match.start()) + 1
        known = [*values, *(f"todo.{n}" for n in PLACEHOLDERS["en"])]
        raise UsageError(f"{shown}:{line}: unknown placeholder '{match[0]}'"
                         f" (use {', '.join('.' + n for n in known)})")

    return _PLACEHOLDER.sub(value, template)
