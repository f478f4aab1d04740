"""The channel kit in Chromium: copy buttons copy exactly the snippet, counters match the JSON."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from conftest import RunningServer

from hubgen.channels.bluesky_text import to_short_url


def test_copy_button_copies_exactly_the_snippet(browser: Any, demo_server: RunningServer) -> None:
    with urllib.request.urlopen(demo_server.url + "_kit/snippets.json") as response:
        snippets = json.load(response)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(demo_server.url + "_kit/de/news/solarpark-husum/")
    for name, channel, platform in (("social-x", "social", "x"), ("social-bluesky", "social", "bluesky"),
                                    ("press", "press", None),
                                    ("advocacy-1-linkedin", "advocacy", "linkedin")):
        expected = next(s["text"] for s in snippets if s["message"] == "solarpark-husum"
                        and s["channel"] == channel and s["platform"] == platform)
        page.locator(f"button[data-copy='text-{name}']").click()
        page.wait_for_function("t => navigator.clipboard.readText().then(c => c === t)",
                               arg=expected, timeout=5_000)
        assert page.evaluate("navigator.clipboard.readText()") == expected
    context.close()


def test_bluesky_preview_shows_links_as_the_app_posts_them(browser: Any, demo_server: RunningServer) -> None:
    page = browser.new_page()
    page.goto(demo_server.url + "_kit/de/news/solarpark-husum/")
    link = page.locator("#text-social-bluesky .mark[data-shown]").first
    shown = link.evaluate("e => getComputedStyle(e, '::before').content")
    full = link.evaluate("e => e.querySelector('.invisible').textContent")
    hidden = link.evaluate("e => e.querySelector('.invisible').offsetParent === null")
    page.close()
    assert full.startswith("https://") and shown == f'"{to_short_url(full)}"' and "://" not in shown
    assert hidden  # the full link is in the text, not on the screen


def test_counters_match_snippets_json(browser: Any, demo_server: RunningServer) -> None:
    with urllib.request.urlopen(demo_server.url + "_kit/snippets.json") as response:
        snippets = [s for s in json.load(response) if s["message"] == "solarpark-husum"
                    and s["lang"] == "de"]
    page = browser.new_page()
    page.goto(demo_server.url + "_kit/de/news/solarpark-husum/")
    shown = page.eval_on_selector_all(
        ".snippet", "els => els.map(e => [e.id, e.querySelector('.counter').innerText])")
    page.close()
    assert len(shown) == len(snippets)
    units = {"weighted": "gewichtet", "characters": "Zeichen", "graphemes": "Zeichen"}  # a German site
    for (_, counter), snippet in zip(shown, snippets, strict=True):
        limit = f" / {snippet['limit']}" if snippet["limit"] else ""
        assert counter == f"{snippet['length']}{limit} {units[snippet['unit']]}"


def test_kit_overview_marks_drafts_and_embargoes(browser: Any, demo_server: RunningServer) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(demo_server.url + "_kit/")
    rows = page.eval_on_selector_all(
        "tbody tr", "rows => rows.map(r => [r.cells[1].innerText, r.cells[3].innerText])")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.close()
    statuses = {title: status.lower() for title, status in rows}
    assert "entwurf" in statuses.values() and "sperrfrist" in statuses.values()
    assert overflow <= 0


def test_overview_filters_by_status_channel_and_language(browser: Any, demo_server: RunningServer) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(demo_server.url + "_kit/")
    visible = "() => [...document.querySelectorAll('tbody tr')].filter(r => !r.hidden).map(r => r.dataset)"
    everything = page.evaluate(visible)
    page.select_option("select[name=status]", "draft")
    drafts = page.evaluate(visible)
    assert drafts and all(r["status"] == "draft" for r in drafts) and len(drafts) < len(everything)
    page.select_option("select[name=status]", "")
    page.select_option("select[name=lang]", "en")
    assert {r["lang"] for r in page.evaluate(visible)} == {"en"}
    page.select_option("select[name=lang]", "")
    page.select_option("select[name=channel]", "recruiting")
    recruiting = page.evaluate(visible)
    assert recruiting and all("recruiting" in r["channels"].split() for r in recruiting)
    assert len(recruiting) < len(everything)  # some messages switched recruiting off
    assert page.inner_text("#shown") == f"{len(recruiting)} von {len(everything)} Meldungen"
    page.close()


def test_without_javascript_the_overview_lists_everything(browser: Any, demo_server: RunningServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server.url + "_kit/")
    assert page.locator("#filters").is_hidden()
    rows = page.locator("tbody tr")
    assert rows.count() >= 10 and all(rows.nth(i).is_visible() for i in range(rows.count()))
    context.close()
