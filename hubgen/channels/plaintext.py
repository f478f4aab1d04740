"""Markdown as clean text for e-mail and wire services: no markup, links as [n] references."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token

from hubgen.content.markdown import parse_markdown

__all__ = ["PlainText", "to_plain_text"]


@dataclass
class PlainText:
    paragraphs: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    """Link targets, numbered from 1 as referenced in the text."""


def to_plain_text(markdown: str, lang: str) -> PlainText:
    """Paragraphs of text (headings, list items and table rows each a paragraph)."""
    out = PlainText()
    prefixes: list[str] = []
    numbers: list[int] = []
    row: list[str] = []
    in_cell = False
    for token in parse_markdown(markdown, lang):
        kind = token.type
        if kind == "bullet_list_open":
            numbers.append(0)
        elif kind == "ordered_list_open":
            numbers.append(int(token.attrGet("start") or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            numbers.pop()
        elif kind == "list_item_open":
            prefixes.append(_bullet(numbers))
        elif kind == "list_item_close":
            prefixes.pop()
        elif kind == "footnote_open":
            prefixes.append(_footnote_mark(token.meta["id"]) + " ")
        elif kind == "footnote_close":
            prefixes.pop()
        elif kind in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = kind.endswith("_open")
        elif kind == "tr_close":
            out.paragraphs.append(" | ".join(row))
            row = []
        elif kind in ("fence", "code_block"):  # code is text too: kept as written
            out.paragraphs.append(token.content.rstrip("\n"))
        elif kind == "inline" and token.children is not None:
            text = _inline(token.children, out.links)
            if in_cell:
                row.append(text)
            else:
                indent = "   " * max(len(prefixes) - 1, 0)
                out.paragraphs.append(indent + (prefixes[-1] if prefixes else "") + text)
                if prefixes:  # the next paragraph in the same item continues it
                    prefixes[-1] = " " * len(prefixes[-1])
    return out


def _bullet(numbers: list[int]) -> str:
    if not numbers or numbers[-1] == 0:
        return "- "
    numbers[-1] += 1
    return f"{numbers[-1] - 1}. "


def _footnote_mark(index: int) -> str:
    """Footnotes are marked ¹ ² ³, so they can't be mistaken for the [n] link references."""
    return str(index + 1).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _inline(children: list[Token], links: list[str]) -> str:
    parts: list[str] = []
    pending: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content if child.type != "html_inline" else "")
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" " if child.type == "softbreak" else "\n")
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "link_open":
            pending.append(str(child.attrGet("href") or ""))
        elif child.type == "link_close" and pending:
            href = pending.pop()
            if href.startswith(("http://", "https://", "mailto:")) and href not in parts[-1:]:
                if href not in links:  # a target linked twice keeps its first number
                    links.append(href)
                parts.append(f" [{links.index(href) + 1}]")
        elif child.type == "footnote_ref":
            parts.append(_footnote_mark(child.meta["id"]))
    return "".join(parts).strip()
