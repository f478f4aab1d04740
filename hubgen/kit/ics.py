"""The editorial calendar as an iCalendar feed (RFC 5545), `kit/calendar.ics`: one event per
message and channel at its posting time, for the team's calendar app.

Written by hand: the format is small, and a dependency for it would be larger than this module.
Times carry the site's time zone (TZID, with a VTIMEZONE listing its offsets and changes over the
years the calendar spans); a site in UTC gets UTC times. Drafts are included as STATUS:TENTATIVE,
like the kit shows them: planned, not confirmed. UIDs are `<slug>-<lang>-<channel>@<host>`, so a
calendar app updates an event when its message changes instead of adding another.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from hubgen.channels.registry import channel as channel_named
from hubgen.channels.schedule import posting_time
from hubgen.model import Site
from hubgen.paths import site_paths

if TYPE_CHECKING:
    from hubgen.kit.pages import KitMessage

__all__ = ["calendar_ics", "escape_text", "fold", "vtimezone"]

DURATION = "PT15M"
"""Posts take a moment; a short slot shows where they go without blocking the day."""


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued after CRLF and a space; never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: step back to the start
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines begin with a space
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _offset(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta()).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _changes(zone: ZoneInfo, start: datetime, end: datetime) -> list[datetime]:
    """The instants (UTC) between `start` and `end` at which `zone` changes its offset."""
    found, day, before = [], start, start.astimezone(zone).utcoffset()
    while day < end:
        after = (day + timedelta(days=1)).astimezone(zone).utcoffset()
        if after != before:
            low, high = day, day + timedelta(days=1)
            while high - low > timedelta(minutes=1):  # to the minute: zones change on minutes
                middle = low + (high - low) / 2
                low, high = (middle, high) if middle.astimezone(zone).utcoffset() == before else (low, middle)
            found.append(high.replace(second=0, microsecond=0))
            before = after
        day += timedelta(days=1)
    return found


def vtimezone(zone: ZoneInfo, first: datetime, last: datetime) -> list[str]:
    """A VTIMEZONE for `zone` covering the years from `first` to `last`."""
    start = datetime(first.year - 1, 1, 1, tzinfo=UTC)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone.key}"]
    for instant in [start, *_changes(zone, start, datetime(last.year + 2, 1, 1, tzinfo=UTC))]:
        local = instant.astimezone(zone)
        before = (instant - timedelta(minutes=1)).astimezone(zone).utcoffset() if instant != start \
            else local.utcoffset()
        kind = "DAYLIGHT" if local.dst() else "STANDARD"
        onset = (instant + (before or timedelta())).replace(tzinfo=None)  # local time before it
        lines += [f"BEGIN:{kind}", f"DTSTART:{onset:%Y%m%dT%H%M%S}", f"TZOFFSETFROM:{_offset(before)}",
                  f"TZOFFSETTO:{_offset(local.utcoffset())}", f"TZNAME:{local.tzname()}", f"END:{kind}"]
    return [*lines, "END:VTIMEZONE"]


def _description(kit: KitMessage, channel: str, public_url: str) -> str:
    snippets = [s.snippet for s in kit.by_channel(channel)]
    entry = channel_named(channel)
    if not entry.calendar_texts:
        texts = [f"{entry.label('en')}: {kit.message.title}"]
    else:
        texts = list(dict.fromkeys(
            (f"{item.label}:\n" if item.snippet.platform else "") + item.snippet.text
            for item in kit.by_channel(channel)))
    links = [f"Channel kit: {kit.path}#{channel}", f"Public page: {public_url}"]
    return "\n\n".join([*texts, *links]) if snippets else ""


def _uids(kits: list[KitMessage], host: str) -> dict[int, str]:
    """`<slug>-<lang>` per message; with the section too where two sections share a slug."""
    names = [f"{k.message.slug}-{k.message.lang}" for k in kits]
    counts = Counter(names)
    return {id(k): (f"{k.message.section}-{name}" if counts[name] > 1 else name) + "@" + host
            for k, name in zip(kits, names, strict=True)}


def _event(site: Site, kit: KitMessage, channel: str, uid: str, stamp: str) -> list[str]:
    zone = site.config.site.timezone
    when = posting_time(site, kit.message)
    start = (f"DTSTART:{when.astimezone(UTC):%Y%m%dT%H%M%SZ}" if zone.key == "UTC"
             else f"DTSTART;TZID={zone.key}:{when:%Y%m%dT%H%M%S}")
    status = "TENTATIVE" if kit.message.draft else "CONFIRMED"
    draft = " (draft)" if kit.message.draft else ""
    return ["BEGIN:VEVENT", f"UID:{uid.replace('@', f'-{channel}@', 1)}", f"DTSTAMP:{stamp}", start,
            f"DURATION:{DURATION}", f"SUMMARY:{escape_text(f'[{channel}] {kit.message.title}{draft}')}",
            f"DESCRIPTION:{escape_text(_description(kit, channel, kit.public_url))}",
            f"URL:{kit.public_url}", f"CATEGORIES:{channel}", f"STATUS:{status}", "END:VEVENT"]


def calendar_ics(site: Site, kits: list[KitMessage], now: datetime) -> str:
    config = site.config
    host = site_paths(config).host or "hubgen"
    kits = sorted(kits, key=lambda k: (posting_time(site, k.message), k.message.lang, k.path))
    uids = _uids(kits, host)
    stamp = f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hubgen//editorial calendar//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape_text(config.site.title + ' · editorial calendar')}",
             f"X-WR-TIMEZONE:{config.site.timezone.key}"]
    if kits and config.site.timezone.key != "UTC":
        times = [posting_time(site, k.message) for k in kits]
        lines += vtimezone(config.site.timezone, min(times), max(times))
    for kit in kits:
        for channel in kit.channels:
            lines += _event(site, kit, channel, uids[id(kit)], stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
