"""The CLI's habits, as Hugo and MkDocs users expect them: short flags, values checked as they
are read, "did you mean", each command's own usage, `error:` tags, colour only on a terminal."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout, suppress
from pathlib import Path

import pytest
from conftest import SiteDir, run_hubgen

from hubgen.cli.main import main, parser


@pytest.mark.parametrize(("args", "option", "dest", "value"), [
    (("build", "-D"), "-D", "drafts", True),
    (("build", "--buildDrafts"), "--buildDrafts", "drafts", True),
    (("build", "-F"), "-F", "future", True),
    (("build", "--buildFuture"), "--buildFuture", "future", True),
    (("build", "-v"), "-v", "verbose", True),
    (("build", "-q"), "-q", "quiet", True),
    (("-q", "build"), "-q", "all_quiet", True),
    (("--verbose", "check"), "--verbose", "all_verbose", True),
    (("check", "--quiet"), "--quiet", "quiet", True),
    (("serve", "-p", "8080"), "-p", "port", 8080),
    (("serve", "--port", "1"), "--port", "port", 1),
    (("serve", "-D", "-F"), "-D", "drafts", True),
    (("serve", "--bind", "0.0.0.0"), "--bind", "host", "0.0.0.0"),
    (("serve", "--host", "localhost"), "--host", "host", "localhost"),
    (("serve", "--bind", "[::1]"), "--bind", "host", "::1"),
])
def test_flags(args: tuple[str, ...], option: str, dest: str, value: object) -> None:
    parsed = parser().parse_args(args)
    assert getattr(parsed, dest) == value
    command = next(a for a in args if not a.startswith("-"))
    assert option in parser()._subparsers._group_actions[0].choices[command].format_help()  # type: ignore[union-attr]


def test_defaults() -> None:
    parsed = parser().parse_args(["serve"])
    assert (parsed.host, parsed.port, parsed.drafts, parsed.verbose, parsed.quiet) == (
        "127.0.0.1", 8000, False, False, False)


@pytest.mark.parametrize(("args", "usage", "error"), [
    (("serve", "--port", "80000"), "hubgen serve", "argument -p/--port: 80000 is not a port (1–65535)"),
    (("serve", "-p", "0"), "hubgen serve", "argument -p/--port: 0 is not a port (1–65535)"),
    (("serve", "-p", "http"), "hubgen serve", "argument -p/--port: http is not a port (1–65535)"),
    (("serve", "--bind", "my host"), "hubgen serve",
     "argument --bind/--host: 'my host' is not an address (e.g. 127.0.0.1, ::1, localhost or 0.0.0.0)"),
    (("biuld",), "hubgen", "unknown command 'biuld' (did you mean 'build'?)"),
    (("serv",), "hubgen", "unknown command 'serv' (did you mean 'serve'?)"),
    (("snipets", "x"), "hubgen", "unknown command 'snipets' (did you mean 'snippets'?)"),
    (("xyz",), "hubgen", "unknown command 'xyz' (choose from init, new, check, build, serve,"
                         " snippets, completion)"),
    (("build", "--draft-mode"), "hubgen build",
     "unrecognized arguments: --draft-mode (did you mean --drafts?)"),
    (("serve", "--prot", "9"), "hubgen serve", "unrecognized arguments: --prot 9 (did you mean --port?)"),
    (("check", "--stirct"), "hubgen check", "unrecognized arguments: --stirct (did you mean --strict?)"),
    (("check", "--formt=json"), "hubgen check",
     "unrecognized arguments: --formt=json (did you mean --format?)"),
    (("build", "--zzz"), "hubgen build", "unrecognized arguments: --zzz"),
    (("build", "-q", "-v"), "hubgen build", "argument -v/--verbose: not allowed with argument -q/--quiet"),
    (("-q", "build", "-v"), "hubgen build", "-v and -q exclude each other"),
    (("completion", "tcsh"), "hubgen completion", "argument SHELL: invalid choice: 'tcsh'"),
    (("new",), "hubgen new", "the following arguments are required: TITLE (or --translation-of FILE)"),
    (("new", "Titel", "--translation-of", "x.md"), "hubgen new",
     "give a TITLE or --translation-of, not both"),
])
def test_usage_errors(tmp_path: Path, args: tuple[str, ...], usage: str, error: str | None) -> None:
    result = run_hubgen(tmp_path, *args)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"usage: {usage} "), lines  # the command's own usage
    if error is not None:
        assert lines[-1].startswith(f"{usage}: error: {error}"), lines[-1]
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_command_s_usage_lists_its_own_options(tmp_path: Path) -> None:
    result = run_hubgen(tmp_path, "serve", "--port", "80000")
    assert "[--bind ADDRESS] [-p PORT]" in result.stderr and "--strict" not in result.stderr


def test_quiet_before_the_command(site: SiteDir) -> None:
    site.message("content/news/a.md", extra='facts:\n  capacity: "62 MW"')  # a warning
    assert run_hubgen(site.root, "-q", "build").stdout == ""
    assert run_hubgen(site.root, "-q", "build").stderr == ""
    assert run_hubgen(site.root, "-v", "build").stderr.endswith("1 warning\n")
    quiet = run_hubgen(site.root, "check", "-q")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    assert run_hubgen(site.root, "check").stdout.count("warning:") == 1


def test_errors_are_tagged(site: SiteDir) -> None:
    site.message("content/news/a.md", date="nie")
    result = run_hubgen(site.root, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("content/news/a.md:3: error: date: ")
    elsewhere = run_hubgen(site.root.parent, "build")
    assert elsewhere.stderr.startswith("hubgen build: error: no hubgen.toml here or above")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_on(stream: type[io.StringIO], cwd: Path, *args: str) -> tuple[str, str]:
    out, err = stream(), stream()
    before = Path.cwd()
    os.chdir(cwd)
    try:
        with redirect_stdout(out), redirect_stderr(err), suppress(SystemExit):
            main(list(args))
    finally:
        os.chdir(before)
    return out.getvalue(), err.getvalue()


RED, YELLOW, GREEN, DIM = "\033[1;31m", "\033[33m", "\033[32m", "\033[2m"


@pytest.fixture
def with_problems(site: SiteDir, monkeypatch: pytest.MonkeyPatch) -> SiteDir:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    site.message("content/news/a.md", extra='facts:\n  capacity: "62 MW"')  # one warning
    site.message("content/news/b.md", title="B", extra='facts:\n  households: "40.000"',
                 body="Strom für 45.000 Haushalte.\n")  # one error
    return site


@pytest.mark.parametrize(("stream", "env", "coloured"), [
    (Terminal, {}, True),
    (Terminal, {"TERM": "xterm-256color"}, True),
    (io.StringIO, {}, False),  # piped
    (Terminal, {"NO_COLOR": "1"}, False),
    (Terminal, {"NO_COLOR": "0"}, False),  # any value (no-color.org)
    (Terminal, {"NO_COLOR": ""}, True),  # … but not the empty one
    (Terminal, {"TERM": "dumb"}, False),
    (io.StringIO, {"FORCE_COLOR": "1"}, True),
    (Terminal, {"TERM": "dumb", "FORCE_COLOR": "1"}, True),
    (io.StringIO, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
])
def test_colour_rules(with_problems: SiteDir, monkeypatch: pytest.MonkeyPatch, stream: type[io.StringIO],
                      env: dict[str, str], coloured: bool) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out, err = run_on(stream, with_problems.root, "check")
    err += out
    assert ("\033[" in err) is coloured, err
    if coloured:
        assert f"{DIM}content/news/b.md:8:\033[0m {RED}error:\033[0m body: " in err
        assert f"{DIM}content/news/a.md:" in err and f"{YELLOW}warning:\033[0m" in err
    else:
        assert "content/news/b.md:8: error: body: " in err


def test_ok_is_green_on_a_terminal(site: SiteDir, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    site.message("content/news/a.md")
    out, _ = run_on(Terminal, site.root, "build")
    assert out.startswith(f"{GREEN}built 1 of 1 messages")
    out, _ = run_on(io.StringIO, site.root, "build")
    assert out.startswith("nothing changed since the last build: 1 of 1 messages")


def test_usage_error_is_red_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    _, err = run_on(Terminal, tmp_path, "biuld")
    assert f"hubgen: {RED}error:\033[0m unknown command 'biuld'" in err
    _, err = run_on(io.StringIO, tmp_path, "biuld")
    assert "hubgen: error: unknown command 'biuld'" in err
