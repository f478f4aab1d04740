"""What a channel is: one object holding everything the rest of hubgen asks about it.

Each channel's module defines its `CHANNEL`; `hubgen.channels.registry` lists them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hubgen.channels.context import ChannelContext
from hubgen.config import Config
from hubgen.model import Snippet

__all__ = ["Channel", "WrittenField"]

WrittenField = tuple[str, object]
"""(dotted front-matter field, its value as written)."""


@dataclass(frozen=True)
class Channel:
    name: str
    """Its key under a message's `channels:` and in `[channels] enabled`."""
    labels: dict[str, str]
    """What the kit calls it, per language (`en` at least: the kit's language)."""
    snippets: Callable[[ChannelContext], list[Snippet]]
    """Reads its part of the front matter, derives what was left out, renders and counts."""
    written_fields: Callable[[Any, Config], list[WrittenField]]
    """The texts the writer wrote in `channels.<name>` (given its value and the config), which
    the checks read as they read the title and summary."""
    keys: tuple[str, ...] = ()
    """The keys of its `channels.<name>` mapping; () where the value is a text or a list."""
    key_message_per_platform: bool = False
    """The key-message check wants it in each platform's post, not once in the channel."""
    calendar_texts: bool = True
    """The kit's calendar entries carry its texts; False: too long, they name it instead."""

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang, self.labels["en"])
