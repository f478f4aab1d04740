"""The recruiting channel: a blurb linking to the jobs, written or derived, and its switches."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from conftest import CONFIG, SiteDir, problem_lines

JOBS = "https://jobs.example.com/"
LONG = " ".join(["Wir suchen Menschen, die mit uns Solarparks und Windparks bauen wollen."] * 10)


def tagged(slug: str, base: str = JOBS) -> str:
    return f"{base}?utm_source=recruiting&utm_medium=recruiting&utm_campaign={slug}"


# (slug, front matter, expected text with {url} for the tagged jobs URL)
CASES = [
    ("derived", "", "derived\n\nDer Solarpark versorgt 40.000 Haushalte.\n\nJetzt bewerben: {url}"),
    ("derived-key", "key_message: Wir bauen {{ facts.n }} Parks.\nfacts: {n: '3'}\n",
     "derived-key\n\nWir bauen 3 Parks.\n\nJetzt bewerben: {url}"),
    ("derived-en", "lang: en\n",
     "derived-en\n\nDer Solarpark versorgt 40.000 Haushalte.\n\nApply now: {url}"),
    ("written", "channels:\n  recruiting: {text: Komm ins Team.}\n",
     "Komm ins Team.\n\nJetzt bewerben: {url}"),
    ("written-url", "channels:\n  recruiting: {text: 'Komm ins Team: {{ url }}'}\n", "Komm ins Team: {url}"),
    ("own-page", "channels:\n  recruiting: {url: 'https://jobs.example.com/solar'}\n",
     "own-page\n\nDer Solarpark versorgt 40.000 Haushalte.\n\nJetzt bewerben: {url}"),
]


@pytest.fixture(scope="module")
def recruiting(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """One build with every case; the recruiting snippets by slug."""
    site = SiteDir(tmp_path_factory.mktemp("recruiting"))
    site.write("hubgen.toml", CONFIG + f'\n[channels]\nrecruiting_url = "{JOBS}"\n')
    for slug, extra, _ in CASES:
        site.message(f"content/jobs/{slug}.md", title=slug, extra=extra)
    site.message("content/jobs/aus.md", title="aus", extra="channels:\n  recruiting: false\n")
    site.message("content/jobs/long.md", title="long", summary=LONG)
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    found = json.loads(site.read("kit/snippets.json"))
    return {s["message"]: s for s in found if s["channel"] == "recruiting"}


@pytest.mark.parametrize(("slug", "expected"), [pytest.param(slug, text, id=slug) for slug, _, text in CASES])
def test_recruiting_text(recruiting: dict[str, dict[str, Any]], slug: str, expected: str) -> None:
    snippet = recruiting[slug]
    url = tagged(slug, "https://jobs.example.com/solar" if slug == "own-page" else JOBS)
    assert snippet["text"] == expected.format(url=url)
    assert (snippet["url"], snippet["platform"], snippet["limit"], snippet["unit"]) == (
        url, None, 600, "characters")
    assert snippet["length"] == len(snippet["text"])


def test_recruiting_false_switches_it_off(recruiting: dict[str, dict[str, Any]]) -> None:
    assert "aus" not in recruiting
    assert "derived" in recruiting


def test_derived_blurb_is_shortened_to_fit(recruiting: dict[str, dict[str, Any]]) -> None:
    snippet = recruiting["long"]
    head, lead, call = snippet["text"].split("\n\n")
    assert (head, call) == ("long", f"Jetzt bewerben: {tagged('long')}")
    assert lead.endswith("wollen.")  # cut after a whole sentence
    assert LONG.startswith(lead)
    assert snippet["length"] <= 600
    assert snippet["ok"] is True


def test_without_a_careers_page_the_message_is_linked(site: SiteDir) -> None:
    site.message("content/news/x.md")
    result = site.hubgen("snippets", "solarpark-husum-eroeffnet", "--channel", "recruiting", "--json")
    assert result.returncode == 0, result.stderr
    [snippet] = json.loads(result.stdout)
    assert snippet["url"] == tagged("solarpark-husum-eroeffnet",
                                    "https://news.example.com/news/solarpark-husum-eroeffnet/")


def test_recruiting_problems(site: SiteDir) -> None:
    site.message("content/jobs/a.md", title="a", extra="channels:\n  recruiting: {url: jobs.example.com}\n")
    site.message("content/jobs/c.md", title="c", extra="channels:\n  recruiting: Komm ins Team\n")
    result = site.hubgen("build")
    assert result.returncode == 1
    assert problem_lines(result.stderr) == [
        "content/jobs/a.md:6: channels.recruiting.url: 'jobs.example.com' is not a web address"
        " (write the full URL of the job page, starting with https://)",
        "content/jobs/c.md:6: channels.recruiting: must be a mapping or false, not str"
        " (write text, url indented under recruiting:)",
        "2 errors",
    ]
    assert not (site.root / "public").exists()


def test_written_blurb_over_the_limit(site: SiteDir) -> None:
    site.message("content/jobs/b.md", title="b", extra=f"channels:\n  recruiting:\n    text: {LONG}\n")
    result = site.hubgen("build")
    assert result.returncode == 1
    length = len(LONG) + len("\n\nJetzt bewerben: ") + len(tagged("b", "https://news.example.com/jobs/b/"))
    assert problem_lines(result.stderr) == [
        f"content/jobs/b.md:7: channels.recruiting.text: {length} characters (recruiting), limit 600"
        " (shorten it, or leave it out to have it derived)",
        "1 error",
    ]


def test_channels_enabled_site_wide(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(CONFIG + '\n[channels]\nenabled = ["press", "social"]\nplatforms = ["x"]\n')
    site.message("content/news/x.md", extra="channels:\n  recruiting: {text: hallo}\n")
    result = site.hubgen("snippets", "solarpark-husum-eroeffnet", "--json")
    assert result.returncode == 0, result.stderr
    assert [(s["channel"], s["platform"]) for s in json.loads(result.stdout)] == [
        ("press", None), ("social", "x")]
