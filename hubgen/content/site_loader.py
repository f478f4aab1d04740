"""Read every message under content/ and check what no single file can: unique slugs."""

from __future__ import annotations

from pathlib import Path

from hubgen.config import Config
from hubgen.content.frontmatter import FrontMatterError, parse_front_matter
from hubgen.content.message import build_message
from hubgen.content.tags import check_tag_pages
from hubgen.errors import Report
from hubgen.memo import Memo, Namespace, each, fingerprint
from hubgen.model import Message, Site
from hubgen.symlinks import list_files, outside_problem

__all__ = ["MAX_MESSAGE_BYTES", "is_message_file", "load_site", "read_message", "read_source"]

MAX_MESSAGE_BYTES = 128 * 1024
"""20 times the largest demo message. Markdown costs ~1.3 µs a character, but up to 60 µs in the
worst case (a body of `[`): at this limit, a hostile file costs seconds, not minutes."""


def is_message_file(path: Path) -> bool:
    """Markdown files, minus editor leftovers and files switched off with a leading _ or ."""
    name = path.name
    return name.endswith(".md") and not name.startswith((".", "_", "#", "~")) and "~" not in name


def load_site(config: Config, report: Report, memo: Memo | None = None) -> Site:
    """Every valid message of the site; problems of all files go to `report`.

    With a memo, a file is parsed again only when its text, the config or the set of other
    files under content/ (the images it may name) changed."""
    memo = memo or Memo()
    listing = list_files(config.content_path, config.root.resolve())
    for link, target in listing.outside:
        report.add(outside_problem(link, target, config.root))
    files = listing.files
    sources = [p for p in listing.visible(config.content_path) if is_message_file(p)]
    context = fingerprint(config, [p.relative_to(config.root) for p in files if p.suffix != ".md"])
    relatives = [path.relative_to(config.root) for path in sources]
    texts = [read_source(path) for path in sources]
    keys = [fingerprint(context, relative, data) for relative, data in zip(relatives, texts, strict=True)]
    messages = [m for m in memo.map(Namespace.MESSAGE, keys, report, each(
        lambda i, found: read_message(texts[i], relatives[i], config, found))) if m is not None]
    _check_unique(messages, report)
    check_tag_pages(messages, report)
    messages.sort(key=lambda m: (m.date, m.source.as_posix()), reverse=True)
    return Site(config, tuple(messages))


def read_source(path: Path) -> bytes:
    """The file's bytes, but no more than one past the limit: a huge file costs no memory."""
    with path.open("rb") as file:
        return file.read(MAX_MESSAGE_BYTES + 1)


def read_message(data: bytes, relative: Path, config: Config, report: Report) -> Message | None:
    if len(data) > MAX_MESSAGE_BYTES:
        report.error(relative.as_posix(), 1, "file", f"is larger than {MAX_MESSAGE_BYTES // 1024} kB",
                     "split it into several messages, or link long documents as files")
        return None
    try:
        front = parse_front_matter(data.decode("utf-8"))
    except FrontMatterError as exc:
        report.error(relative.as_posix(), exc.line, exc.field, exc.message, exc.fix)
        return None
    except UnicodeDecodeError:
        report.error(relative.as_posix(), 1, "file", "is not UTF-8 text", "save it as UTF-8")
        return None
    return build_message(front, relative, config, report)


def _check_unique(messages: list[Message], report: Report) -> None:
    pages: dict[tuple[str, str, str], Message] = {}
    versions: dict[tuple[str, str], Message] = {}
    for message in sorted(messages, key=lambda m: m.source.as_posix()):
        page = (message.lang, message.section, message.slug)
        if (first := pages.setdefault(page, message)) is not message:
            report.error(message.source.as_posix(), message.line("slug") if "slug" in message.lines
                         else message.line("title"), "slug",
                         f"'{message.slug}' is already used by {first.source.as_posix()}",
                         "give this message its own slug")
        version = (message.translation_key, message.lang)
        if (first := versions.setdefault(version, message)) is not message:
            report.error(message.source.as_posix(), message.line("translation_key"),
                         "translation_key",
                         f"{first.source.as_posix()} is already the '{message.lang}' version of"
                         f" '{message.translation_key}'", "set lang or use another translation_key")
