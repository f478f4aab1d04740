"""Numbers as newsrooms write them: digits with German or English separators, scale words and
units, so that `40.000`, `40,000`, `40 000`, `62 MW`, `62 Megawatt`, `41 Mio. Euro` and
`EUR 41 million` are compared by what they mean, not by how they are spelled."""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["NUMBER", "decimal_mark", "readings", "unit_of"]

NUMBER = re.compile(
    r"(?<![\w#@/.,\\\x00])(?<![^\W\d_]-)"  # not inside a word, hashtag, path, number, A-380
    r"(?:[0-9]{1,3}(?:(?:[.,]|[ \u00a0\u202f])[0-9]{3})+(?:[.,][0-9]+)?"  # 40.000 / 40 000,5
    r"|[0-9]+(?:[.,][0-9]+)?)"  # 40000 / 0,74 / 1.2
    r"(?![0-9]|[.,][0-9])"
)

# Languages that write a decimal point; the others (de, fr, es, it, nl, da, pl, …) a comma.
_DECIMAL_POINT = frozenset({"en", "ja", "zh", "ko", "he", "th", "hi"})


def decimal_mark(lang: str) -> str:
    return "." if lang.split("-")[0] in _DECIMAL_POINT else ","


def readings(token: str, lang: str) -> tuple[Decimal, ...]:
    """What a written number can mean, the language's own reading first.

    Only `40.000` or `1,150` (one separator, three digits after it) are ambiguous; both readings
    are kept, so a figure written by the other language's rule still matches."""
    token = token.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in token:  # spaces group thousands; a remaining mark is the decimal one
        return (Decimal(token.replace(" ", "").replace(",", ".")),)
    marks = [c for c in token if c in ".,"]
    if not marks:
        return (Decimal(token),)
    if len(set(marks)) == 2:  # 40.000,5 / 40,000.5: the last mark is the decimal one
        thousands = marks[0]
        return (Decimal(token.replace(thousands, "").replace(marks[-1], ".")),)
    mark = marks[0]
    if len(marks) > 1:  # 1.234.567: only a thousands mark repeats
        return (Decimal(token.replace(mark, "")),)
    head, tail = token.split(mark)
    as_decimal = Decimal(f"{head}.{tail}")
    if len(tail) != 3 or head == "0":
        return (as_decimal,)
    as_thousands = Decimal(head + tail)
    if mark == decimal_mark(lang):
        return as_decimal, as_thousands
    return as_thousands, as_decimal


# Scale words between a number and its unit: "41 Mio. Euro", "EUR 1.7 billion".
_SCALES: tuple[tuple[str, str], ...] = (
    (r"Mio\.?|Mill\.|(?i:millionen|million|millions|mn)", "1e6"),
    (r"Mrd\.?|(?i:milliarden|milliarde|billions|billion|bn)", "1e9"),
    (r"Tsd\.?|(?i:tausend|thousands|thousand)", "1e3"),
)

# Units with the dimension they measure and their factor to its base unit. Symbols are
# case-sensitive (MW is not mW); words are not.
_UNITS: tuple[tuple[str, str, str], ...] = (
    (r"%|(?i:prozent|percent|per\s+cent|pct\.?)", "%", "1"),
    (r"(?i:prozentpunkte|prozentpunkten|prozentpunkt|percentage\s+points?)|pp", "pp", "1"),
    (r"kWp?|(?i:kilowatts?|kilowatt)", "W", "1e3"),
    (r"MWp?|(?i:megawatts?)", "W", "1e6"),
    (r"GWp?|(?i:gigawatts?)", "W", "1e9"),
    (r"TW|(?i:terawatts?)", "W", "1e12"),
    (r"W|(?i:watts?)", "W", "1"),
    (r"kWh|(?i:kilowattstunden?|kilowatt[ -]hours?)", "Wh", "1e3"),
    (r"MWh|(?i:megawattstunden?|megawatt[ -]hours?)", "Wh", "1e6"),
    (r"GWh|(?i:gigawattstunden?|gigawatt[ -]hours?)", "Wh", "1e9"),
    (r"TWh|(?i:terawattstunden?|terawatt[ -]hours?)", "Wh", "1e12"),
    (r"Wh|(?i:wattstunden?|watt[ -]hours?)", "Wh", "1"),
    (r"t|(?i:tonnen|tonnes?|tons?)", "t", "1"),
    (r"kg|(?i:kilogramm|kilograms?)", "t", "1e-3"),
    (r"ha|(?i:hektar|hectares?)", "ha", "1"),
    (r"km²|km2|qkm|(?i:quadratkilometern?|square\s+kilomet(?:re|er)s?)", "ha", "100"),
    (r"m²|(?i:quadratmetern?|square\s+met(?:re|er)s?)", "ha", "1e-4"),
    (r"km|(?i:kilometern?|kilomet(?:re|er)s?)", "m", "1e3"),
    (r"(?i:metern?|met(?:re|er)s)", "m", "1"),
    (r"€|EUR|(?i:euros?)", "EUR", "1"),
    (r"ct|(?i:cents?)", "EUR", "0.01"),
    (r"US\$|\$|USD|(?i:us-dollars?|dollars?)", "USD", "1"),
    (r"£|GBP|(?i:pfund\s+sterling|pounds?)", "GBP", "1"),
    (r"CHF|(?i:franken)", "CHF", "1"),
)
_SEP = r"[ \u00a0\u202f-]?"
_END = r"(?![\w²])"
_SCALE_RE = [(re.compile(_SEP + f"(?:{pattern}){_END}"), Decimal(factor)) for pattern, factor in _SCALES]
_UNIT_RE = [(re.compile(_SEP + f"(?:{pattern}){_END}"), dim, Decimal(factor))
            for pattern, dim, factor in _UNITS]
CURRENCY_BEFORE = re.compile(r"(?:€|EUR|US\$|\$|USD|£|GBP|CHF)[ \u00a0]?$")
_CURRENCIES = {"€": "EUR", "EUR": "EUR", "US$": "USD", "$": "USD", "USD": "USD", "£": "GBP",
               "GBP": "GBP", "CHF": "CHF"}


def unit_of(text: str, start: int, end: int) -> tuple[int, int, str, Decimal]:
    """The scale and unit written after the number at `start:end`, or a currency sign before it
    (`EUR 41 million`): where the figure starts and ends, its dimension and its factor."""
    factor = Decimal(1)
    for pattern, scale in _SCALE_RE:
        if match := pattern.match(text, end):
            factor, end = scale, match.end()
            break
    for pattern, dim, unit_factor in _UNIT_RE:
        if match := pattern.match(text, end):
            return start, match.end(), dim, factor * unit_factor
    if currency := CURRENCY_BEFORE.search(text, 0, start):
        return currency.start(), end, _CURRENCIES[currency.group().strip()], factor
    return start, end, "", factor
