"""Newsletter channel: a teaser block, as text and as HTML for the mailing tool."""

from __future__ import annotations

from html import escape
from typing import Any

from hubgen.channels.channel import Channel, WrittenField
from hubgen.channels.context import ChannelContext
from hubgen.channels.counting import count_characters
from hubgen.channels.fields import text_spec
from hubgen.channels.shorten import shorten
from hubgen.config import Config
from hubgen.model import Snippet

__all__ = ["CHANNEL", "LIMIT", "NAME", "snippets"]

NAME = "newsletter"
LIMIT = 600
"""Characters of teaser text: about five lines in a typical newsletter column."""
MORE = {"de": "Weiterlesen", "en": "Read more"}


def _derived(values: dict[str, str]) -> str:
    """The key message first, as every channel carries it, then the summary for context."""
    key, summary = values["key_message"], values["summary"]
    return summary if not key or key in summary else f"{key} {summary}"


def snippets(ctx: ChannelContext) -> list[Snippet]:
    if ctx.spec(NAME) is False:
        return []
    field = f"channels.{NAME}"
    url = ctx.tagged_url(NAME, "email")
    values = ctx.values(url)
    written = text_spec(ctx, field, ctx.spec(NAME))
    teaser = (ctx.render(written, field, values) if written is not None
              else shorten(_derived(values), lambda candidate: count_characters(candidate) <= LIMIT))
    more = MORE.get(ctx.lang, MORE["en"])
    text = f"{values['title']}\n\n{teaser}\n\n{more}: {url}"
    html = (f'<h2><a href="{escape(url)}">{escape(values["title"])}</a></h2>\n'
            f"<p>{escape(teaser)}</p>\n"
            f'<p><a href="{escape(url)}">{escape(more)} →</a></p>\n')
    return [ctx.snippet(NAME, text, field=field, url=url, length=count_characters(teaser),
                        limit=LIMIT, formats={"html": html}, derived=written is None)]


def written_fields(spec: Any, config: Config) -> list[WrittenField]:
    return [(f"channels.{NAME}", spec)]


CHANNEL = Channel(NAME, {"en": "Newsletter"}, snippets, written_fields)
