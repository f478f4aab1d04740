"""The texts `hubgen new` writes where the writer has yet to write, per language.

One place for them: the default archetypes write them, `hubgen new --translation-of` marks
copied texts with `TRANSLATE`, and the checks find any of them left in a message that goes
public. Each starts with "TODO" (or is a bracketed mark) so a writer sees it at a glance and a
search finds it in any language.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["PLACEHOLDERS", "TRANSLATE", "placeholder_in", "placeholders"]

PLACEHOLDERS: Mapping[str, Mapping[str, str]] = {
    "de": {
        "summary": "TODO Zusammenfassung: ein, zwei Sätze für Teaser, Meta-Beschreibung und Social-Posts.",
        "key_message": "TODO Kernbotschaft: der eine Satz, den jeder Kanal trägt.",
        "dateline": "TODO Ort",
        "subtitle": "TODO Unterzeile",
        "body": "TODO Text: hier den ausführlichen Text in Markdown schreiben.",
        "job_body": "TODO Stellenanzeige: Aufgaben, Profil, Angebot, Bewerbung.",
        "recruiting": "TODO Recruiting-Text: warum sich die Bewerbung lohnt.",
    },
    "en": {
        "summary": "TODO summary: one or two sentences for the teaser, meta description and social posts.",
        "key_message": "TODO key message: the one sentence every channel carries.",
        "dateline": "TODO place",
        "subtitle": "TODO subtitle",
        "body": "TODO text: write the long-form text here, in Markdown.",
        "job_body": "TODO job ad: tasks, profile, offer, how to apply.",
        "recruiting": "TODO recruiting text: why this job is worth applying for.",
    },
}
"""Placeholder text by language and by what it stands for (the names the archetypes use as
`{{ .todo.NAME }}`)."""

TRANSLATE: Mapping[str, str] = {"de": "[ÜBERSETZEN]", "en": "[TRANSLATE]"}
"""The mark `hubgen new --translation-of` puts before each text copied from the original,
in the language of the new version."""

FALLBACK = "en"


def placeholders(lang: str) -> Mapping[str, str]:
    """The placeholders of `lang`, English for a language without its own."""
    return PLACEHOLDERS.get(lang, PLACEHOLDERS[FALLBACK])


def placeholder_in(text: str) -> str | None:
    """The first placeholder or translation mark, of any language, that `text` contains."""
    marks = [*(m for texts in PLACEHOLDERS.values() for m in texts.values()), *TRANSLATE.values()]
    return next((mark for mark in marks if mark in text), None)
