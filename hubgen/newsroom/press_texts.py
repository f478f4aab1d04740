"""The press-release text of each published message, beside its page as press.txt."""

from __future__ import annotations

from collections.abc import Iterable

from hubgen.filetree import FileTree
from hubgen.model import Site, Snippet
from hubgen.paths import site_paths

__all__ = ["render_press_texts"]


def render_press_texts(site: Site, snippets: Iterable[Snippet], tree: FileTree) -> None:
    messages, paths = {m.source: m for m in site.messages}, site_paths(site.config)
    for snippet in snippets:
        message = messages.get(snippet.source)
        if snippet.channel == "press" and message is not None:
            tree.add_text(paths.press_text(message), snippet.text)
