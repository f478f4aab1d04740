"""Embargo and dates: nothing goes out before its time, translations not before their original.

Flags, as errors: a snippet scheduled (the posting time of the exports and the calendar) before
the message's embargo; the press text of an embargoed message without its embargo line. Both
guard what the channel layer promises, so that a change there can't leak news early. Flags, as a
warning: a translation that goes public before its original, the version in the site's default
language.

Deliberately not flagged: drafts (they have no posting time yet); messages without an original
in the default language; an embargo earlier than the date (the date then rules, as everywhere).
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
    default = site.config.site.language
    for message in site.messages:
        original = next((m for m in site.versions(message) if m.lang == default), None)
        if original is None or message is original or message.publish_at >= original.publish_at:
            continue
        field = "embargo" if message.embargo and message.embargo >= message.date else "date"
        report.warning(message.source.as_posix(), message.line(field), field,
                       f"goes public {_when(site, message)}, before its original"
                       f" {original.source.as_posix()} ({_when(site, original)})",
                       f"publish it with or after the original: {field}: {_when(site, original)}")


def check_embargo(site: Site, snippets: dict[Message, list[Snippet]], report: Report) -> None:
    for message in site.messages:
        _scheduling(site, message, snippets.get(message, []), report)
    _translations(site, report)
