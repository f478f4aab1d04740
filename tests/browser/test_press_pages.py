"""The newsroom pages a press officer checks first, in Chromium at phone and desktop width:
nothing scrolls sideways, every id is unique, axe finds no violation of any impact."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import RunningServer

PAGES = ["", "news/solarpark-husum/", "jobs/120-neue-stellen/", "press-kit/", "en/press-kit/",
         "en/jobs/120-new-jobs/"]
DUPLICATE_IDS = """(() => { const seen = {};
  document.querySelectorAll('[id]').forEach(e => seen[e.id] = (seen[e.id] || 0) + 1);
  return Object.keys(seen).filter(id => seen[id] > 1); })()"""


@pytest.mark.parametrize("width", [390, 1280])
def test_newsroom_pages_are_clean(browser: Any, demo_server: RunningServer, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport={"width": width, "height": 900})
    found: dict[str, list[str]] = {}
    for path in PAGES:
        response = page.goto(demo_server.url + path)
        assert response is not None and response.ok, path
        problems = []
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"scrolls sideways by {overflow}px")
        if duplicates := page.evaluate(DUPLICATE_IDS):
            problems.append(f"duplicate ids {duplicates}")
        results = axe.run(page)
        problems += [f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:120]}"
                     for v in results.response["violations"]]
        if problems:
            found[path] = problems
    page.close()
    assert found == {}


def test_the_job_ad_apply_button_leads_to_the_recruiting_page(browser: Any,
                                                               demo_server: RunningServer) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(demo_server.url + "jobs/120-neue-stellen/")
    button = page.get_by_role("link", name="Jetzt bewerben").first
    assert button.is_visible()
    assert button.get_attribute("href") == "https://karriere.nordlicht-energie.example/stellen"
    assert page.get_by_role("heading", name="Ansprechpartner").count() == 1
    assert page.get_by_role("heading", name="Pressekontakt").count() == 0
    box = page.locator(".site-nav a").last.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390 - 24  # off the screen's edge
    page.close()
