"""What the checks read of a message: each text written for it, as written and as rendered, with
its field and line; and the body as lines of plain text, links and images with their file line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it.token import Token

from hubgen.channels.channel import WrittenField
from hubgen.channels.registry import channels_made
from hubgen.channels.template import SnippetTemplateError, render_text
from hubgen.channels.values import render_key_message, template_values
from hubgen.content.markdown import parse_markdown
from hubgen.model import Message, Site
from hubgen.paths import site_paths

__all__ = ["Body", "Reference", "Written", "body_of", "written_texts"]


@dataclass(frozen=True)
class Written:
    field: str
    """The front-matter field: `summary`, `channels.social.x`, `channels.advocacy.1`."""
    line: int
    raw: str
    """As written, templates and all."""
    text: str
    """Rendered with the message's values; "" when the template is broken (already reported)."""


_PLAIN = ("title", "summary")
"""Text, never templates: `{{` in a title is what the title says."""


def _values(site: Site, message: Message) -> dict[str, str] | None:
    """What snippet templates can use; None when the key message itself is broken."""
    url = site_paths(site.config).message_url(message)
    key = render_key_message(message, url)
    return None if key is None else template_values(message, url, key)


def _render(message: Message, raw: str, values: dict[str, str] | None) -> str:
    try:
        return render_text(raw, values, message.facts) if values is not None else ""
    except SnippetTemplateError:
        return ""


def _channel_texts(site: Site, message: Message) -> list[WrittenField]:
    """(field, value) of every snippet text written in `channels:` for an enabled channel."""
    return [found for channel in channels_made(site.config)
            for found in channel.written_fields(message.channels.get(channel.name), site.config)]


def written_texts(site: Site, message: Message, *, snippets_only: bool = False) -> list[Written]:
    """The message's own texts: title, summary, key message and every written snippet text."""
    fields: list[WrittenField] = [] if snippets_only else [
        ("title", message.title), ("summary", message.summary), ("key_message", message.key_message)]
    fields += _channel_texts(site, message)
    values = _values(site, message)
    return [Written(name, message.line(name), str(value), str(value) if name in _PLAIN
                    else _render(message, str(value), values))
            for name, value in fields
            if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value)]


@dataclass(frozen=True)
class Reference:
    """A link or an image in the body."""

    line: int
    kind: str
    """`link` or `image`."""
    target: str
    alt: str = ""


@dataclass(frozen=True)
class Body:
    lines: list[tuple[int, str]] = field(default_factory=list)
    """Plain text by file line: each paragraph line, table cell and heading (no code, no URLs)."""
    references: list[Reference] = field(default_factory=list)
    row_labels: dict[int, str] = field(default_factory=dict)
    """Index in `lines` of a table cell -> the first cell of its row, when that names what the
    row states (`| Leistung | 35 MW |`: a fact box of two columns); read as `Leistung: 35 MW`."""

    def labelled_lines(self) -> list[tuple[int, str]]:
        """`lines`, with each table cell behind the label of its row."""
        return [(line, f"{self.row_labels[n]}: {text}" if n in self.row_labels else text)
                for n, (line, text) in enumerate(self.lines)]


_HTML_TAG = re.compile(r"<(img|a)\b([^>]*)>", re.IGNORECASE)
_HTML_ATTR = re.compile(r"""\b(src|href|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def _html_references(html: str, line: int) -> list[Reference]:
    found = []
    for tag in _HTML_TAG.finditer(html):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in _HTML_ATTR.finditer(tag.group(2))}
        kind = "image" if tag.group(1).lower() == "img" else "link"
        target = attrs.get("src" if kind == "image" else "href")
        if target is not None:
            # No alt attribute at all reads as "" here: an image needs one either way.
            found.append(Reference(line + html.count("\n", 0, tag.start()), kind, target,
                                   attrs.get("alt", "")))
    return found


def _inline(token: Token, first_line: int, body: Body) -> None:
    line, parts = first_line, list[str]()
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            body.lines.append((line, "".join(parts)))
            line, parts = line + 1, []
        elif child.type == "text":
            parts.append(child.content)
        elif child.type == "image":
            body.references.append(Reference(line, "image", str(child.attrGet("src") or ""),
                                             child.content))
            parts.append(" " + child.content + " ")
        elif child.type == "link_open":
            body.references.append(Reference(line, "link", str(child.attrGet("href") or "")))
        elif child.type == "html_inline":
            body.references.extend(_html_references(child.content, line))
        elif child.type == "code_inline":
            parts.append("\x00")  # code is not prose: nothing in it is a figure or a term
    body.lines.append((line, "".join(parts)))


_ROW_LABEL = re.compile(r"[^\W\d_][\w-]*(?: [^\W\d_][\w-]*){0,2}")
"""A row's first cell that is a label: up to three words, no figure."""


# Every check of a message reads its body: parsed once per message. Not once per build: a
# cache the site's size kept every body in each worker of a message pass.
@lru_cache(maxsize=256)
def _parse(text: str, lang: str, body_line: int) -> Body:
    body = Body()
    row: list[int] | None = None  # indexes in body.lines of the cells of the row being read
    for token in parse_markdown(text, lang):
        first = body_line + token.map[0] if token.map else body_line
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row:
            # Two cells only: with more, the columns' headings say what each figure is
            # (`| Umsatz | Q3 2025 | Q3 2026 |`), the row's label alone doesn't.
            label = body.lines[row[0]][1].strip()
            if len(row) == 2 and _ROW_LABEL.fullmatch(label):
                body.row_labels.update(dict.fromkeys(row[1:], label))
            row = None
        elif token.type == "inline":
            if row is not None:
                row.append(len(body.lines))
            _inline(token, first, body)
        elif token.type == "html_block":
            body.references.extend(_html_references(token.content, first))
    return body


def body_of(message: Message) -> Body:
    """The body of `message`, read once however many checks ask."""
    return _parse(message.body, message.lang, message.body_line)
