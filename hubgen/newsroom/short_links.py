"""Short links on the newsroom's own domain: `s/<code>/` for each tagged URL a post shows.

Each is a small page that forwards to the tagged URL (a meta refresh, no JavaScript) and
carries the message's link-preview tags, so a crawler that does not follow the refresh still
shows the message's card; it names the message page as canonical and asks not to be indexed.
`_redirects` lists them too, for hosts that answer with a real redirect (Netlify, Cloudflare
Pages: `/from /to 302`). Only public messages reach here: `render_public` gets those alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from hubgen.errors import Problem, ProblemsError
from hubgen.filetree import FileTree
from hubgen.model import Message, Site, Snippet
from hubgen.paths import REDIRECTS_FILE, site_paths

__all__ = ["ShortLink", "render_redirects", "short_links", "site_links"]


@dataclass(frozen=True)
class ShortLink:
    path: str
    """Its site path: `s/<code>/`."""
    target: str
    """The tagged URL it forwards to."""


def short_links(site: Site, snippets: dict[Message, list[Snippet]]) -> dict[str, list[ShortLink]]:
    """The short links of the site's messages' posts, by message page path, once each."""
    paths = site_paths(site.config)
    found: dict[str, dict[str, ShortLink]] = {}
    owners: dict[str, tuple[Message, str]] = {}
    for message in site.messages:
        for snippet in snippets.get(message, ()):
            if snippet.short_url:
                path = urlsplit(snippet.short_url).path.removeprefix(paths.base_path)
                owner, target = owners.setdefault(path, (message, snippet.url))
                if target != snippet.url:
                    raise ProblemsError([_shared(message, owner, path)])
                found.setdefault(paths.message(message), {})[path] = ShortLink(path, snippet.url)
    return {page: list(links.values()) for page, links in found.items()}


def site_links(site: Site, links: dict[Message, dict[str, str]]) -> dict[str, list[ShortLink]]:
    """The short links of each message (path to target, as `short_links` found them message by
    message), by message page path; ProblemsError if two messages' links share a code."""
    paths = site_paths(site.config)
    owners: dict[str, tuple[Message, str]] = {}
    for message in site.messages:
        for path, target in links[message].items():
            owner, known = owners.setdefault(path, (message, target))
            if known != target:
                raise ProblemsError([_shared(message, owner, path)])
    return {paths.message(message): [ShortLink(path, target) for path, target in links[message].items()]
            for message in site.messages if links[message]}


def _shared(message: Message, owner: Message, path: str) -> Problem:
    """Two posts whose codes are the same (a hash collision): one link would send the other's
    readers to the wrong place."""
    return Problem(message.source.as_posix(), 0, "channels", f"its short link /{path} is also "
                   f"{owner.source.as_posix()}'s", "rename one of the files, or set [channels] "
                   "short_links = false")


def render_redirects(site: Site, links: dict[str, list[ShortLink]], tree: FileTree) -> None:
    """`_redirects` at the newsroom's root; none when there are no short links."""
    base = site_paths(site.config).base_path
    lines = [f"{base}{link.path} {link.target} 302"
             for page in sorted(links) for link in links[page]]
    if lines:
        tree.add_text(REDIRECTS_FILE, "\n".join(lines) + "\n")
