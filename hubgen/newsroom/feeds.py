"""Atom feeds (RFC 4287): one per language and one per tag, full content, absolute URLs."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from hubgen import __version__
from hubgen.filetree import FileTree
from hubgen.model import Site
from hubgen.newsroom.views import MessageView, by_tag
from hubgen.paths import feed, site_paths

__all__ = ["FEED_SIZE", "render_feeds"]

FEED_SIZE = 50
# Characters XML 1.0 forbids even escaped: one stray control character would break the feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_feeds(site: Site, views: dict[str, list[MessageView]], tree: FileTree) -> None:
    """`<lang>/atom.xml` and `<lang>/tags/<tag>/atom.xml`: the newest FEED_SIZE messages each."""
    title = site.config.site.title
    for lang in site.config.site.languages:
        messages = views.get(lang, [])
        home = site_paths(site.config).prefix(lang)
        tree.add_text(feed(home), _feed(site, lang, title, home, messages[:FEED_SIZE]))
        for path, (tag, tagged) in by_tag(messages).items():
            tree.add_text(feed(path), _feed(site, lang, f"{title}: {tag.title}", path,
                                                   tagged[:FEED_SIZE]))


def _feed(site: Site, lang: str, title: str, page: str, messages: list[MessageView]) -> str:
    """A feed of `messages`; `page` is the site path of the HTML page it mirrors."""
    config, paths = site.config, site_paths(site.config)
    # Newest entry, so an unchanged feed keeps its date; an empty one has no better date.
    updated = max((m.date for m in messages), default=datetime(1970, 1, 1, tzinfo=UTC))
    page_url = paths.url(page)
    entries = "".join(_entry(site, m) for m in messages)
    icon = (f"  <logo>{_text(paths.url(config.company.logo))}</logo>\n"
            if config.company.logo else "")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>\n'
        f"  <title>{_text(title)}</title>\n"
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={_attr(paths.url(feed(page)))}/>\n"
        f'  <link rel="alternate" type="text/html" href={_attr(page_url)}/>\n'
        f"  <id>{_text(page_url)}</id>\n"
        f"  <updated>{updated.isoformat()}</updated>\n"
        f"  <author><name>{_text(config.company.name)}</name></author>\n"
        f'  <generator uri="https://pypi.org/project/hubgen/" version="{__version__}">hubgen</generator>\n'
        f"{icon}{entries}</feed>\n"
    )


def _entry(site: Site, message: MessageView) -> str:
    html = str(message.body_html)
    if message.image:  # the picture heads the page; readers should see it too
        html = f'<p><img src="{escape(message.image)}" alt="{escape(message.image_alt)}"></p>\n' + html
    content = _absolute_links(site_paths(site.config).url(""), message, html)
    categories = "".join(f"    <category term={_attr(t.title)}/>\n" for t in message.tags)
    return (
        "  <entry>\n"
        f"    <title>{_text(message.title)}</title>\n"
        f'    <link rel="alternate" type="text/html" href={_attr(message.url)}/>\n'
        f"    <id>{_text(message.url)}</id>\n"
        f"    <published>{message.date.isoformat()}</published>\n"
        f"    <updated>{message.date.isoformat()}</updated>\n"
        f"    <summary>{_text(message.summary)}</summary>\n"
        f"{categories}"
        f'    <content type="html">{_text(content)}</content>\n'
        "  </entry>\n"
    )


def _absolute_links(base: str, message: MessageView, html: str) -> str:
    """Feed readers resolve relative links against nothing useful: make them absolute.

    The front-matter image is a path from the site root (`media/x.jpg`); links in the body are
    relative to the message page, as they are on the page itself."""
    def fix(match: re.Match[str]) -> str:
        attr, url = match.group(1), unescape(match.group(2))
        against = base if message.image and url == message.image else message.url
        return f"{attr}={quoteattr(urljoin(against, url))}" if url else match.group(0)
    return re.sub(r'\b(href|src)="([^"]*)"', fix, html)


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))
