"""Slugs: made from titles with German transliteration, or written; always URL-safe."""

from __future__ import annotations

import pytest
from conftest import SiteDir, run_hubgen

from hubgen.content.slug import SLUG_RE, slugify


@pytest.mark.parametrize(("title", "slug"), [
    ("Nordlicht eröffnet Solarpark Husum", "nordlicht-eroeffnet-solarpark-husum"),
    ("Größte Übung für Ärzte", "groesste-uebung-fuer-aerzte"),
    ("ÄÖÜ äöü ß ẞ", "aeoeue-aeoeue-ss-ss"),
    ("Straße", "strasse"),
    ("Café crème brûlée", "cafe-creme-brulee"),
    ("Łódź, Øresund, Æblegrød", "lodz-oresund-aeblegrod"),
    ("Q3 2026: +18 % Umsatz!", "q3-2026-18-umsatz"),
    ("  --Bindestriche--  ", "bindestriche"),
    ("C++ & Co. KG", "c-co-kg"),
    ("120 neue Stellen", "120-neue-stellen"),
    ("Привет, мир", ""),
    ("", ""),
])
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_long_titles_are_cut_at_a_word_boundary() -> None:
    slug = slugify("Energiewende " * 20)
    assert len(slug) <= 80
    assert slug.endswith("energiewende")
    assert SLUG_RE.match(slug)


def test_one_endless_word_is_cut_hard() -> None:
    assert slugify("a" * 100) == "a" * 80


@pytest.mark.parametrize("slug", ["husum", "solarpark-husum", "q3-2026", "2026"])
def test_valid_slugs(slug: str) -> None:
    assert SLUG_RE.match(slug)


@pytest.mark.parametrize("slug", ["Husum", "solar park", "-husum", "husum-", "a--b", "../etc", "a/b",
                                  "ö", ""])
def test_invalid_slugs(slug: str) -> None:
    assert not SLUG_RE.match(slug)


def test_default_slug_in_the_built_site(site: SiteDir) -> None:
    site.message("content/news/a.md", title="Nordlicht eröffnet Solarpark Husum")
    site.message("content/news/b.md", title="Schöne Grüße", extra="slug: gruesse")
    assert run_hubgen(site.root, "build").returncode == 0
    assert (site.root / "public/news/nordlicht-eroeffnet-solarpark-husum/index.html").is_file()
    assert (site.root / "public/news/gruesse/index.html").is_file()
    assert not (site.root / "public/news/schoene-gruesse").exists()
    assert (site.root / "kit/de/news/gruesse/press.txt").is_file()


def test_a_title_without_latin_letters_gets_a_plain_slug(site: SiteDir) -> None:
    site.message("content/news/a.md", title="Привет", extra="lang: de")
    assert run_hubgen(site.root, "build").returncode == 0
    assert (site.root / "public/news/message/index.html").is_file()


def test_same_slug_in_two_languages_is_fine(site: SiteDir) -> None:
    site.message("content/news/a.md", extra="slug: husum")
    site.message("content/news/a.en.md", title="Husum opens", extra="slug: husum")
    assert run_hubgen(site.root, "build").returncode == 0
    assert (site.root / "public/news/husum/index.html").is_file()
    assert (site.root / "public/en/news/husum/index.html").is_file()


def test_same_slug_in_two_sections_is_fine(site: SiteDir) -> None:
    site.message("content/news/a.md", extra="slug: husum")
    site.message("content/jobs/a.md", title="Jobs in Husum", extra="slug: husum")
    assert run_hubgen(site.root, "build").returncode == 0
    assert "Jobs in Husum" in site.read("public/jobs/husum/index.html")
    assert "Solarpark Husum" in site.read("public/news/husum/index.html")
