"""Placeholders: the stub texts of `hubgen new` left in a message.

Flags, as an error at its line, each field of a message that is no draft (it goes public, now or
at its embargo) that still holds a stub text of `hubgen new` in any language (the summary, the key
message, the fact `figure: "100"`, a line of the body), or that `hubgen new` stubbed empty and a
published message needs (`dateline: ""` while the press channel is made). Flags, as one warning
per draft, the fields still to write: a reminder, not a fault.

Deliberately not flagged: a stub text that is only part of a longer line's wording elsewhere
(the check looks for the whole stub text); an empty subtitle (a press release needs none); a
dateline left out altogether (that is a choice, `""` is a stub).
"""

from __future__ import annotations

from hubgen.channels.registry import channel_on
from hubgen.content.placeholders import EMPTY, PLACEHOLDERS
from hubgen.errors import Report
from hubgen.model import Message, Site

__all__ = ["check_placeholders"]


def _stubs() -> dict[str, set[str]]:
    """Every stub text by field, whatever its language: a German site's message may have been
    started with `--lang en`, or by an older hubgen."""
    found: dict[str, set[str]] = {}
    for texts in PLACEHOLDERS.values():
        for name, text in texts.items():
            found.setdefault(name, set()).add(text)
    return found


def _value(message: Message, name: str) -> object:
    """A dotted front-matter field's value as written, None when it isn't."""
    if name in ("summary", "key_message"):
        return getattr(message, name)
    head, _, rest = name.partition(".")
    value: object = message.facts if head == "facts" else message.channels if head == "channels" else None
    for part in rest.split(".") if rest else ():
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _holds(name: str, value: str, texts: set[str]) -> bool:
    """A text keeps its stub when the stub is in it; a fact is its stub only as a whole
    (`figure: "1000"` is a figure)."""
    return value.strip() in texts if name.startswith("facts.") else any(t in value for t in texts)


def _left(site: Site, message: Message) -> list[tuple[str, int]]:
    """(field, line) of each placeholder left in the message."""
    left = []
    for name, texts in _stubs().items():
        if name == "body":
            for n, line in enumerate(message.body.splitlines()):
                if line.strip() in texts:
                    left.append(("body", message.body_line + n))
        elif (value := _value(message, name)) is not None and _holds(name, str(value), texts):
            left.append((name, message.line(name)))
    for name in EMPTY:
        channel = name.split(".")[1]
        value = _value(message, name)
        if isinstance(value, str) and not value.strip() and channel_on(site.config, message, channel):
            left.append((name, message.line(name)))
    return sorted(left, key=lambda found: found[1])


def check_placeholders(site: Site, report: Report) -> None:
    for message in site.messages:
        left = _left(site, message)
        path = message.source.as_posix()
        if message.draft and left:
            report.warning(path, message.line("draft"), "draft",
                           "still has the placeholders of hubgen new in "
                           + ", ".join(dict.fromkeys(name for name, _ in left)),
                           "write them before draft: false")
            continue
        for name, line in left:
            if name in EMPTY:
                report.error(path, line, name, "is empty, as hubgen new left it",
                             f"write the {name.rpartition('.')[2]}, or remove the line")
            else:
                report.error(path, line, name, "still has the placeholder text of hubgen new",
                             "state the message's own facts" if name.startswith("facts.")
                             else "write the message's own text")
