"""sitemap.xml with hreflang alternates, a Google News sitemap, and robots.txt naming both."""

from __future__ import annotations

from datetime import datetime, timedelta
from xml.sax.saxutils import escape, quoteattr

from hubgen.filetree import FileTree
from hubgen.model import Site
from hubgen.newsroom.pages import PageInfo
from hubgen.newsroom.views import MessageView
from hubgen.paths import NEWS_SITEMAP, ROBOTS_FILE, SITEMAP, site_paths

__all__ = ["NEWS_MAX", "NEWS_WINDOW", "SITEMAP_NS", "render_sitemaps"]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_WINDOW = timedelta(days=2)
"""Google News reads only articles of the last two days from a news sitemap."""
NEWS_MAX = 1000
"""…and at most 1,000 of them."""


def render_sitemaps(site: Site, pages: list[PageInfo], views: dict[str, list[MessageView]],
                    now: datetime, tree: FileTree) -> None:
    paths = site_paths(site.config)
    entries = "".join(_url(site, page) for page in pages if not (page.noindex or page.paginated))
    tree.add_text(SITEMAP, (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">\n{entries}</urlset>\n'))
    tree.add_text(NEWS_SITEMAP, _news_sitemap(site, views, now))
    tree.add_text(ROBOTS_FILE, "User-agent: *\nAllow: /\n\n"
                  f"Sitemap: {paths.url(SITEMAP)}\nSitemap: {paths.url(NEWS_SITEMAP)}\n")


def _url(site: Site, page: PageInfo) -> str:
    lastmod = f"    <lastmod>{page.lastmod.isoformat()}</lastmod>\n" if page.lastmod else ""
    links = ""
    if len({a.lang for a in page.alternates}) > 1:  # the page itself is among its alternates
        default = site.config.site.language
        pairs = [(a.lang, site_paths(site.config).url(a.path)) for a in page.alternates]
        pairs += [("x-default", url) for lang, url in pairs if lang == default]
        links = "".join(f"    <xhtml:link rel=\"alternate\" hreflang={quoteattr(lang)}"
                        f" href={quoteattr(url)}/>\n" for lang, url in pairs)
    return f"  <url>\n    <loc>{escape(page.url)}</loc>\n{lastmod}{links}  </url>\n"


def _news_sitemap(site: Site, views: dict[str, list[MessageView]], now: datetime) -> str:
    recent = sorted((m for messages in views.values() for m in messages
                     if now - NEWS_WINDOW <= m.date <= now), key=lambda m: m.date, reverse=True)
    name = escape(site.config.site.title)
    entries = "".join(
        "  <url>\n"
        f"    <loc>{escape(m.url)}</loc>\n"
        "    <news:news>\n"
        f"      <news:publication><news:name>{name}</news:name>"
        f"<news:language>{news_language(m.lang)}</news:language></news:publication>\n"
        f"      <news:publication_date>{m.date.isoformat()}</news:publication_date>\n"
        f"      <news:title>{escape(m.title)}</news:title>\n"
        "    </news:news>\n"
        "  </url>\n" for m in recent[:NEWS_MAX])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n{entries}</urlset>\n')


def news_language(lang: str) -> str:
    """Google News wants ISO 639 codes, except zh-cn and zh-tw for Chinese."""
    base, _, region = lang.lower().partition("-")
    return f"zh-{'tw' if region in ('tw', 'hant', 'hk') else 'cn'}" if base == "zh" else base
