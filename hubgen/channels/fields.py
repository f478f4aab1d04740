"""Reading a message's `channels.<name>` value: switched off, written, or left to derivation."""

from __future__ import annotations

from typing import Any

from hubgen.channels.context import ChannelContext
from hubgen.errors import suggest

__all__ = ["check_channel_names", "mapping_spec", "text_spec"]


def _enabled(ctx: ChannelContext, channel: str) -> bool:
    return ctx.site.config.channels.has_channel(channel) and ctx.spec(channel) is not False


def mapping_spec(ctx: ChannelContext, channel: str, keys: tuple[str, ...]) -> dict[str, Any] | None:
    """The channel's mapping ({} when not written); None when the channel is off."""
    if not _enabled(ctx, channel):
        return None
    spec = ctx.spec(channel)
    if spec is None or spec is True:
        return {}
    if not isinstance(spec, dict):
        ctx.error(f"channels.{channel}", f"must be a mapping or false, not {type(spec).__name__}",
                  f"write {', '.join(keys)} indented under {channel}:")
        return {}
    for key, value in spec.items():
        if key not in keys:
            ctx.error(f"channels.{channel}.{key}", "unknown key", suggest(key, keys))
        elif not isinstance(value, (str, list, bool, int, float)):
            ctx.error(f"channels.{channel}.{key}", "must be text", f"write {key}: some text")
    return {k: v for k, v in spec.items() if k in keys}


def text_spec(ctx: ChannelContext, field: str, value: Any) -> str | None:
    """A written snippet text, or None to derive it; wrong types are reported."""
    if value is None or value is True:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    key = field.split(".")[-1]
    ctx.error(field, f"must be text, not {type(value).__name__}",
              "write the post as one line of text" if key.isdigit() else f"write {key}: …")
    return None


def check_channel_names(ctx: ChannelContext, known: tuple[str, ...]) -> None:
    for name in ctx.message.channels:
        if name not in known:
            ctx.error(f"channels.{name}", "unknown channel", suggest(name, known))
