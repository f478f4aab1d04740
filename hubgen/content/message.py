"""Turn one file's front matter into a Message, reporting every bad field."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hubgen.config import Config
from hubgen.content.dates import parse_datetime
from hubgen.content.frontmatter import FrontMatter
from hubgen.content.slug import SLUG_RE, slugify
from hubgen.content.tags import check_same_page
from hubgen.errors import Report, suggest
from hubgen.filetree import safe_relative
from hubgen.model import Message

__all__ = ["FIELDS", "build_message"]

FIELDS = (
    "title", "date", "summary", "lang", "slug", "translation_key", "key_message", "facts", "tags",
    "image", "image_alt", "contact", "embargo", "draft", "channels", "image_credit", "image_focus",
)
REQUIRED = ("title", "date", "summary")
# Written with no value (`embargo:`, `draft: ~`), these would silently mean "left out": no
# embargo, not a draft. Empty tags, facts, image or contact mean "none" either way.
NOT_EMPTY = {
    "embargo": "remove the line for no embargo, or write embargo: YYYY-MM-DD HH:MM",
    "draft": "write draft: true, or remove the line to publish",
    "lang": "remove the line for the site's language, or name one",
    "slug": "remove the line to make the slug from the title, or write one",
    "translation_key": "remove the line, or write the key its translations share",
}
MAX_BRACKETS = 2000
"""`[` opens links, images and footnotes, the costliest Markdown to parse: up to 60 µs each,
against 1.3 µs for a character of prose. A long message has a hundred."""
QUOTE = 'put it in quotes, e.g. "yes": alone, yes, no, on, off, true and false mean true/false'
FACT_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class _Fields:
    """Reads fields of one file; every problem goes to the report with the field's line."""

    data: dict[str, Any]
    lines: dict[str, int]
    path: str
    report: Report

    def problem(self, name: str, message: str, fix: str) -> None:
        line = self.lines.get(name) or self.lines.get(name.split(".")[0]) or 1
        self.report.error(self.path, line, name, message, fix)

    def text(self, name: str, default: str = "") -> str:
        value = self.data.get(name, default)
        if value is None:
            return default
        if isinstance(value, (dict, list, bool)):
            self.problem(name, f"must be text, not {_kind(value)}",
                         QUOTE if isinstance(value, bool) else f"write {name}: some text")
            return default
        return str(value).strip()

    def date(self, name: str, config: Config) -> datetime | None:
        value = self.data.get(name)
        if value is None:
            return None
        try:
            return parse_datetime(str(value), config.site.timezone)
        except ValueError as exc:
            self.problem(name, f"bad date: {exc}",
                         "write YYYY-MM-DD or YYYY-MM-DD HH:MM, optionally with +01:00")
            return None


def _kind(value: object) -> str:
    names = {dict: "a mapping", list: "a list", bool: "true/false", type(None): "empty", str: "text"}
    return names.get(type(value), type(value).__name__)


def build_message(front: FrontMatter, path: Path, config: Config, report: Report) -> Message | None:
    """Validate the front matter of the file at `path` (relative to the site root)."""
    fields = _Fields(front.data, front.lines, path.as_posix(), report)
    before = len(report.errors)
    _check_names(fields)
    _check_body(front, fields)
    title = fields.text("title")
    date = fields.date("date", config)
    lang = _lang(fields, path, config)
    tags = _tags(fields)
    image, image_alt = _image(fields, config)
    draft = fields.data.get("draft", False)
    if not isinstance(draft, bool) and draft is not None:  # None: reported as empty
        fields.problem("draft", f"must be true or false, not {_kind(draft)}", "write draft: true")
    channels = fields.data.get("channels", {}) or {}
    if not isinstance(channels, dict):
        fields.problem("channels", f"must be a mapping, not {_kind(channels)}",
                       "write channels: with one indented key per channel")
        channels = {}
    message = Message(
        source=path,
        title=title,
        date=date or datetime.min,
        summary=fields.text("summary"),
        lang=lang,
        slug=_slug(fields, title),
        section=_section(fields, path),
        translation_key=fields.text("translation_key") or _default_translation_key(path, lang),
        body=front.body,
        body_line=front.body_line,
        key_message=fields.text("key_message"),
        facts=_facts(fields),
        tags=tags,
        image=image,
        image_alt=image_alt,
        image_credit=fields.text("image_credit"),
        image_focus=_focus(fields),
        contact=_contact(fields, config),
        embargo=fields.date("embargo", config),
        draft=draft is True,
        channels=channels,
        lines=dict(front.lines),
    )
    return message if len(report.errors) == before else None


