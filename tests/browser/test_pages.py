"""The demo newsroom in Chromium, at phone and desktop width, served by `hubgen serve`."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import RunningServer

PAGES = ["", "en/", "news/solarpark-husum/", "en/news/solar-park-husum/", "tags/",
         "tags/energie/", "press-kit/", "en/press-kit/", "search/", "en/search/?q=solar", "does-not-exist/"]


@pytest.mark.parametrize("width", [375, 1440])
def test_demo_pages_render_cleanly(browser: Any, demo_server: RunningServer, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    for path in PAGES:
        page.goto(demo_server.url + path)
        assert page.locator("main").count() == 1, path
        assert page.locator("h1").count() == 1, path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        # Lazy images load only when scrolled to: fetch each one instead.
        broken = page.evaluate(
            "Promise.all([...document.images].map(i => fetch(i.src).then("
            "r => r.ok && i.alt ? null : i.src))).then(l => l.filter(Boolean))")
        assert broken == [], f"{path}: images broken or without alt: {broken}"
    page.close()
    # The one expected console error: the 404 page's own status.
    assert problems == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]


def test_language_switcher_leads_to_the_other_version(browser: Any, demo_server: RunningServer) -> None:
    page = browser.new_page()
    page.goto(demo_server.url + "news/solarpark-husum/")
    assert page.locator("html").get_attribute("lang") == "de"
    page.locator("a[hreflang=en]").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/news/solar-park-husum/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(demo_server.url + "en/search/")
    page.locator(".lang-switch a[hreflang=de]").click()
    page.wait_for_load_state()
    assert page.url == demo_server.url + "search/"
    assert page.locator("html").get_attribute("lang") == "de"
    page.close()
