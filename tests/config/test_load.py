"""hubgen.toml: what a minimal config gets by default, and every problem with its line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import CONFIG, SiteDir, assert_problems, run_hubgen

from hubgen.config import load_config
from hubgen.config.schema import CHANNELS, PLATFORMS
from hubgen.errors import Report

MINIMAL = """\
[site]
title = "Minimal Newsroom"
base_url = "https://news.example.com/"
language = "de"
"""


def test_minimal_config_builds_with_defaults(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(MINIMAL)
    site.message("content/news/a.md")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    assert "Minimal Newsroom" in site.read("public/index.html")
    assert (site.root / "public/news/solarpark-husum-eroeffnet/index.html").is_file()
    assert (site.root / "kit/snippets.json").is_file()

    report = Report()
    config = load_config(site.root, report)
    assert config is not None and report.problems == []
    assert config.site.base_url == "https://news.example.com"  # trailing slash dropped
    assert config.site.languages == ("de",)
    assert config.site.timezone == ZoneInfo("UTC")
    assert config.site.theme == "default"
    assert (config.site.output_dir, config.site.kit_dir) == ("public", "kit")
    assert config.company.name == config.company.short_name == "Minimal Newsroom"
    assert config.channels.enabled == CHANNELS
    assert config.channels.platforms == PLATFORMS
    assert config.contacts == {} and config.glossary == {}


def test_full_test_config_is_read(site: SiteDir) -> None:
    report = Report()
    config = load_config(site.root, report)
    assert config is not None and report.problems == []
    assert config.site.languages == ("de", "en")
    assert config.site.timezone == ZoneInfo("Europe/Berlin")
    assert config.company.boilerplate == {"de": "Die Testfirma testet.", "en": "Testfirma tests."}
    presse = config.contacts["presse"]
    assert (presse.name, presse.email, presse.phone) == ("Erika Muster", "presse@example.com", "+49 40 123")
    assert presse.role_in("en") == "Press officer"
    assert presse.role_in("fr") == "Pressesprecherin"  # falls back to the first role


def test_default_language_is_added_to_languages(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(MINIMAL.replace('language = "de"', 'language = "de"\nlanguages = ["en"]'))
    config = load_config(site.root, Report())
    assert config is not None
    assert config.site.languages == ("de", "en")


def test_one_boilerplate_string_serves_every_language(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(MINIMAL + 'languages = ["de", "en"]\n\n[company]\nname = "X GmbH"\n'
                     'boilerplate = """X macht\n  Dinge."""\n')
    config = load_config(site.root, Report())
    assert config is not None
    assert config.company.boilerplate == {"de": "X macht Dinge.", "en": "X macht Dinge."}


# (hubgen.toml text, the exact line `hubgen build` prints for it)
CONFIG_ERRORS = [
    pytest.param(
        '[site]\nbase_url = "https://x.example"\nlanguage = "de"\n',
        'hubgen.toml:1: site.title: is required (add title = "…" under [site])',
        id="missing-title"),
    pytest.param(
        '# newsroom\n[site]\ntitle = "X"\nlanguage = "de"\n',
        'hubgen.toml:2: site.base_url: is required (add base_url = "…" under [site])',
        id="missing-base_url"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\n',
        'hubgen.toml:1: site.language: is required (add language = "…" under [site])',
        id="missing-language"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\n'
        'timezone = "Europe/Berln"\n',
        "hubgen.toml:5: site.timezone: unknown time zone 'Europe/Berln'"
        " (use an IANA name such as Europe/Berlin)",
        id="bad-timezone"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\ntheem = "default"\n',
        "hubgen.toml:5: site.theem: unknown key (did you mean 'theme'?)",
        id="unknown-key"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\n\n[compny]\nname = "X"\n',
        "hubgen.toml:6: compny: unknown key (did you mean 'company'?)",
        id="unknown-table"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\n\n'
        '[contacts.presse]\nname = "A"\nemail = "a@x.example"\nphnoe = "1"\n',
        "hubgen.toml:9: contacts.presse.phnoe: unknown key (did you mean 'phone'?)",
        id="unknown-contact-key"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = 5\nlanguage = "de"\n',
        "hubgen.toml:3: site.base_url: must be a string, not a number (write base_url as a string)",
        id="wrong-type-number"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\nlanguages = "de, en"\n',
        "hubgen.toml:5: site.languages: must be a list of strings, not a string"
        " (write languages as a list of strings)",
        id="wrong-type-list"),
    pytest.param(
        'site = "X"\n',
        "hubgen.toml:1: site: must be a table (write it as [site])",
        id="wrong-type-table"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "German"\n',
        "hubgen.toml:4: site.language: 'German' is not a language code (use codes like de, en, fr)",
        id="bad-language-code"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "newsroom.example.com"\nlanguage = "de"\n',
        "hubgen.toml:3: site.base_url: 'newsroom.example.com' is not an absolute http(s) URL"
        " (write it like https://newsroom.example.com)",
        id="relative-base_url"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\noutput_dir = "../www"\n',
        "hubgen.toml:5: site.output_dir: '../www' is not a folder name inside the site"
        " (use a plain folder name such as public)",
        id="output-dir-outside"),
    pytest.param(
        '[site]\ntitle = "X\nbase_url = "https://x.example"\n',
        "hubgen.toml:2: config: invalid TOML: Illegal character '\\n' (at line 2, column 11)"
        " (fix the syntax)",
        id="invalid-toml"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\n\n'
        '[contacts.presse]\nname = "A"\n',
        'hubgen.toml:6: contacts.presse: email is required (add email = "…")',
        id="contact-without-email"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\n\n'
        '[channels]\nenabled = ["press", "fax"]\n',
        "hubgen.toml:7: channels.enabled: unknown channel 'fax'"
        " (allowed: press, social, recruiting, newsletter, advocacy)",
        id="unknown-channel"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\n\n'
        '[press_kit]\ndownloads = [{ title = "Logo", file = "media/logo.svg" }]\n',
        "hubgen.toml:7: press_kit.downloads: file 'media/logo.svg' not found in static/"
        " (add the file or fix the path)",
        id="download-missing"),
    pytest.param(
        '[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\n\n'
        '[glossary]\nSolarpark = "Solar-Park"\n',
        'hubgen.toml:7: glossary.Solarpark: must be a list of variants to flag'
        ' (write "Solarpark" = ["variant", …])',
        id="glossary-not-a-list"),
]


@pytest.mark.parametrize(("toml", "expected"), CONFIG_ERRORS)
def test_config_error_is_reported_with_its_line(make_site: Callable[[str], SiteDir], toml: str,
                                                expected: str) -> None:
    site = make_site(toml)
    assert_problems(run_hubgen(site.root, "build"), expected)
    assert not (site.root / "public").exists()
    assert not (site.root / "kit").exists()


def test_all_config_problems_are_reported_together(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site('[site]\ntitle = "X"\nbase_url = "https://x.example"\nlanguage = "de"\n'
                     'timezone = "Mars/Olympus"\nlanguage_s = ["de"]\n\n[social]\nx = 42\n')
    assert_problems(
        site.hubgen("build"),
        "hubgen.toml:5: site.timezone: unknown time zone 'Mars/Olympus'"
        " (use an IANA name such as Europe/Berlin)",
        "hubgen.toml:6: site.language_s: unknown key (did you mean 'languages'?)",
        "hubgen.toml:9: social.x: must be a string, not a number (quote the value)",
    )


def test_missing_config_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    result = SiteDir(folder).hubgen("build")
    assert result.returncode == 2
    assert result.stderr == ("hubgen build: no hubgen.toml here or above"
                             " (cd into a site, or 'hubgen init DIR')\n")
    assert list(folder.iterdir()) == []


def test_config_problems_come_with_content_problems(site: SiteDir) -> None:
    """A bad contact list and a message using it: both reported in one run."""
    (site.root / "hubgen.toml").write_text(CONFIG + 'fax = "1"\n', encoding="utf-8")
    site.message("content/news/a.md", extra="tag: [Solar]")
    assert_problems(
        run_hubgen(site.root, "build"),
        "content/news/a.md:5: tag: unknown field (did you mean 'tags'?)",
        "hubgen.toml:21: contacts.presse.fax: unknown key (allowed: email, name, phone, role)",
    )
