"""Heading anchors: the ids mdit_py_plugins' anchors plugin makes, in time linear in the headings."""

from __future__ import annotations

import time

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from hubgen.content.markdown import QUOTES, markdown_parser
from hubgen.content.slug import slugify

TEXTS = [
    "## a\n## a\n## a-1\n### a\n# a\n##### a\n## `a` b\n## 🙂\n## 🙂\n## section\n",
    "## Größe „Zahlen“\n\n## Größe \"Zahlen\"\n\nText [^1]\n\n[^1]: Fuß\n\n## Größe *Zahlen*\n",
    "- ## in einer Liste\n\n> ## im Zitat\n\n## in einer Liste\n",
]


def _plugin_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"typographer": True, "quotes": QUOTES["de"]})
    md.enable(["table", "strikethrough", "replacements", "smartquotes"])
    md.use(footnote_plugin)
    md.use(anchors_plugin, min_level=2, max_level=4, slug_func=lambda s: slugify(s) or "section")
    return md


@pytest.mark.parametrize("text", TEXTS)
def test_ids_are_the_plugins(text: str) -> None:
    assert markdown_parser("de").render(text) == _plugin_parser().render(text)


def test_many_headings_alike_take_linear_time() -> None:
    started = time.perf_counter()
    html = markdown_parser("de").render("## Ergebnis\n" * 16_000)
    assert time.perf_counter() - started < 5  # the plugin takes minutes
    assert html.count('id="ergebnis-') == 15_999 and 'id="ergebnis-15999"' in html
