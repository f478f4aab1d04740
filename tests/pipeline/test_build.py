"""`hubgen build`: the layout of public/ and kit/, atomic replacement, and nothing private
reaching public/."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import SiteDir, assert_problems, run_hubgen, snapshot

from hubgen.config import load_config
from hubgen.content.dates import parse_datetime
from hubgen.content.frontmatter import parse_front_matter
from hubgen.errors import ProblemsError, Report
from hubgen.pipeline import BuildOptions, build
from hubgen.pipeline.safety import MARKER

SVG = '<svg xmlns="http://www.w3.org/2000/svg"><title>{}</title></svg>\n'


def all_text(folder: Path) -> str:
    """Every file under `folder`, names and contents, as one lowercase text to search."""
    return "\n".join(f"{name}\n{data.decode('utf-8', 'replace')}"
                     for name, data in snapshot(folder).items()).casefold()


def leftovers(site: SiteDir) -> list[str]:
    """Staging folders a build may have left beside its outputs (the cache is meant to stay)."""
    return sorted(p.name for p in site.root.iterdir()
                  if ".hubgen-" in p.name and p.name != ".hubgen-cache")


# --- layout ------------------------------------------------------------------------------------


def test_public_and_kit_layout(site: SiteDir) -> None:
    site.write("content/media/park.svg", SVG.format("Park"))
    site.message("content/news/husum.md", extra="tags: [Energie]\nimage: media/park.svg\n"
                                                "image_alt: Park\ncontact: presse")
    site.message("content/news/husum.en.md", title="Husum solar park opens")
    site.message("content/jobs/azubis.md", title="Azubis gesucht")
    site.write("static/downloads/profil.pdf", "%PDF-1.4\n")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built 3 of 3 messages, ")
    assert result.stdout.splitlines()[0].endswith("→ public/")
    public = set(snapshot(site.root / "public"))
    assert {
        MARKER, "index.html", "404.html", "robots.txt", "sitemap.xml", "atom.xml", "favicon.svg",
        "assets/style.css", "tags/index.html", "tags/energie/index.html", "press-kit/index.html",
        "news/solarpark-husum-eroeffnet/index.html", "news/solarpark-husum-eroeffnet/press.txt",
        "jobs/azubis-gesucht/index.html", "jobs/azubis-gesucht/press.txt", "media/park.svg",
        "downloads/profil.pdf",
        "en/index.html", "en/atom.xml", "en/tags/index.html", "en/press-kit/index.html",
        "en/news/husum-solar-park-opens/index.html", "en/news/husum-solar-park-opens/press.txt",
    } <= public
    assert not {p for p in public if p.startswith("kit/") or p.endswith(".md")}
    kit = set(snapshot(site.root / "kit"))
    assert {MARKER, "snippets.json", "de/news/solarpark-husum-eroeffnet/press.txt",
            "de/news/solarpark-husum-eroeffnet/social-x.txt",
            "exports/buffer-x.csv", "exports/hootsuite-linkedin.csv"} <= kit
    assert site.read("public/robots.txt") == ("User-agent: *\nAllow: /\n\n"
                                              "Sitemap: https://news.example.com/sitemap.xml\n"
                                              "Sitemap: https://news.example.com/news-sitemap.xml\n")
    assert leftovers(site) == []


def test_snippets_json_entries(site: SiteDir) -> None:
    site.message("content/news/husum.md")
    assert run_hubgen(site.root, "build").returncode == 0
    entries = json.loads(site.read("kit/snippets.json"))
    assert entries
    for entry in entries:
        assert set(entry) == {"message", "lang", "channel", "platform", "text", "length", "limit",
                              "unit", "url", "short_url", "ok"}
        assert entry["message"] == "solarpark-husum-eroeffnet"
        assert entry["url"].startswith("https://news.example.com/news/solarpark-husum-eroeffnet/")
    assert {(e["channel"], e["platform"]) for e in entries} >= {
        ("press", None), ("social", "x"), ("social", "mastodon"), ("recruiting", None),
        ("newsletter", None), ("advocacy", "x")}


def test_a_rebuild_drops_what_is_gone(site: SiteDir) -> None:
    site.message("content/news/a.md", title="Erste Meldung")
    site.message("content/news/b.md", title="Zweite Meldung")
    assert site.hubgen("build").returncode == 0
    (site.root / "content/news/b.md").unlink()
    assert site.hubgen("build").returncode == 0
    assert not (site.root / "public/news/zweite-meldung").exists()
    assert not (site.root / "kit/de/news/zweite-meldung").exists()
    assert "zweite" not in all_text(site.root / "public")
    assert leftovers(site) == []


def test_html_pages_parse_and_hold_no_template_code(site: SiteDir) -> None:
    site.message("content/news/a.md", extra="tags: [Energie, Solar]\ncontact: presse")
    site.message("content/news/a.en.md", title="Solar park opens", extra="tags: [Energy]")
    for number in range(14):  # more than one page of the home list
        site.message(f"content/news/n{number}.md", title=f"Meldung {number}",
                     date=f"2026-01-{number + 1:02d}")
    assert run_hubgen(site.root, "build").returncode == 0
    pages = sorted((site.root / "public").rglob("*.html"))
    assert (site.root / "public/page/2/index.html") in pages
    for page in pages:
        check_html(page)


# --- failed builds leave everything as it was -------------------------------------------------


@pytest.fixture
def built(site: SiteDir) -> SiteDir:
    site.write("content/media/park.svg", SVG.format("Park"))
    site.message("content/news/a.md", extra="tags: [Energie]\nimage: media/park.svg\nimage_alt: Park")
    site.message("content/news/b.md", title="Zweite Meldung")
    assert site.hubgen("build").returncode == 0
    return site


def test_broken_message_leaves_previous_output_byte_identical(built: SiteDir) -> None:
    public, kit = snapshot(built.root / "public"), snapshot(built.root / "kit")
    built.message("content/news/b.md", title="Zweite Meldung", extra="draft: vielleicht")
    built.message("content/news/c.md", title="Dritte Meldung")
    assert_problems(built.hubgen("build"),
                    "content/news/b.md:5: draft: must be true or false, not text (write draft: true)")
    assert snapshot(built.root / "public") == public
    assert snapshot(built.root / "kit") == kit
    assert leftovers(built) == []


def test_failing_site_template_names_its_line_and_leaves_output(built: SiteDir) -> None:
    public, kit = snapshot(built.root / "public"), snapshot(built.root / "kit")
    built.write("templates/message.html", """\
        {% extends "base.html" %}
        {% block content %}
        <h1>{{ message.title }}</h1>
        <p>{{ nope }}</p>
        {% endblock %}
        """)
    assert_problems(built.hubgen("build"),
                    "templates/message.html:4: template: 'nope' is undefined"
                    " (check the variable name; docs/themes.md lists what templates get)")
    assert snapshot(built.root / "public") == public
    assert snapshot(built.root / "kit") == kit
    assert leftovers(built) == []


def test_template_syntax_error_names_its_line(built: SiteDir) -> None:
    public = snapshot(built.root / "public")
    built.write("templates/tag.html", '{% extends "base.html" %}\n{% block content %}\n'
                                      "{% if tag %}\n<p>{{ tag.title }</p>\n{% endblock %}\n")
    result = built.hubgen("build")
    assert_problems(result, "templates/tag.html:4: template: unexpected '}' (fix the template syntax)")
    assert snapshot(built.root / "public") == public


def test_site_template_overrides_one_theme_template(built: SiteDir) -> None:
    built.write("templates/message.html", '{% extends "base.html" %}\n{% block content %}'
                                          "<h1 class=eigene>{{ message.title }}</h1>{% endblock %}\n")
    assert run_hubgen(built.root, "build").returncode == 0
    assert "<h1 class=eigene>Solarpark Husum eröffnet</h1>" in built.read(
        "public/news/solarpark-husum-eroeffnet/index.html")
    assert 'class="site-header"' in built.read("public/news/solarpark-husum-eroeffnet/index.html")


def test_over_long_snippet_fails_but_reaches_the_kit(built: SiteDir) -> None:
    public = snapshot(built.root / "public")
    built.message("content/news/b.md", title="Zweite Meldung", extra=f"""\
        channels:
          social:
            x: "{'Sehr lang. ' * 30}"
        """)
    assert_problems(built.hubgen("build"),
                    "content/news/b.md:7: channels.social.x: 329 weighted (social-x), limit 280"
                    " (shorten it, or leave it out to have it derived)")
    assert snapshot(built.root / "public") == public
    (entry,) = [e for e in json.loads(built.read("kit/snippets.json"))
                if e["message"] == "zweite-meldung" and e["platform"] == "x" and e["channel"] == "social"]
    assert (entry["length"], entry["ok"]) == (329, False)


# --- drafts and embargoes ---------------------------------------------------------------------

SECRET_WORDS = ["Zaunkönig", "zaunkoenig", "Heckenflüstern", "Wortgeheimnis", "Schattentag",
                "zaunbild", "Zaunalt", "Bildgeheimnis", "Hiddenenglish", "Kranich", "Sperrwort",
                "Fernblick", "Zukunftswort"]


@pytest.fixture
def private(site: SiteDir) -> SiteDir:
    """A public message with a draft English version, a draft, an embargoed and a future one."""
    site.write("content/media/zaunbild.svg", SVG.format("Bildgeheimnis"))
    site.write("content/media/kranichbild.svg", SVG.format("Kranichbild"))
    site.message("content/news/offen.md", title="Offene Meldung", extra="tags: [Energie]")
    site.message("content/news/offen.en.md", title="Hiddenenglish announcement", extra="draft: true")
    site.message("content/news/zaun.md", title="Geheimprojekt Zaunkönig",
                 summary="Heckenflüstern im Garten.", body="Ein Wortgeheimnis.\n", extra="""\
                    slug: zaunkoenig-entwurf
                    tags: [Schattentag, Energie]
                    image: media/zaunbild.svg
                    image_alt: Zaunalt
                    draft: true""")
    site.message("content/news/kranich.md", title="Kranichflug startet", date="2026-01-01",
                 summary="Der Kranich fliegt.", body="Ein Sperrwort.\n", extra="""\
                    slug: kranich-sperre
                    tags: [Kranichtag]
                    image: media/kranichbild.svg
                    image_alt: Kranich im Flug
                    embargo: 2099-01-01 09:00 +01:00""")
    site.message("content/jobs/zukunft.md", title="Fernblick 2099", date="2099-05-01",
                 summary="Ein Zukunftswort.")
    return site


def test_drafts_and_embargoed_messages_reach_no_public_file(private: SiteDir) -> None:
    result = private.hubgen("build")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built 1 of 5 messages, ")
    public = all_text(private.root / "public")
    assert "offene meldung" in public  # the search below is able to find things
    for word in SECRET_WORDS:
        assert word.casefold() not in public, word
    assert not (private.root / "public/media").exists()
    assert not (private.root / "public/tags/schattentag").exists()
    assert not (private.root / "public/en/news").exists()
    page = private.read("public/news/offene-meldung/index.html")
    assert 'hreflang="en"' not in page  # no link to the draft English version
    # Their posts' short links (the kit shows them) lead nowhere yet: no page, no redirect.
    posts = [s for s in json.loads(private.read("kit/snippets.json")) if s["channel"] == "social"]
    held = {code for s in posts if s["message"] != "offene-meldung"
            for code in re.findall(r"/s/(\w+)/", s["text"])}
    public_codes = {p.name for p in (private.root / "public/s").iterdir()}
    assert held and public_codes and not held & public_codes
    assert not any(code in private.read("public/_redirects") for code in held)


def test_drafts_and_embargoed_messages_are_in_the_kit(private: SiteDir) -> None:
    assert run_hubgen(private.root, "build").returncode == 0
    snippets = private.read("kit/snippets.json")
    for word in ("Geheimprojekt Zaunkönig", "Heckenflüstern", "Kranichflug", "Fernblick", "Hiddenenglish"):
        assert word in snippets, word
    messages = {e["message"] for e in json.loads(snippets)}
    assert {"zaunkoenig-entwurf", "kranich-sperre", "fernblick-2099", "offene-meldung",
            "hiddenenglish-announcement"} <= messages
    assert (private.root / "kit/de/news/zaunkoenig-entwurf/press.txt").is_file()
    # scheduling exports: embargoed posts go out once the embargo ends, drafts not at all
    buffer = private.read("kit/exports/buffer-x.csv")
    assert "Kranich" in buffer and "2099-01-01 09:00" in buffer
    assert "Zaunkönig" not in buffer


@pytest.mark.parametrize(("flags", "shown", "hidden"), [
    (("--drafts",), ["zaunkönig", "hiddenenglish", "bildgeheimnis"], ["kranich", "fernblick"]),
    (("--future",), ["kranich", "fernblick"], ["zaunkönig", "hiddenenglish"]),
    (("--drafts", "--future"), ["zaunkönig", "hiddenenglish", "kranich", "fernblick"], []),
])
def test_preview_flags_publish_them(private: SiteDir, flags: tuple[str, ...], shown: list[str],
                                    hidden: list[str]) -> None:
    assert run_hubgen(private.root, "build", *flags).returncode == 0
    public = all_text(private.root / "public")
    for word in shown:
        assert word in public, word
    for word in hidden:
        assert word not in public, word


def test_embargo_lifts_at_its_instant(site: SiteDir) -> None:
    site.message("content/news/a.md", date="2026-03-01", extra="embargo: 2026-03-12 09:00 +01:00")
    before = datetime(2026, 3, 12, 7, 59, tzinfo=UTC)
    result = build(BuildOptions(site.root, now=before))
    assert (result.messages, result.published) == (1, 0)
    assert not (site.root / "public/news").exists()
    assert (site.root / "kit/de/news/solarpark-husum-eroeffnet/press.txt").is_file()
    result = build(BuildOptions(site.root, now=datetime(2026, 3, 12, 8, 0, tzinfo=UTC)))
    assert result.published == 1
    assert (site.root / "public/news/solarpark-husum-eroeffnet/index.html").is_file()
    assert result.output == (site.root / "public").resolve()


def test_build_api_raises_all_problems(site: SiteDir) -> None:
    site.message("content/news/a.md", date="bald")
    site.message("content/news/b.md", title="B", extra="lang: xx")
    with pytest.raises(ProblemsError) as caught:
        build(BuildOptions(site.root))
    assert [(p.path, p.line, p.field) for p in caught.value.problems] == [
        ("content/news/a.md", 3, "date"), ("content/news/b.md", 5, "lang")]


# --- the demo newsroom in the repository --------------------------------------------------------


class StrictHTML(HTMLParser):
    """html.parser, plus a check that every element that was opened is closed in order."""

    VOID: ClassVar[set[str]] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.open.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<hr />`: opened and closed at once."""

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes a void element")
        elif not self.open or self.open[-1][0] != tag:
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def check_html(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>"), path
    assert "{{" not in text and "{%" not in text, path
    parser = StrictHTML()
    parser.feed(text)
    parser.close()
    assert parser.errors == [], (path, parser.errors)
    assert parser.open == [], (path, parser.open)


def test_demo_site_builds_and_keeps_its_secrets(demo_site: SiteDir) -> None:
    result = demo_site.hubgen("build")
    assert result.returncode == 0, result.stderr
    public = demo_site.root / "public"
    pages = sorted(public.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        check_html(page)

    now = datetime.now(UTC)
    config = load_config(demo_site.root, Report())
    assert config is not None
    zone = config.site.timezone
    hidden, shown = [], []
    for path in sorted((demo_site.root / "content").rglob("*.md")):
        front = parse_front_matter(path.read_text(encoding="utf-8"))
        data = front.data
        moments = [parse_datetime(str(data[k]), zone) for k in ("date", "embargo") if data.get(k)]
        private = data.get("draft") is True or max(moments) > now
        (hidden if private else shown).append((path, data))
    assert any(data.get("draft") is True for _, data in hidden), "the demo should show a draft"
    public_sources = "\n".join(p.read_text(encoding="utf-8") for p, _ in shown).casefold()
    public_text = all_text(public)
    kit_texts = "\n".join(e["text"] for e in json.loads(demo_site.read("kit/snippets.json")))
    for path, data in hidden:
        words = {w for w in re.findall(r"\w{6,}", str(data["title"])) if w.casefold() not in public_sources}
        assert words, f"{path.name}: no word of its title is its own"
        for word in words:
            assert word.casefold() not in public_text, (path.name, word)
        image = data.get("image")
        if image and not any(d.get("image") == image for _, d in shown):
            assert not (public / str(image)).exists(), image
        assert str(data["title"]) in kit_texts, path.name  # the kit has every message
