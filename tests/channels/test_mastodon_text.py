"""Mastodon's StatusLengthValidator, ported: cases from Mastodon's spec, twitter-text's
conformance files and the issue (tests/channels/fixtures/mastodon_length.yaml)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from hubgen.channels import mastodon_text
from hubgen.channels.platforms import count


def _cases() -> list[Any]:
    path = Path(__file__).parent / "fixtures" / "mastodon_length.yaml"
    return [
        pytest.param(case["text"] if "text" in case else "".join(p * n for p, n in case["parts"]),
                     case["expected"], id=f"{case['source']}: {case['description']}")
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize(("text", "expected"), _cases())
def test_mastodon_length(text: str, expected: int) -> None:
    assert count("mastodon", text) == expected


HOSTILE = {
    "http:// + a. * 3000": "http://" + "a." * 3000,
    "http:// + co. * 6000": "http://" + "co." * 6000,
    "a. * 5000 + :": "a." * 5000 + ":",
    "URL with 20000 dots in its path": "https://a.de/" + "." * 20000,
    "2000 URLs": "http://a.de/x " * 2000,
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_texts_count_fast(text: str) -> None:
    # "http://" + "a." * 3000 took 48 s before the domain search of `domain_starts`.
    mastodon_text.length("warm up")
    start = time.perf_counter()
    mastodon_text.length(text)
    assert time.perf_counter() - start < 5