def _check_names(fields: _Fields) -> None:
    for name in fields.data:
        if name not in FIELDS:
            fields.problem(str(name), "unknown field",
                           suggest(name, FIELDS, "remove it or check the spelling"))
    for name, fix in NOT_EMPTY.items():
        if name in fields.data and fields.data[name] is None:
            fields.problem(name, "is empty", fix)
    for name in REQUIRED:
        value = fields.data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            fields.report.error(fields.path, fields.lines.get(name, 1), name,
                                "missing" if name not in fields.data else "is empty",
                                f"add '{name}: …' to the front matter")


def _check_body(front: FrontMatter, fields: _Fields) -> None:
    if front.body.count("[") > MAX_BRACKETS:
        *_, last = itertools.islice(re.finditer(r"\[", front.body), MAX_BRACKETS + 1)
        fields.report.error(fields.path, front.body_line + front.body.count("\n", 0, last.start()),
                            "body", f"has more than {MAX_BRACKETS:,} '[' (links, images, footnotes)",
                            "split it into several messages")


def _lang(fields: _Fields, path: Path, config: Config) -> str:
    suffix = path.suffixes[-2][1:] if len(path.suffixes) > 1 else ""
    default = suffix if suffix in config.site.languages else config.site.language
    lang = fields.text("lang", default)
    if lang not in config.site.languages:
        fields.problem("lang", f"'{lang}' is not a language of this site",
                       "use one of " + ", ".join(config.site.languages) + " or add it to [site] languages")
        return config.site.language
    return lang


def _slug(fields: _Fields, title: str) -> str:
    if fields.data.get("slug") is None:
        return slugify(title) or "message"
    slug = fields.text("slug")
    if not SLUG_RE.match(slug):
        fields.problem("slug", f"'{slug}' is not a valid slug",
                       f"use lowercase letters, digits and hyphens, e.g. '{slugify(slug) or 'my-news'}'")
    return slug


def _section(fields: _Fields, path: Path) -> str:
    if len(path.parts) <= 2:
        return "news"
    section = path.parts[1]
    if not SLUG_RE.match(section):
        fields.report.error(fields.path, 1, "path", f"folder '{section}' can't be a URL section",
                            f"rename it to '{slugify(section) or 'news'}'")
    return section


def _default_translation_key(path: Path, lang: str) -> str:
    """Files `x.md` and `x.en.md` in one folder are versions of one message."""
    name = path.name.removesuffix(".md").removesuffix(f".{lang}")
    return (path.parent / name).as_posix()


def _tags(fields: _Fields) -> tuple[str, ...]:
    """The tags as first written per tag page: 'Solar' and 'solar' are one tag (one page)."""
    value = fields.data.get("tags", [])
    if not isinstance(value, list):
        if value is not None:
            fields.problem("tags", f"must be a list of words, not {_kind(value)}",
                           "write tags: [A, B]")
        return ()
    pages: dict[str, str] = {}
    for index, tag in enumerate(value):
        name = f"tags.{index}"
        if not isinstance(tag, str):
            fields.problem(name, f"must be a word, not {_kind(tag)}",
                           QUOTE if isinstance(tag, bool) else "write one word per tag")
        elif not (slug := slugify(tag)):
            if tag.strip():
                fields.problem(name, f"'{tag}' has no letter or digit for its page address",
                               "use a word, such as the topic's name")
        elif slug in pages:
            check_same_page(fields.report, fields.path, fields.lines.get(name, 1), name,
                            tag.strip(), pages[slug], "in this message")
        else:
            pages[slug] = tag.strip()
    return tuple(pages.values())


