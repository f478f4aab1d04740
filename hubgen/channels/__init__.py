"""Channels: every message as ready-to-paste text for each channel and platform.

Each channel is one module defining its `CHANNEL` (`hubgen.channels.channel.Channel`): it reads
its part of the front matter, derives what was left out, renders the templates and counts the
result. `hubgen.channels.registry` lists the channels, `hubgen.channels.platforms` the platforms.
"""

from __future__ import annotations

from hubgen.channels.context import ChannelContext
from hubgen.channels.fields import check_channel_names
from hubgen.channels.registry import CHANNELS, channels_made
from hubgen.errors import Problem, Report
from hubgen.memo import Memo, Namespace, fingerprint
from hubgen.model import Message, Site, Snippet
from hubgen.parallel import parallel_map

__all__ = ["limit_problems", "message_snippets", "site_snippets"]


def message_snippets(site: Site, message: Message, report: Report) -> list[Snippet]:
    """Every snippet of one message, in channel order; problems go to `report`."""
    ctx = ChannelContext(site, message, report)
    check_channel_names(ctx, tuple(c.name for c in CHANNELS))
    return [snippet for channel in channels_made(site.config) for snippet in channel.snippets(ctx)]


def site_snippets(site: Site, report: Report, memo: Memo | None = None) -> dict[Message, list[Snippet]]:
    """Every message's snippets; with a memo, only changed messages are rendered again, and
    many of them on all cores."""
    memo = memo or Memo()
    config = fingerprint(site.config)
    keys = [fingerprint(config, message) for message in site.messages]

    def make(positions: list[int]) -> list[tuple[list[Snippet], tuple[Problem, ...]]]:
        return parallel_map(_snippets_with_problems, positions, site)

    return dict(zip(site.messages, memo.map(Namespace.SNIPPETS, keys, report, make), strict=True))


def _snippets_with_problems(site: Site, position: int) -> tuple[list[Snippet], tuple[Problem, ...]]:
    report = Report()
    return message_snippets(site, site.messages[position], report), tuple(report.problems)


def limit_problems(snippets: dict[Message, list[Snippet]]) -> list[Problem]:
    """One error per snippet over its platform's limit: on the field it was written in, for a
    derived one on its channel and platform."""
    return [
        Problem(s.source.as_posix(), s.line, _field(s),
                f"{s.length} {s.unit} ({s.name}), limit {s.limit}",
                "shorten it" + ("" if s.derived else ", or leave it out to have it derived"))
        for found in snippets.values() for s in found if not s.ok
    ]


def _field(snippet: Snippet) -> str:
    if not snippet.derived:
        return snippet.from_field
    return f"channels.{snippet.channel}" + (f".{snippet.platform}" if snippet.platform else "")
