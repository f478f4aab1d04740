"""Embargo and dates: nothing goes out before its time, translations not before their original.

Flags, as errors: a snippet scheduled (the posting time of the exports and the calendar) before
the message's embargo; the press text of an embargoed message without its embargo line. Both
guard what the channel layer promises, so that a change there can't leak news early. Flags, as an
error, a translation that goes public (at its date or its embargo, whichever is later) before its
original (`Site.original`: the version in the site's default language; a draft original by its
date): the news would be out before the embargo the original keeps. A site whose versions
have schedules of their own turns this off: `[checks] translations_before_original = true`.

Deliberately not flagged: drafts (they have no posting time yet, nor go public); an embargo
earlier than the date (the date then rules, as everywhere).
"""

from __future__ import annotations

from hubgen.channels.press import LABELS
from hubgen.channels.schedule import posting_time
from hubgen.content.dates import format_datetime
from hubgen.errors import Report
from hubgen.model import Message, Site, Snippet

__all__ = ["check_embargo"]


def _when(site: Site, message: Message) -> str:
    return format_datetime(site.local(message.publish_at), "yyyy-MM-dd HH:mm", "en")


def _scheduling(site: Site, message: Message, snippets: list[Snippet], report: Report) -> None:
    if message.embargo is None or message.draft:
        return
    path = message.source.as_posix()
    if snippets and posting_time(site, message) < message.embargo:
        report.error(path, message.line("embargo"), "embargo",
                     f"posts are scheduled for {posting_time(site, message):%Y-%m-%d %H:%M},"
                     " before the embargo", "this is a bug in hubgen: please report it")
    label = LABELS.get(message.lang, LABELS["en"]).embargo
    for snippet in snippets:
        if snippet.channel == "press" and label not in snippet.text:
            report.error(path, message.line("embargo"), "embargo",
                         f"the press text has no '{label}' line", "this is a bug in hubgen: please"
                         " report it; meanwhile don't send this press text out early")


def _translations(site: Site, report: Report) -> None:
    if site.config.checks.translations_before_original:
        return
    for group in site.translation_groups():
        original = site.original(group[0])
        for message in group:
            # A draft original is held to the date it has: the plan it is written for.
            if message is original or message.draft or message.publish_at >= original.publish_at:
                continue
            field = "embargo" if message.embargo and message.embargo >= message.date else "date"
            report.error(message.source.as_posix(), message.line(field), field,
                         f"goes public {_when(site, message)}, before its original"
                         f" {original.source.as_posix()} ({_when(site, original)}): a broken embargo",
                         f"publish it with or after the original: {field}: {_when(site, original)},"
                         " or set [checks] translations_before_original = true")


def check_embargo(site: Site, snippets: dict[Message, list[Snippet]], report: Report) -> None:
    for message in site.messages:
        _scheduling(site, message, snippets.get(message, []), report)
    _translations(site, report)
