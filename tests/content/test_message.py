"""The content contract, field by field: what each front-matter field does to the built site."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from conftest import SiteDir, run_hubgen

from hubgen.config import load_config
from hubgen.content.site_loader import load_site
from hubgen.errors import Report
from hubgen.model import Site
from hubgen.paths import short_code

SVG = '<svg xmlns="http://www.w3.org/2000/svg"><title>Solarpark</title></svg>\n'

FULL = """\
---
title: Nordlicht eröffnet Solarpark Husum
date: 2026-03-12 09:00 +01:00
summary: Ab heute versorgt der Solarpark 40.000 Haushalte.
lang: de
slug: solarpark-husum
translation_key: husum
key_message: Nordlicht liefert Solarstrom für {{ facts.households }} Haushalte.
facts:
  households: "40.000"
  capacity: "62 MW"
tags: [Energie, Solar]
image: media/solarpark.svg
image_alt: Luftaufnahme des Solarparks
contact: presse
embargo: 2026-03-12 09:00 +01:00
draft: false
channels:
  press: { dateline: Husum, subtitle: "Größter Park im Norden" }
  social:
    hashtags: [Energiewende]
    x: "Solarpark Husum am Netz: {{ facts.capacity }} für {{ facts.households }} Haushalte. {{ url }}"
  recruiting: false
  newsletter: "Newsletter: {{ key_message }}"
  advocacy: ["Stolz auf {{ facts.capacity }}: {{ url }}"]
