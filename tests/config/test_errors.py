"""Every broken or hostile hubgen.toml ends in `hubgen.toml:LINE: key: problem (fix)`, exit 1."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
from conftest import CONFIG, SiteDir, error_tagged, run_hubgen

from hubgen.config import load_config
from hubgen.errors import Report

CASES = Path(__file__).with_name("errors.txt")


@dataclass(frozen=True)
class Case:
    name: str
    toml: str
    expected: list[str]


def read_cases(path: Path) -> list[Case]:
    cases = []
    for block in re.split(r"(?m)^## ", path.read_text(encoding="utf-8"))[1:]:
        name, _, rest = block.partition("\n")
        toml, arrow, expected = rest.partition("=>\n")
        assert arrow, f"case {name}: no '=>' line"
        cases.append(Case(name, toml, [line for line in expected.splitlines() if line]))
    return cases


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    """A site with the files the cases name; its hubgen.toml is each case's in turn."""
    base = tmp_path_factory.mktemp("hostile")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.svg").write_text("<svg/>", encoding="utf-8")
    site = SiteDir(base / "site")
    site.write("static/media/logo.svg", "<svg/>")
    (site.root / "static/media/elsewhere.svg").symlink_to(outside / "secret.svg")
    site.write("fonts/fake.ttf", "not a font\n")
    (site.root / "themes/mine").mkdir(parents=True)
    (site.root / "themes/elsewhere").symlink_to(outside)
    (site.root / "content").mkdir()
    return site


@pytest.mark.parametrize("case", read_cases(CASES), ids=lambda case: case.name)
def test_config_problem_is_reported_at_its_line(hostile_site: SiteDir, case: Case) -> None:
    hostile_site.write("hubgen.toml", case.toml)
    result = run_hubgen(hostile_site.root, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == [error_tagged(line) for line in case.expected]
    assert result.stderr == f"{len(case.expected)} error{'s' * (len(case.expected) != 1)}, 0 warnings\n"


def test_every_case_has_its_own_name() -> None:
    names = [case.name for case in read_cases(CASES)]
    assert len(names) == len(set(names)) > 80


def problems_of(site: SiteDir, data: bytes) -> list[str]:
    (site.root / "hubgen.toml").write_bytes(data)
    report = Report()
    assert load_config(site.root, report) is None
    return [str(p) for p in report.problems]


MINIMAL = b'[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\n'

# Cases a text file can't hold: (bytes of hubgen.toml, the problems).
BYTES = [
    pytest.param(MINIMAL + b'[company]\nname = "M\xfcller GmbH"\n',
                 ["hubgen.toml:6: config: byte 0xfc at column 10 is not UTF-8 text"
                  " (save hubgen.toml as UTF-8)"], id="latin-1"),
    pytest.param(MINIMAL.replace(b'"X"', b'"X\x00"'),
                 ["hubgen.toml:2: config: invalid TOML: Illegal character '\\x00'"
                  " (at line 2, column 11) (fix the syntax)"], id="raw-nul"),
    pytest.param(MINIMAL + b"x = " + b"9" * 5000 + b"\n",
                 ["hubgen.toml:5: config: a number with thousands of digits (write a shorter number)"],
                 id="huge-integer"),
    pytest.param(MINIMAL + b"[glossary]\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n",
                 ["hubgen.toml:1: config: invalid TOML: arrays or tables nested too deeply"
                  " (write the settings flat, as docs/config.md shows)"], id="deep-nesting"),
    pytest.param(MINIMAL + b"# " + b"x" * 1_000_000 + b"\n",
                 ["hubgen.toml: config: 1,000,069 bytes, more than a config needs (1,000,000)"
                  " (keep only the settings in hubgen.toml)"], id="too-big"),
]


@pytest.mark.parametrize(("data", "expected"), BYTES)
def test_unreadable_config_is_one_problem(hostile_site: SiteDir, data: bytes,
                                          expected: list[str]) -> None:
    assert problems_of(hostile_site, data) == expected


def test_a_byte_order_mark_is_fine(hostile_site: SiteDir) -> None:
    (hostile_site.root / "hubgen.toml").write_bytes(b"\xef\xbb\xbf" + MINIMAL)
    report = Report()
    assert load_config(hostile_site.root, report) is not None
    assert report.problems == []


def test_hostile_values_that_are_fine_are_accepted(hostile_site: SiteDir) -> None:
    """What the refusals must not catch: a site theme, a real font, a `{{` in a campaign."""
    lato = resources.files("font_lato") / "files" / "Lato-Regular.ttf"
    shutil.copy(str(lato), hostile_site.root / "fonts/Lato.ttf")
    hostile_site.write("hubgen.toml", CONFIG.replace('timezone = "Europe/Berlin"', 'theme = "themes/mine"')
                       + '\n[channels.utm]\ncampaign = "{{x}}-{slug}"\n'
                       + '\n[share_images]\nfont = "fonts/Lato.ttf"\n')
    report = Report()
    config = load_config(hostile_site.root, report)
    assert report.problems == []
    assert config is not None
    assert (config.site.theme, config.share_images.font) == ("themes/mine", "fonts/Lato.ttf")
    assert config.channels.utm == {"campaign": "{{x}}-{slug}"}


@pytest.mark.parametrize(("setting", "files"), [
    ('timezone = "Mars"', ["hubgen.toml"]),
    ('[share_images]\naccent = "orange"', ["content/news/broken.md", "hubgen.toml"]),
], ids=["site-problem", "other-problem"])
def test_a_problem_in_site_stops_before_any_folder_is_read(hostile_site: SiteDir, setting: str,
                                                           files: list[str]) -> None:
    """[site] says where the folders are (`content_dir = "/"` would walk the whole disk): with a
    problem there, no folder is read; with one elsewhere the messages are checked too."""
    hostile_site.write("content/news/broken.md", "---\ntitle: X\n")
    try:
        hostile_site.write("hubgen.toml", CONFIG.replace('timezone = "Europe/Berlin"', setting))
        result = run_hubgen(hostile_site.root, "check")
        assert result.returncode == 1
        assert sorted({line.split(":")[0] for line in result.stdout.splitlines()}) == files
    finally:
        (hostile_site.root / "content/news/broken.md").unlink()
