"""Platform counting rules, checked against published cases and worked examples."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import regex
import yaml

from hubgen.channels import counting
from hubgen.channels.platforms import PLATFORMS, count, shorten_to_fit

FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"  # 7 code points, 25 bytes
FLAG_DE = "\U0001F1E9\U0001F1EA"
THUMBS_UP_MEDIUM = "\U0001F44D\U0001F3FD"
E_ACUTE_NFD = "e\u0301"


def _x_cases() -> list[Any]:
    path = Path(__file__).parent / "fixtures" / "x_weighted_length.yaml"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        pytest.param(
            case["text"] if "text" in case else "".join(p * n for p, n in case["parts"]),
            case["expected"],
            id=f"{case['source']}: {case['description']}",
        )
        for case in cases
    ]


@pytest.mark.parametrize(("text", "expected"), _x_cases())
def test_x_weighted_length(text: str, expected: int) -> None:
    assert count("x", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("hello", 5, id="ascii"),
        pytest.param("", 0, id="empty"),
        pytest.param(FAMILY, 1, id="ZWJ family is one grapheme"),
        pytest.param(FLAG_DE, 1, id="flag is one grapheme"),
        pytest.param(THUMBS_UP_MEDIUM, 1, id="skin tone joins its emoji"),
        pytest.param("1\uFE0F\u20E3", 1, id="keycap"),
        pytest.param(E_ACUTE_NFD, 1, id="combining accent joins its letter"),
        pytest.param("a\u0308\u0323", 1, id="two combining marks on one letter"),
        pytest.param("\r\n", 1, id="CRLF is one grapheme"),
        pytest.param("日本語", 3, id="CJK one each"),
        # What the app posts: toShortUrl's "example.com/a/very/long/..." (counted by @atproto/api).
        pytest.param("https://example.com/a/very/long/path", 27, id="URL counts as the app shortens it"),
        pytest.param("@nordlicht-energie.example", 26, id="handle counts in full"),
        pytest.param("a" * 300, 300, id="300 is the limit"),
    ],
)
def test_bluesky_graphemes(text: str, expected: int) -> None:
    assert count("bluesky", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("https://example.com/x?y=1", 23, id="https URL is 23"),
        pytest.param("http://example.com", 23, id="http URL is 23"),
        pytest.param("see https://example.com/" + "p" * 100 + " now", 4 + 23 + 4,
                     id="long URL in a sentence is 23"),
        pytest.param("see https://example.com/path, then", 4 + 23 + 6,
                     id="comma after URL is text"),
        pytest.param("example.com", 11, id="no scheme, no URL"),
        pytest.param("ftp://example.com", 17, id="only http and https"),
        pytest.param("https://newsroom.nordlicht-energie.example/x", 44,
                     id=".example is no TLD, so no URL"),
        pytest.param("@alice@example.social", 6, id="remote mention counts as @alice"),
        pytest.param("Hallo @alice@example.social!", 13, id="mention in a sentence"),
        pytest.param("@alice@example.social.", 7, id="full stop after mention stays"),
        pytest.param("@bob", 4, id="local mention unchanged"),
        pytest.param("mail alice@example.social", 25, id="e-mail address is no mention"),
        pytest.param("https://example.social/@alice@example.social", 23,
                     id="mention inside a URL is part of the URL"),
        pytest.param(FAMILY, 1, id="graphemes: ZWJ family is 1"),
        pytest.param(E_ACUTE_NFD, 1, id="graphemes: combining accent"),
        pytest.param("Grüße", 5, id="umlauts"),
    ],
)
def test_mastodon(text: str, expected: int) -> None:
    assert count("mastodon", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("hello", 5, id="ascii"),
        pytest.param("Grüße", 5, id="umlauts"),
        pytest.param("Caf" + E_ACUTE_NFD, 4, id="NFC first"),
        pytest.param("\U0001F600", 4, id="emoji counts its UTF-8 bytes"),
        pytest.param(FAMILY, 25, id="ZWJ family is 25 bytes"),
        pytest.param(FLAG_DE, 8, id="flag is 8 bytes"),
        pytest.param("\u2764\uFE0F", 6, id="heart with VS16 is 6 bytes"),
        pytest.param("\u263A", 1, id="text-style smiley is a character"),
        pytest.param("https://example.com/presse", 26, id="URL counts in full"),
    ],
)
def test_threads(text: str, expected: int) -> None:
    assert count("threads", text) == expected


@pytest.mark.parametrize("platform", ["linkedin", "instagram", "facebook"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Grüße aus Hamburg", 17, id="umlauts"),
        pytest.param("Caf" + E_ACUTE_NFD, 4, id="NFC first"),
        pytest.param("\U0001F600", 1, id="emoji is one code point"),
        pytest.param(FAMILY, 7, id="ZWJ family is 7 code points"),
        pytest.param("https://example.com/presse", 26, id="URL counts in full"),
    ],
)
def test_code_point_platforms(platform: str, text: str, expected: int) -> None:
    assert count(platform, text) == expected


# --- shorten_to_fit ------------------------------------------------------------------------

def _filler(size: int) -> str:
    """A tail of `size` graphemes or characters: one space and x's."""
    return " " + "x" * (size - 1)


