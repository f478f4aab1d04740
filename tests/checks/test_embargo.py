"""Embargo and dates: translations not before their original; the guards on posting times and
the press text's embargo line."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from check_helpers import problems
from conftest import SiteDir

import hubgen.checks.embargo as embargo_check
from hubgen.channels import site_snippets
from hubgen.errors import Report
from hubgen.pipeline.run import load

ORIGINAL, TRANSLATION = "content/news/park.md", "content/news/park.en.md"


DATE = "2026-03-12 09:00 +01:00"


def versions(site: SiteDir, original: str, translation: str, translation_date: str = DATE) -> None:
    site.message(ORIGINAL, summary="Heute.", extra=original)
    site.message(TRANSLATION, title="Park opens", summary="Today.", date=translation_date,
                 extra=translation)


# (original's extra lines, translation's date, translation's extra lines, expected)
FLAGGED = [
    ("", "2026-03-12 08:59 +01:00", "",
     f"{TRANSLATION}:3: warning: date: goes public 2026-03-12 08:59, before its original {ORIGINAL}"
     " (2026-03-12 09:00) (publish it with or after the original: date: 2026-03-12 09:00)"),
    ("embargo: 2026-03-20 09:00 +01:00", DATE, "embargo: 2026-03-19 09:00 +01:00",
     f"{TRANSLATION}:5: warning: embargo: goes public 2026-03-19 09:00, before its original"
     f" {ORIGINAL} (2026-03-20 09:00) (publish it with or after the original: embargo: 2026-03-20 09:00)"),
    ("embargo: 2026-03-20 09:00 +01:00", DATE, "",
     f"{TRANSLATION}:3: warning: date: goes public 2026-03-12 09:00, before its original"
     f" {ORIGINAL} (2026-03-20 09:00) (publish it with or after the original: date: 2026-03-20 09:00)"),
]


@pytest.mark.parametrize(("original", "date", "translation", "expected"), FLAGGED)
def test_translation_before_original(site: SiteDir, original: str, date: str, translation: str,
                                     expected: str) -> None:
    versions(site, original, translation, date)
    assert problems(site) == [expected]


NEAR_MISSES = [
    ("", DATE, ""),  # at the same time
    ("", "2026-03-12 09:00 +02:00", "embargo: 2026-03-13 09:00 +01:00"),  # later
    ("embargo: 2026-03-20 09:00 +01:00", DATE, "embargo: 2026-03-20 09:00 +01:00"),
    ("", "2026-03-12 09:00 +01:00", "embargo: 2026-03-01 09:00 +01:00"),  # embargo before date
]


@pytest.mark.parametrize(("original", "date", "translation"), NEAR_MISSES)
def test_translation_not_early(site: SiteDir, original: str, date: str, translation: str) -> None:
    versions(site, original, translation, date)
    assert problems(site) == []


def test_no_original_no_warning(site: SiteDir) -> None:
    site.message(TRANSLATION, title="Only English", summary="Today.",
                 date="2026-01-01 09:00 +01:00")
    assert problems(site) == []


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
