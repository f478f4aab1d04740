"""Metadata in the default theme's head: Open Graph, X card, canonical, hreflang, JSON-LD; and
languages: German, English and a third language with English UI strings."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import extruct
import pytest
from conftest import CONFIG, SiteDir, new_site

from hubgen.newsroom.metadata import jsonld, og_locale, profile_url
from hubgen.pipeline import BuildOptions, build

NOW = datetime(2026, 4, 1, tzinfo=UTC)
BASE = "https://news.example.com/"
OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


class Head(HTMLParser):
    """The <meta> and <link> tags of a page, and the text of its JSON-LD scripts."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.scripts: list[str] = []
        self._in_jsonld = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in values or "name" in values):
            key = values.get("property") or values["name"]
            self.meta.setdefault(key, []).append(values.get("content", ""))
        elif tag == "link":
            self.links.append(values)
        elif tag == "script":
            self._in_jsonld = values.get("type") == "application/ld+json"
            if self._in_jsonld:
                self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.scripts[-1] += data

    def one(self, key: str) -> str:
        assert len(self.meta.get(key, [])) == 1, (key, self.meta.get(key))
        return self.meta[key][0]

    def hreflangs(self) -> list[tuple[str, str]]:
        return [(link["hreflang"], link["href"]) for link in self.links
                if link.get("rel") == "alternate" and "hreflang" in link]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    """Built once for the module: its tests only read the output."""
    company = 'short_name = "Testfirma"\nlogo = "logo.svg"\nwebsite = "https://www.testfirma.example"'
    site = new_site(tmp_path_factory.mktemp("metadata"),
                    CONFIG.replace('short_name = "Testfirma"', company)
                    + '\n[social]\nx = "@testfirma"\nmastodon = "@news@social.example"\n')
    site.write("static/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    site.message("content/news/solarpark.md", title="Solarpark </script><script>alert(1)</script>",
                 extra="slug: solarpark\ntranslation_key: solarpark\ntags: [Energie]\ncontact: presse\n")
    site.message("content/news/solarpark.en.md", title="Solar park", date="2026-03-12 10:00 +01:00",
                 extra="slug: solar-park\ntranslation_key: solarpark\n")
    build(BuildOptions(site.root, now=NOW))
    return site


def head(site: SiteDir, page: str) -> Head:
    return Head(site.read(f"public/{page}index.html"))


def structured(site: SiteDir, page: str) -> list[dict[str, Any]]:
    html = site.read(f"public/{page}index.html")
    data: list[dict[str, Any]] = extruct.extract(html, base_url=BASE + page, syntaxes=["json-ld"])["json-ld"]
    return data


def test_message_page_open_graph_and_x_card(built: SiteDir) -> None:
    tags = head(built, "news/solarpark/")
    url = BASE + "news/solarpark/"
    assert tags.one("og:type") == "article"
    assert tags.one("og:title") == "Solarpark </script><script>alert(1)</script>"
    assert tags.one("og:url") == url
    assert tags.one("og:description") == "Der Solarpark versorgt 40.000 Haushalte."
    assert tags.one("og:site_name") == "Test Newsroom"
    assert tags.one("og:locale") == "de_DE"
    assert tags.one("og:locale:alternate") == "en_US"
    assert tags.meta["og:image"] == [url + "share.jpg", url + "share-square.jpg"]
    assert tags.meta["og:image:width"] == ["1200", "1080"]
    assert tags.meta["og:image:height"] == ["630", "1080"]
    for image in tags.meta["og:image"]:
        assert (built.root / "public" / image.removeprefix(BASE)).is_file()
    assert tags.one("twitter:card") == "summary_large_image"
    assert tags.one("twitter:image") == url + "share.jpg"
    assert tags.one("twitter:site") == "@testfirma"
    assert tags.one("article:published_time") == "2026-03-12T09:00:00+01:00"


def test_canonical_and_hreflang_links(built: SiteDir) -> None:
    tags = head(built, "en/news/solar-park/")
    assert [link["href"] for link in tags.links if link.get("rel") == "canonical"] == [
        BASE + "en/news/solar-park/"]
    assert tags.hreflangs() == [("en", BASE + "en/news/solar-park/"), ("de", BASE + "news/solarpark/"),
                                ("x-default", BASE + "news/solarpark/")]
    assert head(built, "en/").hreflangs() == [("de", BASE), ("en", BASE + "en/"), ("x-default", BASE)]


