"""The memo: fingerprints change with any input, hits replay their problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hubgen.errors import Problem, Report
from hubgen.memo import Memo, fingerprint


@dataclass(frozen=True)
class Item:
    title: str
    tags: tuple[str, ...]
    when: datetime


BASE = Item("Solar", ("a", "b"), datetime(2026, 3, 12, 9, tzinfo=UTC))


@pytest.mark.parametrize("other", [
    Item("Solar!", ("a", "b"), BASE.when),
    Item("Solar", ("b", "a"), BASE.when),
    Item("Solar", ("a", "b"), datetime(2026, 3, 12, 10, tzinfo=UTC)),
    {"title": "Solar"},
    ["Solar"],
    "Solar",
    Path("Solar"),
])
def test_fingerprint_differs_for_other_data(other: object) -> None:
    assert fingerprint(BASE) != fingerprint(other)


def test_fingerprint_is_stable_and_ignores_callables() -> None:
    copy = Item("Solar", ("a", "b"), BASE.when)
    assert fingerprint(BASE) == fingerprint(copy)
    assert fingerprint({"x": BASE, "f": len}) == fingerprint({"x": copy, "f": print})
    assert fingerprint("ab", "c") != fingerprint("a", "bc")


def test_memo_makes_once_and_replays_problems() -> None:
    memo = Memo()
    calls = []

    def make(report: Report) -> int:
        calls.append(1)
        report.error("content/x.md", 3, "date", "bad date")
        return 42

    first, second = Report(), Report()
    assert memo.get("n", "k", first, make) == 42
    assert memo.get("n", "k", second, make) == 42
    assert len(calls) == 1 and (memo.hits, memo.misses) == (1, 1)
    assert second.problems == [Problem("content/x.md", 3, "date", "bad date")]


def test_forget_unused_drops_entries_of_the_last_build() -> None:
    memo = Memo()
    memo.get("n", "old", Report(), lambda report: 1)
    memo.forget_unused()
    memo.get("n", "new", Report(), lambda report: 2)
    memo.forget_unused()
    memo.get("n", "old", Report(), lambda report: 3)
    assert memo.misses == 3
