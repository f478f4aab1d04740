"""Translations: the language versions of a message (one `translation_key`) state the same facts.

Flags, as an error on the translation's line, a fact that both versions have with a different
figure, each read in its own language (`40.000` in German is `40,000` in English; `41 Mio. Euro`
is `EUR 41 million`; `25. April` is `25 April`; years count too: `Ende 2027`, `the end of 2027`).
The original is the version in the site's default language; without one, the first version in
the order of `[site] languages`.

Deliberately not flagged: facts without any figure (names, places: they are translated), and
facts only one version has.
"""

from __future__ import annotations

import re
from decimal import Decimal

from hubgen.checks.figures import find_figures
from hubgen.errors import Report
from hubgen.model import Site

__all__ = ["check_translations", "fact_values"]

_YEAR = re.compile(r"(?<![\w.,])(1[89]\d\d|2[01]\d\d)(?![\w.,]?\d)")


def fact_values(value: str, lang: str) -> list[tuple[str, Decimal | tuple[int, int, int | None]]]:
    """What a fact says in figures, read in its language's format: numbers with their unit,
    dates, and years (which the drift check leaves aside)."""
    figures, dates = find_figures(value, lang)
    found: list[tuple[str, Decimal | tuple[int, int, int | None]]] = [
        (figure.unit, figure.values[0].normalize()) for figure in figures]
    found += [("date", (d.day, d.month, d.year)) for d in dates]
    if not found:
        found = [("year", Decimal(year)) for year in _YEAR.findall(value)]
    return sorted(found, key=str)


def check_translations(site: Site, report: Report) -> None:
    for group in site.translation_groups():
        original = site.original(group[0])
        for translation in (m for m in group if m is not original):
            for key in original.facts.keys() & translation.facts.keys():
                ours = fact_values(translation.facts[key], translation.lang)
                theirs = fact_values(original.facts[key], original.lang)
                if ours and theirs and ours != theirs:
                    field = f"facts.{key}"
                    report.error(translation.source.as_posix(), translation.line(field), field,
                                 f"'{translation.facts[key]}' differs from '{original.facts[key]}'"
                                 f" in {original.source.as_posix()}:{original.line(field)}",
                                 "make the versions agree")
