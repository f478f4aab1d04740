"""How the CLI talks: problems to stderr, tagged and coloured, warnings grouped by kind so that
600 messages don't print 1,200 lines; a progress line only on a terminal."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable

from hubgen.cli.style import paint, problem_line
from hubgen.errors import Problem

__all__ = ["SHOWN", "ProgressBar", "kind", "print_problems", "tagged"]

SHOWN = 3
"""Warnings of one kind printed before the rest is counted."""
_QUOTED = re.compile(r"'[^']*'")
_TAIL = re.compile(r"\b(from|before|after)\b .*")


def tagged(problem: Problem) -> str:
    """`path:line: error: field: message (fix)`; warnings carry their tag already."""
    return problem.tagged()


def kind(problem: Problem) -> str:
    """What warnings of one check share: the message without what it quotes and without the
    names after 'from', 'before' or 'after': "'…' is a variant of '…'", "missing from …"."""
    return _TAIL.sub(lambda m: f"{m[1]} …", _QUOTED.sub("'…'", problem.message))


def _label(members: list[Problem]) -> str:
    """The kind, with the field where all its warnings are about one ("key_message: …")."""
    fields = {re.split(r"[.\[]", p.field, maxsplit=1)[0] for p in members}
    shape = kind(members[0])
    return f"{fields.pop()}: {shape}" if len(fields) == 1 else shape


def print_problems(problems: list[Problem], loudness: int = 0) -> None:
    """Every error; the warnings too with `loudness` 1, grouped by kind with 0, none with -1."""
    errors = [p for p in problems if p.severity == "error"]
    warnings = sorted(p for p in problems if p.severity == "warning")
    out = sys.stderr
    for problem in errors:
        print(problem_line(tagged(problem), out), file=out)
    if loudness > 0:
        for problem in warnings:
            print(problem_line(tagged(problem), out), file=out)
    elif loudness == 0:
        _grouped(warnings)
    counts = [f"{len(errors)} error{'s' * (len(errors) != 1)}"] if errors else []
    if loudness >= 0 and warnings:
        counts += [f"{len(warnings)} warning{'s' * (len(warnings) != 1)}"]
    if counts:
        print(" and ".join(counts), file=out)


def _grouped(warnings: list[Problem]) -> None:
    out = sys.stderr
    groups: dict[str, list[Problem]] = {}
    for problem in warnings:
        groups.setdefault(kind(problem), []).append(problem)
    folded = False
    for members in groups.values():
        if len(members) > SHOWN:
            print(f"{paint('warning:', 'warning', out)} {len(members)} × {_label(members)}", file=out)
        for problem in members[:SHOWN]:
            print(("  " if len(members) > SHOWN else "") + problem_line(tagged(problem), out),
                  file=out)
        if len(members) > SHOWN:
            print(paint(f"  … and {len(members) - SHOWN} more", "dim", out), file=out)
            folded = True
    if folded:
        print(paint("see all: hubgen check (or -v)", "dim", out), file=out)


class ProgressBar:
    """One line naming the phase a build is in, with a bar where the phase counts its work;
    shown once a run lasts longer than a moment, and only where a person is watching."""

    def __init__(self, label: str = "", delay: float = 0.5, enabled: bool | None = None) -> None:
        self.label, self.delay = label, delay
        self.started = time.perf_counter()
        self.shown = False
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    def phase(self, name: str) -> Callable[[int, int], None]:
        """Enter the phase `name`; the callable it returns reports (done, total) in it."""
        self.label = name
        self._show(name)
        return self

    def __call__(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        self._show(f"{self.label} [{'#' * filled}{' ' * (width - filled)}] {done}/{total}")

    def _show(self, line: str) -> None:
        if not self.enabled or time.perf_counter() - self.started < self.delay:
            return
        sys.stderr.write(f"\r\033[K{line}")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
