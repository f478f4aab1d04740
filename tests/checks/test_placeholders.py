"""Placeholders of `hubgen new`: cases in fixtures/placeholders.md; and the check finds every
stub the command writes, in each language the command writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import Case, cases
from conftest import SiteDir


@pytest.mark.parametrize("case", cases("placeholders.md"))
def test_placeholders(case: Case, tmp_path: Path) -> None:
    assert case.problems(tmp_path) == case.expected, case.where


@pytest.mark.parametrize(("lang", "path"), [("de", "content/news/solarpark-husum.md"),
                                            ("en", "content/news/solarpark-husum.en.md")])
def test_every_stub_of_hubgen_new_is_caught(site: SiteDir, lang: str, path: str) -> None:
    assert site.hubgen("new", "Solarpark Husum", "--lang", lang).returncode == 0
    draft = site.hubgen("check")
    assert draft.returncode == 0, draft.stderr
    site.write(path, site.read(path).replace("draft: true", "draft: false"))
    result = site.hubgen("check")
    errors = [line.split(": ")[2] for line in result.stdout.splitlines() + result.stderr.splitlines()
              if path in line and "warning:" not in line]
    assert result.returncode == 1
    assert errors == ["summary", "key_message", "channels.press.dateline", "channels.press.subtitle",
                      "body"]
