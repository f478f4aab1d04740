"""The texts `hubgen new` stubs a message with, per language: one place for the command that
writes them and the check that finds them left in a message that goes public.

Each entry is a front-matter field as the checks name it (`summary`, `facts.figure`, `body`) and
the text written there. `EMPTY` are the fields stubbed as `""` that a published message needs
filled: a press release states where it comes from.
"""

from __future__ import annotations

__all__ = ["EMPTY", "PLACEHOLDERS", "placeholders"]

PLACEHOLDERS: dict[str, dict[str, str]] = {
    "en": {
        "summary": "One or two sentences: the teaser, the meta description and the default social text.",
        "key_message": "The one sentence every channel carries, e.g. with {{ facts.figure }}.",
        "facts.figure": "100",
        "body": "Write the long-form text here, in Markdown.",
    },
    "de": {
        "summary": "Ein oder zwei Sätze: der Teaser, die Meta-Beschreibung und der Standardtext"
                   " für soziale Netzwerke.",
        "key_message": "Der eine Satz, den jeder Kanal trägt, z. B. mit {{ facts.figure }}.",
        "facts.figure": "100",
        "body": "Hier steht der ausführliche Text, in Markdown.",
    },
}

EMPTY = ("channels.press.dateline",)


def placeholders(lang: str) -> dict[str, str]:
    """The stub texts `hubgen new` writes for a message in `lang`: English where hubgen has none
    of its own for the language."""
    return PLACEHOLDERS.get(lang.split("-")[0], PLACEHOLDERS["en"])
