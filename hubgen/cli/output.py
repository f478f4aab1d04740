"""How the CLI talks: problems to stderr, a progress bar only on a terminal."""

from __future__ import annotations

import sys
import time

from hubgen.errors import Problem

__all__ = ["ProgressBar", "print_problems"]


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors or warnings:
        counts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
        counts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
        print(" and ".join(counts), file=sys.stderr)


class ProgressBar:
    """Shown once a run lasts longer than a moment, and only where a person is watching."""

    def __init__(self, label: str, delay: float = 0.5) -> None:
        self.label, self.delay = label, delay
        self.started = time.perf_counter()
        self.shown = False
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or time.perf_counter() - self.started < self.delay:
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r{self.label} [{'#' * filled}{' ' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
