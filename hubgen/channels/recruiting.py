"""Recruiting channel: a blurb for career pages and job boards, linking to the jobs."""

from __future__ import annotations

from typing import Any

from hubgen.channels.channel import Channel, WrittenField
from hubgen.channels.context import ChannelContext
from hubgen.channels.counting import count_characters
from hubgen.channels.fields import mapping_spec, text_spec
from hubgen.channels.shorten import shorten
from hubgen.config import Config
from hubgen.model import Snippet

__all__ = ["CHANNEL", "LIMIT", "NAME", "snippets"]

NAME = "recruiting"
LIMIT = 600
"""Characters: what job boards show before "more" (StepStone and LinkedIn teasers)."""
CALL = {"de": "Jetzt bewerben: {url}", "en": "Apply now: {url}"}


def snippets(ctx: ChannelContext) -> list[Snippet]:
    spec = mapping_spec(ctx, CHANNEL)
    if spec is None:
        return []
    target = text_spec(ctx, f"channels.{NAME}.url", spec.get("url"))
    if target and not target.startswith(("https://", "http://")):
        ctx.error(f"channels.{NAME}.url", f"'{target}' is not a web address",
                  "write the full URL of the job page, starting with https://")
    jobs_url = target or ctx.site.config.channels.recruiting_url
    url = ctx.tagged_url(NAME, url=jobs_url)
    values = ctx.values(url)
    written = text_spec(ctx, f"channels.{NAME}.text", spec.get("text"))
    if written is not None:
        text = ctx.render(written, f"channels.{NAME}.text", values)
        if url not in text:
            text += "\n\n" + CALL.get(ctx.lang, CALL["en"]).format(url=url)
    else:  # derived: the lead shortened so that the whole blurb fits
        head = f"{values['title']}\n\n"
        tail = "\n\n" + CALL.get(ctx.lang, CALL["en"]).format(url=url)
        lead = shorten(values["key_message"] or values["summary"],
                       lambda candidate: count_characters(head + candidate + tail) <= LIMIT)
        text = head + lead + tail
    return [ctx.snippet(NAME, text, field=f"channels.{NAME}.text" if written is not None else "channels",
                        url=url, length=count_characters(text), limit=LIMIT,
                        derived=written is None)]


def written_fields(spec: Any, config: Config) -> list[WrittenField]:
    return [(f"channels.{NAME}.text", spec.get("text"))] if isinstance(spec, dict) else []


CHANNEL = Channel(NAME, {"en": "Recruiting"}, snippets, written_fields, keys=("text", "url"))
