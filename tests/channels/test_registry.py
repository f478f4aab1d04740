"""The channel registry: one entry per channel, the enabled ones, and the names hubgen.toml
gives for channels, platforms and networks checked against the registries."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from conftest import CONFIG, SiteDir

from hubgen.channels.counting import count_characters
from hubgen.channels.platforms import PLATFORMS, Platform
from hubgen.channels.registry import CHANNELS, channels_made, check_config, enabled_channels
from hubgen.config import Config, load_config
from hubgen.errors import Report


@pytest.fixture
def config(site: SiteDir) -> Config:
    loaded = load_config(site.root, Report())
    assert loaded is not None
    return loaded


def test_channels_in_kit_order_with_their_labels() -> None:
    assert [(c.name, c.label("en")) for c in CHANNELS] == [
        ("press", "Press release"), ("social", "Social"), ("recruiting", "Recruiting"),
        ("newsletter", "Newsletter"), ("advocacy", "Employee advocacy")]
    assert CHANNELS[0].label("fr") == "Press release"  # the kit's English when none is given


@pytest.mark.parametrize(("written", "enabled", "made"), [
    (None, ("press", "social", "recruiting", "newsletter", "advocacy"),
     ["press", "social", "recruiting", "newsletter", "advocacy"]),
    # The calendar lists them as written; every message's snippets come in registry order.
    (("advocacy", "press"), ("advocacy", "press"), ["press", "advocacy"]),
    (("press", "presse", "press"), ("press",), ["press"]),
])
def test_enabled_channels(config: Config, written: tuple[str, ...] | None,
                          enabled: tuple[str, ...], made: list[str]) -> None:
    chosen = replace(config, channels=replace(config.channels, enabled=written))
    assert enabled_channels(chosen) == enabled
    assert [c.name for c in channels_made(chosen)] == made


ALL_PLATFORMS = ", ".join(PLATFORMS)
ALL_NETWORKS = ", ".join([*PLATFORMS, "youtube"])


@pytest.mark.parametrize(("channels", "social", "problems"), [
    ({}, {"x": "@nordlicht", "youtube": "nordlicht", "github": "https://github.com/nordlicht"}, []),
    ({"enabled": ("press", "sociall")}, {}, [
        "hubgen.toml:1: channels.enabled: unknown channel 'sociall' (did you mean 'social'?)"]),
    ({"platforms": ("x", "tiktok")}, {}, [
        f"hubgen.toml:1: channels.platforms: unknown platform 'tiktok' (use one of: {ALL_PLATFORMS})"]),
    ({}, {"linkdin": "nordlicht", "myspace": "nordlicht"}, [
        "hubgen.toml:1: social.linkdin: unknown network 'linkdin' (did you mean 'linkedin'?)",
        f"hubgen.toml:1: social.myspace: unknown network 'myspace' (use one of: {ALL_NETWORKS})"]),
])
def test_check_config(config: Config, channels: dict[str, tuple[str, ...]], social: dict[str, str],
                      problems: list[str]) -> None:
    report = Report()
    check_config(replace(config, channels=replace(config.channels, **channels), social=social),
                 report)
    assert [str(p) for p in report.problems] == problems


def test_a_build_stops_on_an_unknown_network(site: SiteDir) -> None:
    site.write("hubgen.toml", CONFIG + '\n[social]\nlinkdin = "nordlicht"\n')
    site.message("content/news/park.md")
    result = site.hubgen("build")
    assert result.returncode == 1
    # The line is 1 until the config records each key's line; the rest is as the user sees it.
    assert ": social.linkdin: unknown network 'linkdin' (did you mean 'linkedin'?)" in result.stderr
    assert not (site.root / "public").exists()


INTRANET = Platform("intranet", "Intranet", 1000, "characters", count_characters, recipe="linkedin")
"""An eighth platform: adding it to hubgen is this entry in `PLATFORMS`, nothing else."""


@pytest.fixture
def intranet(monkeypatch: pytest.MonkeyPatch) -> Iterator[Platform]:
    monkeypatch.setitem(PLATFORMS, INTRANET.name, INTRANET)
    yield INTRANET


def test_an_eighth_platform_is_one_registry_entry(site: SiteDir, intranet: Platform) -> None:
    from hubgen.pipeline import BuildOptions, build

    site.write("hubgen.toml", CONFIG + '\n[channels]\nplatforms = ["x", "intranet"]\n')
    site.message("content/news/park.md", extra="key_message: Der Park ist am Netz.\n")
    build(BuildOptions(site.root))
    snippets: list[dict[str, Any]] = json.loads(site.read("kit/snippets.json"))
    posts = [s for s in snippets if s["platform"] == "intranet"]
    assert [(s["channel"], s["limit"], s["unit"], s["ok"]) for s in posts] == [
        ("social", 1000, "characters", True)]
    # Its recipe is LinkedIn's: the headline and the lead first.
    assert posts[0]["text"].startswith("Solarpark Husum eröffnet\n\nDer Solarpark versorgt")
    assert site.read("kit/de/news/solarpark-husum-eroeffnet/social-intranet.txt") == posts[0]["text"]
    assert posts[0]["text"] in site.read("kit/exports/buffer-intranet.csv")
    assert 'Intranet</h3>' in site.read("kit/de/news/solarpark-husum-eroeffnet/index.html")