@pytest.mark.parametrize(
    ("platform", "text", "tail"),
    [
        pytest.param("x", "Kurz und gut.", " https://www.nordlicht-energie.de/presse #Solar",
                     id="x short"),
        pytest.param("x", "a" * 256, " https://example.com", id="x exactly 280"),
        pytest.param("bluesky", "Neuer Solarpark!", "", id="bluesky no tail"),
        pytest.param("mastodon", "Neu: https://example.com/" + "p" * 600, "",
                     id="mastodon long URL is 23"),
        pytest.param("instagram", "Neuer Solarpark.", "\n\n#Solar #Energiewende",
                     id="instagram hashtag block"),
        pytest.param("linkedin", "", " #Energiewende", id="linkedin empty text"),
    ],
)
def test_shorten_leaves_fitting_text_alone(platform: str, text: str, tail: str) -> None:
    assert shorten_to_fit(platform, text, tail) == text


@pytest.mark.parametrize(
    ("platform", "text", "tail", "expected"),
    [
        pytest.param("bluesky", "Alpha beta gamma", _filler(286), "Alpha beta…",
                     id="cut after the last whole word"),
        pytest.param("bluesky", "Alpha beta, gamma delta", _filler(286), "Alpha beta…",
                     id="trailing comma trimmed"),
        pytest.param("bluesky", "Energiewende — jetzt handeln", _filler(284), "Energiewende…",
                     id="trailing dash and space trimmed"),
        pytest.param("bluesky", "Leistung 1,2\u00a0Gigawatt heute", _filler(284), "Leistung…",
                     id="never cut at a no-break space"),
        pytest.param("bluesky", "Alpha beta gamma delta", _filler(284), "Alpha beta…",
                     id="ellipsis counted: Alpha beta gamma would fit without it"),
        pytest.param("bluesky", "Donaudampfschifffahrtsgesellschaft ist lang", _filler(286), "",
                     id="first word too long"),
        pytest.param("bluesky", "Alpha beta", _filler(301), "", id="tail alone too long"),
        pytest.param("bluesky", "— Alpha beta gamma", _filler(284), "— Alpha beta…",
                     id="leading dash is no word to stop at"),
        pytest.param("x", " ".join(["Wort"] * 60),
                     " https://www.nordlicht-energie.de/presse #Energiewende",
                     " ".join(["Wort"] * 48) + "…",
                     id="X: URL in tail is 23, ellipsis weighs 2"),
        pytest.param("mastodon", "Lies https://example.com/" + "p" * 200 + " jetzt bitte",
                     _filler(461), "Lies https://example.com/" + "p" * 200 + " jetzt…",
                     id="Mastodon: URL in text is 23"),
    ],
)
def test_shorten_examples(platform: str, text: str, tail: str, expected: str) -> None:
    assert shorten_to_fit(platform, text, tail) == expected


def test_shorten_with_own_ellipsis() -> None:
    assert shorten_to_fit("bluesky", "Alpha beta gamma", _filler(286), " ...") == "Alpha beta ..."


BOILERPLATE = (
    "Die Nordlicht Energie GmbH mit Sitz in Hamburg erzeugt Strom aus Sonne und Wind für "
    "Haushalte und Unternehmen in Norddeutschland. Mit 640 Mitarbeiterinnen und Mitarbeitern "
    "betreibt das Unternehmen 38 Solar- und Windparks mit zusammen 1,2 Gigawatt Leistung. "
    "Mehr: https://www.nordlicht-energie.de/unternehmen 🌞🌬️ "
)
TAIL = " https://www.nordlicht-energie.de/presse/solarpark #Energiewende #Solar"