def test_other_pages_are_websites_with_the_newsroom_image(built: SiteDir) -> None:
    for page, prefix in (("", ""), ("tags/energie/", ""), ("en/press-kit/", "en/")):
        tags = head(built, page)
        assert tags.one("og:type") == "website"
        assert tags.meta["og:image"][0] == BASE + prefix + "share.jpg"
        assert (built.root / "public" / prefix / "share.jpg").is_file()
        assert tags.one("og:url") == BASE + page


def test_news_article_json_ld(built: SiteDir) -> None:
    [article] = structured(built, "news/solarpark/")
    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Solarpark </script><script>alert(1)</script>"
    assert article["description"] == "Der Solarpark versorgt 40.000 Haushalte."
    assert article["datePublished"] == "2026-03-12T09:00:00+01:00"
    assert OFFSET.match(article["dateModified"])
    assert article["inLanguage"] == "de"
    assert article["image"] == [BASE + "news/solarpark/share.jpg", BASE + "news/solarpark/share-square.jpg"]
    assert article["mainEntityOfPage"]["@id"] == BASE + "news/solarpark/"
    for role in ("author", "publisher"):
        company = article[role]
        assert company["@type"] == "Organization"
        assert company["name"] == "Testfirma GmbH"
        assert company["url"] == "https://www.testfirma.example"
        assert company["logo"] == {"@type": "ImageObject", "url": BASE + "logo.svg"}
        assert company["sameAs"] == ["https://x.com/testfirma", "https://social.example/@news"]


def test_json_ld_cannot_close_its_script(built: SiteDir) -> None:
    html = built.read("public/news/solarpark/index.html")
    head_html = html[: html.index("</head>")]
    assert head_html.count("<script") == head_html.count("</script>") == 1
    [script] = Head(html).scripts
    assert json.loads(script)["headline"] == "Solarpark </script><script>alert(1)</script>"


def test_press_kit_organization_with_contact_points(built: SiteDir) -> None:
    [company] = structured(built, "press-kit/")
    assert company["@type"] == "Organization"
    assert company["name"] == "Testfirma GmbH"
    assert company["description"] == "Die Testfirma testet."
    assert company["contactPoint"] == [{"@type": "ContactPoint", "name": "Erika Muster",
                                        "contactType": "Pressesprecherin",
                                        "email": "presse@example.com", "telephone": "+49 40 123"}]
    [english] = structured(built, "en/press-kit/")
    assert english["contactPoint"][0]["contactType"] == "Press officer"


def test_search_and_404_pages_are_not_indexed(built: SiteDir) -> None:
    assert head(built, "search/").one("robots") == "noindex"
    assert Head(built.read("public/404.html")).one("robots") == "noindex"
    assert "robots" not in head(built, "").meta


def test_jsonld_filter_escapes_markup() -> None:
    text = str(jsonld({"a": "</script><!-- & \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


@pytest.mark.parametrize(("lang", "locale"), [("de", "de_DE"), ("en", "en_US"), ("fr", "fr_FR"),
                                              ("pt-BR", "pt_BR"), ("nb", "nb_NO")])
def test_og_locale(lang: str, locale: str) -> None:
    assert og_locale(lang) == locale


@pytest.mark.parametrize(("network", "handle", "url"), [
    ("x", "@nordlicht", "https://x.com/nordlicht"),
    ("mastodon", "@news@social.example", "https://social.example/@news"),
    ("linkedin", "https://www.linkedin.com/company/x", "https://www.linkedin.com/company/x"),
    ("mastodon", "news", ""),
    ("myspace", "x", ""),
])
def test_profile_url(network: str, handle: str, url: str) -> None:
    assert profile_url(network, handle) == url


def test_a_third_language_gets_english_ui_strings_and_its_own_dates(
        make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(CONFIG.replace('languages = ["de", "en"]', 'languages = ["de", "en", "fr"]'))
    site.message("content/news/parc.fr.md", title="Parc solaire", extra="slug: parc-solaire\n")
    build(BuildOptions(site.root, now=NOW))
    html = site.read("public/fr/news/parc-solaire/index.html")
    assert '<html lang="fr">' in html
    assert "12 mars 2026" in html  # French date, from Babel
    assert ">Press kit</a>" in html and ">Search</a>" in html  # English UI strings
    assert Head(html).one("og:locale") == "fr_FR"
    assert '<html lang="fr">' in site.read("public/fr/search/index.html")
    switcher = site.read("public/fr/index.html")
    assert 'href="../en/" hreflang="en"' in switcher and 'href="../" hreflang="de"' in switcher
