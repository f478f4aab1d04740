"""Key message: every channel carries the message's one sentence.

Flags, as one warning per message on its `key_message` line, the channels whose text lacks the
key message: the press release (title, subtitle or body), each social platform's post, the
recruiting blurb, the newsletter teaser, and the employee posts (one variant carrying it is
enough: employees pick one). Compared without regard to case, spacing, quote style or the final
full stop.

Deliberately not flagged: a derived post that the channel layer shortened to fit its platform,
as long as it starts with the key message's words and ends in "…" or at a sentence end (in
scripts without spaces: its characters and "…"); messages without a key
message; channels that are switched off.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from hubgen.channels.registry import channel
from hubgen.channels.values import render_key_message
from hubgen.errors import Report
from hubgen.model import Message, Site, Snippet
from hubgen.paths import site_paths

__all__ = ["carries", "check_key_message"]

# Quote styles, dashes and soft hyphens differ between a template and the typeset body.
_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "‚": "'", "‘": "'",
                         "’": "'", "‹": "'", "›": "'", "–": "-", "—": "-", "\u00ad": None})
_END = ".!?…:;, \u00a0"
_MIN_WORDS = 3
"""A shortened post must keep at least this many of the key message's words,"""
_MIN_CHARACTERS = 8
"""or, in a script written without spaces, this many of its characters."""


_PARAGRAPH = re.compile(r"\n\s*\n")


# The key message and the body are compared with every channel; kept for a few messages
# only, texts of thousands held a worker's memory.
@lru_cache(maxsize=256)
def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = _PARAGRAPH.sub(" \x00 ", text)  # a sentence doesn't run across paragraphs
    # Runs of whitespace as one space: split() knows the same whitespace as `\s` (both ask
    # str.isspace), five times faster than replacing each run by pattern.
    return " ".join(text.split()).casefold()


def carries(text: str, key_message: str, shortened: bool) -> bool:
    """Whether `text` holds `key_message`, or (if `shortened`) a cut start of it: whole words
    ending in "…" or at a sentence end, or, in a script without spaces, characters and "…"."""
    text, key = _normal(text), _normal(key_message).rstrip(_END)
    if key in text:
        return True
    if not shortened:
        return False
    words = key.split(" ")
    if len(words) == 1:  # no spaces: cut at any character (hubgen.channels.shorten)
        return any(key[:n].rstrip(_END) + "…" in text
                   for n in range(len(key) - 1, _MIN_CHARACTERS - 1, -1))
    for n in range(len(words) - 1, _MIN_WORDS - 1, -1):
        start = " ".join(words[:n])
        if start.rstrip(_END) + "…" in text or (start[-1] in ".!?" and start in text):
            return True
    return False


def _slot(snippet: Snippet) -> str:
    """Where the key message is owed: in each platform's post for some channels (social), once
    in the others."""
    if channel(snippet.channel).key_message_per_platform and snippet.platform:
        return f"{snippet.channel}.{snippet.platform}"
    return snippet.channel


def _missing(site: Site, message: Message, snippets: list[Snippet]) -> list[str]:
    # Rendered once, unless it holds {{ url }}, which differs by channel. A broken one is
    # reported by the channels already.
    same = (render_key_message(message, site_paths(site.config).message_url(message))
            if "url" not in message.key_message else None)
    carried: dict[str, bool] = {}
    for snippet in snippets:
        key = same or render_key_message(message, snippet.short_url or snippet.url)
        if key is None:
            return []
        slot = _slot(snippet)
        carried[slot] = carried.get(slot, False) or carries(snippet.text, key, snippet.derived)
    return [slot for slot, ok in carried.items() if not ok]


def check_key_message(site: Site, snippets: dict[Message, list[Snippet]], report: Report) -> None:
    for message in site.messages:
        if not message.key_message.strip():
            continue
        if missing := _missing(site, message, snippets.get(message, [])):
            report.warning(message.source.as_posix(), message.line("key_message"), "key_message",
                           "missing from " + ", ".join(missing),
                           "use {{ key_message }} in their texts; for press, write it into the body")
