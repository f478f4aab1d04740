"""The typed model every layer above content shares: Site and Message."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from hubgen.config import Config

__all__ = ["Message", "Site", "Snippet"]


@dataclass(frozen=True, eq=False)
class Message:
    """One message: a Markdown file with validated front matter."""

    source: Path
    """Path relative to the site root, as shown in error messages."""
    title: str
    date: datetime
    summary: str
    lang: str
    slug: str
    section: str
    """First folder under content/ (`news`, `jobs`); `news` for files at its top."""
    translation_key: str
    body: str
    body_line: int
    """File line on which the Markdown body starts."""
    key_message: str = ""
    facts: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    image: str = ""
    """Path relative to content/."""
    image_alt: str = ""
    image_credit: str = ""
    """Who took or owns the picture, shown under it and in the press kit's gallery."""
    image_focus: tuple[float, float] = (0.5, 0.5)
    """The picture's point (x, y from 0 to 1, left/top first) that crops keep: share images."""
    contact: str = ""
    embargo: datetime | None = None
    draft: bool = False
    channels: dict[str, Any] = field(default_factory=dict)
    """The raw `channels:` mapping; the channel layer validates and types it."""
    lines: dict[str, int] = field(default_factory=dict)
    """Front-matter line of each field, dotted for nested keys (`channels.social.x`)."""

    @property
    def publish_at(self) -> datetime:
        """The instant the message may be public: its date, or its embargo if later."""
        return max(self.date, self.embargo) if self.embargo else self.date

    def is_public(self, now: datetime) -> bool:
        return not self.draft and self.publish_at <= now

    def line(self, dotted_field: str) -> int:
        """The line of a field, or of its nearest written parent, or of the front matter."""
        parts = dotted_field.split(".")
        for end in range(len(parts), 0, -1):
            if (found := self.lines.get(".".join(parts[:end]))) is not None:
                return found
        return 1


@dataclass(frozen=True)
class Site:
    """The configuration and every message, in date order, newest first."""

    config: Config
    messages: tuple[Message, ...]

    def local(self, instant: datetime) -> datetime:
        """An instant in the site's time zone, as pages, texts and the kit show it."""
        return instant.astimezone(self.config.site.timezone)

    def versions(self, message: Message) -> tuple[Message, ...]:
        """Every language version of a message (one `translation_key`), itself included, in
        site language order."""
        return self._versions.get(message.translation_key, (message,))

    def translations(self, message: Message) -> list[Message]:
        """The other language versions of a message, in site language order."""
        return [m for m in self.versions(message) if m.lang != message.lang]

    def original(self, message: Message) -> Message:
        """The version the others translate: the one in the site's default language, else
        the first in `[site] languages` order."""
        versions = self.versions(message)
        default = self.config.site.language
        return next((m for m in versions if m.lang == default), versions[0])

    def translation_groups(self) -> list[tuple[Message, ...]]:
        """The messages that have other language versions, one tuple each, as
        `versions` gives them."""
        return [group for group in self._versions.values() if len(group) > 1]

    @cached_property
    def _versions(self) -> dict[str, tuple[Message, ...]]:
        """Messages by translation key: looking through all of them for each message made
        large sites quadratic."""
        versions: dict[str, list[Message]] = {}
        for message in self.messages:
            versions.setdefault(message.translation_key, []).append(message)
        order = self.config.site.languages

        def rank(message: Message) -> int:
            return order.index(message.lang) if message.lang in order else len(order)
        return {key: tuple(sorted(group, key=rank)) for key, group in versions.items()}

    def select(self, keep: Any) -> Site:
        return Site(self.config, tuple(m for m in self.messages if keep(m)))


@dataclass(frozen=True)
class Snippet:
    """One ready-to-paste text of a message for one channel (and platform)."""

    message: str
    """The message's slug."""
    lang: str
    channel: str
    platform: str | None
    text: str
    length: int
    limit: int | None
    unit: str
    url: str
    source: Path
    from_field: str
    """The front-matter field the text was written in, or the one it was derived from."""
    line: int
    """Front-matter line of `from_field` (or of its nearest written parent)."""
    derived: bool = False
    variant: int | None = None
    """Which of a channel's several posts (advocacy), numbered from 1; None for the others."""
    formats: dict[str, str] = field(default_factory=dict)
    """The same snippet in other formats, by file extension (`md`, `html`)."""
    short_url: str = ""
    """The short link the text shows instead of `url` (`[channels] short_links`); "" if none."""

    @property
    def ok(self) -> bool:
        return self.limit is None or self.length <= self.limit

    @property
    def name(self) -> str:
        """`social-x`, `press`, `advocacy-2-linkedin`: unique within a message."""
        parts = (self.channel, str(self.variant) if self.variant else "", self.platform or "")
        return "-".join(part for part in parts if part)

    def to_json(self) -> dict[str, Any]:
        return {"message": self.message, "lang": self.lang, "channel": self.channel,
                "platform": self.platform, "text": self.text, "length": self.length,
                "limit": self.limit, "unit": self.unit, "url": self.url, "short_url": self.short_url,
                "ok": self.ok}
