"""axe-core in Chromium: no serious or critical accessibility violation on the newsroom's pages."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import RunningServer

PAGES = ["", "news/solarpark-husum/", "tags/energie/", "press-kit/", "search/?q=Solarpark",
         "en/", "en/news/solar-park-husum/", "en/search/"]


@pytest.mark.parametrize("width", [375, 1280])
def test_pages_have_no_serious_violations(browser: Any, demo_server: RunningServer, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport={"width": width, "height": 900})
    found: dict[str, list[str]] = {}
    for path in PAGES:
        page.goto(demo_server.url + path)
        if "?q=" in path:
            page.wait_for_selector(".search-result")  # check the page with its results
        results = axe.run(page)
        assert results.response["testEngine"]["name"] == "axe-core"
        serious = [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['html'][:120]})"
                   for v in results.response["violations"]
                   if v["impact"] in ("serious", "critical")]
        if serious:
            found[path] = serious
    page.close()
    assert found == {}
