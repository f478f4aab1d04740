"""The editorial calendar: the kit page by month and ISO week with coverage and gaps, and the
iCalendar feed, read back with the icalendar package."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import CONFIG, SiteDir

from hubgen.paths import short_code
from hubgen.pipeline import BuildOptions, build

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    """Week 10: one message without recruiting; week 11: nothing; week 12: two languages;
    week 14: a draft; July: summer time. Built once: the tests only read."""
    site = SiteDir(tmp_path_factory.mktemp("calendar"))
    site.write("hubgen.toml", CONFIG)
    site.message("content/news/park.md", title="Park", date="2026-03-02 09:00 +01:00", summary="Heute.",
                 extra="channels:\n  recruiting: false\n  social:\n    x: 'Am Netz. {{ url }}'")
    site.message("content/news/speicher.md", title="Speicher", date="2026-03-19 10:02 +01:00",
                 summary="Heute.")
    site.message("content/news/speicher.en.md", title="Storage", date="2026-03-19 10:02 +01:00",
                 summary="Today.")
    site.message("content/news/entwurf.md", title="Entwurf", date="2026-03-31 08:00 +02:00",
                 summary="Bald.", extra="draft: true")
    site.message("content/news/sommer.md", title="Sommer", date="2026-07-01 12:00 +00:00",
                 summary="Warm.")
    build(BuildOptions(site.root, now=NOW))
    return site


def test_page_by_month_and_week(planned: SiteDir) -> None:
    page = planned.read("kit/calendar/index.html")
    months = ["März 2026", "April 2026", "Mai 2026", "Juni 2026", "Juli 2026"]  # the site's language
    assert [page.index(f">{m}</h2>") for m in months] == sorted(page.index(f">{m}</h2>") for m in months)
    for week in (10, 11, 12, 13, 14, 27):
        assert f'id="w-2026-{week}"' in page
    week_11 = page[page.index('id="w-2026-11"'):page.index('id="w-2026-12"')]
    assert "Keine Posts in dieser Woche." in week_11
    week_10 = page[page.index('id="w-2026-10"'):page.index('id="w-2026-11"')]
    # Park switched recruiting off: not a gap.
    assert 'class="gap"' not in week_10 and '<li class="off">Recruiting <span>abgeschaltet</span>' in week_10
    assert 'href="../de/news/park/"' in week_10 and "Mo., 2. März, 09:00" in week_10
    week_12 = page[page.index('id="w-2026-12"'):page.index('id="w-2026-13"')]
    assert "Speicher" in week_12 and "Storage" in week_12 and "10:05" in week_12
    platforms = "X, LinkedIn, Mastodon, Bluesky, Threads, Instagram, Facebook"
    assert f'Social <span class="muted">{platforms}</span>' in week_12


def test_the_week_of_a_month_is_the_week_of_its_thursday(planned: SiteDir) -> None:
    page = planned.read("kit/calendar/index.html")
    # 30 March - 5 April 2026 has its Thursday in April: it is April's first week.
    assert page.index(">April 2026</h2>") < page.index('id="w-2026-14"') < page.index(">Mai 2026</h2>")


def test_calendar_is_linked(planned: SiteDir) -> None:
    index = planned.read("kit/index.html")
    assert 'href="calendar/"' in index and 'href="calendar.ics"' in index
    assert 'href="../../../calendar/">Kalender</a>' in planned.read("kit/de/news/park/index.html")


def test_month_grid_puts_each_post_on_its_day(planned: SiteDir) -> None:
    page = planned.read("kit/calendar/index.html")
    march = page[page.index(">März 2026</h2>"):page.index(">April 2026</h2>")]
    grid = march[march.index('<table class="grid">'):march.index("</table>")]
    # Monday-first rows from 23 February (the week of 1 March) to 5 April (the week of 31 March).
    days = re.findall(r'<span class="day-number">(\d+)</span>', grid)
    assert days[:8] == ["23", "24", "25", "26", "27", "28", "1", "2"] and days[-1] == "5" and len(days) == 42
    weekdays = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
    assert re.findall(r"<th scope=\"col\">([^<]+)</th>", grid) == weekdays
    cells = re.findall(r'<td class="([^"]+)">\s*<span class="day-number">(\d+)</span>(.*?)</td>', grid, re.S)
    with_posts = {(day, "Park" in rest, "Speicher" in rest and "Storage" in rest)
                  for classes, day, rest in cells if "has" in classes}
    assert with_posts == {("2", True, False), ("19", False, True), ("31", False, False)}


def events(site: SiteDir) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(site.read("kit/calendar.ics"))
    return list(calendar.walk("VEVENT"))


def test_one_event_per_message_and_channel(planned: SiteDir) -> None:
    found = {str(e["UID"]): e for e in events(planned)}
    channels = ("press", "social", "recruiting", "newsletter", "advocacy")
    expected = {f"{slug}-{lang}-{channel}@news.example.com"
                for slug, lang in (("speicher", "de"), ("storage", "en"), ("entwurf", "de"),
                                   ("sommer", "de"))
                for channel in channels}
    expected |= {f"park-de-{channel}@news.example.com" for channel in channels if channel != "recruiting"}
    assert set(found) == expected
    social = found["park-de-social@news.example.com"]
    assert str(social["SUMMARY"]) == "[Social] Park"
    assert f"X:\nAm Netz. https://news.example.com/s/{short_code('news/park/', 'social', 'x')}/" in str(
        social["DESCRIPTION"])
    assert "Channel-Kit: de/news/park/#ch-social" in str(social["DESCRIPTION"])  # the site's language
    assert "Öffentliche Seite: https://news.example.com/news/park/" in str(social["DESCRIPTION"])
    assert str(social["URL"]) == "https://news.example.com/news/park/"
    assert str(found["entwurf-de-press@news.example.com"]["STATUS"]) == "TENTATIVE"
    draft = found["entwurf-de-press@news.example.com"]
    assert str(draft["SUMMARY"]) == "[Pressemitteilung] Entwurf (Entwurf)"
    assert str(social["STATUS"]) == "CONFIRMED"


def test_an_english_site_gets_an_english_calendar(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(CONFIG.replace('language = "de"', 'language = "en"'))
    site.message("content/news/park.en.md", title="Park", summary="Today.", extra="slug: park\ndraft: true")
    build(BuildOptions(site.root, now=NOW))
    calendar = icalendar.Calendar.from_ical(site.read("kit/calendar.ics"))
    assert str(calendar["X-WR-CALNAME"]) == "Test Newsroom · Editorial calendar"
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    press = found["park-en-press@news.example.com"]
    assert str(press["SUMMARY"]) == "[Press release] Park (draft)"
    assert str(press["DESCRIPTION"]) == ("Press release: Park\n\nChannel kit: en/news/park/#ch-press\n\n"
                                         "Public page: https://news.example.com/news/park/")
    assert str(found["park-en-advocacy@news.example.com"]["SUMMARY"]) == "[Employee advocacy] Park (draft)"


def test_the_calendar_is_named_in_the_site_language(planned: SiteDir) -> None:
    calendar = icalendar.Calendar.from_ical(planned.read("kit/calendar.ics"))
    assert str(calendar["X-WR-CALNAME"]) == "Test Newsroom · Redaktionskalender"


@pytest.mark.parametrize(("uid", "local"), [
    ("park-de-press@news.example.com", datetime(2026, 3, 2, 9, 0)),
    ("speicher-de-press@news.example.com", datetime(2026, 3, 19, 10, 5)),  # rounded up, as scheduled
    ("sommer-de-press@news.example.com", datetime(2026, 7, 1, 14, 0)),  # 12:00 UTC in summer time
])
def test_posting_times_in_the_site_zone(planned: SiteDir, uid: str, local: datetime) -> None:
    event = next(e for e in events(planned) if str(e["UID"]) == uid)
    start = event.decoded("DTSTART")
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert start == local.replace(tzinfo=BERLIN)
    assert start.utcoffset() == local.replace(tzinfo=BERLIN).utcoffset()


def test_vtimezone_lists_the_changes(planned: SiteDir) -> None:
    calendar = icalendar.Calendar.from_ical(planned.read("kit/calendar.ics"))
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Berlin"
    changes = [(c.name, c.decoded("DTSTART"), c.decoded("TZOFFSETFROM"), c.decoded("TZOFFSETTO"))
               for c in zone.subcomponents]
    hour = 3600
    # The local time before the change (RFC 5545, 3.6.5), not 03:00 as icalendar alone writes it.
    assert ("DAYLIGHT", datetime(2026, 3, 29, 2, 0), hour, 2 * hour) in [
        (n, s, f.total_seconds(), t.total_seconds()) for n, s, f, t in changes]
    assert ("STANDARD", datetime(2026, 10, 25, 3, 0), 2 * hour, hour) in [
        (n, s, f.total_seconds(), t.total_seconds()) for n, s, f, t in changes]


def test_lines_are_folded_crlf(planned: SiteDir) -> None:
    raw = (planned.root / "kit/calendar.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75


def test_a_site_in_utc_gets_utc_times(make_site: object) -> None:
    site = make_site(CONFIG.replace('timezone = "Europe/Berlin"', 'timezone = "UTC"'))  # type: ignore[operator]
    site.message("content/news/park.md", date="2026-03-02 09:00 +01:00", summary="Heute.")
    build(BuildOptions(site.root, now=NOW))
    calendar = icalendar.Calendar.from_ical(site.read("kit/calendar.ics"))
    assert calendar.walk("VTIMEZONE") == []
    start = calendar.walk("VEVENT")[0].decoded("DTSTART")
    assert start == datetime(2026, 3, 2, 8, 0, tzinfo=UTC) and start.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("name", ["America/New_York", "Australia/Lord_Howe", "Europe/Dublin"])
def test_vtimezone_changes_exactly_when_the_zone_does(make_site: Callable[[str], SiteDir],
                                                       name: str) -> None:
    """Half-hour summer time (Lord Howe), the southern summer, and Dublin, whose winter time
    is the one the tz database marks as daylight saving (negative DST)."""
    site = make_site(CONFIG.replace('timezone = "Europe/Berlin"', f'timezone = "{name}"'))
    site.message("content/news/park.md", date="2026-03-02 09:00 +01:00", summary="Heute.")
    build(BuildOptions(site.root, now=NOW))
    (vtimezone,) = icalendar.Calendar.from_ical(site.read("kit/calendar.ics")).walk("VTIMEZONE")
    times, offsets = vtimezone.get_transitions()  # icalendar's reading of the onsets, in UTC
    zone = ZoneInfo(name)
    reported = [(t.replace(tzinfo=UTC), offset) for t, (offset, _, _) in zip(times, offsets, strict=True)]
    for instant, offset in reported[1:]:  # the first observance only names the offset in use
        assert (instant - timedelta(seconds=1)).astimezone(zone).utcoffset() != offset, instant
        assert instant.astimezone(zone).utcoffset() == offset, instant
    step, instant, changes = timedelta(minutes=15), datetime(2025, 1, 2, tzinfo=UTC), 0
    while instant < datetime(2027, 12, 31, tzinfo=UTC):  # the years before and after too
        changes += instant.astimezone(zone).utcoffset() != (instant + step).astimezone(zone).utcoffset()
        instant += step
    assert len(reported) - 1 == changes == 6


def test_hostile_text_is_escaped_and_parses(site: SiteDir) -> None:
    # YAML double quotes: `C:\\News` is one backslash (front matter refuses control characters,
    # which TEXT values could not hold anyway: RFC 5545, 3.3.11).
    site.message("content/news/a.md", title=r'''"A & <b> ]]> \"c\" C:\\News; d, e 🌞"''',
                 extra="slug: a\n")
    build(BuildOptions(site.root, now=NOW))
    raw = (site.root / "kit/calendar.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", raw) is None
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    # Read back by hand: icalendar's reader takes the escaped backslash before N for a line break.
    assert '\r\nSUMMARY:[Pressemitteilung] A & <b> ]]> "c" C:\\\\News\\; d\\, e 🌞\r\n' in unfolded
    assert '\r\nDESCRIPTION:Pressemitteilung: A & <b> ]]> "c" C:\\\\News\\; d\\, e 🌞\\n\\n' in unfolded
    (press,) = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == "a-de-press@news.example.com"]
    assert str(press["SUMMARY"]).startswith('[Pressemitteilung] A & <b> ]]> "c" C:')


def test_a_rebuild_rewrites_the_changed_events_and_every_stamp(site: SiteDir) -> None:
    """Events are remembered between builds (.hubgen-cache/): what changed is still new."""
    site.message("content/news/park.md", title="Park", summary="Heute.", extra="slug: park")
    site.message("content/news/wind.md", title="Wind", summary="Heute.")
    build(BuildOptions(site.root, now=NOW))
    site.message("content/news/park.md", title="Park mit Speicher", summary="Heute.", extra="slug: park")
    later = NOW + timedelta(days=1, seconds=1)
    build(BuildOptions(site.root, now=later))
    found = {str(e["UID"]): e for e in events(site)}
    assert str(found["park-de-press@news.example.com"]["SUMMARY"]) == "[Pressemitteilung] Park mit Speicher"
    assert str(found["wind-de-press@news.example.com"]["SUMMARY"]) == "[Pressemitteilung] Wind"
    assert {e.decoded("DTSTAMP") for e in found.values()} == {later}
