"""Every path and URL of the built sites: the newsroom's (public/) and the channel kit's (kit/).

A site path is relative to its output folder, `/`-separated, and a page's path is its folder
(`en/news/x/`, served as `en/news/x/index.html`). The newsroom writes its files under these paths
and the link check asks this module which paths exist, so the two cannot drift apart.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from hubgen.config import Config
from hubgen.content.slug import slugify
from hubgen.model import Message, Snippet

__all__ = ["FEED_FILE", "KIT_CALENDAR", "KIT_CALENDAR_FILE", "KIT_SNIPPETS_FILE", "NEWS_SITEMAP",
           "NOT_FOUND_PAGE", "PRESS_TEXT_FILE", "REDIRECTS_FILE", "ROBOTS_FILE", "SEARCH_DIR",
           "SEARCH_INDEX_FILE", "SHARE_IMAGE_FILES", "SHORT_CODE_LENGTH", "SHORT_LINK_DIR", "SITEMAP",
           "SITE_FILES", "SitePaths", "export_file", "feed", "kit_logo", "kit_media", "kit_page",
           "kit_share_images", "list_page", "list_page_base", "page_file", "relative_url",
           "share_images", "short_code", "site_paths", "snippet_file"]

FEED_FILE = "atom.xml"
PRESS_TEXT_FILE = "press.txt"
SHARE_IMAGE_FILES = ("share.jpg", "share-square.jpg")
"""The wide (1200×630) and the square (1080×1080) share image of a page, in that order."""
SEARCH_DIR = "search/"
SEARCH_INDEX_FILE = "search-index.js"
SITEMAP = "sitemap.xml"
NEWS_SITEMAP = "news-sitemap.xml"
ROBOTS_FILE = "robots.txt"
NOT_FOUND_PAGE = "404.html"
"""Default language only: a server shows it for any missing path, at any depth."""
SITE_FILES = (SITEMAP, NEWS_SITEMAP, ROBOTS_FILE, NOT_FOUND_PAGE)
"""Files once per newsroom, at its root."""
_LIST_PAGE = re.compile(r"(.*?)page/(\d+)/")

SHORT_LINK_DIR = "s/"
"""Short links: `s/<code>/`, a page that forwards to a post's tagged URL."""
REDIRECTS_FILE = "_redirects"
"""The short links for hosts that read one (Netlify, Cloudflare Pages), at the root."""
SHORT_CODE_LENGTH = 10
"""Base32 letters of a short code: 50 bits. 35 would give a site of 10,000 messages, nine posts
each, a one-in-eight chance that two links share a code; 50 gives one in a quarter million, and
a build that meets one stops (newsroom.short_links)."""

KIT_CALENDAR = "calendar/"
KIT_CALENDAR_FILE = "calendar.ics"
KIT_SNIPPETS_FILE = "snippets.json"


@dataclass(frozen=True)
class SitePaths:
    """The newsroom's paths and URLs for one configuration: `base_url` parsed once."""

    language: str
    """The default language, served at the root; the others under `<lang>/`."""
    base_url: str
    """Without a trailing slash: `https://example.com/news`."""
    netloc: str
    """`example.com:8080`, as written."""
    host: str
    """`example.com`: lower case, without port; empty if the URL has none."""
    base_path: str
    """The URL's path, with a slash at both ends: `/news/`, `/`."""
    address: str
    """The URL without its scheme, as people read it: `example.com/news`."""

    def url(self, path: str) -> str:
        """Absolute URL of a site path such as `news/x/`."""
        return self.base_url + "/" + path.lstrip("/")

    def prefix(self, lang: str) -> str:
        """Where a language's pages start, its home: `` for the default language, else `en/`."""
        return "" if lang == self.language else f"{lang}/"

    def message(self, message: Message) -> str:
        """The page of a message, e.g. `en/news/solar-park/`."""
        return f"{self.prefix(message.lang)}{message.section}/{message.slug}/"

    def message_url(self, message: Message) -> str:
        """The canonical URL of a message."""
        return self.url(self.message(message))

    def press_text(self, message: Message) -> str:
        return self.message(message) + PRESS_TEXT_FILE

    def tags(self, lang: str) -> str:
        """The overview of a language's tags."""
        return self.prefix(lang) + "tags/"

    def tag(self, lang: str, tag: str) -> str:
        """A tag's page: "Solar" and "solar" share one."""
        return f"{self.tags(lang)}{slugify(tag) or 'tag'}/"

    def press_kit(self, lang: str) -> str:
        return self.prefix(lang) + "press-kit/"

    def search(self, lang: str) -> str:
        return self.prefix(lang) + SEARCH_DIR

    def search_index(self, lang: str) -> str:
        return self.search(lang) + SEARCH_INDEX_FILE

    def language_files(self, lang: str) -> tuple[str, ...]:
        """Pages and files each language has whatever its messages: home, tags, press kit,
        search and its index, feed, the newsroom's share images."""
        home = self.prefix(lang)
        return (home, self.tags(lang), self.press_kit(lang), self.search(lang), self.search_index(lang),
                feed(home), *share_images(home))

    def short_link(self, message: Message, channel: str, platform: str) -> str:
        """The short link of a message's post on one channel and platform: `s/<code>/`."""
        return f"{SHORT_LINK_DIR}{short_code(self.message(message), channel, platform)}/"

    def message_files(self, message: Message) -> tuple[str, ...]:
        """Files beside a message's page: press text and share images."""
        return self.press_text(message), *share_images(self.message(message))


