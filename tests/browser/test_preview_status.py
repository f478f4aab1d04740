"""The preview shows what is being written: drafts and embargoed messages marked, what a deploy
would publish with --as-published, and the open page's warnings as they are typed."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

from conftest import SiteDir, running_server

PANEL = "#hubgen-warnings"
WAIT = 15_000
"""Milliseconds a page may take to show a rebuild: long enough for a loaded CI machine."""
DRAFT = "Entwurf – nicht veröffentlicht"
EMBARGO = "Sperrfrist bis 8. Dezember 2036, 10:00 Uhr MEZ"


def write_draft(site: SiteDir) -> None:
    site.message("content/news/entwurf.md", title="Ein Entwurf", extra="slug: entwurf\ndraft: true",
                 date="2026-03-20 09:00 +01:00")


def write_embargoed(site: SiteDir) -> None:
    site.message("content/news/gesperrt.md", title="Unter Sperrfrist",
                 extra="slug: gesperrt\nembargo: 2036-12-08 10:00 +01:00")


def test_draft_and_embargoed_pages_show_with_their_banner(browser: Any, demo_site: SiteDir) -> None:
    write_draft(demo_site)
    write_embargoed(demo_site)
    with running_server(demo_site.root) as server:
        page = browser.new_page()
        page.goto(server.url + "news/entwurf/")
        assert page.locator("h1").inner_text() == "Ein Entwurf"
        assert page.locator(".message-head .status-draft").inner_text() == DRAFT
        page.goto(server.url + "news/gesperrt/")
        assert page.locator(".message-head .status-embargo").inner_text() == EMBARGO
        page.goto(server.url)  # the list entries too
        entries = page.locator(".hero .status, .card .status").all_inner_texts()
        assert EMBARGO in entries and DRAFT in entries
        page.goto(server.url + "news/solarpark-husum/")  # a published message has none
        assert page.locator(".status-banner").count() == 0
        page.close()


def test_as_published_explains_the_404_of_a_held_back_message(browser: Any,
                                                               demo_site: SiteDir) -> None:
    write_draft(demo_site)
    write_embargoed(demo_site)
    with running_server(demo_site.root, "--as-published") as server:
        page = browser.new_page()
        answer = page.goto(server.url + "news/entwurf/")
        assert answer is not None and answer.status == 404
        assert "Diese Meldung ist ein Entwurf." in page.locator("[data-hubgen-held]").inner_text()
        page.goto(server.url + "news/gesperrt/press.txt")
        assert f"Diese Meldung steht unter Sperrfrist bis {EMBARGO[15:]}." in page.locator(
            "[data-hubgen-held]").inner_text()
        page.goto(server.url + "news/gibt-es-nicht/")  # any other 404 says nothing of the kind
        assert page.locator("[data-hubgen-held]").count() == 0
        page.goto(server.url)
        assert page.locator(".status-banner").count() == 0
        page.close()
        try:
            urllib.request.urlopen(server.url + "404.html", timeout=5)
        except urllib.error.HTTPError as exc:
            raise AssertionError(exc) from None
    public = demo_site.root / "public"
    assert demo_site.hubgen("build").returncode == 0
    built = "\n".join(p.read_text(encoding="utf-8") for p in public.rglob("*.html"))
    assert "status-banner" not in built and "Entwurf" not in built
    assert not (public / "news" / "entwurf").exists()


def test_a_glossary_variant_shows_in_the_panel_after_a_save(browser: Any,
                                                                 demo_site: SiteDir) -> None:
    path = demo_site.message("content/news/wende.md", title="Ein Entwurf", extra="slug: wende\ndraft: true",
                             body="Nordlicht treibt die Energiewende voran.\n")
    text = path.read_text(encoding="utf-8")
    with running_server(demo_site.root) as server:
        page = browser.new_page()
        page.goto(server.url + "news/wende/")
        assert page.locator(PANEL).count() == 0
        # How fast is the benchmark's business (bench/run.py, "preview edit"), not a test's:
        # timings on a shared machine only make tests flaky.
        path.write_text(text.replace("Energiewende", "Energie-Wende"), encoding="utf-8")
        page.wait_for_selector(f"{PANEL} >> text=Energie-Wende", timeout=WAIT)
        assert "content/news/wende.md" in page.locator(PANEL).inner_text()
        # In the page's language, like the banners.
        assert page.locator(f"{PANEL} span").inner_text() == "hubgen: 1 Hinweis zu dieser Meldung"
        assert page.get_attribute(PANEL, "aria-label") == "Hinweise von hubgen"
        assert page.get_attribute(f"{PANEL} button", "aria-label") == "Hinweise ausblenden"
        page.locator(f"{PANEL} button").click()  # dismissed, it stays away on reload
        assert page.locator(PANEL).count() == 0
        page.reload()
        assert page.locator(PANEL).count() == 0
        path.write_text(text.replace("Energiewende", "Energie-Wende") + "\nNoch eine Energie-Wende.\n",
                        encoding="utf-8")  # a new warning shows again
        page.wait_for_selector(PANEL, timeout=WAIT)
        path.write_text(text, encoding="utf-8")
        page.wait_for_selector(PANEL, state="detached", timeout=WAIT)
        page.close()
        output = server.output()
    assert output.count("'Energie-Wende'") == 2, output  # once when new, once for the second
