"""Short links: each post's link on the newsroom's own domain, followed as a crawler would (the
refresh, the preview tags), listed in `_redirects`, absent for unpublished messages and with
`[channels] short_links = false`."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import CONFIG, SiteDir

from hubgen import paths
from hubgen.config.themes import BUILTIN_THEMES
from hubgen.errors import ProblemsError
from hubgen.paths import REDIRECTS_FILE, SHORT_CODE_LENGTH, short_code
from hubgen.pipeline import BuildOptions, build

BASE = "https://news.example.com"
SHORT = re.compile(rf"{re.escape(BASE)}/s/([a-z2-7]{{{SHORT_CODE_LENGTH}}})/")


class Head(HTMLParser):
    """The <meta> and <link> tags of a page, as a link-preview crawler reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = found.get("property") or found.get("name") or found.get("http-equiv", "")
            self.meta.setdefault(key, []).append(found.get("content", ""))
        elif tag == "link" and "rel" in found:
            self.links.setdefault(found["rel"], found.get("href", ""))


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def refresh_target(page: Head) -> str:
    [content] = page.meta["refresh"]
    delay, _, url = content.partition(";")
    assert delay.strip() == "0"
    return url.strip().removeprefix("url=")


def public_file(root: Path, url: str) -> Path:
    """The file of public/ that serves an URL of the newsroom (its query aside)."""
    path = urlsplit(url).path.lstrip("/")
    return root / "public" / (path + "index.html" if path.endswith("/") or not path else path)


def make_site(site: SiteDir, config: str = CONFIG) -> SiteDir:
    site.write("hubgen.toml", config)
    site.message("content/news/park.md", title="Solarpark Husum eröffnet",
                 summary="Der Park versorgt 40.000 Haushalte.",
                 extra="channels:\n  social: {hashtags: [Energiewende], x: 'Am Netz: {{ url }}'}\n")
    site.message("content/news/park.en.md", title="Husum solar park opens",
                 summary="The park powers 40,000 homes.", extra="lang: en\n")
    site.message("content/news/entwurf.md", title="Geheimer Entwurf", extra="draft: true\n")
    site.message("content/news/sperre.md", title="Gesperrte Meldung",
                 extra="embargo: 2099-01-01 09:00 +01:00\n")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    return make_site(SiteDir(tmp_path_factory.mktemp("short-links")))


def posts(site: SiteDir, channels: tuple[str, ...] = ("social",)) -> list[dict[str, Any]]:
    return [s for s in json.loads(site.read("kit/snippets.json")) if s["channel"] in channels]


LINKED = ("social", "advocacy")
"""The channels whose posts show a link: employees' posts too."""


def test_every_post_but_instagram_shows_its_short_link(built: SiteDir) -> None:
    for post in posts(built):
        codes = SHORT.findall(post["text"])
        if post["platform"] == "instagram":
            bio = "Link in der Bio." if post["lang"] == "de" else "Link in bio."
            assert codes == [] and bio in post["text"].split("\n\n")
            continue
        message = f"news/{post['message']}/" if post["lang"] == "de" else f"en/news/{post['message']}/"
        assert codes == [short_code(message, "social", post["platform"])], post["text"]
        assert "utm_" not in post["text"]
        assert "utm_source=" + post["platform"] in post["url"]  # the target stays tagged


def test_following_each_short_link(built: SiteDir) -> None:
    followed = 0
    for post in posts(built, LINKED):
        found = SHORT.search(post["text"])
        if found is None or post["message"] in ("geheimer-entwurf", "gesperrte-meldung"):
            continue
        page = head(public_file(built.root, found[0]))
        target = refresh_target(page)
        assert target == post["url"]  # the tagged URL, campaign parameters and all
        assert public_file(built.root, target).is_file()  # which is a page of the newsroom
        message_url = target.split("?")[0]
        assert page.links["canonical"] == message_url
        assert page.meta["robots"] == ["noindex"]
        # The card a crawler shows without following the refresh: the message's own.
        message = head(public_file(built.root, message_url))
        for key in ("og:title", "og:description", "og:image", "og:type", "twitter:card",
                    "twitter:title", "twitter:image"):
            assert page.meta[key] == message.meta[key], key
        assert page.meta["og:url"] == [message_url]
        followed += 1
    # Two published language versions: six social posts each, two employee posts (LinkedIn, X).
    assert followed == 16


