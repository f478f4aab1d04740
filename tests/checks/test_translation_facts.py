"""Translations state the same facts: each version's figures read in its own language."""

from __future__ import annotations

import json

import pytest
from check_helpers import problems
from conftest import SiteDir

ORIGINAL, TRANSLATION = "content/news/park.md", "content/news/park.en.md"


def versions(site: SiteDir, german: str, english: str) -> None:
    site.message(ORIGINAL, summary="Heute.",
                 extra=f"facts:\n  fact: {json.dumps(german, ensure_ascii=False)}")
    site.message(TRANSLATION, title="Park", summary="Today.", extra=f"facts:\n  fact: {json.dumps(english)}")


FLAGGED = [("40.000", "45,000"), ("40.000", "40"), ("Ende 2027", "the end of 2028"),
           ("25. April", "26 April"), ("41 Mio. Euro", "EUR 14 million"), ("62 MW", "62 MWh"),
           ("18 Prozent", "81 percent"), ("2029", "2030")]


@pytest.mark.parametrize(("german", "english"), FLAGGED)
def test_differing_facts(site: SiteDir, german: str, english: str) -> None:
    versions(site, german, english)
    assert problems(site) == [f"{TRANSLATION}:6: facts.fact: '{english}' differs from '{german}'"
                              f" in {ORIGINAL}:6 (make the versions agree)"]


NEAR_MISSES = [("40.000", "40,000"), ("40.000", "40 000"), ("41 Mio. Euro", "EUR 41 million"),
               ("1,7 Mrd. Euro", "EUR 1.7 billion"), ("25. April", "25 April"),
               ("25. April", "April 25"), ("Ende 2027", "the end of 2027"),
               ("Herbst 2027", "autumn 2027"), ("18 Prozent", "18 percent"), ("0,74 TWh", "0.74 TWh"),
               ("62 MW", "62 megawatts"), ("Kryoflux GmbH", "Kryoflux Ltd"),
               ("70 Hektar", "70 hectares")]


@pytest.mark.parametrize(("german", "english"), NEAR_MISSES)
def test_same_facts_in_both_languages(site: SiteDir, german: str, english: str) -> None:
    versions(site, german, english)
    assert problems(site) == []


def test_a_fact_only_one_version_has(site: SiteDir) -> None:
    site.message(ORIGINAL, summary="Heute.", extra='facts:\n  fact: "40.000"\n  other: "7"')
    site.message(TRANSLATION, title="Park", summary="Today.", extra='facts:\n  fact: "40,000"')
    assert problems(site) == []


def test_the_original_is_the_default_language_version(site: SiteDir) -> None:
    """Reported on the translation even when it sorts first by file name."""
    site.message("content/news/a.en.md", title="Park", summary="Today.",
                 extra='translation_key: park\nfacts:\n  fact: "45,000"')
    site.message("content/news/z.md", summary="Heute.",
                 extra='translation_key: park\nfacts:\n  fact: "40.000"')
    assert problems(site) == ["content/news/a.en.md:7: facts.fact: '45,000' differs from '40.000' in"
                              " content/news/z.md:7 (make the versions agree)"]
