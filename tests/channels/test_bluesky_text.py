"""Bluesky posts counted and shown as the Bluesky app does: checked against the app's own code.

`fixtures/bluesky_length.json` is made by scripts/bluesky/make.sh, which runs @atproto/api's
RichText and social-app's shortenLinks/toShortUrl under Node.js; `fixtures/bluesky_cases.yaml`
holds cases from their test files.
"""

from __future__ import annotations

import json
import random
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from hubgen.channels.bluesky_text import bluesky_display, count_bluesky, link_spans, to_short_url
from hubgen.channels.counting import count_graphemes
from hubgen.channels.platforms import count

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS: dict[str, Any] = json.loads((FIXTURES / "bluesky_length.json").read_text("utf-8"))
CASES: dict[str, Any] = yaml.safe_load((FIXTURES / "bluesky_cases.yaml").read_text("utf-8"))


def test_the_app_and_hubgen_agree_on_every_generated_text() -> None:
    cases = CORPUS["cases"]
    assert len(cases) >= 2000
    mismatches = [
        f"{case['text']!r}: app {case['length']} {case['display']!r}, "
        f"hubgen {count_bluesky(case['text'])} {bluesky_display(case['text'])!r}"
        for case in cases
        if count_bluesky(case["text"]) != case["length"] or bluesky_display(case["text"]) != case["display"]
    ]
    assert not mismatches, f"{len(mismatches)} of {len(cases)} differ:\n" + "\n".join(mismatches[:20])


def test_the_corpus_exercises_shortening() -> None:
    cases = CORPUS["cases"]
    shortened = sum(case["display"] != case["text"] for case in cases)
    unshortened_links = sum(bool(link_spans(case["text"])) and case["display"] == case["text"]
                            for case in cases)
    assert shortened > 1000 and unshortened_links > 50


@pytest.mark.parametrize(("url", "short"), CASES["to_short_url"])
def test_to_short_url_as_in_the_apps_tests(url: str, short: str) -> None:
    assert to_short_url(url) == short


@pytest.mark.parametrize("case", CASES["display"], ids=lambda case: case["text"][:40])
def test_shorten_links_as_in_the_apps_tests(case: dict[str, str]) -> None:
    assert bluesky_display(case["text"]) == case["display"]
    assert count("bluesky", case["text"]) == count_graphemes(case["display"])


@pytest.mark.parametrize(("text", "links"), CASES["links"], ids=lambda value: str(value)[:40])
def test_links_found_as_in_atprotos_tests(text: str, links: list[str]) -> None:
    assert [text[start:end] for start, end in link_spans(text)] == links


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Neu: https://nordlicht-energie.de/presse/2026/solarpark-husum?utm_source=bluesky",
                     41, id="long tagged URL counts as host + 13 + ..."),
        pytest.param("https://nordlicht.de/über", 22, id="path percent-encoded before it is cut"),
        pytest.param("nordlicht.de/presse/2026/solarpark-husum", 40, id="no scheme: left as written"),
        pytest.param("HTTPS://NORDLICHT.DE/presse/2026/solarpark", 42, id="upper-case scheme: no link"),
        pytest.param("Wort " * 60, 300, id="no links: graphemes"),
    ],
)
def test_counts(text: str, expected: int) -> None:
    # Expected: @atproto/api 0.18.21 RichText + social-app shortenLinks, run by hand under Node.
    assert count("bluesky", text) == count_bluesky(text) == expected


def test_kept_links_shift_the_ones_after_as_in_the_app() -> None:
    # The app moves later links by the UTF-16 length of what it inserted but removes UTF-8 bytes:
    # after a link it keeps as written with a non-ASCII letter, the next span is one byte early.
    # (@atproto/api 0.18.21 + social-app shortenLinks give this text; see the corpus.)
    text = "nordlicht.de/über https://x.com/long/path/here"
    assert bluesky_display(text) == "nordlicht.de/überx.com/long/path/here"