def test_redirects_file(built: SiteDir) -> None:
    lines = built.read(f"public/{REDIRECTS_FILE}").splitlines()
    pages = sorted((built.root / "public/s").iterdir())
    assert len(lines) == len(pages) == 16
    for line in lines:
        source, target, status = line.split(" ")
        assert status == "302"
        assert refresh_target(head(built.root / "public" / source.strip("/") / "index.html")) == target


def test_short_links_are_in_no_sitemap_feed_or_search_index(built: SiteDir) -> None:
    for name in ("sitemap.xml", "atom.xml", "en/atom.xml", "search/search-index.js",
                 "news/solarpark-husum-eroeffnet/press.txt"):
        text = built.read(f"public/{name}")
        assert "/s/" not in text, name


def test_the_press_text_keeps_the_plain_url(built: SiteDir) -> None:
    assert f"{BASE}/news/solarpark-husum-eroeffnet/" in built.read(
        "public/news/solarpark-husum-eroeffnet/press.txt")


def test_none_for_an_unpublished_message(built: SiteDir) -> None:
    held = [p for p in posts(built, LINKED)
            if p["message"] in ("geheimer-entwurf", "gesperrte-meldung")]
    assert len(held) == 18  # their posts are in the kit, with short links that wait
    redirects = built.read(f"public/{REDIRECTS_FILE}")
    for post in held:
        for code in SHORT.findall(post["text"]):
            assert not (built.root / "public/s" / code).exists()
            assert code not in redirects
        assert post["message"] not in redirects


def test_switched_off(site: SiteDir) -> None:
    make_site(site, CONFIG + "\n[channels]\nshort_links = false\n")
    assert not (site.root / "public/s").exists()
    assert not (site.root / f"public/{REDIRECTS_FILE}").exists()
    for post in posts(site, LINKED):
        assert "/s/" not in post["text"]
        if post["platform"] != "instagram":
            assert post["url"] in post["text"]


def test_two_posts_with_the_same_code_stop_the_build(site: SiteDir, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hash collision would send one post's readers to another's page: the build says so."""
    monkeypatch.setattr(paths, "short_code", lambda *parts: "aaaaaaaaaa")
    site.write("hubgen.toml", CONFIG)
    site.message("content/news/park.md", title="Park", summary="Der Park.")
    with pytest.raises(ProblemsError) as raised:
        build(BuildOptions(site.root))
    [problem] = raised.value.problems
    assert problem.path == "content/news/park.md" and problem.field == "channels"
    assert "short link /s/aaaaaaaaaa/ is also content/news/park.md's" in problem.message
    assert not (site.root / "public").exists()


def test_posts_of_two_messages_with_the_same_code_stop_the_build(
        site: SiteDir, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each message's links are found in its own pass: the site's _redirects still checks them
    against each other's."""
    original = paths.short_code
    monkeypatch.setattr(paths, "short_code", lambda path, channel, platform: original("", channel, platform))
    site.write("hubgen.toml", CONFIG)
    site.message("content/news/park.md", title="Park", summary="Der Park.")
    site.message("content/news/wind.md", title="Wind", summary="Der Wind.")
    with pytest.raises(ProblemsError) as raised:
        build(BuildOptions(site.root))
    [problem] = raised.value.problems
    assert problem.path in ("content/news/park.md", "content/news/wind.md") and problem.field == "channels"
    assert "is also content/news/" in problem.message
    assert not (site.root / "public").exists()


def test_a_theme_without_the_short_link_template(site: SiteDir) -> None:
    """A site's own theme made before short links existed: its short links are drawn by the
    default theme's template, and still forward."""
    shutil.copytree(BUILTIN_THEMES / "default", site.root / "themes" / "mine")
    (site.root / "themes" / "mine" / "short_link.html").unlink()
    site.write("hubgen.toml", CONFIG.replace('language = "de"', 'language = "de"\ntheme = "mine"'))
    site.message("content/news/park.md", title="Park", summary="Der Park.")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    [post] = [p for p in posts(site) if p["platform"] == "x"]
    found = SHORT.search(post["text"])
    assert found is not None
    assert refresh_target(head(public_file(site.root, found[0]))) == post["url"]
