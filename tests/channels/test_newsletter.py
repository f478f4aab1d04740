"""The newsletter channel: a teaser as text and as HTML, written or derived from the summary."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CONFIG, SiteDir, problem_lines

LONG = " ".join(["Der Solarpark liefert Strom, schafft Arbeit und schützt Insekten."] * 12)


def tagged(slug: str, lang: str = "de") -> str:
    prefix = "" if lang == "de" else f"{lang}/"
    return (f"https://news.example.com/{prefix}news/{slug}/?utm_source=email&utm_medium=newsletter"
            f"&utm_campaign={slug}")


# (slug, front matter, expected teaser)
CASES = [
    ("derived", "", "Der Solarpark versorgt 40.000 Haushalte."),
    ("written", "facts: {n: '62 MW'}\nchannels:\n  newsletter: 'Neu: {{ facts.n }} am Netz.'\n",
     "Neu: 62 MW am Netz."),
    ("folded", "channels:\n  newsletter: >-\n    Zwei Zeilen\n    werden eine.\n",
     "Zwei Zeilen werden eine."),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    site = SiteDir(tmp_path_factory.mktemp("newsletter"))
    site.write("hubgen.toml", CONFIG)
    for slug, extra, _ in CASES:
        site.message(f"content/news/{slug}.md", title=slug, extra=extra)
    site.message("content/news/english.md", title="english", summary="It is online.", extra="lang: en\n")
    site.message("content/news/escaped.md", title="Strom & <Wärme>", summary='Sagt "ja" & <nein>.',
                 extra="slug: escaped\n")
    site.message("content/news/aus.md", title="aus", extra="channels:\n  newsletter: false\n")
    site.message("content/news/long.md", title="long", summary=LONG)
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    return site


def newsletter(site: SiteDir) -> dict[str, dict[str, Any]]:
    return {s["message"]: s for s in json.loads(site.read("kit/snippets.json"))
            if s["channel"] == "newsletter"}


@pytest.mark.parametrize(("slug", "teaser"),
                         [pytest.param(slug, teaser, id=slug) for slug, _, teaser in CASES])
def test_newsletter_text(built: SiteDir, slug: str, teaser: str) -> None:
    snippet = newsletter(built)[slug]
    url = tagged(slug)
    assert snippet["text"] == f"{slug}\n\n{teaser}\n\nWeiterlesen: {url}"
    assert built.read(f"kit/de/news/{slug}/newsletter.txt") == snippet["text"]
    # What the limit is about: the teaser, as it fills the newsletter column.
    assert (snippet["length"], snippet["limit"], snippet["unit"]) == (len(teaser), 600, "characters")
    assert (snippet["platform"], snippet["url"], snippet["ok"]) == (None, url, True)


def test_newsletter_html(built: SiteDir) -> None:
    url = tagged("derived").replace("&", "&amp;")
    assert built.read("kit/de/news/derived/newsletter.html") == (
        f'<h2><a href="{url}">derived</a></h2>\n'
        "<p>Der Solarpark versorgt 40.000 Haushalte.</p>\n"
        f'<p><a href="{url}">Weiterlesen →</a></p>\n')


def test_newsletter_html_is_escaped(built: SiteDir) -> None:
    url = tagged("escaped").replace("&", "&amp;")
    assert built.read("kit/de/news/escaped/newsletter.html") == (
        f'<h2><a href="{url}">Strom &amp; &lt;Wärme&gt;</a></h2>\n'
        "<p>Sagt &quot;ja&quot; &amp; &lt;nein&gt;.</p>\n"
        f'<p><a href="{url}">Weiterlesen →</a></p>\n')
    assert newsletter(built)["escaped"]["text"].startswith('Strom & <Wärme>\n\nSagt "ja" & <nein>.\n\n')


def test_english_newsletter(built: SiteDir) -> None:
    assert newsletter(built)["english"]["text"] == (
        f"english\n\nIt is online.\n\nRead more: {tagged('english', 'en')}")


def test_newsletter_false_switches_it_off(built: SiteDir) -> None:
    assert "aus" not in newsletter(built)
    assert not (built.root / "kit/de/news/aus/newsletter.txt").exists()


def test_derived_teaser_is_shortened_to_fit(built: SiteDir) -> None:
    snippet = newsletter(built)["long"]
    teaser = snippet["text"].split("\n\n")[1]
    assert teaser.endswith("Insekten.")  # cut after a whole sentence
    assert LONG.startswith(teaser)
    assert len(teaser) > 600 - len("Der Solarpark liefert Strom, schafft Arbeit und schützt Insekten. ")
    assert snippet["length"] == len(teaser) <= 600


def test_written_teaser_over_the_limit(site: SiteDir) -> None:
    site.message("content/news/x.md", extra=f"channels:\n  newsletter: {LONG}\n")
    result = site.hubgen("build")
    assert result.returncode == 1
    assert problem_lines(result.stderr) == [
        f"content/news/x.md:6: channels.newsletter: {len(LONG)} characters (newsletter), limit 600"
        " (shorten it, or leave it out to have it derived)",
        "1 error",
    ]
