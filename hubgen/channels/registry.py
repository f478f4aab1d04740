"""The registry of channels, in the order the kit and snippets.json list them, and the check of
the names `hubgen.toml` gives for channels, platforms and networks.

Adding a channel is its module (with its `CHANNEL`) and one line in `CHANNELS`; adding a platform
is one entry in `hubgen.channels.platforms.PLATFORMS`.
"""

from __future__ import annotations

from hubgen.channels import advocacy, newsletter, press, recruiting, social
from hubgen.channels.channel import Channel
from hubgen.channels.platforms import NETWORKS, PLATFORMS, chosen_names
from hubgen.config import CONFIG_FILE, Config
from hubgen.errors import Report, suggest
from hubgen.model import Message

__all__ = ["CHANNELS", "channel", "channel_on", "channels_made", "check_config", "enabled_channels"]

CHANNELS: tuple[Channel, ...] = (press.CHANNEL, social.CHANNEL, recruiting.CHANNEL,
                                 newsletter.CHANNEL, advocacy.CHANNEL)
_BY_NAME = {c.name: c for c in CHANNELS}


def channel(name: str) -> Channel:
    return _BY_NAME[name]


def enabled_channels(config: Config) -> tuple[str, ...]:
    """The channels made for every message, in `[channels] enabled` order; all when not given.
    Unknown names are left out: `check_config` reports them."""
    return chosen_names(config.channels.enabled, _BY_NAME)


def channels_made(config: Config) -> list[Channel]:
    """The enabled channels in registry order: the order of every message's snippets."""
    enabled = enabled_channels(config)
    return [c for c in CHANNELS if c.name in enabled]


def channel_on(config: Config, message: Message, name: str) -> bool:
    """The channel is made for the message: enabled for the site, not switched off
    (`channels: { press: false }`) by the message."""
    return name in enabled_channels(config) and message.channels.get(name) is not False


def check_config(config: Config, report: Report) -> None:
    """Reports each name in `[channels] enabled`, `[channels] platforms` and `[social]` that the
    registries don't know. The config layer can't: it sits below the channels."""
    def unknown(key: str, what: str, name: str, known: list[str]) -> None:
        report.error(CONFIG_FILE, config.line(key), key, f"unknown {what} '{name}'",
                     suggest(name, known, "use one of: " + ", ".join(known)))

    for key, what, names, known in (
            ("channels.enabled", "channel", config.channels.enabled, list(_BY_NAME)),
            ("channels.platforms", "platform", config.channels.platforms, list(PLATFORMS))):
        for name in names or ():
            if name not in known:
                unknown(key, what, name, known)
    for network, handle in config.social.items():
        # A full URL names its profile whatever the network (it goes into the page's sameAs
        # as written); a bare handle needs a network hubgen knows the profile URLs of.
        if network not in NETWORKS and not handle.startswith(("http://", "https://")):
            unknown(f"social.{network}", "network", network, list(NETWORKS))
