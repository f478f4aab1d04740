"""hubgen.paths names every file the newsroom and the kit write, and parses base_url once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from conftest import CONFIG, SiteDir

from hubgen.channels import site_snippets
from hubgen.channels.platforms import enabled_platforms
from hubgen.errors import Report
from hubgen.paths import (
    KIT_CALENDAR,
    KIT_CALENDAR_FILE,
    KIT_SNIPPETS_FILE,
    REDIRECTS_FILE,
    SITE_FILES,
    export_file,
    feed,
    kit_media,
    kit_page,
    kit_share_images,
    list_page,
    list_page_base,
    page_file,
    relative_url,
    site_paths,
    snippet_file,
)
from hubgen.pipeline import BuildOptions
from hubgen.pipeline.run import Rendered, load, render

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
THEME_FILES = ("assets/", "favicon.svg")
"""Copied from the themes' static folders, not named by paths."""


@pytest.fixture
def rendered(site: SiteDir) -> Rendered:
    """Two languages, tags with a second page (13 messages), an image, a draft; rendered at NOW."""
    site.write("content/media/bild.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    for day in range(1, 14):
        site.message(f"content/news/meldung-{day}.md", title=f"Meldung {day}",
                     date=f"2026-03-{day:02d} 09:00 +01:00", extra="tags: [Energie, Wind Kraft]")
    site.message("content/news/meldung-1.en.md", title="Notice one", extra="tags: [Energy]")
    site.message("content/jobs/azubi.md", title="Azubis gesucht",
                 extra="image: media/bild.svg\nimage_alt: Ein Bild")
    site.message("content/news/entwurf.md", title="Entwurf", extra="draft: true\ntags: [Geheim]")
    return render(BuildOptions(root=site.root, now=NOW))


def test_the_newsroom_writes_exactly_what_paths_names(rendered: Rendered) -> None:
    site = rendered.site
    paths = site_paths(site.config)
    named = {*SITE_FILES, REDIRECTS_FILE}
    for lang in site.config.site.languages:
        named |= set(paths.language_files(lang))
    for message in site.select(lambda m: m.is_public(NOW)).messages:
        tags = {paths.tag(message.lang, tag) for tag in message.tags}
        named |= {paths.message(message), *paths.message_files(message), *tags, *map(feed, tags)}
        # Each post that shows a link has its short link; Instagram's shows none.
        named |= {paths.short_link(message, "social", p) for p in enabled_platforms(site.config)
                  if p != "instagram"}
        named |= {paths.short_link(message, "advocacy", p) for p in ("linkedin", "x")}
        named |= {message.image} if message.image else set()
    named |= {list_page(base, 2) for base in ("", paths.tag("de", "Energie"), paths.tag("de", "Wind Kraft"))}
    written = {p for p in rendered.public.paths() if not p.startswith(THEME_FILES)}
    assert written == {page_file(p) if p.endswith("/") or not p else p for p in named}
    assert "tags/wind-kraft/page/2/index.html" in written
    assert not any("entwurf" in p or "geheim" in p for p in written)


def test_the_kit_writes_what_paths_names(rendered: Rendered) -> None:
    site = rendered.site
    snippets = site_snippets(site, Report())
    named = {KIT_CALENDAR_FILE, KIT_SNIPPETS_FILE, page_file(""), page_file(KIT_CALENDAR)}
    named |= {export_file(tool, platform) for tool in ("buffer", "hootsuite")
              for platform in enabled_platforms(site.config)}
    for message in site.messages:  # drafts too
        named |= {page_file(kit_page(message))} | ({kit_media(message.image)} if message.image else set())
        if message.is_public(NOW):  # the newsroom drew its share images, the kit shows them
            named |= set(kit_share_images(message))
        for snippet in snippets[message]:
            named |= {snippet_file(message, snippet), *(snippet_file(message, snippet, extension)
                                                         for extension in snippet.formats)}
    assert {p for p in rendered.kit.paths() if not p.startswith(THEME_FILES)} == named
    assert page_file(kit_page(next(m for m in site.messages if m.draft))) == "de/news/entwurf/index.html"


@pytest.mark.parametrize(("base_url", "url", "base_path", "host", "address"), [
    ("https://news.example.com", "https://news.example.com/news/x/", "/", "news.example.com",
     "news.example.com"),
    ("https://example.com/presse", "https://example.com/presse/news/x/", "/presse/", "example.com",
     "example.com/presse"),
    ("http://Example.COM:8080/a/b/", "http://Example.COM:8080/a/b/news/x/", "/a/b/", "example.com",
     "Example.COM:8080/a/b"),
])
def test_base_url_parsed_once(make_site: Callable[[str], SiteDir], base_url: str, url: str,
                              base_path: str, host: str, address: str) -> None:
    site = make_site(CONFIG.replace('"https://news.example.com"', f'"{base_url}"'))
    site.message("content/news/x.md", title="X")
    loaded = load(site.root, Report())
    paths = site_paths(loaded.config)
    assert paths.message_url(loaded.messages[0]) == url
    assert (paths.base_path, paths.host, paths.address) == (base_path, host, address)
    assert paths.url("/atom.xml") == paths.url("atom.xml") == base_url.rstrip("/") + "/atom.xml"
    assert site_paths(loaded.config) is paths


def test_language_prefix(rendered: Rendered) -> None:
    paths = site_paths(rendered.site.config)
    english = next(m for m in rendered.site.messages if m.lang == "en")
    assert paths.prefix("de") == ""
    assert paths.message(english) == "en/news/notice-one/"
    assert paths.tag("en", "Energy") == "en/tags/energy/"
    assert paths.tag("de", "!!!") == "tags/tag/"
    assert paths.search_index("en") == "en/search/search-index.js"


@pytest.mark.parametrize(("path", "base"), [
    ("page/2/", ""), ("en/page/10/", "en/"), ("tags/solar/page/3/", "tags/solar/"),
    ("page/1/", None), ("tags/solar/", None), ("page/2", None), ("page/zwei/", None),
])
def test_list_page_base(path: str, base: str | None) -> None:
    assert list_page_base(path) == base
    if base is not None:
        assert list_page(base, int(path.rstrip("/").rsplit("/", 1)[1])) == path


@pytest.mark.parametrize(("page", "target", "expected"), [
    ("news/x/", "news/y/", "../y/"),
    ("news/x/", "", "../../"),
    ("", "", "./"),
    ("", "tags/", "tags/"),
    ("en/news/x/", "assets/style.css", "../../../assets/style.css"),
    ("404.html", "assets/style.css", "assets/style.css"),
])
def test_relative_url(page: str, target: str, expected: str) -> None:
    assert relative_url(page, None, target) == expected


def test_relative_url_from_the_404_page_is_absolute() -> None:
    assert relative_url("404.html", "/presse/", "tags/") == "/presse/tags/"


def test_site_local_time_and_versions(rendered: Rendered) -> None:
    tagged = rendered.site
    german = next(m for m in tagged.messages if m.source.name == "meldung-1.md")
    assert tagged.local(german.date).isoformat() == "2026-03-01T09:00:00+01:00"
    assert tagged.local(datetime(2026, 7, 1, 12, tzinfo=UTC)).isoformat() == "2026-07-01T14:00:00+02:00"
    assert [m.lang for m in tagged.versions(german)] == ["de", "en"]
    assert [m.lang for m in tagged.translations(german)] == ["en"]
    assert [[m.lang for m in group] for group in tagged.translation_groups()] == [["de", "en"]]
