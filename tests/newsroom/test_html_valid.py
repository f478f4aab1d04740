"""Every HTML page hubgen makes is valid HTML by the Nu HTML Checker (vnu.jar, the W3C's): the
German demo's newsroom and kit, an English site from `hubgen init`, the preview's pages of
held-back messages with their banners, and the kit's HTML snippets (in a page of their own).
One JVM checks them all: starting it is most of the time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, copy_demo, run_hubgen, running_server

# Where scripts/test installs npm's vnu-jar; VNU_JAR names another.
JAR = Path(os.environ.get("VNU_JAR") or REPO / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
# One short run: the quick compiler alone (C2's compiling took three quarters of a 16 s run on
# two busy cores, 4 s without), and the larger stack the checker's schema needs then (with C1
# frames it overflows the default: "StackOverflowError while evaluating HTML schema").
JVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m"]
PREVIEWED = ["", "news/glimmerwatt/", "news/projekt-polarkranich/", "search/",
             "_kit/", "_kit/calendar/", "_kit/de/news/projekt-polarkranich/"]
# A snippet is a fragment for a newsletter tool: checked inside the smallest page around it,
# on one line so that the snippet's line numbers stay one off.
FRAME = '<!DOCTYPE html><html lang="{lang}"><head><title>snippet</title></head><body>\n'


def nu_checker() -> list[str]:
    java = shutil.which("java")
    if java and JAR.is_file():
        return [java, *JVM, "-jar", str(JAR)]
    message = (f"the Nu HTML checker needs Java and {JAR}: sh scripts/test installs both "
               "(Debian's default-jre-headless, npm's vnu-jar)")
    if os.environ.get("CI"):
        pytest.fail("CI: " + message)
    pytest.skip("HTML CHECK SKIPPED — " + message)


def built(root: Path) -> Path:
    result = run_hubgen(root, "build", "-q")
    assert result.returncode == 0, result.stderr
    return root


def previewed(root: Path, out: Path) -> None:
    """The preview's pages as `hubgen serve` sends them, saved under `out`."""
    with running_server(root) as server:
        for path in PREVIEWED:
            with urllib.request.urlopen(server.url + path, timeout=30) as answer:
                target = out / path / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(answer.read())


def pages(root: Path) -> list[Path]:
    """Every HTML file under `root`; snippets framed into pages beside them."""
    found = []
    for path in sorted(root.rglob("*.html")):
        if path.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype"):
            found.append(path)
            continue
        lang = path.relative_to(root).parts[0]  # kit/LANG/section/slug/newsletter.html
        framed = path.with_suffix(".framed.html")
        framed.write_text(FRAME.format(lang=lang) + path.read_text(encoding="utf-8") + "</body></html>\n",
                          encoding="utf-8")
        found.append(framed)
    return found


@pytest.fixture(scope="module")
def errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Each checked page's errors as `file:line: message`, keyed by the page's path under the
    check's folder (`demo/public/…`, `english/kit/…`, `preview/…`)."""
    command = nu_checker()
    base = tmp_path_factory.mktemp("html")
    demo = built(copy_demo(base / "demo").root)
    english = base / "english"
    assert run_hubgen(base, "init", "english").returncode == 0
    built(english)
    previewed(copy_demo(base / "served").root, base / "preview")
    files = [*pages(demo / "public"), *pages(demo / "kit"), *pages(english / "public"),
             *pages(english / "kit"), *pages(base / "preview")]
    result = subprocess.run([*command, "--format", "json", "--errors-only", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    try:  # vnu writes its JSON report to stderr
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu did not report (exit {result.returncode}): {result.stdout}{result.stderr}"[:2000])
    found: dict[str, list[str]] = {str(f.relative_to(base)): [] for f in files}
    for message in messages:
        name = str(Path(message["url"].removeprefix("file:")).relative_to(base))
        line = message.get("lastLine", 0) - name.endswith(".framed.html")
        found[name].append(f"{name}:{line}: {message['message']} [{message.get('extract', '').strip()}]")
    return found


def assert_valid(errors: dict[str, list[str]], prefix: str) -> None:
    """No errors in the pages under `prefix`; else every error, a line each."""
    checked = [name for name in errors if name.startswith(prefix)]
    assert checked, f"no pages under {prefix}"
    lines = [line for name in checked for line in errors[name]]
    assert not lines, f"{len(lines)} errors in {len(checked)} pages:\n" + "\n".join(lines)


def test_the_demo_newsroom_is_valid_html(errors: dict[str, list[str]]) -> None:
    assert_valid(errors, "demo/public/")


def test_the_demo_kit_and_its_snippets_are_valid_html(errors: dict[str, list[str]]) -> None:
    assert any(name.endswith(".framed.html") for name in errors)
    assert_valid(errors, "demo/kit/")


def test_an_english_site_is_valid_html(errors: dict[str, list[str]]) -> None:
    assert_valid(errors, "english/")


def test_the_preview_with_its_banners_is_valid_html(errors: dict[str, list[str]]) -> None:
    assert_valid(errors, "preview/")
