"""The one Markdown dialect of hubgen: CommonMark, tables, footnotes, anchors, local quotes.

Both the HTML renderer and the plain-text channels parse with this, so they agree."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from hubgen.content.slug import slugify

__all__ = ["QUOTES", "markdown_parser", "parse_markdown", "render_markdown"]

# Typographic quotes as each language prints them: double pair, then single pair.
QUOTES = {"de": "„“‚‘", "en": "“”‘’", "fr": "«»‹›", "es": "«»“”", "it": "«»“”", "nl": "“”‘’",
          "da": "»«›‹", "pl": "„”‚’"}


@cache
def markdown_parser(lang: str) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"typographer": True, "quotes": QUOTES.get(lang, QUOTES["en"])})
    md.enable(["table", "strikethrough", "replacements", "smartquotes"])
    md.use(footnote_plugin)
    md.core.ruler.push("anchor", _anchors)
    return md


def _anchors(state: StateCore) -> None:
    """An `id` for each h2-h4, as mdit_py_plugins' anchors plugin makes them (`x`, `x-1`, `x-2`),
    but remembering the next number to try per slug: the plugin tries every number again for
    each heading, so 16,000 headings alike (80 kB) took minutes."""
    taken: set[str] = set()
    next_number: dict[str, int] = {}
    for index, token in enumerate(state.tokens):
        if token.type != "heading_open" or token.tag not in ("h2", "h3", "h4"):
            continue
        children = state.tokens[index + 1].children or []
        base = slug = slugify("".join(child.content for child in children
                                      if child.type in ("text", "code_inline"))) or "section"
        if slug in taken:
            number = next_number.get(base, 1)
            while (slug := f"{base}-{number}") in taken:
                number += 1
            next_number[base] = number + 1
        taken.add(slug)
        token.attrSet("id", slug)


def parse_markdown(text: str, lang: str) -> list[Token]:
    """The tokens of `text`; shared, not to be changed."""
    return _parsed(text, lang)[0]


def render_markdown(text: str, lang: str) -> str:
    """`text` as HTML, from the same tokens as `parse_markdown`."""
    md = markdown_parser(lang)
    tokens, env = _parsed(text, lang)
    return str(md.renderer.render(tokens, md.options, env))


@lru_cache(maxsize=16)
def _parsed(text: str, lang: str) -> tuple[list[Token], dict[str, Any]]:
    """One parse per body: a message's pass reads it for its page, its channels' plain text
    and its checks, one after another (the footnotes' references are kept in `env`)."""
    env: dict[str, Any] = {}
    return markdown_parser(lang).parse(text, env), env
