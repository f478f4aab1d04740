"""The press-release text of each published message, beside its page as press.txt."""

from __future__ import annotations

from collections.abc import Iterable

from hubgen.filetree import FileTree
from hubgen.model import Site, Snippet

__all__ = ["render_press_texts"]


def render_press_texts(site: Site, snippets: Iterable[Snippet], tree: FileTree) -> None:
    messages = {m.source: m for m in site.messages}
    for snippet in snippets:
        message = messages.get(snippet.source)
        if snippet.channel == "press" and message is not None:
            tree.add_text(site.path_of(message) + "press.txt", snippet.text)
