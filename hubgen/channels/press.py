"""Press channel: the press-release text for e-mail and wire services, plain text and Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hubgen.channels.channel import Channel, WrittenField
from hubgen.channels.context import ChannelContext
from hubgen.channels.counting import count_characters
from hubgen.channels.fields import mapping_spec
from hubgen.config import Config
from hubgen.content.dates import format_date, format_datetime
from hubgen.model import Snippet

__all__ = ["CHANNEL", "LABELS", "NAME", "snippets"]

NAME = "press"


@dataclass(frozen=True)
class Labels:
    kind: str
    embargo: str
    about: str
    contact: str
    phone: str
    email: str
    links: str
    end: str
    online: str

    def embargo_line(self, instant: datetime, lang: str) -> str:
        if lang == "de":
            return f"{self.embargo}: " + format_datetime(instant, "d. MMMM y, HH:mm 'Uhr' z", "de")
        when = format_datetime(instant, "MMMM d, y, h:mm a", lang)
        return f"{self.embargo} {when} {instant.tzname() or ''}".strip()


# Wire-service conventions: German releases close with "Ende der Pressemitteilung",
# English ones with the "###" end mark.
LABELS = {
    "de": Labels("Pressemitteilung", "Sperrfrist", "Über {company}", "Pressekontakt", "Telefon",
                 "E-Mail", "Links", "– Ende der Pressemitteilung –", "Online"),
    "en": Labels("Press release", "EMBARGOED UNTIL", "About {company}", "Media contact", "Phone",
                 "Email", "Links", "###", "Online"),
}


def snippets(ctx: ChannelContext) -> list[Snippet]:
    spec = mapping_spec(ctx, CHANNEL)
    if spec is None:
        return []
    values = ctx.values(ctx.canonical_url)
    subtitle = ctx.render(str(spec.get("subtitle", "")), "channels.press.subtitle", values)
    plain, markdown = _texts(ctx, subtitle, str(spec.get("dateline", "")).strip())
    return [ctx.snippet(NAME, plain, field="channels.press", url=ctx.canonical_url,
                        length=count_characters(plain), limit=None, formats={"md": markdown},
                        derived=not spec)]


def _texts(ctx: ChannelContext, subtitle: str, dateline: str) -> tuple[str, str]:
    message = ctx.message
    labels = LABELS.get(ctx.lang, LABELS["en"])
    local_date = ctx.site.local(message.date)
    place = f"{dateline}, " if dateline else ""
    lead = f"{place}{format_date(local_date, 'long', ctx.lang)} – "
    body = ctx.plain_body
    paragraphs = body.paragraphs or [message.summary]
    embargo = ([labels.embargo_line(ctx.site.local(message.embargo), ctx.lang)]
               if message.embargo else [])
    links = ([f"{labels.links}:\n" + "\n".join(f"[{n}] {url}" for n, url in
                                               enumerate(body.links, 1))] if body.links else [])
    head = [*embargo, message.title, *([subtitle] if subtitle else [])]
    source = message.body.strip()
    # A dateline opens the first paragraph; before a heading it stands alone.
    heading_first = re.match(r"#{1,6}(?:[ \t]|$)", source) is not None
    opening = ([lead.removesuffix(" – "), *paragraphs] if heading_first
               else [lead + paragraphs[0], *paragraphs[1:]])
    plain = [labels.kind, *head, *opening,
             f"{labels.online}: {ctx.canonical_url}", *links, *_tail(ctx, labels)]
    opening_md = (f"**{lead.removesuffix(' – ')}**\n\n" if heading_first
                  else f"**{lead.strip()}** ")
    markdown = [f"**{labels.kind}**", *(f"**{line}**" for line in embargo), f"# {message.title}",
                *([f"## {subtitle}"] if subtitle else []), opening_md + source,
                f"{labels.online}: <{ctx.canonical_url}>", *_tail(ctx, labels)]
    return "\n\n".join(plain) + "\n", "\n\n".join(markdown) + "\n"


def _tail(ctx: ChannelContext, labels: Labels) -> list[str]:
    config = ctx.site.config
    parts = []
    if boilerplate := config.company.boilerplate.get(ctx.lang):
        parts.append(labels.about.format(company=config.company.short_name) + "\n" + boilerplate)
    if contact := config.contacts.get(ctx.message.contact):
        lines = [labels.contact, ", ".join(filter(None, (contact.name, contact.role_in(ctx.lang))))]
        lines += [f"{labels.phone}: {contact.phone}"] if contact.phone else []
        lines += [f"{labels.email}: {contact.email}"]
        parts.append("\n".join(lines))
    parts.append(labels.end)
    return parts


def written_fields(spec: Any, config: Config) -> list[WrittenField]:
    return [(f"channels.{NAME}.subtitle", spec.get("subtitle"))] if isinstance(spec, dict) else []


CHANNEL = Channel(NAME, {"en": "Press release", "de": "Pressemitteilung"}, snippets, written_fields,
                  keys=("dateline", "subtitle"), calendar_texts=False)
