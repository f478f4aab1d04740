"""What a snippet template can use, and the key message: rendered here and nowhere else.

Every channel carries the key message, the checks look for it and the message page shows it;
all of them take it from `render_key_message`, so they agree on what it says.
"""

from __future__ import annotations

from hubgen.channels.template import SnippetTemplateError, render_text
from hubgen.errors import Report
from hubgen.model import Message

__all__ = ["render_key_message", "template_values"]


def _plain(message: Message, url: str) -> dict[str, str]:
    return {"title": message.title, "summary": message.summary, "url": url}


def render_key_message(message: Message, url: str, report: Report | None = None) -> str | None:
    """The key message with `{{ url }}` (and the rest) filled in; None when its template is
    broken, which goes to `report` when one is given."""
    try:
        return render_text(message.key_message, _plain(message, url), message.facts)
    except SnippetTemplateError as exc:
        if report is not None:
            report.error(message.source.as_posix(), message.line("key_message"), "key_message",
                         exc.message, exc.fix)
        return None


def template_values(message: Message, url: str, key_message: str) -> dict[str, str]:
    """The names a snippet template can use besides `facts`."""
    return {**_plain(message, url), "key_message": key_message}
