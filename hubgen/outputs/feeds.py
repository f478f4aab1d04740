"""Atom feeds (RFC 4287): one per language, full content, absolute URLs."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from hubgen.model import Site
from hubgen.outputs.tree import FileTree
from hubgen.render.views import MessageView, lang_prefix

__all__ = ["FEED_SIZE", "render_feeds"]

FEED_SIZE = 50


def render_feeds(site: Site, views: dict[str, list[MessageView]], tree: FileTree) -> None:
    for lang in site.config.site.languages:
        path = lang_prefix(site, lang) + "atom.xml"
        tree.add_text(path, _feed(site, lang, path, views.get(lang, [])[:FEED_SIZE]))


def _feed(site: Site, lang: str, path: str, messages: list[MessageView]) -> str:
    config = site.config
    updated = messages[0].date.isoformat() if messages else "1970-01-01T00:00:00+00:00"
    home = config.url(lang_prefix(site, lang))
    entries = "".join(_entry(site, m) for m in messages)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">\n'
        f"  <title>{escape(config.site.title)}</title>\n"
        f'  <link rel="self" href="{escape(config.url(path))}"/>\n'
        f'  <link rel="alternate" type="text/html" href="{escape(home)}"/>\n'
        f"  <id>{escape(home)}</id>\n"
        f"  <updated>{updated}</updated>\n"
        f"  <author><name>{escape(config.company.name)}</name></author>\n"
        f"{entries}</feed>\n"
    )


def _entry(site: Site, message: MessageView) -> str:
    content = _absolute_links(site, message, str(message.body_html))
    categories = "".join(f'    <category term="{escape(t.title)}"/>\n' for t in message.tags)
    return (
        "  <entry>\n"
        f"    <title>{escape(message.title)}</title>\n"
        f'    <link rel="alternate" type="text/html" href="{escape(message.url)}"/>\n'
        f"    <id>{escape(message.url)}</id>\n"
        f"    <published>{message.date.isoformat()}</published>\n"
        f"    <updated>{message.date.isoformat()}</updated>\n"
        f"    <summary>{escape(message.summary)}</summary>\n"
        f"{categories}"
        f'    <content type="html">{escape(content)}</content>\n'
        "  </entry>\n"
    )


def _absolute_links(site: Site, message: MessageView, html: str) -> str:
    """Feed readers resolve relative links against nothing useful: make them absolute."""
    def fix(match: re.Match[str]) -> str:
        attr, url = match.group(1), match.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^//", url):
            return match.group(0)
        target = url.lstrip("/") if url.startswith("/") else message.path + url
        return f'{attr}="{site.config.url(target)}"'
    return re.sub(r'(href|src)="([^"]*)"', fix, html)
