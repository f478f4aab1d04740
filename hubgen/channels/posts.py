"""Derived social posts: one recipe per network, from the message's own texts.

A recipe lays out the post as its network's users write them: a cuttable body (the message's
sentences, no sentence twice) and a tail that is never cut (the link, the hashtags, a "link in
bio" line). Hashtags are placed before the body is cut, so the body gives way, not a tag.
Which recipe a platform uses is its registry entry's `recipe`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hubgen.channels.platforms import Platform, count
from hubgen.channels.shorten import sentences, shorten

__all__ = ["LINK_IN_BIO", "RECIPES", "Parts", "derive", "fitting_tags", "join_sentences", "join_tags",
           "unique"]

LINK_IN_BIO = {"de": "Link in der Bio.", "en": "Link in bio."}
"""Instagram shows no links in captions: the post points to the profile's link instead."""

_FACTS_SHOWN = 3
"""LinkedIn's derived post lists up to this many facts, one "→ " line each."""


@dataclass(frozen=True)
class Parts:
    """What a derived post is made of: the message's texts, rendered."""

    lang: str
    title: str
    summary: str
    key_message: str
    url: str
    """The link the post shows: the short link, or the tagged URL."""
    hashtags: tuple[str, ...] = ()
    """The configured hashtags, each with its "#"."""
    subtitle: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    """(value, the line that states it: "Installierte Leistung: 62 MW"), in `facts` order."""

    @property
    def lead(self) -> str:
        """The sentence every post starts from: the key message, else the summary."""
        return self.key_message or self.summary


Tail = Callable[[str], str]
"""The uncut end of a post, given its hashtags joined by spaces ("" when none)."""
Recipe = Callable[[Parts], tuple[str, Tail]]


def _then(before: str, text: str) -> str:
    return before + text if text else ""


def _normal(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip().rstrip(".!?…:").casefold()


def unique(*parts: str) -> list[str]:
    """The parts with every sentence that an earlier part (or the same one) already said
    removed, compared without regard to case, spacing or the final stop; empty parts dropped."""
    seen: set[str] = set()
    kept = []
    for part in parts:
        fresh = []
        for sentence in sentences(part):
            if _normal(sentence) not in seen:
                seen.add(_normal(sentence))
                fresh.append(sentence)
        if fresh:
            kept.append(join_sentences(fresh))
    return kept


def join_sentences(said: list[str]) -> str:
    """Sentences as running text: a space between them, none after 。！？ (no spaces there)."""
    return "".join(sentence + ("" if sentence[-1] in "。！？」』）" else " ")
                   for sentence in said).rstrip()


def _x(parts: Parts) -> tuple[str, Tail]:
    return join_sentences(unique(parts.lead)), lambda tags: f" {parts.url}" + _then(" ", tags)


def _sentence(text: str) -> str:
    """A headline-like text (a subtitle) as a sentence: with a full stop."""
    return text if not text or text[-1] in ".!?…。！？\"'»“”" else text + "."


def _bluesky(parts: Parts) -> tuple[str, Tail]:
    # One sentence more than X: the subtitle, else the summary's first one the key message
    # does not say already.
    more = unique(parts.lead, _sentence(parts.subtitle) or parts.summary)
    extra = sentences(more[1])[:1] if len(more) > 1 else []
    return join_sentences([more[0], *extra]) if more else "", \
        lambda tags: _then(" ", tags) + f"\n\n{parts.url}"


def _mastodon(parts: Parts) -> tuple[str, Tail]:
    # Mastodon users expect the tags at the end, on a line of their own.
    return join_sentences(unique(parts.lead)), lambda tags: f"\n\n{parts.url}" + _then("\n\n", tags)


def _threads(parts: Parts) -> tuple[str, Tail]:
    # A hook line, then the key message; the one topic tag goes with the link.
    return "\n\n".join(unique(parts.title, parts.lead)), \
        lambda tags: f"\n\n{parts.url}" + _then(" ", tags)


def _linkedin(parts: Parts) -> tuple[str, Tail]:
    said = unique(parts.title, parts.summary, parts.key_message)
    # Facts the lines above state already are not listed again.
    facts = list(dict.fromkeys(f"→ {line}" for value, line in parts.facts
                               if not any(value in sentence for sentence in said)))[:_FACTS_SHOWN]
    body = "\n\n".join([*said, *(["\n".join(facts)] if facts else [])])
    return body, lambda tags: f"\n\n{parts.url}" + _then("\n\n", tags)


def _facebook(parts: Parts) -> tuple[str, Tail]:
    return "\n\n".join(unique(parts.title, parts.summary, parts.key_message)), \
        lambda tags: f"\n\n{parts.url}" + _then(" ", tags)


def _instagram(parts: Parts) -> tuple[str, Tail]:
    # Links in captions are not clickable: no URL, a pointer to the profile's link instead.
    bio = LINK_IN_BIO.get(parts.lang, LINK_IN_BIO["en"])
    return "\n\n".join(unique(parts.title, parts.summary, parts.key_message)), \
        lambda tags: f"\n\n{bio}" + _then("\n\n", tags)


RECIPES: dict[str, Recipe] = {
    "x": _x, "bluesky": _bluesky, "mastodon": _mastodon, "threads": _threads,
    "linkedin": _linkedin, "facebook": _facebook, "instagram": _instagram,
}


# A hashtag in a post: "#" not inside a word, a URL fragment or another tag.
_HASHTAG = re.compile(r"(?<![\w&/#])#(\w+)")


def _present(text: str) -> set[str]:
    return {tag.casefold() for tag in _HASHTAG.findall(text)}


def fitting_tags(platform: Platform, text: str, hashtags: tuple[str, ...] | list[str]) -> list[str]:
    """The hashtags not yet in `text` (as whole tags), within the platform's hashtag limit,
    which counts every tag in the post, not only the configured ones."""
    present = _present(text)
    missing = [t for t in hashtags if t[1:].casefold() not in present]
    if platform.hashtag_limit is not None:
        missing = missing[: max(platform.hashtag_limit - len(present), 0)]
    return missing


def join_tags(platform: Platform, tags: list[str]) -> str:
    if not tags:
        return ""
    return (" " if platform.hashtags_inline else "\n\n") + " ".join(tags)


def _fit(platform: Platform, body: str, tail: str) -> str | None:
    """The body cut so that body + tail fits; None when not one word of a body fits."""
    stem = shorten(body, lambda candidate: count(platform.name, candidate + tail) <= platform.limit)
    return None if body.strip() and not stem else stem + tail


def derive(platform: Platform, parts: Parts) -> str:
    """The post the platform's recipe makes of `parts`, cut to fit its limit."""
    body, tail = RECIPES[platform.recipe](parts)
    tags = fitting_tags(platform, body, parts.hashtags)
    dropped: set[str] = set()
    while True:
        text = _fit(platform, body, tail(" ".join(tags)))
        if text is None:
            if _fit(platform, body, tail("")) is None:  # not even without tags: no body at all
                body = ""
            else:  # the tags leave no room for a word: the last one gives way
                dropped.add(tags.pop())
            continue
        # A tag the body carried may have been cut off with it: then it goes in the tail.
        lost = [t for t in fitting_tags(platform, text, parts.hashtags)
                if t not in tags and t not in dropped]
        if not lost:
            return text.strip()
        tags += lost