@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_shorten_fits_at_a_sentence_end_and_as_long_as_possible(platform: str) -> None:
    limit = PLATFORMS[platform].limit
    text = BOILERPLATE * (limit // 100)
    result = shorten_to_fit(platform, text, TAIL)
    assert count(platform, result + TAIL) <= limit
    assert text.startswith(result)
    assert result.endswith("."), "cut after a whole sentence"
    following = text.index(". ", len(result)) + 1
    assert count(platform, text[:following] + TAIL) > limit, "a longer text would have fit"


# --- fast paths ----------------------------------------------------------------------------
# The counters skip grapheme clustering when no code point can be part of an emoji, and the
# graphemes counter when the text is ASCII. These cases sit on the edges of those shortcuts.

KEYCAP_HASH = "#\uFE0F\u20E3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a" * 10 + "\U0001F600", 12, id="ASCII with an emoji at the end"),
        pytest.param("\U0001F600" + "a" * 10, 12, id="ASCII with an emoji at the start"),
        pytest.param("\u00A9 \u00AE", 3, id="copyright and registered weigh 1"),
        pytest.param("\u00A9\uFE0F", 2, id="copyright with VS16 is an emoji"),
        pytest.param(KEYCAP_HASH, 2, id="keycap is one emoji"),
        pytest.param("Nr. " + KEYCAP_HASH + "1", 7, id="keycap among text"),
        pytest.param("#1 *2", 5, id="keycap bases alone are text"),
        pytest.param("\u263A", 2, id="text-style smiley is heavy, no emoji"),
        pytest.param("\u263A\uFE0E", 4, id="VS15 asks for text: two heavy code points"),
        pytest.param("\u263A\uFE0F", 2, id="VS16 makes it an emoji"),
        pytest.param("日本語", 6, id="CJK weighs 2 each"),
        pytest.param("日本語\U0001F600", 8, id="CJK and an emoji"),
        pytest.param("한국", 4, id="Hangul syllables weigh 2"),
        pytest.param("\u10FF\u1100", 3, id="last weight-1 code point, first weight-2"),
        pytest.param("\u2014\u2026", 3, id="em dash weighs 1, ellipsis 2"),
        pytest.param(FLAG_DE + "abc", 5, id="flag and ASCII"),
        pytest.param(THUMBS_UP_MEDIUM, 2, id="skin tone"),
        pytest.param(FAMILY + " ok", 5, id="ZWJ family and ASCII"),
        # No emoji for twemoji-parser: three code points of weight 1 (was 2 by hand; parseTweet
        # 3.1.0 says 3).
        pytest.param("#\u200D\u0301", 3, id="ZWJ after # makes no emoji"),
        pytest.param("Caf" + E_ACUTE_NFD, 4, id="NFC first"),
    ],
)
def test_x_fast_path_edges(text: str, expected: int) -> None:
    assert count("x", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("abc", 3, id="ASCII"),
        pytest.param("abc\U0001F600", 7, id="ASCII with an emoji at the end"),
        pytest.param("\u00A9\u00AE", 2, id="copyright and registered are characters"),
        pytest.param("\u00A9\uFE0F", 5, id="copyright with VS16 is an emoji"),
        pytest.param(KEYCAP_HASH, 7, id="keycap is 7 bytes"),
        pytest.param("日本語", 3, id="CJK one each"),
    ],
)
def test_threads_fast_path_edges(text: str, expected: int) -> None:
    assert count("threads", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a\r\nb", 3, id="CRLF is one grapheme"),
        pytest.param("\r\r\n\n", 3, id="CR, CRLF, LF"),
        pytest.param("\n\r", 2, id="LF CR is two"),
        pytest.param("abc\U0001F600", 4, id="ASCII with an emoji at the end"),
        pytest.param("abc" + KEYCAP_HASH, 4, id="ASCII with a keycap at the end"),
    ],
)
def test_graphemes_fast_path_edges(text: str, expected: int) -> None:
    assert count("bluesky", text) == expected


def _clusters(text: str) -> list[str]:
    return regex.findall(r"\X", text)


def _threads_reference(text: str) -> int:
    text = unicodedata.normalize("NFC", text)
    return sum(len(c.encode()) if counting._is_emoji(c) else len(c) for c in _clusters(text))


# Code points on the edges: weight ranges, emoji parts, joiners, marks, CR/LF, Hangul, prepend.
EDGE_PARTS = ["a", "#", "1", "*", " ", "\r", "\n", "\u00A9", "\u00AE", "\u0301", "\u200D",
              "\uFE0F", "\uFE0E", "\u20E3", "\u263A", "\u2764", "\u10FF", "\u1100", "\u1161",
              "\u2014", "\u2026", "\u0600", "日", "\U0001F600", "\U0001F3FD", "\U0001F1E9",
              "\U0001F1EA", "\U000E0067", "\U000E007F", "ü", " https://example.com/a "]


def test_fast_paths_agree_with_clustering_everything() -> None:
    rng = random.Random(7)
    texts = [a + b + c for a in EDGE_PARTS for b in EDGE_PARTS for c in ("", "a", "\U0001F600")]
    texts += ["".join(rng.choices(EDGE_PARTS, k=rng.randint(1, 12))) for _ in range(2000)]
    for text in texts:
        assert count("threads", text) == _threads_reference(text), repr(text)
        assert counting.count_graphemes(text) == len(_clusters(text)), repr(text)