HOSTILE = {
    "a. x5000": "a." * 5000,
    "25,000 characters of kept links": ("a.de/ö " * 4000)[:25000],
    "kept and shortened links": ("nordlicht.de/über https://x.com/long/path/here " * 600)[:25000],
    "byte order marks": "\ufeffnordlicht.de/ü " * 1600,
    "long links": ("https://a.com/" + "b" * 20 + " ") * 1000,
    "brackets": "(a" * 12500,
    "one long URL": "https://" + "a." * 6000 + "com/" + "x" * 10000,
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_texts_count_in_bounded_time(text: str) -> None:
    started = time.perf_counter()
    count_bluesky(text)
    assert time.perf_counter() - started < 5  # quiet: 0.3 s at most; a hang would be minutes


def _replay(text: str) -> str:
    """shortenLinks as written in the app, edit by edit on the whole text (slow, obviously right)."""
    def decode(data: bytes) -> str:
        decoded = data.decode("utf-8", "replace")
        return decoded[1:] if decoded.startswith("\ufeff") else decoded

    data = text.encode()
    starts = [len(text[:i].encode()) for i in range(len(text) + 1)]
    links = [[starts[a], starts[b]] for a, b in link_spans(text)]
    live = list(links)
    for link in links:
        start, end = link
        short = to_short_url(decode(data[start:end]))
        text = decode(data[:start]) + short + decode(data[start:])
        data = text.encode()
        for other in live:
            if start <= other[0]:
                other[0] += len(short.encode("utf-16-le")) // 2
                other[1] += len(short.encode("utf-16-le")) // 2
            elif other[0] <= start < other[1]:
                other[1] += len(short.encode("utf-16-le")) // 2
        link[:] = [start, start + len(short.encode())]
        cut, cut_end = start + len(short.encode()), end + len(short.encode())
        text = decode(data[:cut]) + decode(data[cut_end:])
        data = text.encode()
        removed = cut_end - cut
        for other in live:
            lo, hi = other
            if cut <= lo and cut_end >= hi:
                other[:] = [0, 0]
            elif cut > hi:
                pass
            elif lo < cut <= hi < cut_end:
                other[1] = cut
            elif cut >= lo and cut_end <= hi:
                other[1] -= removed
            elif cut < lo <= cut_end <= hi:
                other[:] = [cut, hi - removed]
            elif cut_end < lo:
                other[:] = [lo - removed, hi - removed]
        live = [other for other in live if other[0] < other[1]]
    return text


PARTS = ["nordlicht.de/ü", "a.de/日本", "https://x.com/long/path/here", "https://bücher.de/straße",
         "x.com", "ü", "😀", "\ufeff", " ", " ", "\n", "(", ")", ".", "e\u0301", "b.de/ö.", "@a.de"]


def test_the_fast_replay_matches_the_apps_steps() -> None:
    rng = random.Random(13)
    for _ in range(3000):
        text = "".join(rng.choices(PARTS, k=rng.randint(1, 14)))
        assert bluesky_display(text) == _replay(text), repr(text)


def test_the_tld_list_ships_with_the_package() -> None:
    data = json.loads(resources.files("hubgen.channels").joinpath("bluesky_tlds.json").read_text("utf-8"))
    assert data["source"] == f"npm tlds {CORPUS['versions']['tlds']}"
    assert {"de", "com", "energy", "berlin"} <= set(data["tlds"]) and "invalid" not in data["tlds"]


def test_a_host_with_an_emoji_newer_than_pythons_unicode() -> None:
    """U+1FAE8 (Unicode 15) is unassigned to Python 3.11's unicodedata; Node's URL parser gives
    `new URL("https://nordlicht.de\\u{1fae8}/x")` the host nordlicht.xn--de-cr13a."""
    assert to_short_url("https://nordlicht.de\U0001fae8/x") == "nordlicht.xn--de-cr13a/x"
