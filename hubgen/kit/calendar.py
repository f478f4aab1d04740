"""The editorial calendar of the channel kit: every message at its posting time, by ISO week and
month, with the channels it covers and the gaps, so a planner sees empty weeks and missing
channels at a glance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from hubgen.channels.platforms import platform
from hubgen.channels.registry import enabled_channels
from hubgen.channels.schedule import posting_time
from hubgen.kit.presenting import Locale
from hubgen.model import Site

if TYPE_CHECKING:  # kit_pages renders the calendar and imports this module
    from hubgen.kit.pages import KitMessage

__all__ = ["Coverage", "Day", "Entry", "Month", "Week", "calendar_months", "coverage"]


@dataclass(frozen=True)
class Coverage:
    channel: str
    platforms: tuple[str, ...]
    """Platform names (`X`, `LinkedIn`) for social and advocacy; empty for the others."""
    present: bool
    off: bool = False
    """The message switched it off (`recruiting: false`): not a gap."""


@dataclass(frozen=True)
class Entry:
    kit: KitMessage
    posting: datetime
    """When its posts go out, in the site's time zone."""
    coverage: tuple[Coverage, ...]

    @property
    def gaps(self) -> list[str]:
        return [c.channel for c in self.coverage if not c.present and not c.off]


@dataclass(frozen=True)
class Week:
    year: int
    number: int
    """ISO week number."""
    monday: date
    entries: tuple[Entry, ...]

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)


@dataclass(frozen=True)
class Day:
    day: date
    in_month: bool
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    label: str
    weeks: tuple[Week, ...]
    """The ISO weeks whose Thursday falls in this month, as ISO 8601 assigns weeks to years."""
    grid: tuple[tuple[Day, ...], ...] = ()
    """The month as schedulers show it: Monday-first rows of days from the week of its 1st to
    the week of its last day, with the posts of each day."""


def _grid(year: int, month: int, by_day: dict[date, list[Entry]]) -> tuple[tuple[Day, ...], ...]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    day = first - timedelta(days=first.weekday())
    rows = []
    while day < following:
        rows.append(tuple(Day(day + timedelta(days=i), (day + timedelta(days=i)).month == month,
                              tuple(by_day.get(day + timedelta(days=i), ()))) for i in range(7)))
        day += timedelta(days=7)
    return tuple(rows)


def coverage(site: Site, kit: KitMessage) -> tuple[Coverage, ...]:
    """Each channel the site makes, with the platforms this message has posts for."""
    found = []
    off = kit.switched_off
    for channel in enabled_channels(site.config):
        snippets = [s.snippet for s in kit.by_channel(channel)]
        platforms = dict.fromkeys(platform(s.platform).label for s in snippets if s.platform)
        found.append(Coverage(channel, tuple(platforms), bool(snippets), channel in off))
    return tuple(found)


def _weeks(entries: list[Entry]) -> list[Week]:
    """Every ISO week from the first entry's to the last one's, empty weeks included."""
    if not entries:
        return []
    by_week: dict[date, list[Entry]] = {}
    for entry in entries:
        day = entry.posting.date()
        by_week.setdefault(day - timedelta(days=day.weekday()), []).append(entry)
    monday, last = min(by_week), max(by_week)
    weeks = []
    while monday <= last:
        year, number, _ = monday.isocalendar()
        weeks.append(Week(year, number, monday, tuple(by_week.get(monday, ()))))
        monday += timedelta(days=7)
    return weeks


def calendar_months(site: Site, kits: list[KitMessage], locale: Locale | None = None) -> list[Month]:
    locale = locale or Locale(site.config.site.language)
    entries = sorted((Entry(kit, posting_time(site, kit.message), coverage(site, kit)) for kit in kits),
                     key=lambda e: (e.posting, e.kit.message.lang, e.kit.message.slug))
    by_day: dict[date, list[Entry]] = {}
    for entry in entries:
        by_day.setdefault(entry.posting.date(), []).append(entry)
    months: list[Month] = []
    for week in _weeks(entries):
        thursday = week.monday + timedelta(days=3)
        if not months or (months[-1].year, months[-1].month) != (thursday.year, thursday.month):
            label = locale.date(datetime(thursday.year, thursday.month, 1), "yMMMM")
            months.append(Month(thursday.year, thursday.month, label, (),
                                _grid(thursday.year, thursday.month, by_day)))
        last = months[-1]
        months[-1] = Month(last.year, last.month, last.label, (*last.weeks, week), last.grid)
    return months
