"""Checks: the channels' texts held against the message they come from, and against each other.

Each check is one module with one function that reports to a Report; none raises or prints.
`run_checks` runs them all, as `hubgen build` and `hubgen check` do. Snippet limits are the
channel layer's (`hubgen.channels.limit_problems`): the build writes the kit before failing on
them, so they are not reported here.
"""

from __future__ import annotations

from hubgen.checks.drift import check_drift
from hubgen.checks.embargo import check_embargo
from hubgen.checks.glossary import check_glossary
from hubgen.checks.key_message import check_key_message
from hubgen.checks.links import check_links
from hubgen.checks.translations import check_translations
from hubgen.errors import Problem, Report
from hubgen.memo import Memo, Namespace, fingerprint
from hubgen.model import Message, Site, Snippet
from hubgen.parallel import parallel_map

__all__ = ["run_checks"]


def run_checks(site: Site, snippets: dict[Message, list[Snippet]], report: Report,
               memo: Memo | None = None) -> None:
    """Every consistency check over every message; problems go to `report`.

    The checks that read one message at a time are remembered per message; those that relate
    messages to each other (links, embargo order, translations) run over the whole site."""
    memo = memo or Memo()
    config = fingerprint(site.config)
    keys = [fingerprint(config, m, snippets[m]) for m in site.messages]

    def make(positions: list[int]) -> list[tuple[None, tuple[Problem, ...]]]:
        return parallel_map(_one_message, positions, (site, snippets))

    memo.map(Namespace.CHECKS, keys, report, make)
    check_links(site, report, memo)
    check_embargo(site, snippets, report)
    check_translations(site, report)


def _one_message(shared: tuple[Site, dict[Message, list[Snippet]]],
                 position: int) -> tuple[None, tuple[Problem, ...]]:
    site, snippets = shared
    message = site.messages[position]
    alone, report = Site(site.config, (message,)), Report()
    check_drift(alone, report)
    check_key_message(alone, {message: snippets[message]}, report)
    check_glossary(alone, report)
    return None, tuple(report.problems)
