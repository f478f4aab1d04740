"""Finding the message a command is about, as a writer names it: its slug, its file (path or
name, with or without `.md`) or its translation key."""

from __future__ import annotations

import difflib
from pathlib import Path

from hubgen.errors import UsageError
from hubgen.model import Message, Site

__all__ = ["find_messages"]


def _stem(message: Message) -> str:
    return message.source.name.removesuffix(".md")


def _names(message: Message) -> set[str]:
    stem = _stem(message)
    return {message.slug, message.translation_key, stem, stem.removesuffix(f".{message.lang}")}


def _is_file(message: Message, name: str, root: Path) -> bool:
    given = Path(name)
    source = root / message.source
    if "/" not in name and message.source.name == name:
        return True
    return (Path.cwd() / given).resolve() == source.resolve() or (root / given).resolve() == source


def find_messages(site: Site, name: str, lang: str | None, root: Path) -> list[Message]:
    """The messages `name` stands for, in `lang` or else in one language: the site's own if
    the message has a version in it. UsageError, with the nearest names, when there is none."""
    if "/" in name or name.endswith(".md"):
        found = [m for m in site.messages if _is_file(m, name, root)]
    else:
        found = [m for m in site.messages if name in _names(m)]
    if not found:
        known = sorted({n for m in site.messages for n in _names(m) - {_stem(m)}})
        close = difflib.get_close_matches(name.rsplit("/", 1)[-1].removesuffix(".md"), known, n=3)
        fix = ("did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else
               "give a slug, a file name or a translation key")
        raise UsageError(f"no message '{name}' ({fix})")
    languages = [code for code in site.config.site.languages if any(m.lang == code for m in found)]
    languages += sorted({m.lang for m in found} - set(languages))
    if lang is not None and lang not in languages:
        raise UsageError(f"'{name}' has no version in '{lang}' (it has: {', '.join(languages)})")
    default = site.config.site.language
    chosen = lang or (default if default in languages else languages[0])
    return [m for m in found if m.lang == chosen]
