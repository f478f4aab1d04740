"""Links and images in message bodies.

Flags, as errors: an internal link (relative, site-absolute `/news/x/`, or absolute on the site's
`base_url`) that leads to no page the build makes; a link to a draft, or to a message that goes
public after the linking one (a 404 until then); a link to a file the build doesn't make, such
as the `press.txt` of a message whose press text is switched off (`press: false`); an image
that is not in the built site; an image without alt text (`![](x.png)`, or `<img>` without
`alt`).

Deliberately not flagged: links to other hosts, `mailto:`/`tel:` links and in-page anchors
(`#section`) — nothing here fetches the web; a missing trailing slash (`/news/x`), which servers
redirect; links from drafts to drafts.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from hubgen.channels.registry import channel_on
from hubgen.checks.written import Reference, body_of
from hubgen.content.dates import format_datetime
from hubgen.errors import Report
from hubgen.memo import Memo, Namespace, each, fingerprint
from hubgen.model import Message, Site
from hubgen.paths import PRESS_TEXT_FILE, SITE_FILES, feed, list_page_base, site_paths

__all__ = ["check_links", "message_references"]


@dataclass(frozen=True)
class _Site:
    """The paths the build makes, as far as links need them."""

    pages: dict[str, Message]
    """Message pages by site path (`en/news/x/`)."""
    others: frozenset[str]
    """Every other page (`tags/`) and file (`media/logo.svg`, `news/x/press.txt`)."""
    lists: frozenset[str]
    """Pages that go on as `page/2/` and so on: each language's home, the tag pages."""

    def find(self, path: str) -> Message | str | None:
        path = path.removesuffix("index.html")
        for candidate in (path, path + "/"):
            if candidate in self.pages:
                return self.pages[candidate]
            if candidate in self.others or list_page_base(candidate) in self.lists:
                return candidate
        return None


def _paths(site: Site) -> _Site:
    """What the newsroom makes of `site`, as hubgen.paths names it; checks run before anything
    is rendered. A link to anything else must be a file in static/."""
    config, paths = site.config, site_paths(site.config)
    lists = {paths.prefix(lang) for lang in config.site.languages}
    others = {path for lang in config.site.languages for path in paths.language_files(lang)} | set(SITE_FILES)
    for message in site.messages:
        tags = {paths.tag(message.lang, tag) for tag in message.tags}
        lists |= tags
        files = set(paths.message_files(message))
        if not channel_on(config, message, "press"):  # `press: false`: no press.txt beside the page
            files.discard(paths.press_text(message))
        others |= tags | {feed(tag) for tag in tags} | files
        others |= {message.image} if message.image else set()
    static = config.static_path
    if static.is_dir():
        others |= {p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file()}
    return _Site({paths.message(m): m for m in site.messages}, frozenset(others), frozenset(lists))


def _site_path(site: Site, message: Message, href: str) -> str | None:
    """The site path a link leads to (`news/x/`), None when it leaves the site or the page."""
    parts = urlsplit(href)
    if parts.scheme not in ("", "http", "https") or not (parts.path or parts.netloc):
        return None  # mailto:, tel:, data:, "#anchor", "?query"
    paths = site_paths(site.config)
    target = urlsplit(urljoin(paths.message_url(message), href))
    if target.netloc.lower() != paths.netloc.lower():
        return None
    path = unquote(target.path)
    return path[len(paths.base_path):] if path.startswith(paths.base_path) else "/" + path.lstrip("/")


def check_links(site: Site, report: Report, memo: Memo | None = None,
                references: dict[Message, tuple[Reference, ...]] | None = None) -> None:
    """`references`: each message's, where they were read already (`message_references`)."""
    memo = memo or Memo()
    paths = _paths(site)
    if references is None:  # remembered: parsing every body is most of this check
        keys = [fingerprint(m.body, m.lang, m.body_line) for m in site.messages]
        found = memo.map(Namespace.REFERENCES, keys, report,
                         each(lambda i, _: message_references(site.messages[i])))
    else:
        found = [references[m] for m in site.messages]
    for message, refs in zip(site.messages, found, strict=True):
        for ref in refs:
            if ref.kind == "image":
                _image(site, message, ref, paths, report)
            else:
                _link(site, message, ref, paths, report)


def message_references(message: Message) -> tuple[Reference, ...]:
    """The links and images of the message's body."""
    return tuple(body_of(message).references)


def _link(site: Site, message: Message, ref: Reference, paths: _Site, report: Report) -> None:
    path = _site_path(site, message, ref.target)
    if path is None:
        return
    found = paths.find(path)
    source = message.source.as_posix()
    page = paths.pages.get(path.removesuffix(PRESS_TEXT_FILE)) if path.endswith(PRESS_TEXT_FILE) else None
    if found is None and page is not None:
        report.error(source, ref.line, "body", f"link '{ref.target}' leads to a press text the build"
                     f" doesn't make: {page.source.as_posix()} has none", "link to its page:"
                     f" /{site_paths(site.config).message(page)}, or switch its press text on")
    elif found is None:
        report.error(source, ref.line, "body", f"link '{ref.target}' leads to no page of the site",
                     _suggest(site, message, ref.target, path, paths))
    elif isinstance(found, Message) and not message.draft and found is not message:
        if found.draft:
            report.error(source, ref.line, "body", f"link '{ref.target}' leads to a draft",
                         "publish it first, or remove the link")
        elif found.publish_at > message.publish_at:
            when = format_datetime(site.local(found.publish_at), "yyyy-MM-dd HH:mm", "en")
            report.error(source, ref.line, "body",
                         f"link '{ref.target}' leads to a message that goes public only on {when}",
                         "publish this message later, or remove the link until then")


def _suggest(site: Site, message: Message, href: str, path: str, paths: _Site) -> str:
    written = posixpath.normpath(posixpath.join(message.source.parent.as_posix(), urlsplit(href).path))
    for other in site.messages:  # a link to the Markdown file instead of its page
        if other.source.as_posix() == written:
            return f"link to its page: /{site_paths(site.config).message(other)}"
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
