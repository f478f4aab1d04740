"""One voice: the `[glossary]` of hubgen.toml, a preferred term with the variants to avoid.

Flags, as warnings, each variant in a message's title, summary, key message, facts, image text,
written snippet texts and body, at the line of the field (in the body: the file line where it
stands), with the preferred term. Variants match as written (case-sensitive) and as whole words:
letters, digits and hyphens on either side make a longer word, which is not flagged
(`Solar-Parkplatz` holds no `Solar-Park`). Nor is a variant inside an occurrence of the
preferred term itself, or inside a URL, hashtag or code span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from hubgen.checks.written import body_of, written_texts
from hubgen.errors import Report
from hubgen.model import Message, Site

__all__ = ["check_glossary", "variants_in"]

_NOT_PROSE = re.compile(r"https?://\S+|www\.\S+|(?<![\w&])[#@][\w.@-]*\w|\{\{.*?\}\}")


@lru_cache(maxsize=256)
def _whole_word(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")


def variants_in(text: str, glossary: dict[str, tuple[str, ...]]) -> Iterator[tuple[str, str]]:
    """(variant, preferred term) for each variant written in `text`."""
    text = _NOT_PROSE.sub(lambda m: "\x00" * len(m.group()), text)
    for preferred, variants in glossary.items():
        # Longest first: "Nordlicht Energy" is one variant, not also the variant "Nordlicht".
        taken = [m.span() for m in _whole_word(preferred).finditer(text)]
        for variant in sorted(variants, key=len, reverse=True):
            for match in _whole_word(variant).finditer(text):
                if not any(start <= match.start() and match.end() <= end for start, end in taken):
                    taken.append(match.span())
                    yield variant, preferred


def _fields(site: Site, message: Message) -> Iterator[tuple[str, int, str]]:
    for written in written_texts(site, message):
        yield written.field, written.line, written.raw
    for key, value in message.facts.items():
        yield f"facts.{key}", message.line(f"facts.{key}"), value
    if message.image_alt:
        yield "image_alt", message.line("image_alt"), message.image_alt
    for line, text in body_of(message).lines:
        yield "body", line, text


def check_glossary(site: Site, report: Report) -> None:
    glossary = site.config.glossary
    if not glossary:
        return
    for message in site.messages:
        for field, line, text in _fields(site, message):
            for variant, preferred in variants_in(text, glossary):
                report.warning(message.source.as_posix(), line, field,
                               f"'{variant}' is a variant of '{preferred}'", f"write '{preferred}'")
