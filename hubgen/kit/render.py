"""The whole internal channel kit of a site, as a FileTree."""

from __future__ import annotations

from datetime import datetime

from hubgen.errors import Problem, ProblemsError
from hubgen.filetree import Content, FileTree
from hubgen.kit.pages import render_kit_pages
from hubgen.kit.snippet_files import render_kit_files
from hubgen.memo import Memo
from hubgen.model import Message, Site, Snippet
from hubgen.parallel import Phased
from hubgen.paths import kit_share_images, share_images, site_paths
from hubgen.templates import TemplateProblem

__all__ = ["render_kit"]


def render_kit(site: Site, snippets: dict[Message, list[Snippet]],
               files: dict[Message, dict[str, Content]], now: datetime, memo: Memo | None = None,
               problems: list[Problem] | None = None, public: FileTree | None = None,
               progress: Phased | None = None) -> FileTree:
    """The internal channel kit: every message, drafts and embargoed ones included, with what
    the checks found (`problems`), the share images the newsroom drew (`public`) and the
    snippet files the messages' passes made (`files`)."""
    tree = FileTree()
    render_kit_files(site, snippets, tree, files)
    if progress:
        progress.phase("rendering kit pages")
    shared = _share_images(site, public, tree) if public else frozenset()
    try:
        render_kit_pages(site, snippets, now, tree, memo, problems, shared)
    except TemplateProblem as exc:
        raise ProblemsError([exc.problem]) from None
    return tree


def _share_images(site: Site, public: FileTree, tree: FileTree) -> frozenset[Message]:
    """The newsroom's share images of each published message, beside its kit page: the previews
    show what a network shows for the link (the page's og:image). Drafts and embargoed messages
    have none yet; their previews fall back to the message's image."""
    found = set()
    urls = site_paths(site.config)
    for message in site.messages:
        drawn = share_images(urls.message(message))
        if all(path in public.texts or path in public.copies for path in drawn):
            for path, kit_path in zip(drawn, kit_share_images(message), strict=True):
                if path in public.copies:  # drawn earlier, kept in the cache
                    tree.add_copy(kit_path, public.copies[path])
                else:
                    tree.add_bytes(kit_path, public.texts[path])
            found.add(message)
    return frozenset(found)
