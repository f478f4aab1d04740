"""Translations state the same facts: each version's figures read in its own language (cases in
fixtures/translations.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import Case, cases


@pytest.mark.parametrize("case", cases("translations.md"))
def test_translations(case: Case, tmp_path: Path) -> None:
    assert case.problems(tmp_path) == case.expected, case.where
