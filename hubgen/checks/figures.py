"""Figures and dates in running text, each with the nouns around it (`50.000 Haushalte`,
`Investition: 41 Mio. Euro`), so that a figure can be told apart from another one.

What is not a figure: digits inside words (Q3, CO2), hashtags, mentions, URLs, e-mail and phone
numbers, times (09:00, 9 Uhr), years (2026), German ordinals (3. Quartal), ratios (24/7) and
numbers that are part of a date — dates are found first and kept as dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from hubgen.checks.numbers import NUMBER, readings, unit_of

__all__ = ["DateFigure", "Figure", "find_dates", "find_figures", "same_date", "same_noun",
           "same_value"]


@dataclass(frozen=True)
class Figure:
    shown: str
    """As written, with its unit and noun: `50.000 Haushalte`, `EUR 41 million`."""
    values: tuple[Decimal, ...]
    """What the number can mean, in the dimension's base unit; the language's reading first."""
    unit: str
    """Dimension: `%`, `W`, `Wh`, `EUR`, `t`, `ha`, …; "" for a plain count."""
    nouns: tuple[str, ...]
    """The noun after it (`Haushalte`) and a `Label:` before it, as written."""
    start: int
    leads: tuple[str, ...] = ()
    """The noun that leads up to it: `Leistung` in `eine Leistung von rund 35 MW`."""
    label: tuple[str, ...] = ()
    """The `Label:` before it (in `nouns` too)."""


@dataclass(frozen=True)
class DateFigure:
    shown: str
    day: int
    month: int
    year: int | None
    start: int


_MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mrz": 3, "mar": 3, "april": 4, "apr": 4,
    "mai": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "dezember": 12, "december": 12, "dez": 12,
    "dec": 12,
}
# Month names start with a capital letter in both languages; "may" in lower case is a verb.
_MONTH = "(?P<mn>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_S = r"[ \u00a0\u202f]"
_DATES = (
    re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
               r"(?:T\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"),
    re.compile(rf"(?<![\w.,])(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?{_S}?{_MONTH}(?:,?{_S}(?P<y>\d{{4}}))?(?!\w)"),
    re.compile(rf"(?<![\w.,]){_MONTH}{_S}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,{_S}?(?P<y>\d{{4}}))?(?![\w.,]\d|\w)"),
    re.compile(r"(?<![\w.,])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)"),
)
# Only where a decimal comma is the rule is "12.3." a date and not the end of a sentence.
_SHORT_DOTTED = re.compile(r"(?<![\w.,])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})?(?!\d)")

_NOT_FIGURES = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # URLs, e-mail addresses
    r"|(?<![\w.])(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?"  # bare domains: example.com/x
    r"|(?<![\w&])[#@][\w.@-]*\w"  # hashtags, mentions
    r"|\{\{.*?\}\}|\{%.*?%\}|\[\^[^\]]*\]"  # template leftovers, footnote marks
    r"|\+\d[\d \u00a0()/-]{5,}\d|(?:Tel\.|Telefon|Phone|Fax|Mobil)[:\s]*[\d \u00a0()/+-]{6,}\d"  # phones
    # times: 10 bis 16 Uhr, 09:00, 9.30 Uhr, 9 a.m.
    r"|(?<![\w.,])\d{1,2}(?::\d{2})?\s?(?:bis|to|-|–)\s?\d{1,2}(?::\d{2})?\s?(?:Uhr|a\.m\.|p\.m\.)"
    r"|(?<![\w.,:])\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:Uhr|h|a\.m\.|p\.m\.|am|pm|AM|PM)(?!\w))?"
    r"|(?<![\w.,])\d{1,2}[.]\d{2}\s?(?:Uhr|h)(?!\w)|(?<![\w.,])\d{1,2}\s?(?:Uhr|a\.m\.|p\.m\.)"
    r"|(?<![\w.,/])\d+/\d+(?:/\d+)?(?![\w/])"  # 24/7, 12/03/2026
    r"|[0-9#*]\ufe0f?\u20e3"  # keycap emoji: 1️⃣
)
_ORDINAL = re.compile(r"(?<![\w.,])\d{1,3}\.(?=[ \u00a0]+\w)")  # "3. Quartal" (not in English)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "\x00" * (end - start)
    return "".join(chars)


def find_dates(text: str, lang: str) -> tuple[list[DateFigure], str]:
    """The dates in `text`, and the text with dates and other non-figures blanked out."""
    text = _mask(text, [m.span() for m in _NOT_FIGURES.finditer(text)])
    patterns = (*_DATES, _SHORT_DOTTED) if lang.split("-")[0] != "en" else _DATES
    found: list[DateFigure] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = _MONTHS[groups["mn"].lower()] if groups.get("mn") else int(groups["m"])
            day, year = int(groups["d"]), int(groups["y"]) if groups.get("y") else None
            if year is not None and year < 100:
                year += 2000
            if 1 <= day <= 31 and 1 <= month <= 12:
                found.append(DateFigure(match.group(), day, month, year, match.start()))
                text = _mask(text, [match.span()])
    if lang.split("-")[0] != "en":
        text = _mask(text, [m.span() for m in _ORDINAL.finditer(text)])
    return sorted(found, key=lambda d: d.start), text


# Function words: a figure's noun comes before any of them ("18 Prozent auf 214 Mio.").
_FUNCTION_WORDS = (
    "der die das den dem des ein eine einen einem einer eines und oder für von vom zu zum zur im"
    " in am an auf aus bei mit nach seit bis über unter vor um als wie je pro ab ca rund etwa mehr"
    " weniger insgesamt zusammen jeweils jährlich sowie plus minus gegenüber statt davon"
    " the a an and or of for to in on at by with from into per each about around over under than"
    " more less total some as up since until till vs versus out"
)
_STOP = frozenset(_FUNCTION_WORDS.split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\S")
# "zehn Module mit je 5 MW": a figure per piece says nothing about the fact for the whole.
_PER_PIECE = re.compile(r"(?:^|[\s(])(?:je|jeweils|pro|each|per|à)[ \u00a0]+$", re.IGNORECASE)
_LABEL = re.compile(r"([^\W\d_][\w-]*)[ \u00a0]*:[ \u00a0]*(?:(?:rund|ca\.|etwa|around|about)[ \u00a0]+)?$")
# "eine Leistung von rund 35 MW", "a capacity of about 35 MW": only words that say "this is its
# amount" lead to a figure. A change ("um 5 MW", "auf 35 MW") or a bound ("mehr als", "bis zu",
# "up to") says something else, and a word between ("Leistung des Parks von") may be another's.
_LEADING = (r"von|bei|beträgt|betrug|betragen|liegt|lag|ist|sind|war|waren|rund|etwa|ca\.|circa"
            r"|knapp|gut|fast|nahezu|insgesamt|zusammen|in|höhe|of|is|was|totals|totalling|totaling|around|about|approx\."
            r"|approximately|nearly|almost|roughly|some")
_LEAD = re.compile(rf"([^\W\d_][\w-]*)(?:[ \u00a0]+(?i:{_LEADING})){{1,4}}[ \u00a0]+$")
# "5 MW pro Anlage", "35 MW-Klasse", "5 MW mehr": a figure per piece, part of a name, a difference.
_NOT_LED = re.compile(r"[ \u00a0]*(?:(?:pro|je|per|each|à|mehr|weniger|höher|niedriger|größer|kleiner"
                      r"|more|less|higher|lower|above|below)(?!\w)|-[^\W\d_])", re.IGNORECASE)


def nouns_after(text: str, lang: str) -> tuple[list[str], int]:
    """The noun a figure counts and where it ends in `text`: German takes the first capitalised
    word within three (skipping adjectives: `24 junge Menschen`), English the last of two words
    (`113,000 solar modules`). Punctuation and function words end the search."""
    german = lang.split("-")[0] != "en"
    taken: list[re.Match[str]] = []
    for match in _WORD.finditer(text[:80]):
        word = match.group()
        if not word[0].isalpha() or word.casefold() in _STOP or len(taken) == (3 if german else 2):
            break
        taken.append(match)
        if german and word[0].isupper():
            return [word], match.end()
    if german or not taken:
        return [], 0
    return [taken[-1].group()], taken[-1].end()


def label_before(text: str) -> list[str]:
    """`Investition: 41 Mio. Euro` is about the investment."""
    match = _LABEL.search(text[-60:])
    return [match.group(1)] if match else []


def _is_year(token: str, unit: str) -> bool:
    return not unit and token.isdigit() and len(token) == 4 and 1800 <= int(token) <= 2199


def find_figures(text: str, lang: str) -> tuple[list[Figure], list[DateFigure]]:
    """Every figure and date in `text` (a line or a snippet), in order."""
    dates, masked = find_dates(text, lang)
    figures = []
    for match in NUMBER.finditer(masked):
        start, end, unit, factor = unit_of(masked, match.start(), match.end())
        token = match.group()
        if _is_year(token, unit) or (end == match.end() and masked[end:end + 1].isalpha()):
            continue  # a year, or a code such as 5G or 3D
        after, noun_end = nouns_after(masked[end:], lang)
        shown = text[start : end + noun_end]
        values = tuple(value * factor for value in readings(token, lang))
        before = masked[max(0, start - 60) : start]
        per_piece = _PER_PIECE.search(before)
        label = () if per_piece else tuple(label_before(before))
        lead = None if per_piece or _NOT_LED.match(masked, end) else _LEAD.search(before)
        figures.append(Figure(shown, values, unit, () if per_piece else (*after, *label), start,
                              (lead.group(1),) if lead else (), label))
    return figures, dates


def same_value(a: Figure, b: Figure) -> bool:
    """The same quantity: a value in common and the same dimension (a plain count matches any)."""
    if a.unit and b.unit and a.unit != b.unit:
        return False
    return any(x == y for x in a.values for y in b.values)


def same_date(a: DateFigure, b: DateFigure) -> bool:
    """The same day; a date written without a year matches that day in any year."""
    return (a.day, a.month) == (b.day, b.month) and (None in (a.year, b.year) or a.year == b.year)


def _stem(word: str) -> str:
    word = word.casefold()
    for suffix in ("innen", "en", "es", "er", "e", "n", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def same_noun(a: str, b: str) -> bool:
    """`Haushalte` and `Haushalten`, `household` and `households`, `Mieter` and `Mietern`."""
    a, b = _stem(a), _stem(b)
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 3 and long.startswith(short) and len(long) - len(short) <= 3)
