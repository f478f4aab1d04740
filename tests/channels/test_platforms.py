"""The platform registry: each platform's entry, the enabled ones, profile URLs."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import SiteDir

from hubgen.channels.platforms import NETWORKS, PLATFORMS, count, enabled_platforms, profile_url
from hubgen.config import Config, load_config
from hubgen.errors import Report


@pytest.mark.parametrize(
    ("name", "label", "limit", "unit", "hashtag_limit", "hashtags_inline"),
    [
        ("x", "X", 280, "weighted", 50, True),
        ("linkedin", "LinkedIn", 3000, "characters", None, True),
        ("mastodon", "Mastodon", 500, "graphemes", None, True),
        ("bluesky", "Bluesky", 300, "graphemes", None, True),
        ("threads", "Threads", 500, "characters", 1, True),
        ("instagram", "Instagram", 2200, "characters", 5, False),
        ("facebook", "Facebook", 63206, "characters", None, True),
    ],
)
def test_platform_data(name: str, label: str, limit: int, unit: str,
                       hashtag_limit: int | None, hashtags_inline: bool) -> None:
    platform = PLATFORMS[name]
    assert (platform.name, platform.label, platform.limit, platform.unit) == (
        name, label, limit, unit)
    assert (platform.hashtag_limit, platform.hashtags_inline) == (hashtag_limit, hashtags_inline)
    assert platform.recipe == name  # each network its own derived-post recipe


def test_platforms_in_config_order() -> None:
    assert list(PLATFORMS) == [
        "x", "linkedin", "mastodon", "bluesky", "threads", "instagram", "facebook"]


def test_unknown_platform_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="unknown platform 'myspace'; known: x, linkedin"):
        count("myspace", "hello")


@pytest.fixture
def config(site: SiteDir) -> Config:
    loaded = load_config(site.root, Report())
    assert loaded is not None
    return loaded


@pytest.mark.parametrize(("written", "enabled"), [
    (None, tuple(PLATFORMS)),  # not written: every registered one, in registry order
    (("mastodon", "x"), ("mastodon", "x")),  # as written: the order of the posts
    (("x", "myspace", "x"), ("x",)),  # unknown names are check_config's to report
])
def test_enabled_platforms(config: Config, written: tuple[str, ...] | None,
                           enabled: tuple[str, ...]) -> None:
    chosen = replace(config, channels=replace(config.channels, platforms=written))
    assert enabled_platforms(chosen) == enabled


@pytest.mark.parametrize(("network", "handle", "url"), [
    ("threads", "@nordlicht", "https://www.threads.net/@nordlicht"),
    ("youtube", "nordlicht", "https://www.youtube.com/@nordlicht"),  # linked to, not posted to
    ("mastodon", "@news@social.example", "https://social.example/@news"),
    ("mastodon", "@news@@social.example", ""),  # no traceback on a handle with a stray @
    ("mastodon", "news@social.example", ""),
])
def test_profile_urls(network: str, handle: str, url: str) -> None:
    assert profile_url(network, handle) == url


def test_every_platform_is_a_network() -> None:
    assert [n for n in NETWORKS if n in PLATFORMS] == list(PLATFORMS)
