"""Reading figures as newsrooms write them: number formats, units, scale words, dates, and the
digits that are no figures at all."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hubgen.checks.figures import find_figures, same_noun
from hubgen.checks.numbers import readings

# (written, language, readings: the language's own first)
NUMBERS = [
    ("40.000", "de", ("40000", "40")),
    ("40.000", "en", ("40", "40000")),
    ("40,000", "en", ("40000", "40")),
    ("40,000", "de", ("40", "40000")),
    ("40 000", "de", ("40000",)),
    ("40\u202f000", "en", ("40000",)),
    ("40000", "de", ("40000",)),
    ("40.000,5", "de", ("40000.5",)),
    ("40,000.5", "en", ("40000.5",)),
    ("1.234.567", "de", ("1234567",)),
    ("1,234,567", "en", ("1234567",)),
    ("0,74", "de", ("0.74",)),
    ("0.740", "en", ("0.74",)),
    ("2,4", "de", ("2.4",)),
    ("1.2", "en", ("1.2",)),
    ("1,2345", "de", ("1.2345",)),
]


@pytest.mark.parametrize(("written", "lang", "expected"), NUMBERS)
def test_number_readings(written: str, lang: str, expected: tuple[str, ...]) -> None:
    assert readings(written, lang) == tuple(Decimal(e) for e in expected)


# (text, language, [(as shown, value in the base unit, dimension, nouns)])
FIGURES = [
    ("40.000 Haushalte", "de", [("40.000 Haushalte", "40000", "", ("Haushalte",))]),
    ("für 24 junge Menschen", "de", [("24 junge Menschen", "24", "", ("Menschen",))]),
    ("113,000 solar modules", "en", [("113,000 solar modules", "113000", "", ("modules",))]),
    ("62 MW Leistung", "de", [("62 MW Leistung", "62000000", "W", ("Leistung",))]),
    ("62 Megawatt", "de", [("62 Megawatt", "62000000", "W", ())]),
    ("62MW", "en", [("62MW", "62000000", "W", ())]),
    ("1,2 Gigawatt", "de", [("1,2 Gigawatt", "1200000000", "W", ())]),
    ("0.74 TWh", "en", [("0.74 TWh", "740000000000", "Wh", ())]),
    ("Investition: rund 41 Mio. Euro", "de",
     [("41 Mio. Euro", "41000000", "EUR", ("Investition",))]),
    ("EUR 41 million", "en", [("EUR 41 million", "41000000", "EUR", ())]),
    ("€ 1,7 Mrd.", "de", [("€ 1,7 Mrd.", "1700000000", "EUR", ())]),
    ("0,2 Cent je Kilowattstunde", "de", [("0,2 Cent", "0.002", "EUR", ())]),
    ("18 %", "de", [("18 %", "18", "%", ())]),
    ("18%", "de", [("18%", "18", "%", ())]),
    ("18 Prozent", "de", [("18 Prozent", "18", "%", ())]),
    ("18 percent", "en", [("18 percent", "18", "%", ())]),
    ("37.000 Tonnen", "de", [("37.000 Tonnen", "37000", "t", ())]),
    ("70 hectares", "en", [("70 hectares", "70", "ha", ())]),
    ("Anlagen der 15-MW-Klasse", "de", [("15-MW", "15000000", "W", ())]),
    ("zehn Module mit je 5 MW Leistung", "de", [("5 MW Leistung", "5000000", "W", ())]),
    ("2030 MW", "en", [("2030 MW", "2030000000", "W", ())]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), FIGURES)
def test_figures(text: str, lang: str, expected: list[tuple[str, str, str, tuple[str, ...]]]) -> None:
    figures, _ = find_figures(text, lang)
    assert [(f.shown, f.values[0], f.unit, f.nouns) for f in figures] == [
        (shown, Decimal(value), unit, nouns) for shown, value, unit, nouns in expected]


# Digits that are no figure: each text must yield none.
NOT_FIGURES = [
    ("Zahlen für Q3 2026", "de"),
    ("weniger CO2 pro Jahr", "de"),
    ("ab 2030", "de"),
    ("Bis Ende 2027", "de"),
    ("um 09:00 Uhr", "de"),
    ("at 9:30 am", "en"),
    ("um 9 Uhr", "de"),
    ("#Top10 #Q3_2026", "de"),
    ("@nordlicht2026", "en"),
    ("https://example.com/news/120-neue-stellen?utm=5", "de"),
    ("www.example.com/2026/03", "de"),
    ("nordlicht-energie.example/projekte/40000", "de"),
    ("presse2026@example.com", "de"),
    ("Telefon +49 40 555 0190", "de"),
    ("Telefon 040 555 0190, Tel. 040/555-0230", "de"),
    ("rund um die Uhr, 24/7", "de"),
    ("von 10 bis 16 Uhr, from 9 to 5 p.m.", "de"),
    ("1️⃣ Erstens 2\u20e3 zweitens", "de"),
    ("im 3. Quartal", "de"),
    ("Eine 5G-Antenne und 3D-Druck", "de"),
    ("A-380 und Top-10", "en"),
    ("{{ facts.households }} Haushalte", "de"),
    ("Text[^1] mit Fußnote", "de"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_FIGURES)
def test_not_figures(text: str, lang: str) -> None:
    assert find_figures(text, lang)[0] == []


# (text, language, [(day, month, year)]): the numbers in them are dates, not figures.
DATES = [
    ("am 12. März 2026", "de", [(12, 3, 2026)]),
    ("am 12.03.2026", "de", [(12, 3, 2026)]),
    ("am 12.3.", "de", [(12, 3, None)]),
    ("2026-03-12T09:00", "de", [(12, 3, 2026)]),
    ("on March 12, 2026", "en", [(12, 3, 2026)]),
    ("on 25 April", "en", [(25, 4, None)]),
    ("on April 25th", "en", [(25, 4, None)]),
    ("Karrieretag am 9. Mai in Husum", "de", [(9, 5, None)]),
    ("bis 31. Januar 2027 bewerben", "de", [(31, 1, 2027)]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), DATES)
def test_dates(text: str, lang: str, expected: list[tuple[int, int, int | None]]) -> None:
    figures, dates = find_figures(text, lang)
    assert figures == []
    assert [(d.day, d.month, d.year) for d in dates] == expected


def test_a_sentence_end_is_no_date_in_english() -> None:
    figures, dates = find_figures("Growth was 1.5. Then it stopped.", "en")
    assert dates == [] and [f.values[0] for f in figures] == [Decimal("1.5")]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Haushalte", "Haushalten", True), ("household", "households", True),
    ("Mieter", "Mietern", True), ("Mieterinnen", "Mieter", True), ("job", "jobs", True),
    ("Module", "Modulen", True), ("Wind", "Windparks", False), ("Module", "Solarmodule", False),
    ("Leistung", "Leistungen", True), ("Tonnen", "Tage", False),
])
def test_same_noun(a: str, b: str, same: bool) -> None:
    assert same_noun(a, b) is same
