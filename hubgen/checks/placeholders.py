"""Placeholders: the texts `hubgen new` writes where the writer has yet to write, left in a message.

Flags, as an error at its line, each field of a message that is no draft (it goes public, now or
at its embargo) that still holds a placeholder of `hubgen new` (`TODO …`) or the translation mark
of `--translation-of` (`[ÜBERSETZEN]`), in any language: a German site's message may have been
started with `--lang en`. Also `dateline: ""` while the press text is made (older versions of
`hubgen new` wrote it empty). Flags, as one warning per draft, the fields still to write: a
reminder, not a fault.

Deliberately not flagged: the word TODO in the writer's own prose (`TODO-Listen`): only the
placeholder texts themselves count; an empty subtitle (a press release needs none); a dateline
left out altogether.
"""

from __future__ import annotations

from collections.abc import Iterator

from hubgen.channels.registry import channel_on
from hubgen.content.placeholders import placeholder_in
from hubgen.errors import Report
from hubgen.model import Message, Site

__all__ = ["check_placeholders"]

DATELINE = "channels.press.dateline"


def _texts(name: str, value: object) -> Iterator[tuple[str, str]]:
    """(dotted field, text) of every text in a front-matter value, nested ones too."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _texts(f"{name}.{key}", inner)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _texts(f"{name}.{index}", inner)


def _left(site: Site, message: Message) -> list[tuple[str, int, bool]]:
    """(field, line, whether it is an empty stub) of each placeholder left in the message."""
    fields = {"title": message.title, "summary": message.summary, "key_message": message.key_message,
              "image_alt": message.image_alt, "facts": message.facts, "channels": message.channels}
    left = [(name, message.line(name), False) for top, value in fields.items()
            for name, text in _texts(top, value) if placeholder_in(text)]
    left += [("body", message.body_line + n, False) for n, line in enumerate(message.body.splitlines())
             if placeholder_in(line)]
    press = message.channels.get("press")
    if (isinstance(press, dict) and press.get("dateline") == ""
            and channel_on(site.config, message, "press")):
        left.append((DATELINE, message.line(DATELINE), True))
    return sorted(left, key=lambda found: found[1])


def check_placeholders(site: Site, report: Report) -> None:
    for message in site.messages:
        left = _left(site, message)
        path = message.source.as_posix()
        if message.draft and left:
            report.warning(path, message.line("draft"), "draft",
                           "still has the placeholders of hubgen new in "
                           + ", ".join(dict.fromkeys(name for name, _, _ in left)),
                           "write them before draft: false")
            continue
        for name, line, empty in left:
            if empty:
                report.error(path, line, name, "is empty", "write the dateline, or remove the line")
            else:
                report.error(path, line, name, "still has the placeholder text of hubgen new",
                             "state the message's own facts" if name.startswith("facts.")
                             else "write the message's own text")
