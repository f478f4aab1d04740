"""Advocacy channel: posts employees share in their own voice, each fitted to its platforms."""

from __future__ import annotations

from typing import Any

from hubgen.channels.channel import Channel, WrittenField
from hubgen.channels.context import ChannelContext
from hubgen.channels.fields import text_spec
from hubgen.channels.platforms import count, enabled_platforms, platform, shorten_to_fit
from hubgen.config import Config
from hubgen.model import Snippet

__all__ = ["CHANNEL", "NAME", "snippets"]

NAME = "advocacy"
TARGETS = ("linkedin", "x")
"""Where employees share company news most; a post must fit each of them."""
DERIVED = {
    "de": ("Stolz auf unser Team: {key_message}", "Neu bei {company}: {summary}"),
    "en": ("Proud of our team: {key_message}", "News from {company}: {summary}"),
}


def snippets(ctx: ChannelContext) -> list[Snippet]:
    if ctx.spec(NAME) is False:
        return []
    field = f"channels.{NAME}"
    posts = _written(ctx, field)
    enabled = enabled_platforms(ctx.site.config)
    targets = [p for p in TARGETS if p in enabled] or ["linkedin"]
    found = []
    for variant, written in enumerate(posts or _derived(ctx), 1):
        for name in targets:
            # Shown: the short link to the tagged URL, as in the social channel's posts.
            url, short = ctx.tagged_url(NAME, name), ctx.short_url(NAME, name)
            shown = short or url
            if posts:
                text = ctx.render(written, f"{field}.{variant - 1}", ctx.values(shown))
                text += "" if shown in text else f" {shown}"
            else:
                text = shorten_to_fit(name, written, f" {shown}") + f" {shown}"
            found.append(ctx.snippet(
                NAME, text, field=f"{field}.{variant - 1}" if posts else field, url=url,
                length=count(name, text), limit=platform(name).limit, unit=platform(name).unit,
                platform=name, derived=not posts, variant=variant, short_url=short))
    return found


def _posts(value: Any) -> list[Any] | None:
    """The posts written: one text or a list of them; None when it is neither."""
    if value is None or value is True:
        return []
    return [value] if isinstance(value, str) else value if isinstance(value, list) else None


def _written(ctx: ChannelContext, field: str) -> list[str]:
    posts = _posts(ctx.spec(NAME))
    if posts is None:
        ctx.error(field, "must be a list of posts", "write one '- post' line per variant")
        return []
    texts = [text_spec(ctx, f"{field}.{i}", item) for i, item in enumerate(posts)]
    return [t for t in texts if t]


def _derived(ctx: ChannelContext) -> list[str]:
    values = ctx.values(ctx.canonical_url)
    names = {**values, "company": ctx.site.config.company.short_name}
    templates = DERIVED.get(ctx.lang, DERIVED["en"])
    return [t.format(**names) for t in templates if "{key_message}" not in t or values["key_message"]]


def written_fields(spec: Any, config: Config) -> list[WrittenField]:
    return [(f"channels.{NAME}.{i}", post) for i, post in enumerate(_posts(spec) or [])]


CHANNEL = Channel(NAME, {"en": "Employee advocacy", "de": "Mitarbeiter-Posts"}, snippets, written_fields)
