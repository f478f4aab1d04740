"""What templates see: plain, typed views of the model, with paths ready for links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

from hubgen.channels.registry import channel_on
from hubgen.channels.template import SnippetTemplateError, render_text
from hubgen.channels.values import render_key_message, template_values
from hubgen.content.markdown import render_markdown
from hubgen.errors import Report
from hubgen.model import Message, Site
from hubgen.newsroom.status import Status, message_status
from hubgen.newsroom.strings import LANGUAGE_NAMES
from hubgen.paths import site_paths

__all__ = ["JOB_SECTIONS", "ContactView", "Link", "MessageView", "Pager", "by_tag", "message_view"]

JOB_SECTIONS = ("jobs", "karriere", "careers")
"""Sections whose messages are job ads: the page offers an apply button, not press texts."""


@dataclass(frozen=True)
class Link:
    path: str
    title: str
    lang: str = ""

    @property
    def lang_name(self) -> str:
        return LANGUAGE_NAMES.get(self.lang, self.lang)


@dataclass(frozen=True)
class ContactView:
    name: str
    role: str
    email: str
    phone: str


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    prev_path: str = ""
    next_path: str = ""


@dataclass(frozen=True)
class MessageView:
    title: str
    summary: str
    lang: str
    date: datetime
    section: str
    path: str
    url: str
    body_html: Markup
    key_message: str
    facts: dict[str, str]
    tags: tuple[Link, ...]
    image: str
    image_alt: str
    contact: ContactView | None
    press_path: str
    """Site path of press.txt; "" when the message has no press text (`press: false`)."""
    translations: tuple[Link, ...]
    subtitle: str = ""
    """`channels.press.subtitle`, rendered."""
    image_credit: str = ""
    image_focus: tuple[float, float] = (0.5, 0.5)
    publish_at: datetime | None = None
    """When the message became public (its date, or its embargo if later), in the site's zone."""
    apply_url: str = ""
    """A job ad's recruiting URL (`channels.recruiting.url`, else `[channels] recruiting_url`)."""

    @property
    def is_job(self) -> bool:
        return self.section in JOB_SECTIONS
    status: tuple[Status, ...] = ()
    """Why the message is not public yet, when a preview shows it anyway (partials/status.html)."""


def by_tag(messages: list[MessageView]) -> dict[str, tuple[Link, list[MessageView]]]:
    """Messages per tag page, keyed by path: "Solar" and "solar" are one tag, titled as first
    written. Tag pages and tag feeds both group this way, so they always agree."""
    groups: dict[str, tuple[Link, list[MessageView]]] = {}
    for message in messages:
        for tag in message.tags:
            groups.setdefault(tag.path, (tag, []))[1].append(message)
    return groups


def message_view(site: Site, message: Message, report: Report,
                 now: datetime | None = None) -> MessageView:
    """The view of one message; a broken key_message template goes to `report`. Given the
    build's `now`, it says why the message is not public then, if it isn't."""
    paths = site_paths(site.config)
    path, url = paths.message(message), paths.message_url(message)
    contact = site.config.contacts.get(message.contact)
    key = render_key_message(message, url, report)  # None: broken, reported; the text as written
    return MessageView(
        title=message.title,
        summary=message.summary,
        lang=message.lang,
        date=site.local(message.date),
        section=message.section,
        path=path,
        url=url,
        body_html=Markup(render_markdown(message.body, message.lang)),
        key_message=message.key_message if key is None else key,
        facts=message.facts,
        tags=tuple(Link(paths.tag(message.lang, t), t, message.lang) for t in message.tags),
        image=message.image,
        image_alt=message.image_alt,
        contact=ContactView(contact.name, contact.role_in(message.lang), contact.email,
                            contact.phone) if contact else None,
        press_path=paths.press_text(message) if channel_on(site.config, message, "press") else "",
        translations=tuple(Link(paths.message(m), m.title, m.lang) for m in site.translations(message)),
        subtitle=_subtitle(message, url, message.key_message if key is None else key),
        image_credit=message.image_credit,
        image_focus=message.image_focus,
        publish_at=site.local(message.publish_at),
        apply_url=_apply_url(site, message) if message.section in JOB_SECTIONS else "",
        status=message_status(message, now, site.local(message.publish_at)) if now else (),
    )


def _subtitle(message: Message, url: str, key_message: str) -> str:
    """The press channel's subtitle; a broken template is the press channel's to report."""
    press = message.channels.get("press")
    written = press.get("subtitle") if isinstance(press, dict) else None
    if not isinstance(written, str) or not written.strip():
        return ""
    try:
        return render_text(written.strip(), template_values(message, url, key_message), message.facts)
    except SnippetTemplateError:
        return ""


def _apply_url(site: Site, message: Message) -> str:
    recruiting = message.channels.get("recruiting")
    own = recruiting.get("url") if isinstance(recruiting, dict) else None
    if isinstance(own, str) and own.startswith(("https://", "http://")):
        return own
    return site.config.channels.recruiting_url
