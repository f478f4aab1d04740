"""The `hubgen` command line as a user meets it: help, init, new, build, snippets, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SiteDir

from hubgen import __version__


def hubgen(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hubgen", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_help(tmp_path: Path) -> None:
    result = hubgen(tmp_path, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: hubgen ")
    for command in ("init", "new", "build", "snippets"):
        assert f"    {command} " in result.stdout, command
    assert list(tmp_path.iterdir()) == []


def test_build_help(tmp_path: Path) -> None:
    result = hubgen(tmp_path, "build", "--help")
    assert result.returncode == 0
    for option in ("--drafts", "--future", "--out DIR", "--site DIR"):
        assert option in result.stdout, option


def test_version(tmp_path: Path) -> None:
    result = hubgen(tmp_path, "--version")
    assert (result.returncode, result.stdout) == (0, f"hubgen {__version__}\n")


def test_console_script_is_installed(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "hubgen"
    assert script.is_file(), "pip install -e . installs the hubgen command next to python"
    result = subprocess.run([str(script), "--version"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=60)
    assert (result.returncode, result.stdout) == (0, f"hubgen {__version__}\n")


@pytest.mark.parametrize(("args", "message"), [
    ((), "the following arguments are required: COMMAND"),
    (("publish",), "unknown command 'publish' (choose from init, new, check, build, serve, snippets,"
                   " completion)"),
    (("build", "--draft-mode"), "unrecognized arguments: --draft-mode"),
    (("new",), "the following arguments are required: TITLE"),
    (("init",), "the following arguments are required: DIR"),
    (("snippets", "x", "--channel", "fax"), "invalid choice: 'fax'"),
])
def test_wrong_usage_exits_2(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = hubgen(tmp_path, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [("build",), ("new", "Titel"), ("snippets", "x")])
def test_commands_outside_a_site_exit_2(tmp_path: Path, command: tuple[str, ...]) -> None:
    result = hubgen(tmp_path, *command)
    assert result.returncode == 2
    assert result.stderr == (f"hubgen {command[0]}: error: no hubgen.toml here or above"
                             " (cd into a site, or 'hubgen init DIR')\n")
    assert list(tmp_path.iterdir()) == []


def test_init_then_build(tmp_path: Path) -> None:
    result = hubgen(tmp_path, "init", "mysite")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "created mysite/ — next: cd mysite && hubgen serve\n"
    site = tmp_path / "mysite"
    assert (site / "hubgen.toml").is_file()
    assert (site / "static").is_dir()
    assert "public/" in (site / ".gitignore").read_text(encoding="utf-8")
    messages = sorted((site / "content").rglob("*.md"))
    assert messages
    result = hubgen(site, "build")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"built {len(messages)} of {len(messages)} messages")
    assert (site / "public/index.html").is_file()
    assert (site / "public/assets/style.css").is_file()
    assert (site / "kit/snippets.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mysite"]


def test_init_into_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert hubgen(tmp_path, "init", "empty").returncode == 0
    assert (tmp_path / "empty/hubgen.toml").is_file()


@pytest.mark.parametrize("existing", ["folder", "file"])
def test_init_refuses_what_exists(tmp_path: Path, existing: str) -> None:
    target = tmp_path / "mysite"
    if existing == "folder":
        target.mkdir()
        (target / "notes.txt").write_text("meins\n", encoding="utf-8")
    else:
        target.write_text("meins\n", encoding="utf-8")
    result = hubgen(tmp_path, "init", "mysite")
    assert result.returncode == 2
    assert result.stderr == "hubgen init: error: mysite exists and is not empty (choose a new folder)\n"
    if existing == "folder":
        assert [p.name for p in target.iterdir()] == ["notes.txt"]
    else:
        assert target.read_text(encoding="utf-8") == "meins\n"


def test_new_message_is_a_draft_that_builds(site: SiteDir) -> None:
    result = site.hubgen("new", "Nordlicht eröffnet Solarpark Husum")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "content/news/nordlicht-eroeffnet-solarpark-husum.md\n"
    text = site.read("content/news/nordlicht-eroeffnet-solarpark-husum.md")
    assert 'title: "Nordlicht eröffnet Solarpark Husum"' in text
    assert "draft: true" in text and "contact: presse" in text and "lang: de" in text
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built 0 of 1 messages")
    assert not (site.root / "public/news").exists()
    assert "Solarpark Husum" not in site.read("public/index.html")
    assert (site.root / "kit/de/news/nordlicht-eroeffnet-solarpark-husum/press.txt").is_file()
    assert "Nordlicht eröffnet Solarpark Husum" in site.read("kit/snippets.json")
    result = site.hubgen("build", "--drafts")
    assert result.returncode == 0, result.stderr
    assert (site.root / "public/news/nordlicht-eroeffnet-solarpark-husum/index.html").is_file()


def test_new_in_another_language_and_section(site: SiteDir) -> None:
    result = site.hubgen("new", "Nordlicht opens Husum solar park", "--lang", "en", "--section", "jobs")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "content/jobs/nordlicht-opens-husum-solar-park.en.md\n"
    assert "lang: en" in site.read("content/jobs/nordlicht-opens-husum-solar-park.en.md")
    assert site.hubgen("build", "--drafts").returncode == 0
    assert (site.root / "public/en/jobs/nordlicht-opens-husum-solar-park/index.html").is_file()


def test_new_quotes_titles_for_yaml(site: SiteDir) -> None:
    assert site.hubgen("new", 'Zitat: "Wir sind am Netz" # 1').returncode == 0
    assert site.hubgen("build", "--drafts").returncode == 0
    page = site.read("public/news/zitat-wir-sind-am-netz-1/index.html")
    assert "<h1>Zitat: &#34;Wir sind am Netz&#34; # 1</h1>" in page


@pytest.mark.parametrize(("args", "message"), [
    (("Solarpark Husum", "--lang", "fr"),
     "hubgen new: error: 'fr' is not a language of this site (use one of de, en)"),
    (("Solarpark Husum", "--section", "Alte News"),
     "hubgen new: error: 'Alte News' is not a section name (use e.g. news or jobs)"),
])
def test_new_refuses_bad_options(site: SiteDir, args: tuple[str, ...], message: str) -> None:
    result = site.hubgen("new", *args)
    assert (result.returncode, result.stderr) == (2, message + "\n")
    assert list((site.root / "content").iterdir()) == []


def test_new_never_overwrites(site: SiteDir) -> None:
    assert site.hubgen("new", "Solarpark Husum").returncode == 0
    site.write("content/news/solarpark-husum.md", "meins\n")
    result = site.hubgen("new", "Solarpark Husum")
    assert result.returncode == 2
    assert result.stderr == ("hubgen new: error: content/news/solarpark-husum.md exists already"
                             " (choose another title)\n")
    assert site.read("content/news/solarpark-husum.md") == "meins\n"


def test_snippets_command(site: SiteDir) -> None:
    site.message("content/news/a.md", extra="slug: husum")
    result = site.hubgen("snippets", "husum", "--channel", "social", "--platform", "x", "--json")
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(result.stdout)
    assert (entry["message"], entry["channel"], entry["platform"]) == ("husum", "social", "x")
    assert entry["ok"] is True
    result = site.hubgen("snippets", "husum", "--channel", "press")
    assert result.returncode == 0
    assert result.stdout.startswith("── de press: ")
    assert "Solarpark Husum eröffnet" in result.stdout
    result = site.hubgen("snippets", "nirgends")
    assert (result.returncode, result.stderr) == (
        2, "hubgen snippets: error: no message 'nirgends' (give a slug, a file name or a translation key)\n")
    assert not (site.root / "public").exists()  # snippets only prints


def test_site_option_builds_from_elsewhere(site: SiteDir, tmp_path: Path) -> None:
    site.message("content/news/a.md")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = hubgen(elsewhere, "build", "--site", str(site.root))
    assert result.returncode == 0, result.stderr
    assert (site.root / "public/index.html").is_file()
    assert list(elsewhere.iterdir()) == []


def test_commands_run_in_a_sub_folder_find_the_site(site: SiteDir) -> None:
    site.message("content/news/a.md")
    result = hubgen(site.root / "content/news", "build")
    assert result.returncode == 0, result.stderr
    assert (site.root / "public/index.html").is_file()
    assert not (site.root / "content/news/public").exists()


def test_no_command_writes_outside_the_site(site: SiteDir, tmp_path: Path) -> None:
    site.message("content/news/a.md", extra="slug: husum")
    runs = [("new", "Zweite Meldung"), ("build",), ("build", "--drafts", "--future"),
            ("snippets", "husum", "--json"), ("build", "--out", "www"), ("build", "--out", "..")]
    for args in runs:
        assert site.hubgen(*args).returncode in (0, 2), args
    site.message("content/news/b.md", title="Kaputt", date="nie")
    assert site.hubgen("build").returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    # .hubgen-cache holds the share images already drawn (docs: "What a build makes").
    assert sorted(p.name for p in site.root.iterdir()) == [".hubgen-cache", "content", "hubgen.toml", "kit",
                                                           "public", "www"]


def test_a_reader_that_stops_early_gets_no_error(site: SiteDir) -> None:
    """`hubgen build | head -1`: the pipe closes before the summary's last line."""
    site.message("content/news/solar.md")
    process = subprocess.Popen([sys.executable, "-m", "hubgen", "build"], cwd=site.root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # gone before anything is written
    errors = process.stderr.read()
    assert process.wait(timeout=120) == 1
    assert errors == ""
    assert (site.root / "public/index.html").is_file()
