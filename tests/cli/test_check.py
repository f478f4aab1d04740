"""`hubgen check`: every problem, as text or JSON; exit 1 on errors, with --strict on warnings;
`hubgen build` runs the same checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SiteDir, assert_problems, error_tagged, run_hubgen

PATH = "content/news/park.md"
WARNING = (f"{PATH}:4: warning: summary: '40.000 Haushalte' is neither in the facts nor in the body"
           " (add it to facts, or correct it)")
ERROR = (f"{PATH}:8: body: '45.000 Haushalte' contradicts facts.households (40.000)"
         " (correct the figure or the fact)")


def with_warning(site: SiteDir) -> None:
    site.message(PATH, extra='facts:\n  capacity: "62 MW"')


def with_error(site: SiteDir) -> None:
    site.message(PATH, extra='facts:\n  households: "40.000"', body="Strom für 45.000 Haushalte.\n")


# (how the site is made, arguments, exit code, stdout lines, stderr)
CASES = [
    (None, [], 0, [], "0 errors, 0 warnings\n"),
    (None, ["--strict"], 0, [], "0 errors, 0 warnings\n"),
    (with_warning, [], 0, [WARNING], "0 errors, 1 warning\n"),
    (with_warning, ["--strict"], 1, [WARNING], "0 errors, 1 warning\n"),
    (with_error, [], 1, [error_tagged(ERROR)], "1 error, 0 warnings\n"),
]


@pytest.mark.parametrize(("make", "args", "code", "lines", "stderr"), CASES)
def test_exit_codes_and_text(site: SiteDir, make: object, args: list[str], code: int, lines: list[str],
                             stderr: str) -> None:
    if make is None:
        site.message(PATH, summary="Heute.")
    else:
        make(site)  # type: ignore[operator]
    result = run_hubgen(site.root, "check", *args)
    assert (result.returncode, result.stdout.splitlines(), result.stderr) == (code, lines, stderr)


def test_json(site: SiteDir) -> None:
    with_error(site)
    site.message("content/news/x.md", title="Lang", summary="Heute.",
                 extra="channels:\n  social:\n    x: " + "Wort " * 60)
    result = run_hubgen(site.root, "check", "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {"path": PATH, "line": 8, "field": "body",
         "message": "'45.000 Haushalte' contradicts facts.households (40.000)",
         "fix": "correct the figure or the fact", "severity": "error"},
        {"path": "content/news/x.md", "line": 7, "field": "channels.social.x",
         "message": "299 weighted (social-x), limit 280",
         "fix": "shorten it, or leave it out to have it derived", "severity": "error"},
    ]


def test_unreadable_content_is_reported_like_every_problem(site: SiteDir) -> None:
    site.write(PATH, "---\ntitle: [unclosed\n---\nText\n")
    text = run_hubgen(site.root, "check")
    assert (text.returncode, text.stdout.splitlines()) == (1, [
        f"{PATH}:2: error: front matter: invalid YAML: did not find expected ',' or ']' while parsing a"
        " flow sequence (check indentation and quote values containing ': ' or '#')"])
    as_json = run_hubgen(site.root, "check", "--format", "json")
    assert as_json.returncode == 1 and json.loads(as_json.stdout)[0]["field"] == "front matter"


def test_site_option_and_missing_site(site: SiteDir, tmp_path: Path) -> None:
    site.message(PATH, summary="Heute.")
    assert run_hubgen(tmp_path, "check", "--site", str(site.root)).returncode == 0
    missing = run_hubgen(tmp_path, "check")
    assert missing.returncode == 2
    assert missing.stderr.startswith("hubgen check: error: no hubgen.toml here or above")


def test_build_fails_on_check_errors(site: SiteDir) -> None:
    with_error(site)
    assert_problems(run_hubgen(site.root, "build"), ERROR)
    assert not (site.root / "public").exists()


def test_build_prints_warnings_and_succeeds(site: SiteDir) -> None:
    with_warning(site)
    result = run_hubgen(site.root, "build")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [WARNING, "1 warning"]
