"""The editorial calendar as an iCalendar feed (RFC 5545), `kit/calendar.ics`: one event per
message and channel at its posting time, for the team's calendar app.

Written with icalendar, the well-kept implementation of RFC 5545 for Python: it writes the values,
folds the lines and finds the zone's changes for the VTIMEZONE. Times carry the site's time zone
(TZID, with a VTIMEZONE listing its offsets and changes over the years the calendar spans); a site
in UTC gets UTC times. Drafts are included as STATUS:TENTATIVE, like the kit shows them: planned,
not confirmed. UIDs are `<slug>-<lang>-<channel>@<host>`, so a calendar app updates an event when
its message changes instead of adding another.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, TypeVar
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, Event, Timezone
from icalendar.prop import vText

from hubgen.channels.registry import channel as channel_named
from hubgen.channels.schedule import posting_time
from hubgen.errors import Report
from hubgen.kit.strings import translate
from hubgen.memo import Made, Memo, Namespace, fingerprint
from hubgen.model import Site
from hubgen.parallel import parallel_map
from hubgen.paths import site_paths

if TYPE_CHECKING:
    from hubgen.kit.pages import KitMessage

__all__ = ["calendar_ics"]

C = TypeVar("C", bound=Component)

DURATION = timedelta(minutes=15)
"""Posts take a moment; a short slot shows where they go without blocking the day."""
_NOT_TEXT = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
_BEGIN_EVENT, _END_EVENT = b"BEGIN:VEVENT\r\n", b"END:VEVENT\r\n"


class _Text(vText):
    """A TEXT value (RFC 5545, 3.3.11) escaped exactly as given: icalendar's vText reads `\\N` in
    its input as a line break (its shorthand), which would split a title like `C:\\News`. TEXT
    holds no control characters but tabs (its TSAFE-CHAR): the others are dropped, as they
    are from the feeds."""

    def to_ical(self) -> bytes:
        text = self.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        text = _NOT_TEXT.sub("", re.sub(r"\r\n|\r|\n", r"\\n", text))
        return text.encode("utf-8")


def _vtimezone(zone: ZoneInfo, first: datetime, last: datetime) -> Timezone:
    """A VTIMEZONE for `zone` covering the years from `first` to `last`, one observance per
    change in the order they happen."""
    found = Timezone.from_tzinfo(zone, first_date=date(first.year - 1, 1, 1),
                                 last_date=date(last.year + 2, 1, 1))
    changes = sorted(((_onset(zone, wall, part.TZOFFSETFROM, part.TZOFFSETTO), part)
                      for part in found.subcomponents
                      for wall in [part.DTSTART, *(start for start, _ in part.rdates)]),
                     key=lambda change: change[0])
    timezone = Timezone()
    timezone.add("TZID", zone.key)
    for onset, part in changes:
        observance = type(part)()
        for name, value in (("DTSTART", onset), ("TZOFFSETFROM", part.TZOFFSETFROM),
                            ("TZOFFSETTO", part.TZOFFSETTO), ("TZNAME", part["TZNAME"])):
            observance.add(name, value)
        timezone.add_component(observance)
    return timezone


def _onset(zone: ZoneInfo, wall: datetime, before: timedelta, after: timedelta) -> datetime:
    """The local time before the change at which an observance begins, as RFC 5545 (3.6.5) has
    it: its example starts US summer time at DTSTART 02:00 with TZOFFSETFROM -0500.

    icalendar 7.3 writes the local time after a change forward (03:00 for 02:00 -> 03:00), which
    its own reader, like any other, puts an hour late. Whichever it gives, the change is at
    `wall` read in one of the two offsets; the first observance (no change) keeps its time."""
    for offset in (before, after):
        instant = (wall - offset).replace(tzinfo=UTC)
        changes = (instant - timedelta(seconds=1)).astimezone(zone).utcoffset() == before \
            and instant.astimezone(zone).utcoffset() == after
        if changes and before != after:
            return (instant + before).replace(tzinfo=None)
    return wall


def _description(kit: KitMessage, channel: str, lang: str) -> str:
    """The channel's texts (or its name and the title), then the links, in the kit's language."""
    items = kit.by_channel(channel)
    if not items:
        return ""
    entry = channel_named(channel)
    if not entry.calendar_texts:
        texts = [f"{entry.label(lang)}: {kit.message.title}"]
    else:
        texts = list(dict.fromkeys(
            (f"{item.label}:\n" if item.snippet.platform else "") + item.snippet.text for item in items))
    links = [f"{translate(lang, 'channel_kit')}: {kit.path}#ch-{channel}",
             f"{translate(lang, 'public_page_link')}: {kit.public_url}"]
    return "\n\n".join([*texts, *links])


def _uids(kits: list[KitMessage], host: str) -> dict[int, str]:
    """`<slug>-<lang>` per message; with the section too where two sections share a slug."""
    names = [f"{k.message.slug}-{k.message.lang}" for k in kits]
    counts = Counter(names)
    return {id(k): (f"{k.message.section}-{name}" if counts[name] > 1 else name) + "@" + host
            for k, name in zip(kits, names, strict=True)}


def _event(site: Site, kit: KitMessage, when: datetime, channel: str, uid: str) -> list[tuple[str, object]]:
    """An event's properties but its DTSTAMP."""
    zone, lang = site.config.site.timezone, site.config.site.language
    draft = f" ({translate(lang, 'status_draft')})" if kit.message.draft else ""
    return [("UID", _Text(uid.replace("@", f"-{channel}@", 1))),
            ("DTSTART", when.astimezone(UTC) if zone.key == "UTC" else when), ("DURATION", DURATION),
            ("SUMMARY", _Text(f"[{channel_named(channel).label(lang)}] {kit.message.title}{draft}")),
            ("DESCRIPTION", _Text(_description(kit, channel, lang))),
            ("URL", kit.public_url), ("CATEGORIES", channel),
            ("STATUS", "TENTATIVE" if kit.message.draft else "CONFIRMED")]