---
Der **Solarpark** ist am Netz.
"""

ENGLISH = """\
---
title: Nordlicht opens Husum solar park
date: 2026-03-12 09:00 +01:00
summary: From today the park supplies 40,000 households.
translation_key: husum
tags: [Energy]
---
The park is online.
"""


def load(site: SiteDir) -> Site:
    report = Report()
    config = load_config(site.root, report)
    assert config is not None
    loaded = load_site(config, report)
    assert report.problems == []
    return loaded


def snippets(site: SiteDir) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(site.read("kit/snippets.json"))
    return data


@pytest.fixture
def built(site: SiteDir) -> SiteDir:
    """A site with one message using every field, and its English version, built."""
    site.write("content/media/solarpark.svg", SVG)
    site.write("content/news/husum.md", FULL)
    site.write("content/news/husum-english.en.md", ENGLISH)
    result = run_hubgen(site.root, "build")
    assert result.returncode == 0, result.stderr
    return site


DE_PAGE = "public/news/solarpark-husum/index.html"
EN_PAGE = "public/en/news/nordlicht-opens-husum-solar-park/index.html"


def test_title_and_summary_on_the_page(built: SiteDir) -> None:
    page = built.read(DE_PAGE)
    assert "<h1>Nordlicht eröffnet Solarpark Husum</h1>" in page
    assert "<title>Nordlicht eröffnet Solarpark Husum · Test Newsroom</title>" in page
    assert '<meta name="description" content="Ab heute versorgt der Solarpark 40.000 Haushalte.">' in page
    assert '<p class="lead">Ab heute versorgt der Solarpark 40.000 Haushalte.</p>' in page
    assert "<strong>Solarpark</strong> ist am Netz." in page
    home = built.read("public/index.html")
    assert "Nordlicht eröffnet Solarpark Husum" in home
    assert 'href="news/solarpark-husum/"' in home


def test_date_is_shown_in_the_message_language(built: SiteDir) -> None:
    assert '<time datetime="2026-03-12T09:00:00+01:00">12. März 2026 · 09:00</time>' in built.read(DE_PAGE)
    assert '<time datetime="2026-03-12T09:00:00+01:00">March 12, 2026' in built.read(EN_PAGE)


def test_lang_defaults_to_the_site_language_and_the_file_suffix(built: SiteDir) -> None:
    assert built.read(DE_PAGE).startswith('<!doctype html>\n<html lang="de">')
    # `.en.md` without `lang:` is English, and served under /en/
    assert built.read(EN_PAGE).startswith('<!doctype html>\n<html lang="en">')
    assert "Nordlicht opens Husum solar park" in built.read("public/en/index.html")
    assert "Nordlicht opens" not in built.read("public/index.html")


def test_explicit_lang_without_file_suffix(site: SiteDir) -> None:
    site.message("content/news/park.md", title="Solar park opens", extra="lang: en")
    assert load(site).messages[0].lang == "en"
    assert run_hubgen(site.root, "build").returncode == 0
    assert (site.root / "public/en/news/solar-park-opens/index.html").is_file()


def test_a_suffix_that_is_no_site_language_is_part_of_the_name(site: SiteDir) -> None:
    site.message("content/news/version.2.md")
    (message,) = load(site).messages
    assert (message.lang, message.translation_key) == ("de", "content/news/version.2")


def test_translation_key_links_the_language_versions(built: SiteDir) -> None:
    de, en = built.read(DE_PAGE), built.read(EN_PAGE)
    assert ('<a href="../../en/news/nordlicht-opens-husum-solar-park/" hreflang="en">'
            "Nordlicht opens Husum solar park</a>") in de
    assert ('<a href="../../../news/solarpark-husum/" hreflang="de">'
            "Nordlicht eröffnet Solarpark Husum</a>") in en
    assert ('<link rel="alternate" hreflang="en"'
            ' href="https://news.example.com/en/news/nordlicht-opens-husum-solar-park/">') in de
    sitemap = ElementTree.fromstring(built.read("public/sitemap.xml"))
    links = {(link.get("hreflang"), link.get("href"))
             for link in sitemap.iter("{http://www.w3.org/1999/xhtml}link")}
    assert ("en", "https://news.example.com/en/news/nordlicht-opens-husum-solar-park/") in links


def test_files_named_alike_are_versions_of_one_message(site: SiteDir) -> None:
    site.message("content/news/husum.md")
    site.message("content/news/husum.en.md", title="Husum solar park opens")
    site.message("content/news/other.md", title="Anderes Thema")
    loaded = load(site)
    by_title = {m.title: m for m in loaded.messages}
    german = by_title["Solarpark Husum eröffnet"]
    assert [m.title for m in loaded.translations(german)] == ["Husum solar park opens"]
    assert loaded.translations(by_title["Anderes Thema"]) == []
    assert run_hubgen(site.root, "build").returncode == 0
    assert 'hreflang="en">Husum solar park opens</a>' in site.read(
        "public/news/solarpark-husum-eroeffnet/index.html")


def test_slug_defaults_to_the_title_transliterated(site: SiteDir) -> None:
    site.message("content/news/a.md", title='"Größte Übung: Ärzte in Köln"')
    assert run_hubgen(site.root, "build").returncode == 0
    assert (site.root / "public/news/groesste-uebung-aerzte-in-koeln/index.html").is_file()
    assert (site.root / "public/news/groesste-uebung-aerzte-in-koeln/press.txt").is_file()


def test_explicit_slug_and_section_folder(site: SiteDir) -> None:
    site.message("content/jobs/2026/a.md", extra="slug: azubis-2026")
    assert run_hubgen(site.root, "build").returncode == 0
    assert (site.root / "public/jobs/azubis-2026/index.html").is_file()
    assert not (site.root / "public/jobs/2026").exists()


def test_key_message_is_rendered_with_the_facts(built: SiteDir) -> None:
    texts = {(s["lang"], s["channel"], s["platform"]): s["text"] for s in snippets(built)}
    sentence = "Nordlicht liefert Solarstrom für 40.000 Haushalte."
    assert f"\n\nNewsletter: {sentence}\n\n" in texts[("de", "newsletter", None)]
    assert sentence in texts[("de", "social", "mastodon")]  # derived: carries the key message
    assert not any("{{" in text or "facts." in text for text in texts.values())


def test_facts_fill_the_channel_texts(built: SiteDir) -> None:
    (x,) = [s for s in snippets(built) if s["lang"] == "de" and s["platform"] == "x"
            and s["channel"] == "social"]
    short = short_code("news/solarpark-husum/", "social", "x")  # {{ url }}: the short link
    assert x["text"] == (f"Solarpark Husum am Netz: 62 MW für 40.000 Haushalte. https://news.example.com"
                         f"/s/{short}/ #Energiewende")  # the hashtags not yet in the text
    assert x["ok"] is True and x["limit"] == 280
    facts = next(m for m in load(built).messages if m.lang == "de").facts
    assert facts == {"households": "40.000", "capacity": "62 MW"}


def test_tags_make_tag_pages_per_language(built: SiteDir) -> None:
    for tag in ("energie", "solar"):
        page = built.read(f"public/tags/{tag}/index.html")
        assert "Nordlicht eröffnet Solarpark Husum" in page
        assert "Nordlicht opens" not in page
    assert "Nordlicht opens Husum solar park" in built.read("public/en/tags/energy/index.html")
    assert not (built.root / "public/tags/energy").exists()
    overview = built.read("public/tags/index.html")
    assert 'href="energie/"' in overview and 'href="solar/"' in overview
    assert '<a class="tag" href="../../tags/energie/">Energie</a>' in built.read(DE_PAGE)


def test_tags_differing_in_case_share_one_page(site: SiteDir) -> None:
    site.message("content/news/a.md", title="Eins", extra="tags: [Solar]")
    site.message("content/news/b.md", title="Zwei", extra="tags: [solar, Solar]")
    assert run_hubgen(site.root, "build").returncode == 0
    page = site.read("public/tags/solar/index.html")
    assert page.count("Eins") == page.count("Zwei") == 1  # once per page, however often tagged
    assert load(site).messages[0].tags == ("solar",)  # as first written
    assert site.read("public/news/zwei/index.html").count('class="tag"') == 1


def test_image_is_copied_and_described(built: SiteDir) -> None:
    assert (built.root / "public/media/solarpark.svg").read_text(encoding="utf-8") == SVG
    page = built.read(DE_PAGE)
    assert ('<img class="message-image" src="../../media/solarpark.svg"'
            ' alt="Luftaufnahme des Solarparks">') in page
    # Link previews show the share image drawn for the message (SVG: networks don't show it).
    assert ('<meta property="og:image"'
            ' content="https://news.example.com/news/solarpark-husum/share.jpg">') in page


def test_contact_is_shown_on_the_page(built: SiteDir) -> None:
    page = built.read(DE_PAGE)
    assert '<h3 class="contact-name">Erika Muster</h3>' in page
    assert '<p class="contact-role">Pressesprecherin</p>' in page
    assert '<a href="mailto:presse@example.com">presse@example.com</a>' in page
    assert '<a href="tel:+4940123">+49 40 123</a>' in page
    assert "Erika Muster" not in built.read(EN_PAGE)  # the English version names no contact
    press = built.read("public/news/solarpark-husum/press.txt")
    assert "Erika Muster" in press and "presse@example.com" in press


def test_embargo_that_has_passed_and_draft_false_publish(built: SiteDir) -> None:
    message = next(m for m in load(built).messages if m.lang == "de")
    assert message.embargo == datetime(2026, 3, 12, 8, 0, tzinfo=UTC)
    assert message.draft is False
    assert message.is_public(datetime(2026, 3, 12, 8, 0, tzinfo=UTC))
    assert not message.is_public(datetime(2026, 3, 12, 7, 59, tzinfo=UTC))


def test_embargo_later_than_date_decides(site: SiteDir) -> None:
    site.message("content/news/a.md", date="2026-03-01", extra="embargo: 2026-03-12 09:00 +01:00")
    (message,) = load(site).messages
    assert message.publish_at == datetime(2026, 3, 12, 8, 0, tzinfo=UTC)
    assert message.publish_at - message.date == timedelta(days=11, hours=9)


def test_channels_are_kept_as_written(built: SiteDir) -> None:
    de = [s for s in snippets(built) if s["lang"] == "de"]
    channels = {s["channel"] for s in de}
    assert channels == {"press", "social", "newsletter", "advocacy"}  # recruiting: false
    press = next(s for s in de if s["channel"] == "press")["text"]
    assert "Husum, 12. März 2026" in press and "Größter Park im Norden" in press
    advocacy = [s["text"] for s in de if s["channel"] == "advocacy"]
    assert advocacy and all(t.startswith("Stolz auf 62 MW: https://news.example.com/") for t in advocacy)
    message = next(m for m in load(built).messages if m.lang == "de")
    assert message.channels["recruiting"] is False
    assert message.channels["social"]["hashtags"] == ["Energiewende"]
    # English version wrote no channels: every enabled one is derived
    assert {s["channel"] for s in snippets(built) if s["lang"] == "en"} == {
        "press", "social", "recruiting", "newsletter", "advocacy"}


def test_front_matter_lines_are_kept_for_later_errors(site: SiteDir) -> None:
    site.write("content/news/husum.md", FULL)
    site.write("content/media/solarpark.svg", SVG)
    (message,) = load(site).messages
    assert message.line("channels.social.x") == 22
    assert message.line("channels.social.mastodon") == 20  # not written: its parent's line
    assert message.line("nothing") == 1
    assert message.body_line == 27
    assert message.source == Path("content/news/husum.md")


def test_body_is_markdown_with_typographic_quotes(site: SiteDir) -> None:
    site.message("content/news/a.md",
                 body='Er sagte "Hallo".\n\n## Zahlen\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
    assert run_hubgen(site.root, "build").returncode == 0
    page = site.read("public/news/solarpark-husum-eroeffnet/index.html")
    assert "Er sagte „Hallo“." in page
    assert re.search(r'<h2 id="zahlen"[^>]*>Zahlen</h2>', page)
    assert "<table>" in page
