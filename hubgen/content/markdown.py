"""The one Markdown dialect of hubgen: CommonMark, tables, footnotes, anchors, local quotes.

Both the HTML renderer and the plain-text channels parse with this, so they agree."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from hubgen.content.slug import slugify

__all__ = ["QUOTES", "markdown_parser", "parse_markdown"]

# Typographic quotes as each language prints them: double pair, then single pair.
QUOTES = {"de": "„“‚‘", "en": "“”‘’", "fr": "«»‹›", "es": "«»“”", "it": "«»“”", "nl": "“”‘’",
          "da": "»«›‹", "pl": "„”‚’"}


@cache
def markdown_parser(lang: str) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"typographer": True, "quotes": QUOTES.get(lang, QUOTES["en"])})
    md.enable(["table", "strikethrough", "replacements", "smartquotes"])
    md.use(footnote_plugin)
    md.use(anchors_plugin, min_level=2, max_level=4, slug_func=lambda s: slugify(s) or "section",
           permalink=False)
    return md


def parse_markdown(text: str, lang: str) -> list[Token]:
    return markdown_parser(lang).parse(text)
