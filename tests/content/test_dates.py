"""Dates: a date or a date-time, with an offset or in the site's time zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from conftest import CONFIG, SiteDir, run_hubgen

from hubgen.content.dates import format_date, format_datetime, format_time, parse_datetime

BERLIN = ZoneInfo("Europe/Berlin")
PLUS_ONE = timezone(timedelta(hours=1))


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-12 09:00 +01:00", datetime(2026, 3, 12, 9, 0, tzinfo=PLUS_ONE)),
    ("2026-03-12T09:00:00+01:00", datetime(2026, 3, 12, 9, 0, tzinfo=PLUS_ONE)),
    ("2026-03-12 09:00 +0100", datetime(2026, 3, 12, 9, 0, tzinfo=PLUS_ONE)),
    ("2026-03-12 09:00:30.250 -05:30",
     datetime(2026, 3, 12, 9, 0, 30, tzinfo=timezone(-timedelta(hours=5, minutes=30)))),
    ("2026-03-12T08:00Z", datetime(2026, 3, 12, 8, 0, tzinfo=UTC)),
    ("2026-03-12 9:05", datetime(2026, 3, 12, 9, 5, tzinfo=BERLIN)),
    ("2026-07-01 10:00", datetime(2026, 7, 1, 10, 0, tzinfo=BERLIN)),
    ("2026-07-01", datetime(2026, 7, 1, 0, 0, tzinfo=BERLIN)),
    ("  2026-07-01  ", datetime(2026, 7, 1, 0, 0, tzinfo=BERLIN)),
])
def test_parse(text: str, expected: datetime) -> None:
    parsed = parse_datetime(text, BERLIN)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


def test_without_offset_the_site_zone_decides_summer_and_winter_time() -> None:
    assert parse_datetime("2026-01-15 12:00", BERLIN).isoformat() == "2026-01-15T12:00:00+01:00"
    assert parse_datetime("2026-07-15 12:00", BERLIN).isoformat() == "2026-07-15T12:00:00+02:00"
    assert parse_datetime("2026-07-15", ZoneInfo("America/New_York")).isoformat() == \
        "2026-07-15T00:00:00-04:00"


@pytest.mark.parametrize(("text", "reason"), [
    ("12.03.2026", "'12.03.2026' is not a date"),
    ("2026-3-12", "'2026-3-12' is not a date"),
    ("2026-03-12 9", "'2026-03-12 9' is not a date"),
    ("morgen", "'morgen' is not a date"),
    ("2026-02-29", "'2026-02-29' does not exist: day is out of range for month"),
    ("2026-03-12 24:00", "'2026-03-12 24:00' does not exist: hour must be in 0..23"),
    ("2026-03-12 09:00 +25:00", "offset '+25:00' is out of range"),
])
def test_bad_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_datetime(text, BERLIN)
    assert str(caught.value) == reason


def test_formats_follow_the_language() -> None:
    moment = datetime(2026, 3, 12, 9, 0, tzinfo=PLUS_ONE)
    assert format_date(moment, "long", "de") == "12. März 2026"
    assert format_date(moment, "long", "en") == "March 12, 2026"
    assert format_time(moment, "de") == "09:00"
    assert format_time(moment, "en") == "9:00\u202fAM"
    assert format_datetime(moment, "d. MMMM y, HH:mm", "de") == "12. März 2026, 09:00"


def page_time(site: SiteDir, slug: str) -> str:
    page = site.read(f"public/news/{slug}/index.html")
    start = page.index("<time ")
    return page[start : page.index("</time>", start) + len("</time>")]


def test_dates_on_pages_and_feeds_are_in_the_site_zone(site: SiteDir) -> None:
    site.message("content/news/a.md", title="Mit Zone", date="2026-03-12 09:00 +01:00")
    site.message("content/news/b.md", title="Ohne Zone", date="2026-07-01 10:00")
    site.message("content/news/c.md", title="Nur Datum", date="2026-07-02")
    site.message("content/news/d.md", title="Andere Zone", date="2026-03-13T08:30:00Z")
    result = run_hubgen(site.root, "build")
    assert result.returncode == 0, result.stderr
    assert page_time(site, "mit-zone") == \
        '<time datetime="2026-03-12T09:00:00+01:00">12. März 2026 · 09:00</time>'
    assert page_time(site, "ohne-zone") == \
        '<time datetime="2026-07-01T10:00:00+02:00">1. Juli 2026 · 10:00</time>'
    assert page_time(site, "nur-datum") == \
        '<time datetime="2026-07-02T00:00:00+02:00">2. Juli 2026</time>'  # no "00:00"
    assert page_time(site, "andere-zone") == \
        '<time datetime="2026-03-13T09:30:00+01:00">13. März 2026 · 09:30</time>'
    feed = site.read("public/atom.xml")
    assert "<published>2026-07-02T00:00:00+02:00</published>" in feed
    assert "<updated>2026-07-02T00:00:00+02:00</updated>" in feed  # the newest message
    assert "<lastmod>2026-03-13T09:30:00+01:00</lastmod>" in site.read("public/sitemap.xml")


def test_messages_are_listed_newest_first(site: SiteDir) -> None:
    site.message("content/news/a.md", title="Alt", date="2026-01-01")
    site.message("content/news/b.md", title="Neu", date="2026-02-01 09:00 +01:00")
    site.message("content/news/c.md", title="Mitte", date="2026-01-15")
    assert run_hubgen(site.root, "build").returncode == 0
    home = site.read("public/index.html")
    assert home.index("Neu") < home.index("Mitte") < home.index("Alt")


def test_site_zone_defaults_to_utc(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(CONFIG.replace('timezone = "Europe/Berlin"\n', ""))
    site.message("content/news/a.md", title="Datum", date="2026-07-01 10:00")
    assert run_hubgen(site.root, "build").returncode == 0
    assert page_time(site, "datum") == \
        '<time datetime="2026-07-01T10:00:00+00:00">1. Juli 2026 · 10:00</time>'
