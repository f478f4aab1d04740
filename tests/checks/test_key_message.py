"""Key message: one warning per message naming the channels whose text lacks it; the template,
other spacing, quotes or case, and a derived post shortened to fit are fine (cases in
fixtures/key_message.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import Case, cases

from hubgen.checks.key_message import carries


@pytest.mark.parametrize("case", cases("key_message.md"))
def test_key_message(case: Case, tmp_path: Path) -> None:
    assert case.problems(tmp_path) == case.expected, case.where


@pytest.mark.parametrize(("text", "shortened", "expected"), [
    ("Nordlicht liefert Solarstrom für… https://x.example", True, True),
    ("Nordlicht liefert Solarstrom für… https://x.example", False, False),
    ("Nordlicht liefert… https://x.example", True, False),  # too little of it left
    ("Stolz auf unser Team: Nordlicht liefert Solarstrom für… https://x.example", True, True),
    ("Nordlicht liefert Solarstrom für viele andere.", True, False),
    # Any whitespace, in any run, is one space: tabs, line breaks, thin and ideographic spaces.
    ("Heute: Nordlicht\tliefert \u2009Solarstrom\nfür\u3000viele \x1c Haushalte", False, True),
    ("Nordlicht liefert Solarstrom\n \nfür viele Haushalte.", False, False),  # across paragraphs
])
def test_carries(text: str, shortened: bool, expected: bool) -> None:
    assert carries(text, "Nordlicht liefert Solarstrom für viele Haushalte.", shortened) is expected


CJK_KEY = "北极光能源公司在胡苏姆太阳能园区为四万户家庭供电。"


@pytest.mark.parametrize(("text", "key", "expected"), [
    # Cut after its first sentence (hubgen.channels.shorten cuts there first).
    ("Der Park ist am Netz. https://x.example", "Der Park ist am Netz. Er liefert viel Strom.", True),
    ("Der Park ist. https://x.example", "Der Park ist am Netz. Er liefert viel Strom.", False),
    # No spaces: cut between characters, with "…".
    ("北极光能源公司在胡苏姆太阳能… https://x.example", CJK_KEY, True),
    ("北极光能… https://x.example", CJK_KEY, False),
])
def test_carries_cut_starts(text: str, key: str, expected: bool) -> None:
    assert carries(text, key, True) is expected
