"""Checks: the channels' texts held against the message they come from, and against each other.

Each check is one module with one function that reports to a Report; none raises or prints.
`CHECKS` lists them in the order they run, each with its scope: a `message` check reads one
message at a time (and is remembered per message), a `site` check relates messages to each other.
`run_checks` runs them all, as `hubgen build` and `hubgen check` do. Snippet limits are the
channel layer's (`hubgen.channels.limit_problems`): the build writes the kit before failing on
them, so they are not reported here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from hubgen.checks.drift import check_drift
from hubgen.checks.embargo import check_embargo
from hubgen.checks.glossary import check_glossary
from hubgen.checks.key_message import check_key_message
from hubgen.checks.links import check_links, message_references
from hubgen.checks.placeholders import check_placeholders
from hubgen.checks.translations import check_translations
from hubgen.checks.written import Reference
from hubgen.errors import Problem, Report
from hubgen.memo import Memo, Namespace, fingerprint
from hubgen.model import Message, Site, Snippet
from hubgen.parallel import parallel_map

__all__ = ["CHECKS", "Check", "CheckInput", "check_message", "message_references", "run_checks",
           "site_checks"]


@dataclass(frozen=True)
class CheckInput:
    """What a check may read: for a `message` check, a site of that one message."""

    site: Site
    snippets: dict[Message, list[Snippet]]
    report: Report
    memo: Memo
    references: dict[Message, tuple[Reference, ...]] | None = None
    """Each body's links and images, where a message's pass read them already."""


@dataclass(frozen=True)
class Check:
    name: str
    scope: Literal["message", "site"]
    run: Callable[[CheckInput], None]


CHECKS = (
    Check("drift", "message", lambda i: check_drift(i.site, i.report)),
    Check("key_message", "message", lambda i: check_key_message(i.site, i.snippets, i.report)),
    Check("glossary", "message", lambda i: check_glossary(i.site, i.report)),
    Check("placeholders", "message", lambda i: check_placeholders(i.site, i.report)),
    Check("links", "site", lambda i: check_links(i.site, i.report, i.memo, i.references)),
    Check("embargo", "site", lambda i: check_embargo(i.site, i.snippets, i.report)),
    Check("translations", "site", lambda i: check_translations(i.site, i.report)),
)


def run_checks(site: Site, snippets: dict[Message, list[Snippet]], report: Report,
               memo: Memo | None = None) -> None:
    """Every check over every message; problems go to `report`. The message checks run first,
    remembered per message, then the site checks over the whole site."""
    memo = memo or Memo()
    config = fingerprint(site.config)
    keys = [fingerprint(config, m, snippets[m]) for m in site.messages]

    def make(positions: list[int]) -> list[tuple[None, tuple[Problem, ...]]]:
        return parallel_map(_one_message, positions, (site, snippets))

    memo.map(Namespace.CHECKS, keys, report, make)
    site_checks(site, snippets, report, memo)


def site_checks(site: Site, snippets: dict[Message, list[Snippet]], report: Report,
                memo: Memo | None = None,
                references: dict[Message, tuple[Reference, ...]] | None = None) -> None:
    """The `site` checks alone: a build's message pass ran the message checks."""
    whole = CheckInput(site, snippets, report, memo or Memo(), references)
    for check in CHECKS:
        if check.scope == "site":
            check.run(whole)


def _one_message(shared: tuple[Site, dict[Message, list[Snippet]]],
                 position: int) -> tuple[None, tuple[Problem, ...]]:
    site, snippets = shared
    message = site.messages[position]
    return None, tuple(check_message(site, message, snippets[message]))


def check_message(site: Site, message: Message, snippets: list[Snippet]) -> list[Problem]:
    """The problems the `message` checks find in one message of `site`, as run_checks finds
    them: the preview's fast render runs these on each save."""
    alone = CheckInput(Site(site.config, (message,)), {message: snippets}, Report(), Memo())
    for check in CHECKS:
        if check.scope == "message":
            check.run(alone)
    return alone.report.problems
