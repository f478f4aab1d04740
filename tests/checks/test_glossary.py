"""One voice: glossary variants are flagged where they stand, as written and as whole words
(cases in fixtures/glossary.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import Case, cases


@pytest.mark.parametrize("case", cases("glossary.md"))
def test_glossary(case: Case, tmp_path: Path) -> None:
    assert case.problems(tmp_path) == case.expected, case.where
