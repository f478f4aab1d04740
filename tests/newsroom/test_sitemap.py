"""sitemap.xml with hreflang alternates, news-sitemap.xml for Google News, robots.txt."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import UTC, datetime

import feedparser
import pytest
from conftest import CONFIG, SiteDir, new_site

from hubgen.newsroom.sitemap import news_language
from hubgen.pipeline import BuildOptions, build

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml",
      "news": "http://www.google.com/schemas/sitemap-news/0.9"}
NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
BASE = "https://news.example.com/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    """Built once for the module: its tests only read the output."""
    site = new_site(tmp_path_factory.mktemp("sitemap"))
    site.message("content/news/solarpark.md", title="Solarpark & Speicher",
                 date="2026-03-13 09:00 +01:00",
                 extra="slug: solarpark\ntranslation_key: solarpark\ntags: [Energie]\n")
    site.message("content/news/solarpark.en.md", title="Solar park", date="2026-03-13 10:00 +01:00",
                 extra="slug: solar-park\ntranslation_key: solarpark\n")
    site.message("content/news/alt.md", title="Alte Meldung", date="2026-03-01",
                 extra="tags: [Energie]\n")
    site.message("content/news/knapp.md", title="Knapp zu alt", date="2026-03-12 12:59 +01:00")
    site.message("content/news/geheim.md", title="Geheim", date="2026-03-13", extra="draft: true\n")
    site.message("content/news/bald.md", title="Bald", date="2026-03-15")
    build(BuildOptions(site.root, now=NOW))
    return site


def parse(site: SiteDir, name: str) -> ET.Element:
    return ET.fromstring((site.root / "public" / name).read_bytes())


def urls(root: ET.Element) -> dict[str, ET.Element]:
    return {el.findtext("s:loc", namespaces=NS) or "": el for el in root.findall("s:url", NS)}


def test_sitemap_lists_every_public_page_once(built: SiteDir) -> None:
    root = parse(built, "sitemap.xml")
    assert root.tag == f"{{{NS['s']}}}urlset"
    locs = [el.findtext("s:loc", namespaces=NS) for el in root.findall("s:url", NS)]
    assert sorted(locs) == sorted(BASE + p for p in [
        "", "news/solarpark/", "news/alte-meldung/", "news/knapp-zu-alt/", "tags/", "tags/energie/",
        "press-kit/", "en/", "en/news/solar-park/", "en/tags/", "en/press-kit/"])
    assert len(locs) == len(set(locs))


def test_sitemap_leaves_out_search_404_drafts_and_future(built: SiteDir) -> None:
    text = (built.root / "public/sitemap.xml").read_text(encoding="utf-8")
    for left_out in ("search/", "404", "geheim", "bald"):
        assert left_out not in text


def test_sitemap_alternates_name_every_language_and_x_default(built: SiteDir) -> None:
    entries = urls(parse(built, "sitemap.xml"))

    def alternates(loc: str) -> list[tuple[str, str]]:
        return [(link.get("hreflang", ""), link.get("href", ""))
                for link in entries[BASE + loc].findall("xhtml:link", NS)]

    assert alternates("news/solarpark/") == [("de", BASE + "news/solarpark/"),
                                             ("en", BASE + "en/news/solar-park/"),
                                             ("x-default", BASE + "news/solarpark/")]
    assert alternates("en/news/solar-park/") == [("en", BASE + "en/news/solar-park/"),
                                                 ("de", BASE + "news/solarpark/"),
                                                 ("x-default", BASE + "news/solarpark/")]
    assert alternates("en/press-kit/") == [("de", BASE + "press-kit/"), ("en", BASE + "en/press-kit/"),
                                           ("x-default", BASE + "press-kit/")]
    assert alternates("") == [("de", BASE), ("en", BASE + "en/"), ("x-default", BASE)]
    assert alternates("news/alte-meldung/") == []  # no translation: no alternates
    assert alternates("tags/energie/") == []


def test_sitemap_lastmod_is_the_newest_message_shown(built: SiteDir) -> None:
    entries = urls(parse(built, "sitemap.xml"))
    oldest = entries[BASE + "news/alte-meldung/"]
    assert oldest.findtext("s:lastmod", namespaces=NS) == "2026-03-01T00:00:00+01:00"
    assert entries[BASE].findtext("s:lastmod", namespaces=NS) == "2026-03-13T09:00:00+01:00"
    assert entries[BASE + "tags/energie/"].findtext("s:lastmod", namespaces=NS) == "2026-03-13T09:00:00+01:00"
    assert entries[BASE + "press-kit/"].find("s:lastmod", NS) is None


def test_news_sitemap_holds_the_messages_of_the_last_two_days(built: SiteDir) -> None:
    root = parse(built, "news-sitemap.xml")
    assert root.tag == f"{{{NS['s']}}}urlset"
    entries = urls(root)
    # 2026-03-12 12:59 +01:00 is 11:59 UTC: just over two days before NOW.
    assert list(entries) == [BASE + "en/news/solar-park/", BASE + "news/solarpark/"]
    news = entries[BASE + "news/solarpark/"].find("news:news", NS)
    assert news is not None
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Test Newsroom"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "de"
    assert news.findtext("news:publication_date", namespaces=NS) == "2026-03-13T09:00:00+01:00"
    assert news.findtext("news:title", namespaces=NS) == "Solarpark & Speicher"
    english = entries[BASE + "en/news/solar-park/"]
    assert english.findtext("news:news/news:publication/news:language", namespaces=NS) == "en"


def test_news_sitemap_is_valid_when_nothing_is_recent(site: SiteDir) -> None:
    site.message("content/news/alt.md", date="2020-01-01")
    build(BuildOptions(site.root, now=NOW))
    root = parse(site, "news-sitemap.xml")
    assert root.tag == f"{{{NS['s']}}}urlset" and root.findall("s:url", NS) == []


def test_robots_txt_names_both_sitemaps(built: SiteDir) -> None:
    robots = built.read("public/robots.txt").splitlines()
    assert "User-agent: *" in robots
    assert [line for line in robots if line.startswith("Sitemap:")] == [
        f"Sitemap: {BASE}sitemap.xml", f"Sitemap: {BASE}news-sitemap.xml"]


def test_urls_are_escaped(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(CONFIG.replace('base_url = "https://news.example.com"',
                                    'base_url = "https://example.com/news&more"'))
    site.message("content/news/a.md", title="A <b> & c", date="2026-03-14")
    build(BuildOptions(site.root, now=NOW))
    locs = [el.findtext("s:loc", namespaces=NS) for el in parse(site, "sitemap.xml").findall("s:url", NS)]
    assert "https://example.com/news&more/news/a-b-c/" in locs
    news = urls(parse(site, "news-sitemap.xml"))
    assert news["https://example.com/news&more/news/a-b-c/"].findtext(
        "news:news/news:title", namespaces=NS) == "A <b> & c"


def test_hostile_titles_make_well_formed_sitemaps(site: SiteDir) -> None:
    # Markup characters XML escapes (front matter refuses control characters outright).
    site.message("content/news/a.md", title=r'''"A & <b> ]]> \"c\" 'd' 🌞"''', date="2026-03-14",
                 extra="slug: a\ntranslation_key: a\ntags: ['<T> & ]]>']\n")
    site.message("content/news/a.en.md", title="A &amp; B", date="2026-03-14",
                 extra="slug: a\ntranslation_key: a\n")
    build(BuildOptions(site.root, now=NOW))
    for name in ("sitemap.xml", "news-sitemap.xml"):
        raw = (site.root / "public" / name).read_bytes()
        assert not feedparser.parse(raw).bozo, name
        assert re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", raw) is None, name
    news = urls(parse(site, "news-sitemap.xml"))
    titles = {loc: el.findtext("news:news/news:title", namespaces=NS) for loc, el in news.items()}
    assert titles == {BASE + "news/a/": "A & <b> ]]> \"c\" 'd' 🌞", BASE + "en/news/a/": "A &amp; B"}
    sitemap = urls(parse(site, "sitemap.xml"))
    assert BASE + "tags/t/" in sitemap
    assert [link.get("hreflang") for link in sitemap[BASE + "news/a/"].findall("xhtml:link", NS)] == [
        "de", "en", "x-default"]


@pytest.mark.parametrize(("lang", "expected"), [("de", "de"), ("en", "en"), ("pt-BR", "pt"),
                                                ("zh-TW", "zh-tw"), ("zh", "zh-cn")])
def test_news_language_codes(lang: str, expected: str) -> None:
    assert news_language(lang) == expected
