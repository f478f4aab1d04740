"""Social channel: one post per platform, written by hand or derived, with hashtags."""

from __future__ import annotations

import re
from typing import Any

from hubgen.channels.channel import Channel, WrittenField
from hubgen.channels.context import ChannelContext
from hubgen.channels.fields import mapping_spec, text_spec
from hubgen.channels.platforms import PLATFORMS, Platform, count, enabled_platforms
from hubgen.channels.posts import Parts, derive, fitting_tags, join_tags
from hubgen.channels.shorten import sentences
from hubgen.config import Config
from hubgen.model import Snippet

__all__ = ["CHANNEL", "NAME", "snippets"]

NAME = "social"


def snippets(ctx: ChannelContext) -> list[Snippet]:
    spec = mapping_spec(ctx, CHANNEL)
    if spec is None:
        return []
    hashtags = _hashtags(ctx, spec.get("hashtags", []))
    facts: tuple[tuple[str, str], ...] | None = None  # read from the body once, if needed
    found = []
    for name in enabled_platforms(ctx.site.config):
        if spec.get(name) is False:
            continue
        field = f"channels.{NAME}.{name}"
        # The post shows the short link where there is one; `url` stays the tagged target.
        url, short = ctx.tagged_url(NAME, name), ctx.short_url(NAME, name)
        written = text_spec(ctx, field, spec.get(name))
        platform = PLATFORMS[name]
        if written is None:
            facts = _facts(ctx) if facts is None else facts
            text = derive(platform, _parts(ctx, short or url, hashtags, facts))
        else:
            text = _with_hashtags(platform, ctx.render(written, field, ctx.values(short or url)),
                                  hashtags)
        found.append(ctx.snippet(NAME, text,
                                 field=field if written is not None else f"channels.{NAME}",
                                 url=url, length=count(name, text), limit=platform.limit,
                                 unit=platform.unit, platform=name, derived=written is None,
                                 short_url=short if short in text else ""))
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


def _with_hashtags(platform: Platform, text: str, hashtags: list[str]) -> str:
    """A written post keeps its words; missing hashtags are added while they fit."""
    tags = fitting_tags(platform, text, hashtags)
    while tags and count(platform.name, text + join_tags(platform, tags)) > platform.limit:
        tags.pop()
    return text + join_tags(platform, tags)


def _parts(ctx: ChannelContext, url: str, hashtags: list[str],
           facts: tuple[tuple[str, str], ...]) -> Parts:
    values = ctx.values(url)
    press = ctx.spec("press")
    subtitle = press.get("subtitle") if isinstance(press, dict) else None
    return Parts(
        lang=ctx.lang, title=values["title"].strip(), summary=values["summary"].strip(),
        key_message=values["key_message"], url=url, hashtags=tuple(hashtags),
        subtitle=ctx.render(str(subtitle), "channels.press.subtitle", values) if subtitle else "",
        facts=facts,
    )


def _facts(ctx: ChannelContext) -> tuple[tuple[str, str], ...]:
    """The lines of the body that state a fact: a table row naming it ("Installierte Leistung:
    62 MW", its first cell and the fact's), else the first sentence holding its value."""
    facts = [value for value in ctx.message.facts.values() if value.strip()]
    if not facts:
        return ()
    found: dict[str, str] = {}
    rows, prose = [], []
    for paragraph in ctx.plain_body.paragraphs:
        cells = [cell.strip() for cell in paragraph.split(" | ")]  # a table row (plaintext.py)
        if len(cells) > 1:
            rows.append(cells)
        else:
            prose.extend(sentences(paragraph.lstrip("-* ")))
    for label, *values in rows:
        for value in values:
            if value in facts and value not in found:
                found[value] = f"{label}: {value}"
    for sentence in prose:
        for value in facts:
            if value not in found and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", sentence):
                found[value] = sentence
    return tuple((value, found[value]) for value in dict.fromkeys(facts) if value in found)


def written_fields(spec: Any, config: Config) -> list[WrittenField]:
    if not isinstance(spec, dict):
        return []
    return [(f"channels.{NAME}.{name}", spec.get(name)) for name in enabled_platforms(config)]


CHANNEL = Channel(NAME, {"en": "Social"}, snippets, written_fields,
                  keys=("hashtags", *PLATFORMS), key_message_per_platform=True)
