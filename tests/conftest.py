"""Shared fixtures: small sites written into a temporary folder, built and read back."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
        """Run the CLI as a user would, in the site folder."""
        return subprocess.run([sys.executable, "-m", "hubgen", *args], cwd=self.root,
                              capture_output=True, text=True, timeout=120)

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> SiteDir:
    """An empty site with the test config; add messages with `site.message(...)`."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "hubgen.toml").write_text(CONFIG, encoding="utf-8")
    (root / "content").mkdir()
    return SiteDir(root)


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[[str], SiteDir]:
    """A site with a config of the test's own."""
    def make(config: str) -> SiteDir:
        root = tmp_path / "custom"
        root.mkdir(exist_ok=True)
        (root / "hubgen.toml").write_text(textwrap.dedent(config), encoding="utf-8")
        (root / "content").mkdir(exist_ok=True)
        return SiteDir(root)
    return make
