"""Live reload in Chromium: edits show up without a manual reload; errors show as an overlay."""

from __future__ import annotations

from typing import Any

from conftest import SiteDir, running_server

OVERLAY = "#hubgen-error-overlay"


def test_title_edit_reloads_the_open_page(browser: Any, site: SiteDir) -> None:
    path = site.message("content/news/solar.md", title="Alter Titel", extra="slug: solar")
    with running_server(site.root) as server:
        page = browser.new_page()
        page.goto(server.url + "news/solar/")
        assert page.locator("h1").inner_text() == "Alter Titel"
        path.write_text(path.read_text(encoding="utf-8").replace("Alter Titel", "Neuer Titel"),
                        encoding="utf-8")
        page.wait_for_function("document.querySelector('h1').innerText === 'Neuer Titel'",
                               timeout=10_000)
        page.close()


def test_broken_front_matter_shows_overlay_until_fixed(browser: Any, site: SiteDir) -> None:
    path = site.message("content/news/solar.md", extra="slug: solar")
    good = path.read_text(encoding="utf-8")
    with running_server(site.root) as server:
        page = browser.new_page()
        page.goto(server.url + "news/solar/")
        assert page.locator(OVERLAY).count() == 0
        path.write_text(good.replace("date: 2026-03-12 09:00 +01:00", "date: 12.03.2026"),
                        encoding="utf-8")
        page.wait_for_selector(OVERLAY, timeout=10_000)
        overlay = page.locator(OVERLAY).inner_text()
        # In the page's language.
        assert overlay.startswith("hubgen: Die letzte Änderung ließ sich nicht bauen\n")
        assert "content/news/solar.md:3: date: bad date" in overlay
        path.write_text(good, encoding="utf-8")
        page.wait_for_selector(OVERLAY, state="detached", timeout=10_000)
        page.close()


def test_css_change_applies_without_reload(browser: Any, site: SiteDir) -> None:
    site.message("content/news/solar.md", extra="slug: solar")
    # The site's static/ overrides the theme's stylesheet of the same name.
    style = site.write("static/assets/style.css", "body { background: rgb(9, 9, 9); }\n")
    with running_server(site.root) as server:
        page = browser.new_page()
        page.goto(server.url + "news/solar/")
        page.evaluate("window.notReloaded = true")
        style.write_text("body { background: rgb(1, 2, 3); }\n", encoding="utf-8")
        page.wait_for_function(
            "getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'", timeout=10_000)
        assert page.evaluate("window.notReloaded") is True
        page.close()
