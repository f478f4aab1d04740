"""Shared fixtures: small sites written into a temporary folder, built and read back."""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pytest

REPO = Path(__file__).resolve().parent.parent

CONFIG = """\
[site]
title = "Test Newsroom"
base_url = "https://news.example.com"
language = "de"
languages = ["de", "en"]
timezone = "Europe/Berlin"

[company]
name = "Testfirma GmbH"
short_name = "Testfirma"

[company.boilerplate]
de = "Die Testfirma testet."
en = "Testfirma tests."

[contacts.presse]
name = "Erika Muster"
role = { de = "Pressesprecherin", en = "Press officer" }
email = "presse@example.com"
phone = "+49 40 123"
"""

MESSAGE = """\
---
title: {title}
date: {date}
summary: {summary}
{extra}---
{body}
"""


class CompiledOnce(jinja2.BytecodeCache):
    """Templates compiled once for the whole test run. Every build makes new Jinja environments,
    so each compiled the same theme again: a third of the time of a small site's build, of the
    suite's too. Jinja compares each template's source with the checksum kept beside its code,
    so an edited template, or one of a test's own, compiles anew."""

    def __init__(self) -> None:
        self.compiled: dict[tuple[str, tuple[object, ...]], tuple[str, object]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self.compiled.get((bucket.key, _options(bucket.environment)))
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]  # type: ignore[assignment]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key, _options(bucket.environment)] = (bucket.checksum, bucket.code)


def _options(env: jinja2.Environment) -> tuple[object, ...]:
    """What else the compiled code depends on (hubgen makes every environment alike)."""
    return (env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.optimized,
            env.block_start_string, env.variable_start_string, env.comment_start_string,
            env.line_statement_prefix, env.newline_sequence, tuple(sorted(env.extensions)))


@pytest.fixture(autouse=True, scope="session")
def compile_templates_once() -> Iterator[None]:
    shared = CompiledOnce()
    real = jinja2.Environment.__init__

    def init(self: jinja2.Environment, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("bytecode_cache", shared)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jinja2.Environment, "__init__", init)
        yield


@dataclass
class SiteDir:
    """A site on disk that tests write messages into and build."""

    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def message(self, relative: str, title: str = "Solarpark Husum eröffnet",
                date: str = "2026-03-12 09:00 +01:00",
                summary: str = "Der Solarpark versorgt 40.000 Haushalte.",
                extra: str = "", body: str = "Ein Absatz.\n") -> Path:
        extra = textwrap.dedent(extra)
        if extra and not extra.endswith("\n"):
            extra += "\n"
        return self.write(relative, MESSAGE.format(title=title, date=date, summary=summary,
                                                   extra=extra, body=body))

    def hubgen(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`hubgen ARGS` in the site folder, its exit code and output, run in this process
        (`run_hubgen`): a new Python importing hubgen took most of each call's time. `serve`
        runs until stopped, so it gets a process of its own; tests/cli runs `python -m hubgen`
        as a process too."""
        if args[:1] != ("serve",):
            return run_hubgen(self.root, *args)
        return subprocess.run([sys.executable, "-m", "hubgen", *args], cwd=self.root,
                              capture_output=True, text=True, timeout=120)

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")


def new_site(root: Path, config: str = CONFIG) -> SiteDir:
    """An empty site at `root` with `config`; for a module's fixture that builds one site for
    all its tests (`tmp_path_factory.mktemp`)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "hubgen.toml").write_text(textwrap.dedent(config), encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    return SiteDir(root)


@pytest.fixture
def site(tmp_path: Path) -> SiteDir:
    """An empty site with the test config; add messages with `site.message(...)`."""
    return new_site(tmp_path / "site")


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[[str], SiteDir]:
    """A site with a config of the test's own."""
    def make(config: str) -> SiteDir:
        return new_site(tmp_path / "custom", config)
    return make


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class RunningServer:
    url: str
    process: subprocess.Popen[str]

    def output(self) -> str:
        """Everything the server printed (after it stopped)."""
        self.process.terminate()
        out, err = self.process.communicate(timeout=10)
        return out + err


@contextmanager
def running_server(root: Path, *args: str) -> Iterator[RunningServer]:
    """`hubgen serve` on a free loopback port, until the block ends."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "hubgen", "serve", "--port", str(port), *args],
                               cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    host = args[args.index("--host") + 1] if "--host" in args else "127.0.0.1"
    url = f"http://{host}:{port}/"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except urllib.error.HTTPError:
            break  # it answers, if only with 404
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("hubgen serve stopped: " + process.communicate()[1]) from None
            time.sleep(0.1)
    try:
        yield RunningServer(url, process)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def copy_demo(root: Path) -> SiteDir:
    """The repository's demo newsroom copied to `root`, safe to edit and build."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "hubgen.toml", root / "hubgen.toml")
    for folder in ("content", "static", "templates", "themes"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    return SiteDir(root)


@pytest.fixture
def demo_site(tmp_path: Path) -> SiteDir:
    """A copy of the repository's demo newsroom, safe to edit and build."""
    return copy_demo(tmp_path / "demo")


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """`hubgen serve` of a copy of the demo, one for the whole run, for the tests that only
    look at it: starting a server and its first build took seconds for each of them."""
    site = copy_demo(tmp_path_factory.mktemp("served") / "demo")
    with running_server(site.root) as server:
        yield server


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, keyed by relative path: compare whole trees."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_problems(result: subprocess.CompletedProcess[str], *lines: str) -> None:
    """The run failed with exit 1, printed exactly `lines` (and the count), no traceback."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    printed = result.stderr.splitlines()
    count = len(lines)
    assert printed == [*map(error_tagged, lines), f"{count} error{'s' * (count != 1)}"], result.stderr


def problem_lines(output: str) -> list[str]:
    """The problems the CLI printed, as `str(Problem)` writes them: without the `error:` tag
    the CLI puts after an error's place (warnings carry theirs in both)."""
    return [line.replace(": error: ", ": ", 1) for line in output.splitlines()]


def error_tagged(line: str) -> str:
    """A problem as `str(Problem)` writes it, as the CLI prints an error: with `error:` after
    the place (`path:line: error: field: …`)."""
    where, _, rest = line.partition(": ")
    return f"{where}: error: {rest}"


def run_hubgen(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`hubgen ARGS` run in this process, in `cwd`: the CLI's exit code, stdout and stderr, in a
    tenth of the time of `SiteDir.hubgen`. For tables of cases; an exception hubgen lets out
    fails the test (it would be a traceback for the user)."""
    from hubgen.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    os.chdir(cwd)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: wrong usage, --help
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(["hubgen", *args], code, out.getvalue(), err.getvalue())


# Chromium through Playwright. Without Chromium the browser tests skip loudly, except in CI,
# where a missing browser is a failure: CI must install it.
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        message = "Chromium is missing: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail("CI: " + message)
        pytest.skip("BROWSER TESTS SKIPPED — " + message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()
