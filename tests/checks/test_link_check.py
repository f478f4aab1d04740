"""Links and images in bodies: where they lead must be built; images need alt text (cases in
fixtures/links.md).

(Named test_link_check: other test folders may hold a test_links.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import Case, cases


@pytest.mark.parametrize("case", cases("links.md"))
def test_links(case: Case, tmp_path: Path) -> None:
    assert case.problems(tmp_path) == case.expected, case.where
