"""Which warnings of a rebuild are new since the one before: the preview prints only those,
so a save's own warning stands out instead of scrolling by among all the site's."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable

from hubgen.errors import Problem

__all__ = ["WarningLog", "new_warnings"]


def _kind(problem: Problem) -> tuple[str, str, str, str]:
    """A warning without its line: typing above it moves it, but does not make it new."""
    return problem.path, problem.field, problem.message, problem.fix


def new_warnings(before: Iterable[Problem], after: Iterable[Problem]) -> list[Problem]:
    """The warnings of `after` that `before` did not have. Counted per kind: a second
    'Energie-Wende' in a file is new, the first one moved down a line is not; of several alike,
    those on lines `before` did not name are the new ones."""
    old = [p for p in before if p.severity == "warning"]
    now = [p for p in after if p.severity == "warning"]
    had, lines = Counter(_kind(p) for p in old), {(_kind(p), p.line) for p in old}
    grouped: dict[tuple[str, str, str, str], list[Problem]] = {}
    for problem in now:
        grouped.setdefault(_kind(problem), []).append(problem)
    found: set[Problem] = set()
    for kind, alike in grouped.items():
        extra = len(alike) - had[kind]
        if extra > 0:
            fresh = sorted(alike, key=lambda p: (kind, p.line) in lines)  # unseen lines first
            found.update(fresh[:extra])
    return [p for p in now if p in found]


class WarningLog:
    """The warnings the terminal was last told of; `update` gives what a rebuild adds to
    them and how many it fixed. Rebuilds report from two threads (a save's, the background's)."""

    def __init__(self) -> None:
        self._shown: tuple[Problem, ...] = ()
        self._lock = threading.Lock()

    def update(self, problems: Iterable[Problem]) -> tuple[list[Problem], int, int]:
        """(the new warnings, how many warnings there are now, how many are gone)."""
        now = tuple(p for p in problems if p.severity == "warning")
        with self._lock:
            before, self._shown = self._shown, now
        return new_warnings(before, now), len(now), len(new_warnings(now, before))
