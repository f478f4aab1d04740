"""The whole internal channel kit of a site, as a FileTree."""

from __future__ import annotations

from datetime import datetime

from hubgen.errors import ProblemsError
from hubgen.filetree import FileTree
from hubgen.kit.pages import render_kit_pages
from hubgen.kit.snippet_files import render_kit_files
from hubgen.memo import Memo
from hubgen.model import Message, Site, Snippet
from hubgen.templates import TemplateProblem

__all__ = ["render_kit"]


def render_kit(site: Site, snippets: dict[Message, list[Snippet]], now: datetime,
               memo: Memo | None = None) -> FileTree:
    """The internal channel kit: every message, drafts and embargoed ones included."""
    tree = FileTree()
    render_kit_files(site, snippets, tree)
    try:
        render_kit_pages(site, snippets, now, tree, memo)
    except TemplateProblem as exc:
        raise ProblemsError([exc.problem]) from None
    return tree
