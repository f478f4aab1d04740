"""Atom feeds (RFC 4287): one per language and one per tag, full content, absolute URLs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from html import unescape
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from hubgen import __version__
from hubgen.filetree import FileTree
from hubgen.model import Site
from hubgen.newsroom.views import MessageView, by_tag
from hubgen.newsroom.xml_files import XML_LANG, add, document
from hubgen.paths import feed as feed_path
from hubgen.paths import site_paths

__all__ = ["ATOM_NS", "FEED_SIZE", "render_feeds"]

FEED_SIZE = 50
ATOM_NS = "http://www.w3.org/2005/Atom"
_ATOM = f"{{{ATOM_NS}}}"


def render_feeds(site: Site, views: dict[str, list[MessageView]], tree: FileTree) -> None:
    """`<lang>/atom.xml` and `<lang>/tags/<tag>/atom.xml`: the newest FEED_SIZE messages each."""
    title = site.config.site.title
    for lang in site.config.site.languages:
        messages = views.get(lang, [])
        home = site_paths(site.config).prefix(lang)
        tree.add_text(feed_path(home), _feed(site, lang, title, home, messages[:FEED_SIZE]))
        for path, (tag, tagged) in by_tag(messages).items():
            tree.add_text(feed_path(path), _feed(site, lang, f"{title}: {tag.title}", path,
                                                   tagged[:FEED_SIZE]))


def _feed(site: Site, lang: str, title: str, page: str, messages: list[MessageView]) -> str:
    """A feed of `messages`; `page` is the site path of the HTML page it mirrors."""
    config, paths = site.config, site_paths(site.config)
    # Newest entry, so an unchanged feed keeps its date; an empty one has no better date.
    updated = max((m.date for m in messages), default=datetime(1970, 1, 1, tzinfo=UTC))
    page_url = paths.url(page)
    feed = ET.Element(_ATOM + "feed", {XML_LANG: lang})
    add(feed, _ATOM + "title", title)
    add(feed, _ATOM + "link", rel="self", type="application/atom+xml",
        href=paths.url(feed_path(page)))
    add(feed, _ATOM + "link", rel="alternate", type="text/html", href=page_url)
    add(feed, _ATOM + "id", page_url)
    add(feed, _ATOM + "updated", updated.isoformat())
    add(add(feed, _ATOM + "author"), _ATOM + "name", config.company.name)
    add(feed, _ATOM + "generator", "hubgen", uri="https://pypi.org/project/hubgen/",
        version=__version__)
    if config.company.logo:
        add(feed, _ATOM + "logo", paths.url(config.company.logo))
    for message in messages:
        _entry(feed, site, message)
    return document(feed, ATOM_NS, "utf-8")


def _entry(feed: ET.Element, site: Site, message: MessageView) -> None:
    html = str(message.body_html)
    if message.image:  # the picture heads the page; readers should see it too
        html = f'<p><img src="{_attr(message.image)}" alt="{_attr(message.image_alt)}"></p>\n' + html
    entry = add(feed, _ATOM + "entry")
    add(entry, _ATOM + "title", message.title)
    add(entry, _ATOM + "link", rel="alternate", type="text/html", href=message.url)
    add(entry, _ATOM + "id", message.url)
    add(entry, _ATOM + "published", message.date.isoformat())
    add(entry, _ATOM + "updated", message.date.isoformat())
    add(entry, _ATOM + "summary", message.summary)
    for tag in message.tags:
        add(entry, _ATOM + "category", term=tag.title)
    content = _absolute_links(site_paths(site.config).url(""), message, html)
    add(entry, _ATOM + "content", content, type="html")


def _absolute_links(base: str, message: MessageView, html: str) -> str:
    """Feed readers resolve relative links against nothing useful: make them absolute.

    The front-matter image is a path from the site root (`media/x.jpg`); links in the body are
    relative to the message page, as they are on the page itself."""
    def fix(match: re.Match[str]) -> str:
        attr, url = match.group(1), unescape(match.group(2))
        against = base if message.image and url == message.image else message.url
        return f"{attr}={quoteattr(urljoin(against, url))}" if url else match.group(0)
    return re.sub(r'\b(href|src)="([^"]*)"', fix, html)


def _attr(value: str) -> str:
    """An HTML attribute value between double quotes."""
    return escape(value, {'"': "&quot;"})
