"""The press channel: the press-release text, line by line, in German and English."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CONFIG, SiteDir, problem_lines

BODY_DE = """\
Die Testfirma hat heute den **Solarpark Husum** in Betrieb genommen. Mehr auf der
[Projektseite](https://www.example.com/solar).

## Der Park in Zahlen

Auf 70 Hektar stehen 113.000 Module, siehe [Projektseite](https://www.example.com/solar)
und [Karte](https://www.example.com/karte).

"Ein guter Tag für Husum", sagte Erika Muster.
"""

BODY_EN = """\
Testfirma today opened the *Husum solar park*. More on the
[project page](https://www.example.com/solar).

"A good day for Husum," said Erika Muster.
"""

PRESS_DE = """\
Pressemitteilung

Solarpark Husum eröffnet

Größter Park der Testfirma geht ans Netz

Husum, 12. März 2026 – Die Testfirma hat heute den Solarpark Husum in Betrieb genommen. Mehr auf der \
Projektseite [1].

Der Park in Zahlen

Auf 70 Hektar stehen 113.000 Module, siehe Projektseite [1] und Karte [2].

„Ein guter Tag für Husum“, sagte Erika Muster.

Online: https://news.example.com/news/solarpark-husum-eroeffnet/

Links:
[1] https://www.example.com/solar
[2] https://www.example.com/karte

Über Testfirma
Die Testfirma testet.

Pressekontakt
Erika Muster, Pressesprecherin
Telefon: +49 40 123
E-Mail: presse@example.com

– Ende der Pressemitteilung –
"""

PRESS_EN = """\
Press release

Husum solar park opens

The company's largest park goes online

Husum, March 12, 2026 – Testfirma today opened the Husum solar park. More on the project page [1].

“A good day for Husum,” said Erika Muster.

Online: https://news.example.com/en/news/husum-solar-park-opens/

Links:
[1] https://www.example.com/solar

About Testfirma
Testfirma tests.

Media contact
Erika Muster, Press officer
Phone: +49 40 123
Email: presse@example.com

###
"""

EMBARGOES = {
    # file: (lang, embargo, the embargo line)
    "embargo-de.md": ("de", "2027-02-10 09:00 +01:00", "Sperrfrist: 10. Februar 2027, 09:00 Uhr MEZ"),
    "embargo-en.md": ("en", "2027-02-10 09:00 +01:00",
                      "EMBARGOED UNTIL February 10, 2027, 9:00 AM CET"),
    "embargo-de-summer.md": ("de", "2027-07-01 08:00 +00:00", "Sperrfrist: 1. Juli 2027, 10:00 Uhr MESZ"),
    "embargo-en-summer.md": ("en", "2027-07-01 08:00 +00:00",
                             "EMBARGOED UNTIL July 1, 2027, 10:00 AM CEST"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    """One build with every press case: German, English, embargoed, special bodies."""
    site = SiteDir(tmp_path_factory.mktemp("press"))
    site.write("hubgen.toml", CONFIG)
    site.message("content/news/de.md", extra="""\
        contact: presse
        channels:
          press:
            dateline: Husum
            subtitle: Größter Park der Testfirma geht ans Netz
        """, body=BODY_DE)
    site.message("content/news/en.md", title="Husum solar park opens", summary="It supplies homes.",
                 extra="""\
        lang: en
        contact: presse
        channels:
          press:
            dateline: Husum
            subtitle: The company's largest park goes online
        """, body=BODY_EN)
    for name, (lang, embargo, _) in EMBARGOES.items():
        site.message(f"content/news/{name}", title=name.removesuffix(".md"), date=embargo,
                     extra=f"lang: {lang}\nembargo: {embargo}\ncontact: presse\n")
    site.message("content/news/zukunft.md", title="Zukunft", date="2099-01-01 09:00 +01:00",
                 extra="embargo: 2099-01-01 09:00 +01:00\ncontact: presse\n")
    site.message("content/news/heading.md", title="Zuerst eine Zwischenzeile",
                 extra="channels:\n  press: {dateline: Husum}\n",
                 body="## Der Park\n\nErster Absatz.\n")
    site.message("content/news/plain.md", title="Ohne Dateline und Kontakt", body="Nur ein Satz.\n")
    site.message("content/news/empty.md", title="Ohne Text", summary="Die Zusammenfassung.", body="")
    site.message("content/news/off.md", title="Keine Pressemitteilung",
                 extra="channels:\n  press: false\n")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    return site


def press_snippets(site: SiteDir) -> dict[str, dict[str, Any]]:
    """The press snippets of snippets.json, by slug."""
    found = json.loads(site.read("kit/snippets.json"))
    return {s["message"]: s for s in found if s["channel"] == "press"}


def test_german_press_text(built: SiteDir) -> None:
    text = built.read("public/news/solarpark-husum-eroeffnet/press.txt")
    assert text.splitlines() == PRESS_DE.splitlines()
    assert text.endswith("– Ende der Pressemitteilung –\n")


def test_english_press_text(built: SiteDir) -> None:
    text = built.read("public/en/news/husum-solar-park-opens/press.txt")
    assert text.splitlines() == PRESS_EN.splitlines()
    assert text.endswith("###\n")


@pytest.mark.parametrize(("lang", "section", "slug"), [
    ("de", "news", "solarpark-husum-eroeffnet"),
    ("en", "news", "husum-solar-park-opens"),
])
def test_kit_press_text_is_the_public_one(built: SiteDir, lang: str, section: str, slug: str) -> None:
    public = "" if lang == "de" else f"{lang}/"
    assert (built.read(f"kit/{lang}/{section}/{slug}/press.txt")
            == built.read(f"public/{public}{section}/{slug}/press.txt"))


def test_press_snippet_in_snippets_json(built: SiteDir) -> None:
    snippet = press_snippets(built)["solarpark-husum-eroeffnet"]
    assert snippet["text"] == PRESS_DE
    assert (snippet["platform"], snippet["limit"], snippet["unit"], snippet["ok"]) == (
        None, None, "characters", True)
    assert snippet["length"] == len(PRESS_DE)
    assert snippet["url"] == "https://news.example.com/news/solarpark-husum-eroeffnet/"


@pytest.mark.parametrize(("name", "lang", "line"),
                         [(name, lang, line) for name, (lang, _, line) in EMBARGOES.items()])
def test_embargo_line(built: SiteDir, name: str, lang: str, line: str) -> None:
    slug = name.removesuffix(".md")
    lines = press_snippets(built)[slug]["text"].splitlines()
    label = {"de": "Pressemitteilung", "en": "Press release"}[lang]
    assert lines[:5] == [label, "", line, "", slug]


def test_embargoed_press_text_stays_out_of_public(built: SiteDir) -> None:
    lines = built.read("kit/de/news/zukunft/press.txt").splitlines()
    assert lines[2] == "Sperrfrist: 1. Januar 2099, 09:00 Uhr MEZ"
    assert not list((built.root / "public").rglob("zukunft*"))


def test_dateline_before_a_heading_stands_alone(built: SiteDir) -> None:
    text = built.read("public/news/zuerst-eine-zwischenzeile/press.txt")
    assert "\n\nHusum, 12. März 2026\n\nDer Park\n\nErster Absatz.\n\n" in text
    markdown = built.read("kit/de/news/zuerst-eine-zwischenzeile/press.md")
    assert "\n\n**Husum, 12. März 2026**\n\n## Der Park\n\nErster Absatz.\n\n" in markdown


def test_without_dateline_the_date_opens_the_text(built: SiteDir) -> None:
    lines = built.read("public/news/ohne-dateline-und-kontakt/press.txt").splitlines()
    assert "12. März 2026 – Nur ein Satz." in lines
    # No contact written: no contact block, but the boilerplate and the end mark.
    assert "Pressekontakt" not in lines
    assert lines[-4:] == ["Über Testfirma", "Die Testfirma testet.", "", "– Ende der Pressemitteilung –"]


def test_empty_body_falls_back_to_summary(built: SiteDir) -> None:
    lines = built.read("public/news/ohne-text/press.txt").splitlines()
    assert "12. März 2026 – Die Zusammenfassung." in lines
    assert "Links:" not in lines


def test_press_markdown_version(built: SiteDir) -> None:
    markdown = built.read("kit/de/news/solarpark-husum-eroeffnet/press.md")
    assert markdown.startswith("**Pressemitteilung**\n\n# Solarpark Husum eröffnet\n\n"
                               "## Größter Park der Testfirma geht ans Netz\n\n"
                               "**Husum, 12. März 2026 –** Die Testfirma hat heute den **Solarpark Husum**")
    assert "Online: <https://news.example.com/news/solarpark-husum-eroeffnet/>" in markdown
    assert markdown.endswith("\n\n– Ende der Pressemitteilung –\n")


def test_press_false_switches_the_channel_off(built: SiteDir) -> None:
    assert "keine-pressemitteilung" not in press_snippets(built)
    assert not (built.root / "kit/de/news/keine-pressemitteilung/press.txt").exists()
    assert not (built.root / "public/news/keine-pressemitteilung/press.txt").exists()
    assert (built.root / "public/news/keine-pressemitteilung/index.html").is_file()


def test_press_subtitle_is_a_template(site: SiteDir) -> None:
    site.message("content/news/x.md", extra="""\
        facts: {capacity: 62 MW}
        channels:
          press: {subtitle: "{{ facts.capacity }} für die Region"}
        """)
    result = site.hubgen("snippets", "solarpark-husum-eroeffnet", "--channel", "press")
    assert result.returncode == 0, result.stderr
    assert "\nSolarpark Husum eröffnet\n\n62 MW für die Region\n\n" in result.stdout


def test_unknown_press_key_suggests_the_right_one(site: SiteDir) -> None:
    site.message("content/news/x.md", extra="channels:\n  press:\n    datline: Husum\n")
    result = site.hubgen("build")
    assert result.returncode == 1
    assert ("content/news/x.md:7: channels.press.datline: unknown key (did you mean 'dateline'?)"
            in problem_lines(result.stderr))
