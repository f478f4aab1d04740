"""The search index and page: per language, published messages only, links that work anywhere.

(Named test_search_index, not test_search: tests/browser/test_search.py has that module name.)
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from conftest import SiteDir, new_site

from hubgen.newsroom.search import _words, normalize
from hubgen.pipeline import BuildOptions, build

NOW = datetime(2026, 4, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    """Built once for the module: its tests only read the output."""
    site = new_site(tmp_path_factory.mktemp("search_index"))
    site.message("content/news/wind.md", title="Bürgerwindpark Dithmarschen",
                 summary="Anwohner beteiligen sich.", extra="tags: [Wind]\n",
                 body="Der Park liefert **Strom** für Größenordnungen &amp; mehr.\n")
    site.message("content/jobs/azubi.en.md", title="Apprentices start", body="Twelve apprentices.\n")
    site.message("content/news/geheim.md", title="Geheim", body="Zauberwort Quokka.\n",
                 extra="draft: true\n")
    site.message("content/news/bald.md", title="Bald", body="Zauberwort Wombat.\n",
                 extra="embargo: 2027-01-01\n")
    build(BuildOptions(site.root, now=NOW))
    return site


def index(site: SiteDir, folder: str) -> list[dict[str, Any]]:
    text = site.read(f"public/{folder}search/search-index.js")
    prefix = "window.hubgenSearchIndex = "
    assert text.startswith(prefix) and text.endswith(";\n")
    data: list[dict[str, Any]] = json.loads(text[len(prefix):-2])
    return data


def test_an_index_per_language_with_published_messages_only(built: SiteDir) -> None:
    assert [e["t"] for e in index(built, "")] == ["Bürgerwindpark Dithmarschen"]
    assert [e["t"] for e in index(built, "en/")] == ["Apprentices start"]
    for path in (built.root / "public").rglob("*"):
        if path.is_file() and path.suffix in (".js", ".html", ".json", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert "Quokka" not in text and "Wombat" not in text, path


def test_entries_hold_what_results_show_and_link_relative_to_the_search_page(built: SiteDir) -> None:
    [entry] = index(built, "")
    assert entry["s"] == "Anwohner beteiligen sich."
    assert entry["d"] == "12.03.2026"
    assert entry["g"] == ["Wind"]
    assert entry["u"] == "../news/buergerwindpark-dithmarschen/"
    target = (built.root / "public/search" / entry["u"] / "index.html").resolve()
    assert target.is_file()
    [english] = index(built, "en/")
    assert english["u"] == "../jobs/apprentices-start/"
    assert (built.root / "public/en/search" / english["u"] / "index.html").is_file()


def test_words_are_normalised_and_umlauts_also_spelt_out(built: SiteDir) -> None:
    words = index(built, "")[0]["w"].split()
    for word in ("burgerwindpark", "buergerwindpark", "strom", "grossenordnungen", "groessenordnungen",
                 "anwohner", "wind", "dithmarschen"):
        assert word in words
    assert len(words) == len(set(words))
    assert "<strong>" not in index(built, "")[0]["w"] and "amp" not in words


def test_normalize_matches_what_the_browser_does() -> None:
    assert normalize("Größe Çava ÉTÉ ﬁx") == "grosse cava ete fix"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("ABC-def_1", "abc-def_1", id="ASCII only lowers"),
    pytest.param("Straße", "strasse", id="ß"),
    pytest.param("Ærø", "ærø", id="letters that do not decompose stay"),
    pytest.param("", "", id="empty"),
])
def test_normalize_ascii_and_beyond(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("b a b A", ["b", "a"], id="each word once, in order of first use"),
    pytest.param("Grüße grüße GRÜSSE", ["grusse", "gruesse"], id="repeats add nothing"),
    pytest.param("Öl, öl und Oel", ["ol", "oel", "und"], id="spelt-out form right after"),
    # Words are split before they are normalised: a decomposed accent ends a word, and "½"
    # stays one word although NFKD turns it into 1⁄2.
    pytest.param("Re\u0301sume\u0301", ["re", "sume"], id="decomposed accents split words"),
    pytest.param("½ ﬁx", ["1⁄2", "fix"], id="compatibility forms"),
    pytest.param("Kelvin \u212A İstanbul", ["kelvin", "k", "i", "stanbul"],
                 id="lower case may turn a word ASCII or add a mark"),
])
def test_words(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


def test_search_page_per_language_linked_in_the_nav(built: SiteDir) -> None:
    page = built.read("public/search/index.html")
    assert '<html lang="de">' in page
    assert '<script src="search-index.js"></script>' in page
    assert '<script src="../assets/search.js"></script>' in page
    assert 'role="search"' in page and '<label class="search-label" for="search-input">' in page
    assert (built.root / "public/assets/search.js").is_file()
    english = built.read("public/en/search/index.html")
    assert '<html lang="en">' in english and ">Search the news</label>" in english
    assert '<a href="../../search/" hreflang="de"' in english
    home = built.read("public/index.html")
    assert '<li><a href="search/">Suche</a></li>' in home
