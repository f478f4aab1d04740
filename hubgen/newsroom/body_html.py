"""Markdown to HTML, in the dialect of hubgen.content.markdown."""

from __future__ import annotations

from hubgen.content.markdown import markdown_parser

__all__ = ["render_markdown"]


def render_markdown(text: str, lang: str) -> str:
    return str(markdown_parser(lang).render(text))
