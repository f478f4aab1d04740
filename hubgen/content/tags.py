"""Tags share a page when their slugs agree: `Solar` and `solar` are one tag by design, but
`Ä` and `ae`, or `CO2` and `CO₂`, are probably not meant to be one."""

from __future__ import annotations

from hubgen.content.slug import slugify
from hubgen.errors import Report
from hubgen.model import Message

__all__ = ["check_same_page", "check_tag_pages"]


def check_same_page(report: Report, path: str, line: int, field: str, tag: str, first: str,
                    where: str) -> None:
    """Warn when `tag` lands on the page of `first`, written differently beyond case.

    A warning, not an error: the page is still right (it lists every message of both), and
    writers vary case all the time; but the second spelling is never shown as a title."""
    if tag.casefold() != first.casefold():
        report.warning(path, line, field, f"'{tag}' shares the page tags/{slugify(tag)}/ with"
                       f" '{first}' {where}", f"write '{first}', or a tag of its own")


def check_tag_pages(messages: list[Message], report: Report) -> None:
    """Across messages of one language: name the file whose spelling came first (file order)."""
    first: dict[tuple[str, str], tuple[str, Message]] = {}
    for message in sorted(messages, key=lambda m: m.source.as_posix()):
        for tag in message.tags:
            known, owner = first.setdefault((message.lang, slugify(tag)), (tag, message))
            if owner is not message:
                check_same_page(report, message.source.as_posix(), message.line("tags"), "tags", tag,
                                known, f"in {owner.source.as_posix()}")
