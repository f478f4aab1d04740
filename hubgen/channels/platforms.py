"""The registry of social platforms: one entry each, with everything hubgen knows of it.

Adding a platform is one entry in `PLATFORMS`: the social channel posts to it, the kit shows and
exports it, `[channels] platforms` and `[social]` accept its name. How a post is counted is
`hubgen.channels.counting`'s; each entry only names its counter.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache

from hubgen.channels.bluesky_text import count_bluesky
from hubgen.channels.counting import (
    count_characters,
    count_mastodon,
    count_threads,
    count_x,
)
from hubgen.channels.shorten import shorten
from hubgen.config import Config

__all__ = ["NETWORKS", "PLATFORMS", "Platform", "chosen_names", "count", "enabled_platforms", "platform",
           "profile_url", "shorten_to_fit"]


def _prefixed(prefix: str) -> Callable[[str], str]:
    """A profile URL that is a fixed prefix and the handle, without its @."""
    return lambda handle: prefix + handle.lstrip("@")


def _fediverse(handle: str) -> str:
    """@user@host lives at https://host/@user; a bare name has no known home."""
    parts = handle.lstrip("@").split("@")
    if handle.count("@") != 2 or len(parts) != 2 or not all(parts):
        return ""
    return f"https://{parts[1]}/@{parts[0]}"


def _no_profile(handle: str) -> str:
    return ""


@dataclass(frozen=True)
class Platform:
    """One platform's counting rule, hashtag rules and profile URL; `unit` names what `counter`
    counts."""

    name: str
    label: str
    limit: int
    unit: str  # "weighted" (X), "characters" (code points after NFC) or "graphemes"
    counter: Callable[[str], int]
    hashtag_limit: int | None = None
    hashtags_inline: bool = True  # False: hashtags go in their own block after a blank line
    recipe: str = "x"
    """How a derived post is laid out: a name in `hubgen.channels.posts.RECIPES`."""
    profile: Callable[[str], str] = _no_profile
    """The public profile URL of a `[social]` handle, "" when it can't be known."""


PLATFORMS: dict[str, Platform] = {
    platform.name: platform
    for platform in (
        # 50 hashtags: twitter/the-algorithm tweetypie TweetText.scala, "enforced at tweet
        # creation time".
        Platform("x", "X", 280, "weighted", count_x, 50, recipe="x", profile=_prefixed("https://x.com/")),
        # 3,000 is LinkedIn's published post limit; how it counts is not published, so
        # code points after NFC are assumed.
        Platform("linkedin", "LinkedIn", 3000, "characters", count_characters, recipe="linkedin",
                 profile=_prefixed("https://www.linkedin.com/company/")),
        Platform("mastodon", "Mastodon", 500, "graphemes", count_mastodon, recipe="mastodon",
                 profile=_fediverse),
        # Graphemes of the text as the app posts it: links shortened (hubgen.channels.bluesky_text).
        Platform("bluesky", "Bluesky", 300, "graphemes", count_bluesky, recipe="bluesky",
                 profile=_prefixed("https://bsky.app/profile/")),
        # One topic tag per post (Threads, Dec 2023); the counting of non-emoji text is assumed.
        Platform("threads", "Threads", 500, "characters", count_threads, 1, recipe="threads",
                 profile=_prefixed("https://www.threads.net/@")),
        # Caption 2,200 characters (Instagram Graph API). Hashtags: 5 per post or reel since
        # Instagram's announcement of Dec 2025 (was 30). Code points after NFC are assumed.
        Platform("instagram", "Instagram", 2200, "characters", count_characters, 5, False,
                 recipe="instagram", profile=_prefixed("https://www.instagram.com/")),
        # 63,206 is the figure commonly given for Facebook posts; Meta publishes no counting
        # rule, so code points after NFC are assumed.
        Platform("facebook", "Facebook", 63206, "characters", count_characters, recipe="facebook",
                 profile=_prefixed("https://www.facebook.com/")),
    )
}

NETWORKS: dict[str, Callable[[str], str]] = {
    **{name: entry.profile for name, entry in PLATFORMS.items()},
    "youtube": _prefixed("https://www.youtube.com/@"),
}
"""Every network a `[social]` handle may name, with its profile URL: the platforms, and those
the newsroom links to without posting there."""


def platform(name: str) -> Platform:
    try:
        return PLATFORMS[name]
    except KeyError:
        raise KeyError(f"unknown platform {name!r}; known: {', '.join(PLATFORMS)}") from None


def enabled_platforms(config: Config) -> tuple[str, ...]:
    """The platforms posts are made for, in `[channels] platforms` order; all when not given.
    Unknown names are left out: `check_config` reports them."""
    return chosen_names(config.channels.platforms, PLATFORMS)


def chosen_names(chosen: tuple[str, ...] | None, known: Collection[str]) -> tuple[str, ...]:
    """The names a config list chose, in its order, once each and known only; None: all known."""
    if chosen is None:
        return tuple(known)
    return tuple(name for name in dict.fromkeys(chosen) if name in known)


def profile_url(network: str, handle: str) -> str:
    """The public profile URL of a handle, or "" when the network has no known scheme; a full
    URL is used as it is."""
    if handle.startswith(("http://", "https://")):
        return handle
    return NETWORKS.get(network, _no_profile)(handle)


def count(platform_name: str, text: str) -> int:
    """The length `platform_name` counts for `text`, to compare with its `limit`."""
    return _count(platform_name, text)


# A post is counted when it is cut to fit, then again for its length: for a message's posts,
# not thousands of texts in each worker.
@lru_cache(maxsize=512)
def _count(platform_name: str, text: str) -> int:
    return platform(platform_name).counter(text)


def shorten_to_fit(platform_name: str, text: str, tail: str = "", ellipsis: str = "…") -> str:
    """`text` cut (`hubgen.channels.shorten`) so that `result + tail` fits.

    Unchanged if it fits as is; "" if not even the first word fits. The tail is never cut.
    """
    limit = platform(platform_name).limit
    return shorten(text, lambda candidate: count(platform_name, candidate + tail) <= limit,
                   ellipsis)
