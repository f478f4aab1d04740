"""Social channel: one post per platform, written by hand or derived, with hashtags."""

from __future__ import annotations

import re

from hubgen.channels.context import ChannelContext
from hubgen.channels.fields import mapping_spec, text_spec
from hubgen.channels.platforms import PLATFORMS, Platform, count, shorten_to_fit
from hubgen.model import Snippet

__all__ = ["NAME", "snippets"]

NAME = "social"
KEYS = ("hashtags", *PLATFORMS)
# What a derived post says, from short to long: X and Bluesky get one sentence, the long-form
# networks get the headline and the lead as well.
LONG_FORM = ("linkedin", "facebook", "instagram")


def snippets(ctx: ChannelContext) -> list[Snippet]:
    spec = mapping_spec(ctx, NAME, KEYS)
    if spec is None:
        return []
    hashtags = _hashtags(ctx, spec.get("hashtags", []))
    found = []
    for name in ctx.site.config.channels.platforms_of(PLATFORMS):
        if spec.get(name) is False:
            continue
        field = f"channels.{NAME}.{name}"
        url = ctx.tagged_url(NAME, name)
        written = text_spec(ctx, field, spec.get(name))
        platform = PLATFORMS[name]
        if written is None:
            text = _derive(ctx, platform, url, hashtags)
        else:
            text = _with_hashtags(platform, ctx.render(written, field, ctx.values(url)), hashtags)
        found.append(ctx.snippet(NAME, text, field=field if written else f"channels.{NAME}",
                                 url=url, length=count(name, text), limit=platform.limit,
                                 unit=platform.unit, platform=name, derived=written is None))
    return found


def _hashtags(ctx: ChannelContext, value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        ctx.error(f"channels.{NAME}.hashtags", "must be a list", "write hashtags: [Energiewende]")
        return []
    tags = []
    for tag in value:
        word = str(tag).lstrip("#")
        if not re.fullmatch(r"\w+", word):
            ctx.error(f"channels.{NAME}.hashtags", f"'{tag}' is not a hashtag",
                      "use letters, digits and _ only, e.g. Energiewende")
        else:
            tags.append("#" + word)
    return tags


# A hashtag in a post: "#" not inside a word, a URL fragment or another tag.
_HASHTAG = re.compile(r"(?<![\w&/#])#(\w+)")


def _fitting_tags(platform: Platform, text: str, hashtags: list[str]) -> list[str]:
    """The hashtags not yet in `text` (as whole tags), within the platform's hashtag limit,
    which counts every tag in the post, not only the configured ones."""
    present = {tag.casefold() for tag in _HASHTAG.findall(text)}
    missing = [t for t in hashtags if t[1:].casefold() not in present]
    if platform.hashtag_limit is not None:
        missing = missing[: max(platform.hashtag_limit - len(present), 0)]
    return missing


def _join_tags(platform: Platform, tags: list[str]) -> str:
    if not tags:
        return ""
    return (" " if platform.hashtags_inline else "\n\n") + " ".join(tags)


def _with_hashtags(platform: Platform, text: str, hashtags: list[str]) -> str:
    """A written post keeps its words; missing hashtags are added while they fit."""
    tags = _fitting_tags(platform, text, hashtags)
    while tags and count(platform.name, text + _join_tags(platform, tags)) > platform.limit:
        tags.pop()
    return text + _join_tags(platform, tags)


def _derive(ctx: ChannelContext, platform: Platform, url: str, hashtags: list[str]) -> str:
    values = ctx.values(url)
    sentence = values["key_message"] or values["summary"]
    if platform.name in LONG_FORM:
        parts = [values["title"], values["summary"]]
        if values["key_message"] and values["key_message"] not in values["summary"]:
            parts.append(values["key_message"])
        body, separator = "\n\n".join(parts), "\n\n"
    else:
        body, separator = sentence, " "
    tags = _fitting_tags(platform, body, hashtags)
    tail = separator + url + _join_tags(platform, tags)
    return shorten_to_fit(platform.name, body, tail) + tail
