"""sitemap.xml with hreflang alternates, a Google News sitemap, and robots.txt naming both."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

from hubgen.filetree import FileTree
from hubgen.model import Site
from hubgen.newsroom.pages import PageInfo
from hubgen.newsroom.views import MessageView
from hubgen.newsroom.xml_files import add, document
from hubgen.paths import NEWS_SITEMAP, ROBOTS_FILE, SITEMAP, site_paths

__all__ = ["NEWS_MAX", "NEWS_WINDOW", "SITEMAP_NS", "in_sitemap", "render_sitemaps"]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
_S, _XHTML, _NEWS = (f"{{{ns}}}" for ns in (SITEMAP_NS, XHTML_NS, NEWS_NS))
# The prefixes of Google's documentation of hreflang and news sitemaps. ElementTree's registry
# of prefixes is global (it would call XHTML `html:`); nothing else in hubgen writes XML.
ET.register_namespace("xhtml", XHTML_NS)
ET.register_namespace("news", NEWS_NS)
NEWS_WINDOW = timedelta(days=2)
"""Google News reads only articles of the last two days from a news sitemap."""
NEWS_MAX = 1000
"""…and at most 1,000 of them."""


def in_sitemap(page: PageInfo) -> bool:
    return not (page.noindex or page.paginated)


def render_sitemaps(site: Site, pages: list[PageInfo], views: dict[str, list[MessageView]],
                    now: datetime, tree: FileTree) -> None:
    paths = site_paths(site.config)
    urlset = ET.Element(_S + "urlset")
    for page in pages:
        if in_sitemap(page):
            _url(urlset, site, page)
    tree.add_text(SITEMAP, document(urlset, SITEMAP_NS, "UTF-8"))
    tree.add_text(NEWS_SITEMAP, _news_sitemap(site, views, now))
    tree.add_text(ROBOTS_FILE, "User-agent: *\nAllow: /\n\n"
                  f"Sitemap: {paths.url(SITEMAP)}\nSitemap: {paths.url(NEWS_SITEMAP)}\n")


def _url(urlset: ET.Element, site: Site, page: PageInfo) -> None:
    entry = add(urlset, _S + "url")
    add(entry, _S + "loc", page.url)
    if page.lastmod:
        add(entry, _S + "lastmod", page.lastmod.isoformat())
    if len({a.lang for a in page.alternates}) > 1:  # the page itself is among its alternates
        default = site.config.site.language
        paths = site_paths(site.config)
        pairs = [(a.lang, paths.url(a.path)) for a in page.alternates]
        pairs += [("x-default", url) for lang, url in pairs if lang == default]
        for lang, href in pairs:
            add(entry, _XHTML + "link", rel="alternate", hreflang=lang, href=href)


def _news_sitemap(site: Site, views: dict[str, list[MessageView]], now: datetime) -> str:
    recent = sorted((m for messages in views.values() for m in messages
                     if now - NEWS_WINDOW <= m.date <= now), key=lambda m: m.date, reverse=True)
    urlset = ET.Element(_S + "urlset")
    for message in recent[:NEWS_MAX]:
        _news_url(urlset, site, message)
    return document(urlset, SITEMAP_NS, "UTF-8")


def _news_url(urlset: ET.Element, site: Site, message: MessageView) -> None:
    entry = add(urlset, _S + "url")
    add(entry, _S + "loc", message.url)
    news = add(entry, _NEWS + "news")
    publication = add(news, _NEWS + "publication")
    add(publication, _NEWS + "name", site.config.site.title)
    add(publication, _NEWS + "language", news_language(message.lang))
    add(news, _NEWS + "publication_date", message.date.isoformat())
    add(news, _NEWS + "title", message.title)


def news_language(lang: str) -> str:
    """Google News wants ISO 639 codes, except zh-cn and zh-tw for Chinese."""
    base, _, region = lang.lower().partition("-")
    return f"zh-{'tw' if region in ('tw', 'hant', 'hk') else 'cn'}" if base == "zh" else base
