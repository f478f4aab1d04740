"""hubgen.toml: what a minimal config gets by default, and every problem with its line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import CONFIG, SiteDir, assert_problems, run_hubgen

from hubgen.config import load_config
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
    assert config.channels.enabled is None and config.channels.platforms is None  # all of them
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


def test_one_boilerplate_string_serves_every_language(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(MINIMAL + 'languages = ["de", "en"]\n\n[company]\nname = "X GmbH"\n'
                     'boilerplate = """X macht\n  Dinge."""\n')
    config = load_config(site.root, Report())
    assert config is not None
    assert config.company.boilerplate == {"de": "X macht Dinge.", "en": "X macht Dinge."}


def test_config_problem_stops_the_build(make_site: Callable[[str], SiteDir]) -> None:
    """The cases of errors.txt, through `hubgen check`; here one through `build`: nothing written."""
    site = make_site(MINIMAL + 'languages = ["en"]\n')
    assert_problems(run_hubgen(site.root, "build"),
                    "hubgen.toml:5: site.languages: the default language 'de' is missing"
                    " (add 'de' to languages, or leave languages out)")
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
        "hubgen.toml:9: social.x: must be a string, not a number (write it in quotes)",
    )


def test_missing_config_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    result = SiteDir(folder).hubgen("build")
    assert result.returncode == 2
    assert result.stderr == ("hubgen build: error: no hubgen.toml here or above"
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


def test_one_role_string_serves_every_language(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(MINIMAL + 'languages = ["de", "en"]\n\n[contacts.presse]\nname = "A"\n'
                     'email = "a@x.example"\nrole = "Presse"\n')
    config = load_config(site.root, Report())
    assert config is not None
    assert config.contacts["presse"].role == {"de": "Presse", "en": "Presse"}
    assert config.contacts["presse"].key == "presse"


def test_downloads_as_an_array_of_tables(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(MINIMAL + '\n[[press_kit.downloads]]\ntitle = "Logo"\nfile = "logo.svg"\n'
                     '\n[[press_kit.downloads]]\ntitle = "Profil"\nfile = "docs/profil.pdf"\n')
    site.write("static/logo.svg", "<svg/>")
    site.write("static/docs/profil.pdf", "%PDF")
    config = load_config(site.root, Report())
    assert config is not None
    assert [(d.title, d.file) for d in config.downloads] == [("Logo", "logo.svg"),
                                                             ("Profil", "docs/profil.pdf")]
    assert config.line("press_kit.downloads.1.file") == 12


def test_key_lines_name_the_line_of_every_key(demo_site: SiteDir) -> None:
    """For layers above the config: `hubgen.toml:LINE` of a key they find a problem with."""
    config = load_config(demo_site.root, Report())
    assert config is not None
    lines = (demo_site.root / "hubgen.toml").read_text(encoding="utf-8").splitlines()
    for key, expected in [("channels.enabled", "enabled = ["), ("social.x", 'x = "'),
                          ("channels.utm.campaign", "campaign = "),
                          ("contacts.karriere", "[contacts.karriere]"),
                          ("press_kit.downloads.0", '  { title = "Unternehmensprofil'),
                          ("glossary.Solarpark.0", '"Solarpark" = ')]:
        assert lines[config.key_lines[key] - 1].startswith(expected), key
    assert config.line("channels.enabled.3") == config.key_lines["channels.enabled"]
    assert config.line("share_images.font") == 1  # no [share_images]: the top of the file
