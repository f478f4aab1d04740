"""Links and images in message bodies.

Flags, as errors: an internal link (relative, site-absolute `/news/x/`, or absolute on the site's
`base_url`) that leads to no page the build makes; a link to a draft, or to a message that goes
public after the linking one (a 404 until then); an image that is not in the built site; an
image without alt text (`![](x.png)`, or `<img>` without `alt`).

Deliberately not flagged: links to other hosts, `mailto:`/`tel:` links and in-page anchors
(`#section`) — nothing here fetches the web; a missing trailing slash (`/news/x`), which servers
redirect; links from drafts to drafts.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from hubgen.checks.written import Reference, body_of
from hubgen.content.dates import format_datetime
from hubgen.content.slug import slugify
from hubgen.errors import Report
from hubgen.memo import Memo, Namespace, each, fingerprint
from hubgen.model import Message, Site

__all__ = ["MESSAGE_FILES", "SITE_FILES", "SITE_PAGES", "check_links"]

# What hubgen.filetree make besides message pages. Checks sit below outputs (they run before
# anything is rendered), so the list is kept here; a link to anything else must be a file in static/.
SITE_PAGES = ("", "tags/", "press-kit/", "search/", "atom.xml")
"""Pages every language of the site has, under its prefix."""
SITE_FILES = ("sitemap.xml", "news-sitemap.xml", "robots.txt", "404.html")
MESSAGE_FILES = ("press.txt", "share.jpg", "share-square.jpg")
"""Files beside every message page."""
_PAGINATION = re.compile(r"^(?:[a-z]{2,3}(?:-[A-Za-z0-9]+)?/)?(?:tags/[a-z0-9-]+/)?page/\d+/$")


@dataclass(frozen=True)
class _Site:
    """The paths the build makes, as far as links need them."""

    pages: dict[str, Message]
    """Message pages by site path (`en/news/x/`)."""
    others: frozenset[str]
    """Every other page (`tags/`) and file (`media/logo.svg`, `news/x/press.txt`)."""

    def find(self, path: str) -> Message | str | None:
        path = path.removesuffix("index.html")
        for candidate in (path, path + "/"):
            if candidate in self.pages:
                return self.pages[candidate]
            if candidate in self.others or _PAGINATION.match(candidate):
                return candidate
        return None


def _paths(site: Site) -> _Site:
    config = site.config
    prefixes = {lang: "" if lang == config.site.language else f"{lang}/" for lang in config.site.languages}
    others = {prefix + page for prefix in prefixes.values() for page in SITE_PAGES} | set(SITE_FILES)
    for message in site.messages:
        tags = {f"{prefixes[message.lang]}tags/{slugify(tag) or 'tag'}/" for tag in message.tags}
        others |= tags | {tag + "atom.xml" for tag in tags}
        others |= {site.path_of(message) + name for name in MESSAGE_FILES}
        others |= {message.image} if message.image else set()
    static = config.static_path
    if static.is_dir():
        others |= {p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file()}
    return _Site({site.path_of(m): m for m in site.messages}, frozenset(others))


def _site_path(site: Site, message: Message, href: str) -> str | None:
    """The site path a link leads to (`news/x/`), None when it leaves the site or the page."""
    parts = urlsplit(href)
    if parts.scheme not in ("", "http", "https") or not (parts.path or parts.netloc):
        return None  # mailto:, tel:, data:, "#anchor", "?query"
    base = urlsplit(site.config.site.base_url)
    target = urlsplit(urljoin(site.url_of(message), href))
    if target.netloc.lower() != base.netloc.lower():
        return None
    base_path = base.path.rstrip("/") + "/"
    path = unquote(target.path)
    return path[len(base_path):] if path.startswith(base_path) else "/" + path.lstrip("/")


def check_links(site: Site, report: Report, memo: Memo | None = None) -> None:
    memo = memo or Memo()
    paths = _paths(site)
    # The references of a body, remembered: parsing every body is most of this check.
    keys = [fingerprint(m.body, m.lang, m.body_line) for m in site.messages]
    found = memo.map(Namespace.REFERENCES, keys, report,
                     each(lambda i, _: _references(site.messages[i])))
    for message, references in zip(site.messages, found, strict=True):
        for ref in references:
            if ref.kind == "image":
                _image(site, message, ref, paths, report)
            else:
                _link(site, message, ref, paths, report)


def _references(message: Message) -> tuple[Reference, ...]:
    return tuple(body_of(message).references)


def _link(site: Site, message: Message, ref: Reference, paths: _Site, report: Report) -> None:
    path = _site_path(site, message, ref.target)
    if path is None:
        return
    found = paths.find(path)
    source = message.source.as_posix()
    if found is None:
        report.error(source, ref.line, "body", f"link '{ref.target}' leads to no page of the site",
                     _suggest(site, message, ref.target, path, paths))
    elif isinstance(found, Message) and not message.draft and found is not message:
        if found.draft:
            report.error(source, ref.line, "body", f"link '{ref.target}' leads to a draft",
                         "publish it first, or remove the link")
        elif found.publish_at > message.publish_at:
            when = format_datetime(found.publish_at.astimezone(site.config.site.timezone),
                                   "yyyy-MM-dd HH:mm", "en")
            report.error(source, ref.line, "body",
                         f"link '{ref.target}' leads to a message that goes public only on {when}",
                         "publish this message later, or remove the link until then")


def _suggest(site: Site, message: Message, href: str, path: str, paths: _Site) -> str:
    written = posixpath.normpath(posixpath.join(message.source.parent.as_posix(), urlsplit(href).path))
    for other in site.messages:  # a link to the Markdown file instead of its page
        if other.source.as_posix() == written:
            return f"link to its page: /{site.path_of(other)}"
    close = difflib.get_close_matches(path, list(paths.pages), n=1, cutoff=0.6)
    return f"did you mean /{close[0]}?" if close else "link to a message's page, e.g. /" + next(
        iter(paths.pages), "")


def _image(site: Site, message: Message, ref: Reference, paths: _Site, report: Report) -> None:
    source = message.source.as_posix()
    if not ref.alt.strip():
        report.error(source, ref.line, "body", f"image '{ref.target}' has no alt text",
                     f"describe it: ![what it shows]({ref.target})")
    path = _site_path(site, message, ref.target)
    if path is None or path in paths.others:
        return
    config = site.config
    in_content = (config.content_path / urlsplit(ref.target).path.lstrip("/")).is_file()
    fix = (f"files in {config.site.content_dir}/ are published only as a message's image:"
           f" put it into {config.site.static_dir}/ and write /{urlsplit(ref.target).path.lstrip('/')}"
           if in_content else f"put the image into {config.site.static_dir}/ and write its path"
           " from there, e.g. /media/picture.jpg")
    report.error(source, ref.line, "body", f"image '{ref.target}' is not in the built site", fix)
