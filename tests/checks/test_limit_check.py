"""Platform limits, as the checks report them: one error per written text over its platform's
limit (cases in fixtures/limits.md; the counting itself is tested in tests/channels).

(Named test_limit_check: other test folders may hold a test_limits.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import Case, cases


@pytest.mark.parametrize("case", cases("limits.md"))
def test_limits(case: Case, tmp_path: Path) -> None:
    assert case.problems(tmp_path) == case.expected, case.where
