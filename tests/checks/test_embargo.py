"""Embargo and dates: translations not before their original (cases in fixtures/embargo.md);
the guards on posting times and the press text's embargo line."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest
from check_helpers import Case, cases
from conftest import SiteDir

import hubgen.checks.embargo as embargo_check
from hubgen.channels import site_snippets
from hubgen.errors import Report
from hubgen.pipeline.run import load

ORIGINAL, TRANSLATION = "content/news/park.md", "content/news/park.en.md"


@pytest.mark.parametrize("case", cases("embargo.md"))
def test_embargo(case: Case, tmp_path: Path) -> None:
    assert case.problems(tmp_path) == case.expected, case.where


@pytest.fixture
def embargoed(site: SiteDir) -> tuple[object, object, Report]:
    site.message(ORIGINAL, summary="Heute.", extra="embargo: 2027-02-10 09:00 +01:00")
    report = Report()
    loaded = load(site.root, report)
    return loaded, site_snippets(loaded, report), report


def test_guard_press_text_without_embargo_line(embargoed: tuple[object, object, Report]) -> None:
    site, snippets, report = embargoed
    message = site.messages[0]  # type: ignore[attr-defined]
    snippets[message] = [dataclasses.replace(s, text=s.text.replace("Sperrfrist", "Hinweis"))  # type: ignore[index]
                         for s in snippets[message]]  # type: ignore[index]
    embargo_check.check_embargo(site, snippets, report)  # type: ignore[arg-type]
    assert [str(p) for p in report.problems] == [
        f"{ORIGINAL}:5: embargo: the press text has no 'Sperrfrist' line (this is a bug in hubgen:"
        " please report it; meanwhile don't send this press text out early)"]


def test_guard_posting_before_embargo(embargoed: tuple[object, object, Report],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    site, snippets, report = embargoed
    monkeypatch.setattr(embargo_check, "posting_time",
                        lambda _site, message: message.embargo - timedelta(hours=1))
    embargo_check.check_embargo(site, snippets, report)  # type: ignore[arg-type]
    assert [str(p) for p in report.problems] == [
        f"{ORIGINAL}:5: embargo: posts are scheduled for 2027-02-10 08:00, before the embargo"
        " (this is a bug in hubgen: please report it)"]
