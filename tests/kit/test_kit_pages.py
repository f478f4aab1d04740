"""The kit's pages: in the site's language with its dates, the checks' warnings per message,
each text once, previews as each network shows a post."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime

import pytest
from conftest import CONFIG, SiteDir, new_site

from hubgen.channels.platforms import count
from hubgen.paths import short_code
from hubgen.pipeline import BuildOptions, build

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
SOCIAL = """
[social]
x = "testfirma"
linkedin = "https://www.linkedin.com/company/testfirma-example"
instagram = "testfirma.de"

[glossary]
"Testfirma" = ["TestFirma"]
"""
ENGLISH = CONFIG.replace('language = "de"', 'language = "en"').replace('["de", "en"]', '["en", "de"]')


def _site(root: SiteDir, lang: str) -> SiteDir:
    root.message(f"content/news/park.{lang}.md" if lang != "de" else "content/news/park.md", title="Park",
                 date="2026-12-08 10:00 +01:00", summary="TestFirma eröffnet den Park.",
                 extra="channels:\n  recruiting: false")
    root.message("content/news/alt.md" if lang == "de" else "content/news/alt.en.md", title="Alt",
                 date="2026-03-02 09:00 +01:00", summary="Heute.")
    build(BuildOptions(root.root, now=NOW))
    return root


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    return _site(new_site(tmp_path_factory.mktemp("kit-de"), CONFIG + SOCIAL), "de")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    return _site(new_site(tmp_path_factory.mktemp("kit-en"), ENGLISH + SOCIAL), "en")


def test_a_german_site_has_a_german_kit(german: SiteDir) -> None:
    index = german.read("kit/index.html")
    assert '<html lang="de">' in index and "Alle Meldungen" in index and "Sperrfrist" in index
    assert "8. Dez. 2026, 10:00" in index and "Dec 8" not in index and "AM" not in index
    page = german.read("kit/de/news/park/index.html")
    assert "Kopieren" in page and "Pressemitteilung" in page and "Copy<" not in page


def test_an_english_site_has_an_english_kit(english: SiteDir) -> None:
    index = english.read("kit/index.html")
    assert '<html lang="en">' in index and "All messages" in index and "embargoed" in index
    assert "Dec 8, 2026, 10:00\u202fAM" in index
    assert "Kalender" not in english.read("kit/calendar/index.html")


def test_warnings_of_the_checks_on_the_message_and_counted_on_the_overview(german: SiteDir) -> None:
    page = german.read("kit/de/news/park/index.html")
    section = page[page.index('id="warnings"'):page.index("</section>")]
    assert "1 Hinweis(e) der Prüfungen" in section and "TestFirma" in section
    assert "<code>summary</code>" in section
    index = german.read("kit/index.html")
    assert 'href="de/news/park/#warnings">1</a>' in index
    assert 'id="warnings"' not in german.read("kit/de/news/alt/index.html")


def test_no_id_twice_and_each_text_once(german: SiteDir) -> None:
    page = german.read("kit/de/news/alt/index.html")
    ids = Counter(re.findall(r' id="([^"]+)"', page))
    assert [name for name, n in ids.items() if n > 1] == []
    assert {"press", "recruiting", "newsletter", "ch-press"} <= set(ids)
    assert "<pre" not in page  # no second, monospace copy of each text


def test_previews_as_the_networks_show_them(german: SiteDir) -> None:
    page = german.read("kit/de/news/alt/index.html")

    def preview(name: str) -> str:
        start = page.index(f'id="{name}"')
        return page[start:page.index("</article>", start)]

    # Published: the share images the newsroom drew, beside the kit page.
    assert (german.root / "kit/de/news/alt/share.jpg").read_bytes() == \
        (german.root / "public/news/alt/share.jpg").read_bytes()
    assert 'src="share.jpg"' in preview("social-x") and "@testfirma" in preview("social-x")
    linkedin = preview("social-linkedin")
    assert "Unternehmensseite" in linkedin and "linkedin.com/company" not in linkedin
    instagram = preview("social-instagram")
    assert 'src="share-square.jpg"' in instagram and 'class="card' not in instagram
    assert "<strong>testfirma.de</strong>" in instagram
    # Bluesky shows the link as its app posts it (toShortUrl); the element's text stays the whole
    # snippet, which the copy button copies.
    bluesky = preview("social-bluesky")
    code = short_code("news/alt/", "social", "bluesky")
    assert f'data-shown="news.example.com/s/{code}/"' in bluesky
    assert f'<span class="invisible">https://news.example.com/s/{code}/' in bluesky
    length = count("bluesky", f"Heute.\n\nhttps://news.example.com/s/{code}/")
    assert f'value="{length}"' in bluesky and f"{length} / 300" in bluesky
    employee = preview("advocacy-1-linkedin")
    assert "Mitarbeiterin bei Testfirma" in employee and "Unternehmensseite" not in employee
    # Not public yet: no share image to show.
    assert not (german.root / "kit/de/news/park/share.jpg").exists()


def test_a_switched_off_channel_is_not_missing(german: SiteDir) -> None:
    page = german.read("kit/de/news/park/index.html")
    assert "Recruiting: abgeschaltet" in page
    assert 'class="gap"' not in german.read("kit/calendar/index.html").split('id="w-2026-50"')[1]
