"""Atom feeds: one per language and per tag, valid for feed readers, full content, absolute URLs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from conftest import SiteDir, new_site

from hubgen.pipeline import BuildOptions, build

NOW = datetime(2026, 4, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    """Built once for the module: its tests only read the output."""
    site = new_site(tmp_path_factory.mktemp("feeds"))
    site.write("content/media/park.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    site.message("content/news/solarpark.md", title="Strom & Wärme <neu> für Husum",
                 extra="""\
                 slug: solarpark
                 translation_key: solarpark
                 tags: [Energie, 'Wind "Nord"']
                 image: media/park.svg
                 image_alt: Der Park
                 """,
                 body="Mehr unter [Energie](../../tags/energie/), [Presse](/press-kit/) und"
                      " [extern](https://example.org/x?a=1&b=2).\n")
    site.message("content/news/solarpark.en.md", title="Solar park opens", date="2026-03-12 10:00 +01:00",
                 extra="slug: solar-park\ntranslation_key: solarpark\ntags: [Energy]\n")
    site.message("content/news/wind.md", title="Windpark", date="2026-03-20 09:00 +01:00",
                 extra="tags: [Energie]\n")
    site.message("content/news/geheim.md", title="Geheimprojekt", extra="draft: true\ntags: [Geheim]\n")
    site.message("content/news/spaeter.md", title="Später", extra="embargo: 2027-01-01\ntags: [Energie]\n")
    build(BuildOptions(site.root, now=NOW))
    return site


def feeds(site: SiteDir) -> list[Path]:
    return sorted((site.root / "public").rglob("atom.xml"))


def test_a_feed_per_language_and_per_tag(built: SiteDir) -> None:
    names = [p.relative_to(built.root / "public").as_posix() for p in feeds(built)]
    assert names == ["atom.xml", "en/atom.xml", "en/tags/energy/atom.xml", "tags/energie/atom.xml",
                     "tags/wind-nord/atom.xml"]


def test_every_feed_parses_without_errors(built: SiteDir) -> None:
    for path in feeds(built):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.feed.updated_parsed, path
        for entry in parsed.entries:
            assert entry.published_parsed and entry.updated_parsed, path


def test_language_feed_holds_published_messages_with_full_content(built: SiteDir) -> None:
    parsed = feedparser.parse((built.root / "public/atom.xml").read_bytes())
    assert parsed.feed.language == "de"
    assert parsed.feed.title == "Test Newsroom"
    assert [e.title for e in parsed.entries] == ["Windpark", "Strom & Wärme <neu> für Husum"]
    assert parsed.feed.updated == "2026-03-20T09:00:00+01:00"  # the newest entry
    entry = parsed.entries[1]
    assert entry.link == "https://news.example.com/news/solarpark/"
    assert entry.id == "https://news.example.com/news/solarpark/"
    assert entry.published == "2026-03-12T09:00:00+01:00"
    assert [t.term for t in entry.tags] == ["Energie", 'Wind "Nord"']
    assert entry.summary == "Der Solarpark versorgt 40.000 Haushalte."
    assert "Mehr unter" in entry.content[0].value


def test_feed_content_has_only_absolute_urls(built: SiteDir) -> None:
    parsed = feedparser.parse((built.root / "public/atom.xml").read_bytes())
    html = parsed.entries[1].content[0].value
    urls = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert urls == ["https://news.example.com/media/park.svg",
                    "https://news.example.com/tags/energie/",
                    "https://news.example.com/press-kit/",
                    "https://example.org/x?a=1&amp;b=2"]
    assert 'alt="Der Park"' in html


def test_tag_feed_holds_only_its_published_messages(built: SiteDir) -> None:
    parsed = feedparser.parse((built.root / "public/tags/energie/atom.xml").read_bytes())
    assert parsed.feed.title == "Test Newsroom: Energie"
    assert parsed.feed.link == "https://news.example.com/tags/energie/"
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == [
        "https://news.example.com/tags/energie/atom.xml"]
    assert [e.title for e in parsed.entries] == ["Windpark", "Strom & Wärme <neu> für Husum"]
    english = feedparser.parse((built.root / "public/en/tags/energy/atom.xml").read_bytes())
    assert english.feed.language == "en"
    assert [e.title for e in english.entries] == ["Solar park opens"]


def test_drafts_and_embargoed_messages_are_in_no_feed(built: SiteDir) -> None:
    assert not (built.root / "public/tags/geheim").exists()
    for path in feeds(built):
        text = path.read_text(encoding="utf-8")
        assert "Geheimprojekt" not in text and "Später" not in text, path


def feed_links(html: str) -> list[str]:
    return re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]*)">',
                      html)


def test_every_page_links_its_language_feed(built: SiteDir) -> None:
    public = built.root / "public"
    for page in public.rglob("*.html"):
        relative = page.relative_to(public).as_posix()
        links = feed_links(page.read_text(encoding="utf-8"))
        if relative.startswith("s/"):  # a short link only forwards: its head is the preview tags
            assert links == [], relative
            continue
        assert links, relative
        if relative == "404.html":  # served at any depth: its links are absolute paths
            assert links[0] == "/atom.xml"
            continue
        feed = (page.parent / links[0]).resolve()
        language = "en" if relative.startswith("en/") else "de"
        assert feed == (public / ("en/atom.xml" if language == "en" else "atom.xml")).resolve(), relative


def test_tag_pages_link_their_own_feed_too(built: SiteDir) -> None:
    html = built.read("public/tags/energie/index.html")
    assert feed_links(html) == ["../../atom.xml", "atom.xml"]
    assert 'title="Test Newsroom: Energie"' in html
    assert '<a class="feed-link" href="atom.xml" type="application/atom+xml">' in html


# Markup characters in every field; control characters (\x0b, \x1f: XML 1.0 forbids them even
# escaped) only in the body, since front matter refuses them: the feed drops them.
HOSTILE = r"""
slug: strom
tags: ['A & <B>', "Q \"x\" ]]>"]
image: media/park.svg
image_alt: "Der \"Park\" & <Wind>"
"""
TITLE = r'''"Strom & <Wärme> ]]> \"Nord\" 'Süd' 🌞 &amp;"'''
SUMMARY = r'"Mehr & <mehr> ]]> 🌞"'


@pytest.fixture
def hostile(site: SiteDir) -> SiteDir:
    site.write("content/media/park.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    site.message("content/news/strom.md", title=TITLE, summary=SUMMARY, extra=HOSTILE,
                 body="Body ]]> & <b>fett</b> \x0b mit \x1f Steuerzeichen.\n")
    build(BuildOptions(site.root, now=NOW))
    return site


def test_hostile_text_makes_well_formed_feeds(hostile: SiteDir) -> None:
    for path in feeds(hostile):
        raw = path.read_bytes()
        ET.fromstring(raw)  # raises on anything not well-formed
        parsed = feedparser.parse(raw)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", raw) is None, path
    entry = feedparser.parse((hostile.root / "public/atom.xml").read_bytes()).entries[0]
    assert entry.title == "Strom & <Wärme> ]]> \"Nord\" 'Süd' 🌞 &amp;"
    assert entry.summary == "Mehr & <mehr> ]]> 🌞"
    assert [t.term for t in entry.tags] == ["A & <B>", 'Q "x" ]]>']
    content = ET.parse(hostile.root / "public/atom.xml").findtext(
        "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}content") or ""
    assert 'alt="Der &quot;Park&quot; &amp; &lt;Wind&gt;"' in content  # quoted inside the HTML too
    assert "Body ]]&gt; &amp; <b>fett</b>  mit  Steuerzeichen." in content
