"""How a text is counted against a platform's limit (`hubgen.channels.shorten` cuts it to fit).

The counters know nothing of platforms' names or limits: `hubgen.channels.platforms` pairs each
platform with its counter. Each counter cites the rule it follows.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from hubgen.channels.mastodon_text import length as mastodon_length
from hubgen.channels.twitter_text import weighted_length

__all__ = ["count_characters", "count_graphemes", "count_mastodon", "count_threads", "count_x"]

# --- emoji ---------------------------------------------------------------------------------

# A multi-code-point cluster is one emoji if it starts like one and carries an emoji-only part
# (VS16, keycap, ZWJ, skin tone, flag tag or second regional indicator); U+FE0E asks for text.
_EMOJI_SEQUENCE = regex.compile(
    r"(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9])"
    r"(?=.*(?:[\uFE0F\u20E3\u200D\U000E0020-\U000E007F]|\p{Emoji_Modifier}"
    r"|\p{Regional_Indicator}))(?!.*\uFE0E)",
    regex.DOTALL,
)
_EMOJI_CHAR = regex.compile(r"\p{Emoji_Presentation}")
# Every emoji cluster holds one of these: a lone code point must be Emoji_Presentation, a
# sequence one of the emoji-only parts above. A text without any has no emoji at all, which
# lets the counters skip grapheme clustering (the slow part) for most posts.
_MAYBE_EMOJI = regex.compile(
    r"[\p{Emoji_Presentation}\uFE0F\u20E3\u200D\U000E0020-\U000E007F\p{Emoji_Modifier}"
    r"\p{Regional_Indicator}]"
)


@lru_cache(maxsize=4096)  # the same few clusters (letters, a handful of emoji) come up again
def _is_emoji(cluster: str) -> bool:
    pattern = _EMOJI_SEQUENCE if len(cluster) > 1 else _EMOJI_CHAR
    return pattern.match(cluster) is not None


def _may_hold_emoji(text: str) -> bool:
    return _MAYBE_EMOJI.search(text) is not None


def _clusters(text: str) -> list[str]:
    return regex.findall(r"\X", text)


# --- counters ------------------------------------------------------------------------------

def count_x(text: str) -> int:
    """X's weighted length: twitter-text 3.1.0's parseTweet, ported in `twitter_text`."""
    return weighted_length(text)


def count_characters(text: str) -> int:
    """Code points after NFC: what a text field's `maxlength` and most counters show."""
    return len(unicodedata.normalize("NFC", text))


def count_graphemes(text: str) -> int:
    # app.bsky.feed.post: text maxGraphemes 300. Its second cap, maxLength 3000 UTF-8 bytes,
    # only bites on posts made almost entirely of long emoji sequences and is not checked here.
    if text.isascii():  # in ASCII only CR LF joins into one cluster (UAX #29 GB3)
        return len(text) - text.count("\r\n")
    return len(_clusters(text))


def count_threads(text: str) -> int:
    # Threads API, "Posts": text is limited to 500 characters, emojis count as their UTF-8 bytes.
    text = unicodedata.normalize("NFC", text)
    if not _may_hold_emoji(text):
        return len(text)
    return len(text) + sum(len(cluster.encode()) - len(cluster)
                           for cluster in _clusters(text) if _is_emoji(cluster))


def count_mastodon(text: str) -> int:
    """Mastodon's StatusLengthValidator, ported in `mastodon_text`; a content warning counts
    against the same limit but is not part of `text`."""
    return mastodon_length(text)
