"""The channel kit at a phone's and a desktop's width: nothing wider than the screen, no id twice,
no accessibility violation axe-core finds, in the site's language."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import RunningServer

PAGES = ["_kit/", "_kit/de/news/solarpark-husum/", "_kit/de/jobs/120-neue-stellen/",
         "_kit/en/news/solar-park-husum/", "_kit/calendar/"]


@pytest.mark.parametrize("width", [390, 1280])
def test_kit_pages_fit_and_pass_axe(browser: Any, demo_server: RunningServer, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport={"width": width, "height": 900})
    found: dict[str, object] = {}
    for path in PAGES:
        page.goto(demo_server.url + path)
        page.wait_for_load_state("load")
        facts = page.evaluate("""() => ({
            overflow: document.scrollingElement.scrollWidth - innerWidth,
            duplicates: [...document.querySelectorAll('[id]')].map(e => e.id)
                .filter((id, i, all) => all.indexOf(id) !== i),
            lang: document.documentElement.lang})""")
        results = axe.run(page)
        violations = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:120]}"
                      for v in results.response["violations"]]
        problems = {k: v for k, v in {"overflow": facts["overflow"] > 0, "duplicates": facts["duplicates"],
                                     "violations": violations, "lang": facts["lang"] != "de"}.items() if v}
        if problems:
            found[path] = problems
    page.close()
    assert found == {}


def test_the_phone_overview_shows_every_column(browser: Any, demo_server: RunningServer) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(demo_server.url + "_kit/")
    clipped = page.evaluate("""() => [...document.querySelectorAll('tbody td')]
        .filter(td => td.getBoundingClientRect().right > innerWidth || td.scrollWidth > td.clientWidth + 1)
        .map(td => td.innerText)""")
    badge = page.inner_text("tr.status-embargoed .badge")
    page.close()
    assert clipped == [] and badge == "SPERRFRIST"
