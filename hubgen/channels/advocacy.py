"""Advocacy channel: posts employees share in their own voice, each fitted to its platforms."""

from __future__ import annotations

from hubgen.channels.context import ChannelContext
from hubgen.channels.fields import text_spec
from hubgen.channels.platforms import PLATFORMS, count, shorten_to_fit
from hubgen.model import Snippet

__all__ = ["NAME", "snippets"]

NAME = "advocacy"
TARGETS = ("linkedin", "x")
"""Where employees share company news most; a post must fit each of them."""
DERIVED = {
    "de": ("Stolz auf unser Team: {key_message}", "Neu bei {company}: {summary}"),
    "en": ("Proud of our team: {key_message}", "News from {company}: {summary}"),
}


def snippets(ctx: ChannelContext) -> list[Snippet]:
    if not ctx.site.config.channels.has_channel(NAME) or ctx.spec(NAME) is False:
        return []
    field = f"channels.{NAME}"
    posts = _written(ctx, field)
    targets = [p for p in TARGETS if ctx.site.config.channels.has_platform(p)] or ["linkedin"]
    found = []
    for variant, written in enumerate(posts or _derived(ctx), 1):
        for platform in targets:
            url = ctx.tagged_url(NAME, platform)
            if posts:
                text = ctx.render(written, f"{field}.{variant - 1}", ctx.values(url))
                text += "" if url in text else f" {url}"
            else:
                text = shorten_to_fit(platform, written, f" {url}") + f" {url}"
            found.append(ctx.snippet(
                NAME, text, field=f"{field}.{variant - 1}" if posts else field, url=url,
                length=count(platform, text), limit=PLATFORMS[platform].limit,
                unit=PLATFORMS[platform].unit, platform=platform, derived=not posts,
                variant=variant))
    return found


def _written(ctx: ChannelContext, field: str) -> list[str]:
    value = ctx.spec(NAME)
    if value is None or value is True:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        ctx.error(field, "must be a list of posts", "write one '- post' line per variant")
        return []
    texts = [text_spec(ctx, f"{field}.{i}", item) for i, item in enumerate(value)]
    return [t for t in texts if t]


def _derived(ctx: ChannelContext) -> list[str]:
    values = ctx.values(ctx.canonical_url)
    names = {**values, "company": ctx.site.config.company.short_name}
    templates = DERIVED.get(ctx.lang, DERIVED["en"])
    return [t.format(**names) for t in templates if "{key_message}" not in t or values["key_message"]]
