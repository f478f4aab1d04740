"""Problems a user can cause, and the exceptions that carry them.

    HubgenError              base of everything hubgen raises on purpose
     ├── ProblemsError       bad input: one or more Problems, all of a run (exit 1)
     └── UsageError          wrong command line or unsafe request (exit 2)

Code below the CLI never prints: it collects Problems in a Report and raises
ProblemsError once, so the user sees every problem of a run together.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["HubgenError", "Problem", "ProblemsError", "Report", "Severity", "UsageError", "suggest"]

Severity = Literal["error", "warning"]
# Messages quote what was written, line breaks and all; a problem still prints as one line.
_ONE_LINE = {ord(c): repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, printed as `path:line: field: message (fix)`."""

    path: str
    line: int
    field: str
    message: str
    fix: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        fix = f" ({self.fix})" if self.fix else ""
        label = "warning: " if self.severity == "warning" else ""
        return f"{where}: {label}{self.field}: {self.message}{fix}".translate(_ONE_LINE)

    def tagged(self) -> str:
        """As a terminal shows it: an error tagged `error:` as a warning is `warning:`."""
        if self.severity == "warning":
            return str(self)
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: error: {str(self)[len(where) + 2:]}"


class HubgenError(Exception):
    """Base of the errors hubgen raises on purpose."""


class UsageError(HubgenError):
    """The command line or a requested path is wrong; nothing was done."""


class ProblemsError(HubgenError):
    """The input has problems; every one found in the run is attached."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Report:
    """Collects problems across a whole run, so none hides behind the first."""

    problems: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False)

    def error(self, path: str, line: int, field: str, message: str, fix: str = "") -> None:
        self.add(Problem(path, line, field, message, fix))

    def warning(self, path: str, line: int, field: str, message: str, fix: str = "") -> None:
        self.add(Problem(path, line, field, message, fix, "warning"))

    def add(self, problem: Problem) -> None:
        # Several channels read the same field: one broken field is still one problem.
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ProblemsError(self.problems)


def suggest(name: object, known: Sequence[str], otherwise: str = "") -> str:
    """The fix for a misspelt name: the closest known one, else `otherwise` (default: the list)."""
    close = difflib.get_close_matches(str(name), known, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return otherwise or "allowed: " + ", ".join(known)