def _image(fields: _Fields, config: Config) -> tuple[str, str]:
    image, alt = fields.text("image"), fields.text("image_alt")
    if not image:
        return "", alt
    if not _inside(image):  # as written: where links lead is the content walk's to check
        fields.problem("image", f"'{image}' is outside {config.site.content_dir}/",
                       f"put the image inside {config.site.content_dir}/ and give its path from there")
    elif not (config.content_path / image).is_file():
        fields.problem("image", f"file '{image}' not found in {config.site.content_dir}/",
                       "check the path; it is relative to the content folder")
    if not alt:  # reported on image_alt's line, or on image's when it is left out
        fields.report.error(fields.path, fields.lines.get("image_alt") or fields.lines.get("image", 1),
                            "image_alt", "is required when image is set",
                            "describe the image for readers who can't see it")
    return image, alt


FOCUS_WORDS = {"center": (0.5, 0.5), "left": (0.0, 0.5), "right": (1.0, 0.5),
               "top": (0.5, 0.0), "bottom": (0.5, 1.0)}
FOCUS_FIX = 'write a word (left, center, right, top, bottom) or "x y" from 0 to 1, e.g. "0.3 0.6"'


def _focus(fields: _Fields) -> tuple[float, float]:
    """`image_focus`: the point crops keep, as a word or as "x y" fractions of width and height."""
    value = fields.data.get("image_focus")
    if value is None:
        return FOCUS_WORDS["center"]
    if isinstance(value, (dict, list, bool)):
        fields.problem("image_focus", f"must be text, not {_kind(value)}", FOCUS_FIX)
        return FOCUS_WORDS["center"]
    text = str(value).strip().lower()
    if text in FOCUS_WORDS:
        return FOCUS_WORDS[text]
    parts = text.replace(",", " ").split()
    try:
        x, y = (float(part) for part in parts) if len(parts) == 2 else (-1.0, -1.0)
    except ValueError:
        x = y = -1.0
    if not (0 <= x <= 1 and 0 <= y <= 1):
        fields.problem("image_focus", f"'{value}' is not a focal point", FOCUS_FIX)
        return FOCUS_WORDS["center"]
    return x, y


def _inside(path: str) -> bool:
    try:
        safe_relative(path)
    except ValueError:
        return False
    return True


def _facts(fields: _Fields) -> dict[str, str]:
    value = fields.data.get("facts", {}) or {}
    if not isinstance(value, dict):
        fields.problem("facts", f"must be a mapping, not {_kind(value)}",
                       "write facts: then 'name: value' lines")
        return {}
    facts = {}
    for key, fact in value.items():
        if not isinstance(key, str) or not FACT_KEY_RE.match(key):
            fields.problem(f"facts.{key}", "not a usable fact name",
                           "use letters, digits and _ so that {{ facts.name }} works")
        elif not isinstance(fact, str):  # numbers are read as the text written (frontmatter.py)
            fields.problem(f"facts.{key}", f"must be text or a number, not {_kind(fact)}",
                           QUOTE if isinstance(fact, bool) else
                           'write it as a single value such as "40.000"')
        else:
            facts[key] = fact
    return facts


def _contact(fields: _Fields, config: Config) -> str:
    contact = fields.text("contact")
    if contact and contact not in config.contacts:
        known = ", ".join(sorted(config.contacts))
        fields.problem("contact", f"unknown contact '{contact}'",
                       f"use one of: {known}; contacts are defined in hubgen.toml [contacts.NAME]"
                       if known else f"define it in hubgen.toml as [contacts.{contact}]")
    return contact


