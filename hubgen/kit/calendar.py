"""The editorial calendar of the channel kit: every message at its posting time, by ISO week and
month, with the channels it covers and the gaps, so a planner sees empty weeks and missing
channels at a glance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from hubgen.channels import CHANNELS
from hubgen.channels.platforms import PLATFORMS
from hubgen.channels.schedule import posting_time
from hubgen.content.dates import format_date
from hubgen.model import Site

if TYPE_CHECKING:  # kit_pages renders the calendar and imports this module
    from hubgen.kit.pages import KitMessage

__all__ = ["Coverage", "Entry", "Month", "Week", "calendar_months", "coverage"]


@dataclass(frozen=True)
class Coverage:
    channel: str
    platforms: tuple[str, ...]
    """Platform names (`X`, `LinkedIn`) for social and advocacy; empty for the others."""
    present: bool


@dataclass(frozen=True)
class Entry:
    kit: KitMessage
    posting: datetime
    """When its posts go out, in the site's time zone."""
    coverage: tuple[Coverage, ...]

    @property
    def gaps(self) -> list[str]:
        return [c.channel for c in self.coverage if not c.present]


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
class Month:
    year: int
    month: int
    label: str
    weeks: tuple[Week, ...]
    """The ISO weeks whose Thursday falls in this month, as ISO 8601 assigns weeks to years."""


def coverage(site: Site, kit: KitMessage) -> tuple[Coverage, ...]:
    """Each channel the site makes, with the platforms this message has posts for."""
    found = []
    for channel in site.config.channels.channels_of(CHANNELS):
        snippets = [s.snippet for s in kit.by_channel(channel)]
        platforms = dict.fromkeys(PLATFORMS[s.platform].label for s in snippets if s.platform)
        found.append(Coverage(channel, tuple(platforms), bool(snippets)))
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


def calendar_months(site: Site, kits: list[KitMessage]) -> list[Month]:
    entries = sorted((Entry(kit, posting_time(site, kit.message), coverage(site, kit)) for kit in kits),
                     key=lambda e: (e.posting, e.kit.message.lang, e.kit.message.slug))
    months: list[Month] = []
    for week in _weeks(entries):
        thursday = week.monday + timedelta(days=3)
        if not months or (months[-1].year, months[-1].month) != (thursday.year, thursday.month):
            label = format_date(datetime(thursday.year, thursday.month, 1), "MMMM y", "en")
            months.append(Month(thursday.year, thursday.month, label, ()))
        last = months[-1]
        months[-1] = Month(last.year, last.month, last.label, (*last.weeks, week))
    return months