@lru_cache(maxsize=16)
def _site_paths(base_url: str, language: str) -> SitePaths:
    parts = urlsplit(base_url)
    base = base_url.rstrip("/")
    return SitePaths(language=language, base_url=base, netloc=parts.netloc, host=parts.hostname or "",
                     base_path=parts.path.rstrip("/") + "/", address=base.split("://", 1)[-1])


def site_paths(config: Config) -> SitePaths:
    """The paths of a site's newsroom; made once per configuration, then shared."""
    return _site_paths(config.site.base_url, config.site.language)


def short_code(message_path: str, channel: str, platform: str) -> str:
    """A short, stable code for one message's post: base32 (lower case, a-z and 2-7) of a hash
    of the message's path, the channel and the platform. Stable across builds and machines, so
    links already posted keep working."""
    digest = hashlib.sha256(f"{message_path}\0{channel}\0{platform}".encode()).digest()
    return base64.b32encode(digest).decode("ascii")[:SHORT_CODE_LENGTH].lower()


def feed(page: str) -> str:
    """The Atom feed of a list page (a language's home, a tag page)."""
    return page + FEED_FILE


def share_images(folder: str) -> tuple[str, ...]:
    """The share images of the page at `folder`, as in SHARE_IMAGE_FILES."""
    return tuple(folder + name for name in SHARE_IMAGE_FILES)


def list_page(base: str, number: int) -> str:
    """Page `number` of the list at `base` (a home or tag page); page 1 is `base` itself."""
    return base if number == 1 else f"{base}page/{number}/"


def list_page_base(path: str) -> str | None:
    """The list a page 2 or later belongs to (`tags/solar/` for `tags/solar/page/3/`), else None."""
    found = _LIST_PAGE.fullmatch(path)
    return found.group(1) if found and int(found.group(2)) > 1 else None


def page_file(path: str) -> str:
    """The file a page path is written to: a folder's index.html, or the path of an `.html` page."""
    return path if path.endswith(".html") else path + "index.html"


def kit_page(message: Message) -> str:
    """A message's kit page: every language has its prefix, as drafts in any language are shown."""
    return f"{message.lang}/{message.section}/{message.slug}/"


def snippet_file(message: Message, snippet: Snippet, extension: str = "txt") -> str:
    return f"{kit_page(message)}{snippet.name}.{extension}"


def kit_media(image: str) -> str:
    """Where the kit keeps a message's image (a path relative to content/)."""
    return "media/" + image


def kit_logo(logo: str) -> str:
    """Where the kit keeps the company logo (a path relative to static/), the previews' avatar."""
    return "brand/" + logo


def kit_share_images(message: Message) -> tuple[str, ...]:
    """A message's share images in the kit, beside its kit page, as in SHARE_IMAGE_FILES."""
    return share_images(kit_page(message))


def export_file(tool: str, platform: str) -> str:
    """The kit's bulk-scheduling CSV of one tool and platform."""
    return f"exports/{tool}-{platform}.csv"


def relative_url(page_path: str, absolute_base: str | None, target: str) -> str:
    """Link from the page at `page_path` to the site path `target`; with `absolute_base` (the
    404 page, served at any depth) an absolute path instead."""
    if absolute_base is not None:
        return absolute_base + target
    page_dir = page_path if page_path.endswith("/") else posixpath.dirname(page_path) + "/"
    relative = posixpath.relpath("/" + target, "/" + page_dir)
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/"
    return "./" if relative in ("./", "") else relative
