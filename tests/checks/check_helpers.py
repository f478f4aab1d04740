"""The check tests' cases, read from fixture files, and every problem the checks find in a site.

A fixture file (fixtures/NAME.md), in the style of markdown-it-py's: free text up to the first
case, then cases, each a title line and three lines of a single `.` around the site's files and
the problems expected, one a line, as `hubgen check` prints them (empty: none):

    a figure in the x post contradicts a fact
    .
    == content/news/park.md
    ---
    title: ...
    ---
    Body.
    .
    content/news/park.md:14: channels.social.x: '50.000 Haushalte' contradicts ...
    .

Every case's site starts as the test config (`CONFIG` of conftest) and an empty content/.
`== PATH` writes a file, `+= PATH` appends to one (`+= hubgen.toml` adds to the test config).
A first case titled `every case: ...` holds files that every case of the file starts with;
it is a case too, so they must have the problems it expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG

from hubgen.channels import limit_problems, site_snippets
from hubgen.checks import run_checks
from hubgen.errors import ProblemsError, Report
from hubgen.pipeline.run import load

__all__ = ["Case", "cases", "problems"]

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = "every case: "
Write = tuple[str, str, str]
"""(operation `==` or `+=`, path, text)"""


@dataclass(frozen=True)
class Case:
    title: str
    where: str
    """fixture file and line, for the failure message"""
    writes: tuple[Write, ...]
    expected: list[str]

    def problems(self, folder: Path) -> list[str]:
        """Every problem of this case's site, made in `folder`."""
        root = folder / "site"
        (root / "content").mkdir(parents=True)
        (root / "hubgen.toml").write_text(CONFIG, encoding="utf-8")
        for operation, path, text in self.writes:
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("a" if operation == "+=" else "w", encoding="utf-8") as file:
                file.write(text)
        return problems(root)


def problems(root: Path) -> list[str]:
    """Every problem and warning the checks find in the site at `root`, in file order: the
    site is loaded and checked in memory, nothing is built."""
    report = Report()
    try:
        site = load(root, report)
    except ProblemsError as exc:  # unreadable content: the checks need a valid site
        return [str(p) for p in exc.problems]
    snippets = site_snippets(site, report)
    run_checks(site, snippets, report)
    return [str(p) for p in sorted([*report.problems, *limit_problems(snippets)])]


def cases(name: str) -> list[Any]:
    """The cases of fixtures/NAME, one pytest parameter each, named by their titles."""
    path = FIXTURES / name
    found = _read(path.read_text(encoding="utf-8").splitlines(), path.name)
    shared: tuple[Write, ...] = ()
    if found and found[0].title.startswith(SHARED):
        shared = found[0].writes
    titles = [case.title for case in found]
    assert len(set(titles)) == len(titles), f"{name}: two cases with one title"
    assert all(not c.title.startswith(SHARED) for c in found[1:]), f"{name}: '{SHARED}' comes first"
    return [pytest.param(Case(c.title, c.where, c.writes if c is found[0] else shared + c.writes,
                              c.expected), id=c.title) for c in found]


def _read(lines: list[str], name: str) -> list[Case]:
    found, title, at = [], "", 0
    while at < len(lines):
        if lines[at] != ".":
            title = lines[at].strip() or title
            at += 1
            continue
        assert title, f"{name}:{at + 1}: a case without a title"
        end_input = lines.index(".", at + 1)
        end_expected = lines.index(".", end_input + 1)
        found.append(Case(title, f"{name}:{at}", _writes(lines[at + 1:end_input], name, at + 2),
                          lines[end_input + 1:end_expected]))
        title, at = "", end_expected + 1
    return found


def _writes(lines: list[str], name: str, first: int) -> tuple[Write, ...]:
    starts = [n for n, line in enumerate(lines) if line.startswith(("== ", "+= "))]
    assert not lines or starts[:1] == [0], f"{name}:{first}: files start with '== PATH' or '+= PATH'"
    ends = [*starts[1:], len(lines)]
    return tuple((lines[start][:2], lines[start][3:].strip(),
                  "".join(f"{line}\n" for line in lines[start + 1:end]))
                 for start, end in zip(starts, ends, strict=True))
