"""Dates of messages: a date or a date-time, with an offset or in the site's time zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_date
from babel.dates import format_datetime as babel_datetime
from babel.dates import format_time as babel_time

__all__ = ["YEARS", "format_date", "format_datetime", "format_time", "parse_datetime"]

YEARS = range(1900, 3000)
"""Years a message can be dated in. Near year 1 or 9999 converting zones overflows Python's
datetime; a newsroom has nothing to date outside these."""

_DATE_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$"
)


def parse_datetime(value: str, zone: ZoneInfo) -> datetime:
    """Parse `2026-03-12`, `2026-03-12 09:00`, `2026-03-12T09:00:00+01:00`, `… Z`.

    A value without an offset is local time in `zone`. Raises ValueError with a reason.
    """
    match = _DATE_RE.match(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a date")
    year, month, day, hour, minute, second, offset = match.groups()
    if int(year) not in YEARS:
        raise ValueError(f"year {year} is not between {YEARS[0]} and {YEARS[-1]}")
    try:
        naive = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                         int(second or 0))
    except ValueError as exc:  # 2026-02-30, 25:00: name the value, not just the rule
        raise ValueError(f"'{value}' does not exist: {exc}") from None
    if offset is None:
        return naive.replace(tzinfo=zone)
    if offset == "Z":
        return naive.replace(tzinfo=UTC)
    sign = 1 if offset[0] == "+" else -1
    digits = offset[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if delta >= timedelta(hours=24):
        raise ValueError(f"offset '{offset}' is out of range")
    return naive.replace(tzinfo=timezone(sign * delta))


# Formatting goes through Babel's CLDR data rather than hand-kept month names.
def format_date(value: datetime, style: str = "long", lang: str = "en") -> str:
    """`12. März 2026` (de, long), `March 12, 2026` (en, long)."""
    return str(babel_date(value, format=style, locale=lang))


def format_time(value: datetime, lang: str = "en") -> str:
    """`09:00` in German, `9:00 AM` in English: each language's short time."""
    return str(babel_time(value, format="short", locale=lang, tzinfo=value.tzinfo))


def format_datetime(value: datetime, pattern: str, lang: str) -> str:
    """A CLDR pattern such as `d. MMMM y, HH:mm 'Uhr' z`, in the value's own time zone."""
    return str(babel_datetime(value, pattern, locale=lang, tzinfo=value.tzinfo))
