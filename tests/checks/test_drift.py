"""Fact drift: a figure that contradicts the facts is flagged with the fact's name; the same
figure written differently, and digits that are no figures, are not (cases in fixtures/drift.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import Case, cases


@pytest.mark.parametrize("case", cases("drift.md"))
def test_drift(case: Case, tmp_path: Path) -> None:
    assert case.problems(tmp_path) == case.expected, case.where


@pytest.mark.parametrize("case", cases("fact_labels.md"))
def test_words_tied_to_facts(case: Case, tmp_path: Path) -> None:
    assert case.problems(tmp_path) == case.expected, case.where
