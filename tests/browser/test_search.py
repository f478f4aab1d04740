"""Search in Chromium: from the preview server and from the built folder opened as file://."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import RunningServer, SiteDir, copy_demo, running_server

from hubgen.pipeline import BuildOptions, build


def results(page: Any, query: str) -> list[str]:
    page.fill("#search-input", query)
    page.wait_for_function("q => new URL(location.href).searchParams.get('q') === q", arg=query)
    return [str(t) for t in page.locator(".search-result-title a").all_inner_texts()]


def test_typing_a_word_finds_the_right_message(browser: Any, demo_server: RunningServer) -> None:
    page = browser.new_page()
    page.goto(demo_server.url)
    page.locator(".site-nav a", has_text="Suche").click()
    page.wait_for_load_state()
    assert page.url == demo_server.url + "search/"
    assert results(page, "Artenvielfalt") == [
        "Blühwiesen und Schafe: Mehr Artenvielfalt in unseren Solarparks"]
    assert page.locator("[data-search-status]").inner_text() == "1 Meldung gefunden."
    # Part of a compound word, and an umlaut written out: still found; title hits first.
    assert results(page, "batteriespeicher")[0] == "Nordlicht baut Großbatteriespeicher in Brunsbüttel"
    assert results(page, "miteigentuemer") == ["Bürgerwindpark: Nachbarn werden Miteigentümer"]
    page.locator(".search-result-title a").first.click()
    page.wait_for_load_state()
    assert page.url == demo_server.url + "news/buergerwindpark-nachbarn-werden-miteigentuemer/"
    assert page.locator("h1").inner_text() == "Bürgerwindpark: Nachbarn werden Miteigentümer"
    page.close()


def test_the_preview_marks_held_back_messages_in_the_results(browser: Any,
                                                              demo_server: RunningServer) -> None:
    """`hubgen serve` finds drafts and embargoed messages, each marked as on its page."""
    page = browser.new_page()
    page.goto(demo_server.url + "search/")
    marks = ".search-result .status-banner .status"
    assert results(page, "Glimmerwatt") == ["Glimmerwatt: Nordlicht Energie bringt Solarstrom aufs Mietshaus"]
    found = page.locator(marks)
    assert found.all_inner_texts()[0] == "Entwurf – nicht veröffentlicht"
    assert "status-draft" in (found.first.get_attribute("class") or "")
    assert results(page, "Polarkranich")[0].startswith("Projekt Polarkranich")
    assert page.locator(marks).all_inner_texts() == ["Sperrfrist bis 10. Februar 2027, 09:00 Uhr MEZ"]
    assert results(page, "Artenvielfalt") != [] and page.locator(marks).count() == 0  # a public one
    page.close()


def test_the_built_search_index_has_no_status(tmp_path: Path) -> None:
    site = copy_demo(tmp_path / "demo")
    build(BuildOptions(site.root, public_only=True))
    index = site.read("public/search/search-index.js")
    assert '"x":' not in index and "Glimmerwatt" not in index and "Polarkranich" not in index


def test_drafts_and_embargoed_messages_are_not_found(browser: Any, tmp_path: Path) -> None:
    """As published: the preview's default shows drafts and embargoed messages, marked."""
    site = copy_demo(tmp_path / "demo")
    with running_server(site.root, "--as-published") as server:
        _not_found(browser, server)


def _not_found(browser: Any, server: RunningServer) -> None:
    page = browser.new_page()
    page.goto(server.url + "search/")
    assert results(page, "Glimmerwatt") == []  # the demo's draft
    assert page.locator("[data-search-status]").inner_text() == "Keine Meldung gefunden."
    assert results(page, "Polarkranich") == []  # under embargo until 2027
    page.close()


def test_search_works_from_the_built_folder(browser: Any, site: SiteDir) -> None:
    site.message("content/news/park.en.md", title="Solar park opens", extra="slug: solar-park\n")
    site.message("content/news/wind.en.md", title="Wind farm", body="Next to the solar park.\n")
    build(BuildOptions(site.root))
    page = browser.new_page()
    page.goto((site.root / "public/en/search/index.html").as_uri() + "?q=solar+park")
    page.wait_for_selector(".search-result-title a")
    # Both match; the one with the words in its title first.
    assert page.locator(".search-result-title a").all_inner_texts() == ["Solar park opens", "Wind farm"]
    page.locator(".search-result-title a").first.click()
    page.wait_for_load_state()
    assert page.url == (site.root / "public/en/news/solar-park/").as_uri() + "/"
    page.close()