def _events(site: Site, kits: list[KitMessage], times: list[datetime], uids: dict[int, str],
             stamp: datetime, memo: Memo) -> bytes:
    """The VEVENTs, each message's written once and remembered: icalendar takes a millisecond
    or two for one (it folds character by character), and an edit changes few. A message's
    events are keyed by what they are made of (`_event`): the time zone, the language, its
    message and snippets, whose hashes are known, its kit page and public URL, its channels and
    its UID; only those not remembered are made at all. One entry a message, not one an event:
    fifty thousand keys to hash and rows to read were most of the calendar's time in an edit
    build. Only DTSTAMP, the time of the build, changes every time: it goes in front of each
    remembered rest (RFC 5545 gives properties no order)."""
    start = _component(Event(), [("DTSTAMP", stamp)]).to_ical(sorted=False)[:-len(_END_EVENT)]
    config = site.config.site
    keys = [fingerprint(config.timezone.key, config.language, kit.path, kit.public_url, kit.message,
                        [item.snippet for item in kit.snippets], kit.channels, uids[id(kit)])
            for kit in kits]

    def make(positions: list[int]) -> list[Made[tuple[bytes, ...]]]:
        events = {i: [_event(site, kits[i], times[i], channel, uids[id(kits[i])])
                      for channel in kits[i].channels] for i in positions}
        return parallel_map(_bodies, positions, events, chunk=8)

    bodies = memo.map(Namespace.ICS, keys, Report(), make)
    return b"".join(start + body for message in bodies for body in message)


def _bodies(events: dict[int, list[list[tuple[str, object]]]],
            position: int) -> Made[tuple[bytes, ...]]:
    """A message's events as icalendar writes them, each without its first line."""
    return tuple(_component(Event(), properties).to_ical(sorted=False).removeprefix(_BEGIN_EVENT)
                 for properties in events[position]), ()


def _component(component: C, properties: list[tuple[str, object]]) -> C:
    for name, value in properties:
        component.add(name, value)
    return component


def calendar_ics(site: Site, kits: list[KitMessage], now: datetime, memo: Memo | None = None) -> str:
    config, lang = site.config, site.config.site.language
    host = site_paths(config).host or "hubgen"
    timed = sorted(((posting_time(site, k.message), k) for k in kits),
                   key=lambda pair: (pair[0], pair[1].message.lang, pair[1].path))
    times, kits = [when for when, _ in timed], [k for _, k in timed]
    uids = _uids(kits, host)
    calendar = _component(Calendar(), [
        ("VERSION", "2.0"), ("PRODID", "-//hubgen//editorial calendar//EN"),
        ("CALSCALE", "GREGORIAN"), ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", _Text(f"{config.site.title} · {translate(lang, 'editorial_calendar')}")),
        ("X-WR-TIMEZONE", _Text(config.site.timezone.key))])
    if kits and config.site.timezone.key != "UTC":
        calendar.add_component(_vtimezone(config.site.timezone, min(times), max(times)))
    # In the order written, which is the order of RFC 5545's examples, not sorted by name.
    written: bytes = calendar.to_ical(sorted=False)
    end = written.rindex(b"END:VCALENDAR")
    events = _events(site, kits, times, uids, now.astimezone(UTC), memo or Memo())
    return str(written[:end] + events + written[end:], "utf-8")
