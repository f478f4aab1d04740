"""The port of twitter-text 3.1.0's parseTweet against the library itself.

tests/channels/fixtures/twitter_text_3.1.0.json holds seeded random texts and what the npm
library counted for each under Node.js; scripts/twitter-text/make.sh writes it.
"""

from __future__ import annotations

import json
import random
import re
import time
import unicodedata
from pathlib import Path

import pytest

from hubgen.channels import jsregex, twitter_text
from hubgen.channels.jsregex import utf16
from hubgen.channels.platforms import count

CORPUS = Path(__file__).parent / "fixtures" / "twitter_text_3.1.0.json"


def test_corpus_agrees_with_twitter_text() -> None:
    cases = json.loads(CORPUS.read_text(encoding="utf-8"))["cases"]
    assert len(cases) >= 3000
    wrong = [(case["text"], twitter_text.weighted_length(case["text"]), case["weightedLength"])
             for case in cases]
    wrong = [case for case in wrong if case[1] != case[2]]
    assert not wrong, "\n".join(f"{text!r}: {got}, twitter-text {want}" for text, got, want in wrong)


@pytest.mark.parametrize("kind", ["gTLD", "ccTLD"])
def test_tld_trie_is_the_alternation(kind: str) -> None:
    # The trie tries, at each position, the matching names longest first. The alternation does
    # the same only if no name comes before a longer name it begins: check the list holds that.
    names = twitter_text.tld_names(kind)
    seen: set[str] = set()
    for name in names:
        assert not any(name.startswith(earlier) for earlier in seen if earlier != name), name
        seen.add(name)
    pattern = re.compile(jsregex.trie(names, ignore_case=False) + r"\Z")
    assert all(pattern.match(jsregex.utf16(name)) for name in names)
    assert not pattern.match("nordlicht") and not pattern.match("co" + "m" * 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("nordlicht.de", 23, id="bare ccTLD domain"),
        pytest.param("t.de#frag", 23 + 5, id="bare ccTLD domain, fragment is text"),
        pytest.param("nordlicht.sport nordlicht.bank nordlicht.immobilien", 23 * 3 + 2,
                     id="new gTLDs"),
        pytest.param("bücher.de", 23, id="accented Latin domain"),
        pytest.param("a_b.de", 6, id="no _ in the registered name"),
        pytest.param("🧑‍🤝‍🧑", 8, id="ZWJ sequence twemoji-parser does not know"),
        pytest.param("❤️‍🔥", 5, id="heart on fire"),
        pytest.param("🫶🏽", 4, id="heart hands with skin tone"),
        # Checked in twitter-text: JS folds case without "ſ" = "s", Python's re.IGNORECASE not.
        pytest.param("x.ſite", 6, id="no ſ for s in a TLD"),
        pytest.param("x.cOM", 23, id="TLD in any case"),
    ],
)
def test_issue_cases(text: str, expected: int) -> None:
    assert count("x", text) == expected


HOSTILE = {
    "a. * 5000": "a." * 5000,
    "a. * 5000 + com": "a." * 5000 + "com",
    "http:// + a. * 3000": "http://" + "a." * 3000,
    "co. * 6000": "co." * 6000,
    "1. * 10000": "1." * 10000,
    "a-a. * 5000": "a-a." * 5000,
    "a * 25000": "a" * 25000,
    "ab.de * 4000": "ab.de " * 4000,
    "URL with 25000-letter path": "http://a.de/" + "a" * 25000 + "!",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_texts_count_fast(text: str) -> None:
    # Python's re backtracks where V8 is quick: these took up to 85 s before the TLD tries and
    # the search for where a domain can end; now each takes well under a second.
    twitter_text.weighted_length("warm up")
    start = time.perf_counter()
    twitter_text.weighted_length(text)
    assert time.perf_counter() - start < 5


def unit_by_unit(text: str) -> int:
    """parseTweet's loop as written, a code unit at a time: what the counting by patterns of
    the stretches between URLs and emoji must give."""
    scale, default, url_length, _, ranges = twitter_text._weights()
    units = utf16(unicodedata.normalize("NFC", text))
    urls = {url.start: len(url.url) for url in twitter_text.extract_urls(units)}
    emoji = twitter_text._emoji(units)
    total, i = 0, 0
    while i < len(units):
        if i in urls:
            total, i = total + url_length * scale, i + urls[i]
        elif i in emoji:
            total, i = total + default, i + emoji[i]
        else:
            if twitter_text._pair(units, i):
                i += 1
            # lib/getCharacterWeight.js: the first range holding the code unit, else the default.
            weight = next((w for lo, hi, w in ranges if lo <= ord(units[i]) <= hi), default)
            total, i = total + weight, i + 1
    return total // scale


PIECES = ["Wind", " ", "Küste", "風力", "😀", "👍🏽", "1\ufe0f\u20e3", "\u2003", "\u200d", "—", "…", "\ud83d",
          "\ude00", "example.com", "https://a.de/x", " t.co/abc", "#Tag", "@name", "\n", "é", "\u0301", "🇩🇪"]


def test_counting_by_stretches_is_the_loop_unit_by_unit() -> None:
    """Lone halves of pairs beside emoji and URLs, combining marks, joiners: 5,000 texts."""
    chooser = random.Random(20261203)
    for _ in range(5000):
        text = "".join(chooser.choice(PIECES) for _ in range(chooser.randint(1, 12)))
        assert twitter_text.weighted_length(text) == unit_by_unit(text), repr(text)
