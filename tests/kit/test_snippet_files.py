"""The channel kit's machine-readable files: snippets.json, one file per snippet, CSV exports.

(Named test_kit_files, not test_kit: tests/browser/test_kit.py has that module name.)
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, SiteDir

from hubgen.channels.platforms import PLATFORMS, count
from hubgen.errors import Report
from hubgen.pipeline.run import load

KEYS = ["message", "lang", "channel", "platform", "text", "length", "limit", "unit", "url", "short_url", "ok"]
CHANNELS = ("press", "social", "recruiting", "newsletter", "advocacy")
WITHOUT_PLATFORM = ("press", "recruiting", "newsletter")
WITH_PLATFORM = ("social", "advocacy")
BUFFER_HEADER = ["Text", "Image URL", "Tags", "Posting Time"]

# When posts go out: (slug, date, embargo, posting time in the site's zone, Europe/Berlin).
TIMES = [
    ("on-the-dot", "2026-03-12 09:00 +01:00", "", "2026-03-12 09:00"),
    ("one-past", "2026-03-12 09:01 +01:00", "", "2026-03-12 09:05"),
    ("four-past", "2026-03-12 09:04 +01:00", "", "2026-03-12 09:05"),
    ("seconds-past", "2026-03-12 09:05:30 +01:00", "", "2026-03-12 09:10"),
    ("next-hour", "2026-03-12 09:58 +01:00", "", "2026-03-12 10:00"),
    ("next-day", "2026-03-12 23:57 +01:00", "", "2026-03-13 00:00"),
    ("in-utc", "2026-03-12 08:03Z", "", "2026-03-12 09:05"),
    ("summer-time", "2026-07-01 12:02 +00:00", "", "2026-07-01 14:05"),
    ("site-zone", "2026-03-12 09:02", "", "2026-03-12 09:05"),
    ("date-only", "2026-03-11", "", "2026-03-11 00:00"),
    ("embargo-later", "2026-03-12 09:00 +01:00", "2027-02-10 09:02 +01:00", "2027-02-10 09:05"),
    ("embargo-earlier", "2026-03-12 09:10 +01:00", "2026-03-12 08:00 +01:00", "2026-03-12 09:10"),
    ("far-future", "2026-03-12 09:00 +01:00", "2099-01-01 12:03 +01:00", "2099-01-01 12:05"),
]


def snippet_name(snippet: dict[str, Any], variants: dict[tuple[str, str, str], int]) -> str:
    """The kit file name: `social-x`, `press`, `advocacy-2-linkedin`."""
    parts = [snippet["channel"]]
    if snippet["channel"] == "advocacy":
        key = (snippet["message"], snippet["lang"], snippet["platform"])
        variants[key] = variants.get(key, 0) + 1
        parts.append(str(variants[key]))
    if snippet["platform"]:
        parts.append(snippet["platform"])
    return "-".join(parts)


def read_csv(site: SiteDir, name: str) -> list[list[str]]:
    with (site.root / "kit/exports" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    site = SiteDir(tmp_path_factory.mktemp("kit"))
    site.write("hubgen.toml", CONFIG)
    site.write("content/media/park.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    site.message("content/news/park.md", title="Mit Bild", date="2026-03-12 10:00 +01:00", extra="""\
        tags: [Energie, Solar]
        image: media/park.svg
        image_alt: Der Park
        contact: presse
        channels:
          social:
            x: 'Zitat: "Toll", sagte sie, und dann
              zwei Zeilen. {{ url }}'
            linkedin: |
              Erste Zeile.

              Zweite Zeile.
          advocacy: [Eins, Zwei]
        """)
    site.message("content/news/english.md", title="In English", date="2026-03-12 10:00 +01:00",
                 extra="lang: en\n")
    site.message("content/jobs/entwurf.md", title="Entwurf", extra="draft: true\n")
    for slug, date, embargo, _ in TIMES:
        site.message(f"content/news/{slug}.md", title=slug, date=date,
                     extra=f"embargo: {embargo}\n" if embargo else "")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def snippets(built: SiteDir) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(built.read("kit/snippets.json"))
    return found


def test_snippets_json_schema(snippets: list[dict[str, Any]]) -> None:
    assert snippets
    for snippet in snippets:
        assert list(snippet) == KEYS
        assert snippet["channel"] in CHANNELS
        assert snippet["lang"] in ("de", "en")
        assert all(isinstance(snippet[key], str) for key in ("message", "lang", "text", "unit", "url"))
        assert isinstance(snippet["length"], int)
        assert snippet["ok"] is (snippet["limit"] is None or snippet["length"] <= snippet["limit"])
        assert snippet["url"].startswith("https://news.example.com/") or snippet["channel"] == "recruiting"
        # The short link of a post that shows one; the press text keeps the plain URL.
        if snippet["short_url"]:
            assert snippet["channel"] in WITH_PLATFORM and snippet["short_url"] in snippet["text"]
            assert snippet["short_url"].startswith("https://news.example.com/s/")
    assert any(s["short_url"] for s in snippets if s["platform"] == "x")


@pytest.mark.parametrize("channel", WITHOUT_PLATFORM)
def test_platform_is_null_for_channels_without_one(snippets: list[dict[str, Any]], channel: str) -> None:
    found = [s for s in snippets if s["channel"] == channel]
    assert found
    assert all(s["platform"] is None for s in found)
    limit = None if channel == "press" else 600
    assert all((s["limit"], s["unit"]) == (limit, "characters") for s in found)


@pytest.mark.parametrize("channel", WITH_PLATFORM)
def test_length_is_counted_the_platforms_way(snippets: list[dict[str, Any]], channel: str) -> None:
    found = [s for s in snippets if s["channel"] == channel]
    assert found
    for snippet in found:
        platform = PLATFORMS[snippet["platform"]]
        assert snippet["length"] == count(platform.name, snippet["text"])
        assert (snippet["limit"], snippet["unit"]) == (platform.limit, platform.unit)


def test_x_length_counts_the_url_as_23(snippets: list[dict[str, Any]]) -> None:
    [x] = [s for s in snippets if s["message"] == "mit-bild" and s["platform"] == "x"
           and s["channel"] == "social"]
    shown = re.findall(r"https://\S+", x["text"])  # the short link to x["url"]
    assert len(shown) == 1 and "/s/" in shown[0]
    assert x["length"] == len(x["text"]) - len(shown[0]) + 23


def test_every_message_has_every_channel(snippets: list[dict[str, Any]]) -> None:
    slugs = ["mit-bild", "in-english", "entwurf"] + [slug for slug, *_ in TIMES]
    for slug in slugs:
        found = [(s["channel"], s["platform"]) for s in snippets if s["message"] == slug]
        advocacy = 4 if slug == "mit-bild" else 2  # two posts written, or one derived, × LinkedIn and X
        assert found[:9] == [("press", None), *[("social", p) for p in PLATFORMS],
                             ("recruiting", None)], slug
        assert found[9] == ("newsletter", None)
        assert [c for c, _ in found[10:]] == ["advocacy"] * advocacy, slug


def test_one_file_per_snippet(built: SiteDir, snippets: list[dict[str, Any]]) -> None:
    variants: dict[tuple[str, str, str], int] = {}
    for snippet in snippets:
        section = "jobs" if snippet["message"] == "entwurf" else "news"
        path = f"kit/{snippet['lang']}/{section}/{snippet['message']}/{snippet_name(snippet, variants)}.txt"
        assert built.read(path) == snippet["text"], path
    assert built.read("kit/de/news/mit-bild/advocacy-2-x.txt").startswith("Zwei https://")
    assert (built.root / "kit/de/news/mit-bild/press.md").is_file()
    assert (built.root / "kit/de/news/mit-bild/newsletter.html").is_file()


def test_kit_holds_drafts_and_embargoed_messages(built: SiteDir, snippets: list[dict[str, Any]]) -> None:
    assert {"entwurf", "far-future"} <= {s["message"] for s in snippets}
    assert not (built.root / "public/jobs/entwurf").exists()
    assert not (built.root / "public/news/far-future").exists()
    assert (built.root / "public/news/mit-bild/press.txt").is_file()


@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_one_export_per_platform_and_tool(built: SiteDir, platform: str) -> None:
    assert read_csv(built, f"buffer-{platform}.csv")[0] == BUFFER_HEADER
    assert len(read_csv(built, f"hootsuite-{platform}.csv")) == len(TIMES) + 2


def test_buffer_export(built: SiteDir, snippets: list[dict[str, Any]]) -> None:
    rows = read_csv(built, "buffer-x.csv")
    assert rows[0] == BUFFER_HEADER
    texts = {s["message"]: s["text"] for s in snippets if s["channel"] == "social" and s["platform"] == "x"}
    by_text = {row[0]: row for row in rows[1:]}
    assert len(by_text) == len(rows) - 1 == len(TIMES) + 2  # every message but the draft
    assert texts["entwurf"] not in by_text
    assert by_text[texts["mit-bild"]] == [texts["mit-bild"], "https://news.example.com/media/park.svg",
                                          "Energie, Solar", "2026-03-12 10:00"]
    assert by_text[texts["in-english"]] == [texts["in-english"], "", "", "2026-03-12 10:00"]
    times = [row[3] for row in rows[1:]]
    assert times == sorted(times)  # in the order they go out


def test_exports_keep_quotes_and_line_breaks(built: SiteDir, snippets: list[dict[str, Any]]) -> None:
    [linkedin] = [s for s in snippets if s["message"] == "mit-bild" and s["platform"] == "linkedin"
                  and s["channel"] == "social"]
    assert "\n\n" in linkedin["text"]
    assert linkedin["text"] in [row[0] for row in read_csv(built, "buffer-linkedin.csv")]
    [x] = [s for s in snippets if s["message"] == "mit-bild" and s["platform"] == "x"
           and s["channel"] == "social"]
    assert x["text"].startswith('Zitat: "Toll", sagte sie,')
    assert x["text"] in [row[1] for row in read_csv(built, "hootsuite-x.csv")]


@pytest.mark.parametrize(("slug", "when"), [pytest.param(slug, when, id=slug) for slug, _, _, when in TIMES])
def test_posting_time(built: SiteDir, snippets: list[dict[str, Any]], slug: str, when: str) -> None:
    [text] = [s["text"] for s in snippets if s["message"] == slug and s["platform"] == "x"
              and s["channel"] == "social"]
    [buffer] = [row for row in read_csv(built, "buffer-x.csv") if row[0] == text]
    assert buffer[3] == when
    [hootsuite] = [row for row in read_csv(built, "hootsuite-x.csv") if row[1] == text]
    day, clock = when.split()
    year, month, date = day.split("-")
    assert hootsuite == [f"{date}/{month}/{year} {clock}", text, ""]


def test_exports_are_plain_csv(built: SiteDir) -> None:
    raw = (built.root / "kit/exports/buffer-x.csv").read_bytes()
    assert raw.startswith(b"Text,Image URL,Tags,Posting Time\r\n")
    assert not raw.startswith(b"\xef\xbb\xbf")  # no byte-order mark: Buffer would read it into "Text"


def test_demo_has_every_snippet_within_limits(demo_site: SiteDir) -> None:
    """Every demo message, every channel it leaves on, every snippet within its limit."""
    result = demo_site.hubgen("build")
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr
    snippets = json.loads(demo_site.read("kit/snippets.json"))
    over = [f"{s['message']} ({s['lang']}) {s['channel']} {s['platform']}: {s['length']}/{s['limit']}"
            for s in snippets if not s["ok"]]
    assert over == []
    site = load(demo_site.root, Report())
    config = site.config.channels
    assert len(site.messages) == len(list(Path(demo_site.root, "content").rglob("*.md")))
    for message in site.messages:
        spec = message.channels
        social = spec.get("social") if isinstance(spec.get("social"), dict) else {}
        expected = {(c, None) for c in config.enabled if c not in WITH_PLATFORM and spec.get(c) is not False}
        if "social" in config.enabled and spec.get("social") is not False:
            expected |= {("social", p) for p in config.platforms if social.get(p) is not False}
        if "advocacy" in config.enabled and spec.get("advocacy") is not False:
            expected |= {("advocacy", p) for p in ("linkedin", "x") if p in config.platforms}
        found = {(s["channel"], s["platform"]) for s in snippets
                 if s["message"] == message.slug and s["lang"] == message.lang}
        assert found == expected, message.source
        for snippet in snippets:
            if snippet["message"] == message.slug and snippet["lang"] == message.lang:
                assert snippet["text"].strip(), (message.source, snippet["channel"], snippet["platform"])
                assert "{{" not in snippet["text"], (message.source, snippet["channel"])
