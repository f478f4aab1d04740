"""The advocacy channel: posts for employees, each variant fitted to LinkedIn and X."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from conftest import CONFIG, SiteDir, problem_lines

from hubgen.channels.platforms import count
from hubgen.paths import short_code

LONG = " ".join(["Der Solarpark liefert Strom für viele Haushalte in der Region."] * 6)


def tagged(slug: str, platform: str, lang: str = "de") -> str:
    prefix = "" if lang == "de" else f"{lang}/"
    return (f"https://news.example.com/{prefix}news/{slug}/?utm_source={platform}&utm_medium=advocacy"
            f"&utm_campaign={slug}")


def shown(slug: str, platform: str, lang: str = "de") -> str:
    """The short link a post shows, forwarding to `tagged(slug, platform, lang)`."""
    prefix = "" if lang == "de" else f"{lang}/"
    return f"https://news.example.com/s/{short_code(f'{prefix}news/{slug}/', 'advocacy', platform)}/"


# (slug, front matter, the posts, each with {url} for the link it shows)
CASES = [
    ("written", """\
        facts: {capacity: 62 MW}
        channels:
          advocacy:
            - "Stolz auf {{ facts.capacity }}: {{ url }}"
            - Tolles Team!
        """, ["Stolz auf 62 MW: {url}", "Tolles Team! {url}"]),
    ("one-post", "channels:\n  advocacy: Ein einziger Post.\n", ["Ein einziger Post. {url}"]),
    ("derived", "key_message: Wir liefern Solarstrom.\n",
     ["Stolz auf unser Team: Wir liefern Solarstrom. {url}",
      "Neu bei Testfirma: Der Solarpark versorgt 40.000 Haushalte. {url}"]),
    ("derived-no-key", "", ["Neu bei Testfirma: Der Solarpark versorgt 40.000 Haushalte. {url}"]),
    ("derived-en", "lang: en\nkey_message: We deliver solar power.\n",
     ["Proud of our team: We deliver solar power. {url}",
      "News from Testfirma: Der Solarpark versorgt 40.000 Haushalte. {url}"]),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    site = SiteDir(tmp_path_factory.mktemp("advocacy"))
    site.write("hubgen.toml", CONFIG)
    for slug, extra, _ in CASES:
        site.message(f"content/news/{slug}.md", title=slug, extra=extra)
    site.message("content/news/aus.md", title="aus", extra="channels:\n  advocacy: false\n")
    site.message("content/news/long.md", title="long", summary=LONG)
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    return site


def advocacy(site: SiteDir) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for snippet in json.loads(site.read("kit/snippets.json")):
        if snippet["channel"] == "advocacy":
            found.setdefault(snippet["message"], []).append(snippet)
    return found


@pytest.mark.parametrize(("slug", "posts"), [pytest.param(slug, posts, id=slug) for slug, _, posts in CASES])
def test_advocacy_posts(built: SiteDir, slug: str, posts: list[str]) -> None:
    lang = "en" if slug.endswith("-en") else "de"
    expected = [(platform, post.format(url=shown(slug, platform, lang)))
                for post in posts for platform in ("linkedin", "x")]
    snippets = advocacy(built)[slug]
    assert [(s["platform"], s["text"]) for s in snippets] == expected
    assert all(s["url"] == tagged(slug, s["platform"], lang) for s in snippets)
    for variant, snippet in enumerate(snippets, 2):
        name = f"advocacy-{variant // 2}-{snippet['platform']}"
        assert built.read(f"kit/{lang}/news/{slug}/{name}.txt") == snippet["text"]
        assert snippet["length"] == count(snippet["platform"], snippet["text"])
        assert snippet["ok"] is True


def test_advocacy_false_switches_it_off(built: SiteDir) -> None:
    assert "aus" not in advocacy(built)


def test_derived_post_is_fitted_to_each_platform(built: SiteDir) -> None:
    by_platform = {s["platform"]: s for s in advocacy(built)["long"]}
    assert by_platform["linkedin"]["text"] == f"Neu bei Testfirma: {LONG} {shown('long', 'linkedin')}"
    x = by_platform["x"]
    stem, rest = x["text"].rsplit(" ", 1)
    assert rest == shown('long', 'x')
    assert f"Neu bei Testfirma: {LONG}".startswith(stem)
    assert stem.endswith("Region.")  # after a whole sentence
    assert x["length"] == count("x", x["text"]) <= 280


@pytest.mark.parametrize(("platforms", "targets"), [
    ('["x", "mastodon"]', ["x"]),
    ('["linkedin"]', ["linkedin"]),
    ('["mastodon"]', ["linkedin"]),  # neither configured: LinkedIn, where employees share most
])
def test_targets_follow_the_site_platforms(make_site: Callable[[str], SiteDir], platforms: str,
                                           targets: list[str]) -> None:
    site = make_site(CONFIG + f"\n[channels]\nplatforms = {platforms}\n")
    site.message("content/news/x.md")
    result = site.hubgen("snippets", "solarpark-husum-eroeffnet", "--channel", "advocacy", "--json")
    assert result.returncode == 0, result.stderr
    assert [s["platform"] for s in json.loads(result.stdout)] == targets


def test_advocacy_problems(site: SiteDir) -> None:
    site.message("content/news/a.md", title="a", extra="channels:\n  advocacy: {linkedin: hallo}\n")
    site.message("content/news/b.md", title="b", extra="channels:\n  advocacy:\n    - ok\n    - [eins]\n")
    result = site.hubgen("build")
    assert result.returncode == 1
    assert problem_lines(result.stderr) == [
        "content/news/a.md:6: channels.advocacy: must be a list of posts"
        " (write one '- post' line per variant)",
        "content/news/b.md:8: channels.advocacy.1: must be text, not list"
        " (write the post as one line of text)",
        "2 errors",
    ]


def test_written_post_too_long_for_x(site: SiteDir) -> None:
    post = "Wort " * 60  # fits LinkedIn, not X
    site.message("content/news/x.md", extra=f"channels:\n  advocacy:\n    - kurz\n    - {post}\n")
    result = site.hubgen("build")
    assert result.returncode == 1
    length = len(post.strip()) + 1 + 23
    assert problem_lines(result.stderr) == [
        f"content/news/x.md:8: channels.advocacy.1: {length} weighted (advocacy-2-x), limit 280"
        " (shorten it, or leave it out to have it derived)",
        "1 error",
    ]
