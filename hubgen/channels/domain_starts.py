"""Where a URL pattern of twitter-text's can match: a search that skips the rest, exactly.

Python's re (and the regex module) are slow where V8 and Onigmo are fast at twitter-text's
worst case: a long dotted run with no TLD ("a." * 5000) makes the domain pattern try every
start and backtrack over the whole run (25 s in re, 10 ms in V8). So the URL patterns are tried
only at the starts from which a domain can reach a TLD: a domain ends in "." and a TLD (or
punycode), and lies within one run of domain characters holding no "..", ".-", "-.", "._" or
"_." (twitter-text validSubdomain, validDomainName: labels start and end with a domain
character); its last label holds no "_" (validDomainName). The ends and the breaks of runs are
found by patterns that take one step per character (the TLD tries included).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Protocol, TypeVar

__all__ = ["find_from", "starts"]

M = TypeVar("M", covariant=True)


class _Positions(Protocol):
    def start(self) -> int: ...
    def end(self) -> int: ...


class _Finds(Protocol):
    def finditer(self, string: str) -> Iterator[_Positions]: ...


class _Matches(Protocol[M]):
    def match(self, string: str, pos: int) -> M | None: ...


def starts(text: str, ends: _Finds, breaks: _Finds, lead: int, underscore_ends_label: bool) -> Iterator[int]:
    """The positions, in order, where a match may start: each domain start from which a TLD is
    reachable, and the `lead` positions before it (the preceding character and the protocol).
    `ends` finds the "." before each TLD, `breaks` where a run of a domain's text breaks (the
    run starts at the match's end); with `underscore_ends_label` the last label holds no "_"."""
    ends_at = [match.start() for match in ends.finditer(text)]
    if not ends_at:
        return
    runs = [0, *(match.end() for match in breaks.finditer(text))]
    spans = []
    for end in ends_at:
        low = runs[bisect.bisect_right(runs, end) - 1]
        underscore = text.rfind("_", low, end)
        if underscore_ends_label and underscore > text.rfind(".", low, end):
            low = underscore + 1
        spans.append((max(0, low - lead), end))
    done = 0
    for low, high in sorted(spans):
        yield from range(max(low, done), high)
        done = max(done, high)


def find_from(pattern: _Matches[M], text: str, positions: Iterator[int]) -> list[M]:
    """pattern.finditer(text), trying only `positions`: the same matches where no match can
    start elsewhere (matches are not empty)."""
    found: list[M] = []
    end = 0
    for start in positions:
        if start >= end and (match := pattern.match(text, start)) is not None:
            found.append(match)
            end = match.end()  # type: ignore[attr-defined]
    return found
