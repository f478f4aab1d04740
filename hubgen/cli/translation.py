"""`hubgen new --translation-of FILE --lang L`: the linked version of a message in another
language, with its facts, dates and structure copied and every text marked for translation."""

from __future__ import annotations

import re
from typing import Any

import yaml

from hubgen.checks.numbers import decimal_mark
from hubgen.content.placeholders import TRANSLATE, placeholders
from hubgen.model import Message

__all__ = ["translation"]

KEPT = {"date", "embargo", "slug", "image", "contact", "tags"}
"""Copied as they are: the same instants in every language (the checks compare them), and
names. The facts are copied with their numbers in the new language's format (`40.000` is
`40,000` in English); everything else that is text is marked."""
_NUMBER = re.compile(r"\d[\d.,]*\d")


def translation(original: Message, front: dict[str, Any], body: str, lang: str) -> str:
    mark = TRANSLATE.get(lang, TRANSLATE["en"])
    data: dict[str, Any] = {}
    for key, value in front.items():
        if key == "facts" and isinstance(value, dict):
            data[key] = {name: _numbers(fact, original.lang, lang) for name, fact in value.items()}
        else:
            data[key] = value if key in KEPT else _marked(value, mark)
    data.update(lang=lang, translation_key=original.translation_key, draft=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=False)
    body = body.strip("\n")
    body = f"{mark}\n\n{body}" if body else placeholders(lang)["body"]
    return f"---\n{text}---\n{body}\n"


def _marked(value: Any, mark: str) -> Any:
    if isinstance(value, str):
        return f"{mark} {value}" if value.strip() else value
    if isinstance(value, list):
        return [_marked(v, mark) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("url", "hashtags") else _marked(v, mark) for k, v in value.items()}
    return value


def _numbers(value: Any, source: str, target: str) -> Any:
    if not isinstance(value, str) or decimal_mark(source) == decimal_mark(target):
        return value
    return _NUMBER.sub(lambda m: m[0].translate(str.maketrans(".,", ",.")), value)
