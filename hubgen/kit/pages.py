"""The channel kit's pages: an overview of every message, and per message every snippet with
its copy button, its length against the limit and a preview of the post."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from hubgen import paths
from hubgen.channels.platforms import platform
from hubgen.channels.registry import CHANNELS
from hubgen.config import Config
from hubgen.content.dates import format_date, format_time
from hubgen.errors import Report
from hubgen.filetree import FileTree
from hubgen.kit.calendar import calendar_months
from hubgen.kit.ics import calendar_ics
from hubgen.memo import Memo, Namespace, each, fingerprint
from hubgen.model import Message, Site, Snippet
from hubgen.templates import Themes

__all__ = ["KitMessage", "KitSnippet", "render_kit_message_page", "render_kit_pages"]

CHANNEL_LABELS = {c.name: c.label("en") for c in CHANNELS}
"""The kit is in English."""


@dataclass(frozen=True)
class KitSnippet:
    snippet: Snippet
    label: str
    file: str
    """Kit path of the snippet's text file."""

    @property
    def percent(self) -> int:
        limit = self.snippet.limit
        return min(100, round(100 * self.snippet.length / limit)) if limit else 0


@dataclass(frozen=True)
class KitMessage:
    message: Message
    path: str
    public_url: str
    status: str
    """`published`, `scheduled`, `embargoed` or `draft`."""
    publish_at: datetime
    key_message: str
    snippets: tuple[KitSnippet, ...]

    @property
    def over_limit(self) -> int:
        return sum(not s.snippet.ok for s in self.snippets)

    @property
    def channels(self) -> list[str]:
        return list(dict.fromkeys(s.snippet.channel for s in self.snippets))

    def by_channel(self, channel: str) -> list[KitSnippet]:
        return [s for s in self.snippets if s.snippet.channel == channel]


def _status(message: Message, now: datetime) -> str:
    if message.draft:
        return "draft"
    if message.publish_at <= now:
        return "published"
    return "embargoed" if message.embargo and message.embargo > now else "scheduled"


def _label(snippet: Snippet) -> str:
    name = platform(snippet.platform).label if snippet.platform else ""
    if snippet.variant:
        return f"Post {snippet.variant}" + (f" · {name}" if name else "")
    return name or CHANNEL_LABELS[snippet.channel]


def kit_message(site: Site, message: Message, snippets: list[Snippet], now: datetime) -> KitMessage:
    return KitMessage(
        message=message,
        path=paths.kit_page(message),
        public_url=paths.site_paths(site.config).message_url(message),
        status=_status(message, now),
        publish_at=site.local(message.publish_at),
        key_message=message.key_message,
        snippets=tuple(KitSnippet(s, _label(s), paths.snippet_file(message, s)) for s in snippets),
    )


def render_kit_pages(site: Site, snippets: dict[Message, list[Snippet]], now: datetime,
                     tree: FileTree, memo: Memo | None = None) -> None:
    memo = memo or Memo()
    themes = Themes.for_kit(site.config, memo)
    config_key = fingerprint(site.config)
    # Remembered, so that a page showing an unchanged message is known unchanged at once.
    messages = memo.map(Namespace.KIT, [fingerprint(config_key, m, snippets.get(m, []), _status(m, now))
                                        for m in site.messages], Report(),
                        each(lambda i, _: kit_message(site, site.messages[i],
                                                      snippets.get(site.messages[i], []), now)))
    page = partial(_page, themes, site.config, tree)
    # Only the overview and the calendar list every message: a message page stays as it is
    # when another message changes.
    page("index.html", "", messages=messages)
    page("calendar.html", paths.KIT_CALENDAR, messages=messages, months=calendar_months(site, messages))
    tree.add_text(paths.KIT_CALENDAR_FILE, calendar_ics(site, messages, now, memo))
    for kit in messages:
        _message_page(page, site.config, kit, tree)
    for folder in themes.static_folders:
        for file in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if file.is_file():
                tree.add_copy(file.relative_to(folder).as_posix(), file)


def render_kit_message_page(site: Site, message: Message, snippets: list[Snippet], now: datetime,
                            themes: Themes, tree: FileTree) -> None:
    """One message's kit page alone, as render_kit_pages makes it: the preview's fast render."""
    kit = kit_message(site, message, snippets, now)
    _message_page(partial(_page, themes, site.config, tree), site.config, kit, tree)


def _message_page(page: Callable[..., None], config: Config, kit: KitMessage, tree: FileTree) -> None:
    page("message.html", kit.path, kit=kit)
    if kit.message.image:
        tree.add_copy(paths.kit_media(kit.message.image), config.content_path / kit.message.image)


def _page(themes: Themes, config: Config, tree: FileTree, template: str, path: str,
          **extra: object) -> None:
    context = {
        "site": config, "path": path, "channel_labels": CHANNEL_LABELS,
        "rel": partial(paths.relative_url, path, None), "domain": paths.site_paths(config).netloc,
        "format_date": lambda dt, style="medium": format_date(dt, style, "en"),
        "format_time": lambda dt: format_time(dt, "en"), **extra,
    }
    tree.add_bytes(paths.page_file(path), themes.render(template, context))
