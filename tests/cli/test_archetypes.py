"""`hubgen new` from per-section archetypes (the site's own first, then hubgen's in the site's
language) and `hubgen new --translation-of`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import CONFIG, SiteDir, error_tagged, run_hubgen

from hubgen.content.frontmatter import parse_front_matter
from hubgen.content.placeholders import PLACEHOLDERS, TRANSLATE, placeholder_in

EN_SITE = CONFIG.replace('language = "de"', 'language = "en"')


def front(site: SiteDir, path: str) -> dict[str, object]:
    return parse_front_matter(site.read(path)).data


def test_default_archetype_in_the_site_s_language(site: SiteDir) -> None:
    result = site.hubgen("new", "Solarpark Husum")
    assert (result.returncode, result.stdout) == (0, "content/news/solarpark-husum.md\n")
    data = front(site, "content/news/solarpark-husum.md")
    de = PLACEHOLDERS["de"]
    assert (data["summary"], data["key_message"]) == (de["summary"], de["key_message"])
    assert data["channels"] == {"press": {"dateline": de["dateline"], "subtitle": de["subtitle"]},
                                "social": {"hashtags": []}}
    assert "# image: media/bild.jpg" in site.read("content/news/solarpark-husum.md")
    assert site.read("content/news/solarpark-husum.md").endswith(f"---\n{de['body']}\n")
    assert site.hubgen("check").returncode == 0  # a draft with placeholders builds


def test_english_placeholders_on_an_english_site(make_site: Callable[[str], SiteDir]) -> None:
    site = make_site(EN_SITE)
    assert site.hubgen("new", "Husum solar park").returncode == 0
    data = front(site, "content/news/husum-solar-park.md")
    assert data["summary"] == PLACEHOLDERS["en"]["summary"]
    assert data["lang"] == "en" and data["draft"] is True


def test_another_language_of_the_site_gets_its_placeholders(site: SiteDir) -> None:
    assert site.hubgen("new", "Husum solar park", "--lang", "en").returncode == 0
    assert front(site, "content/news/husum-solar-park.en.md")["summary"] == PLACEHOLDERS["en"]["summary"]


def test_job_ad_archetype(site: SiteDir) -> None:
    site.write("hubgen.toml", site.read("hubgen.toml") + """
[contacts.karriere]
name = "Jo Personal"
role = "Recruiting"
email = "jobs@example.com"

[channels]
recruiting_url = "https://karriere.example.com"
""")
    result = site.hubgen("new", "Ingenieurin Windkraft (m/w/d)", "--section", "jobs")
    assert result.returncode == 0, result.stderr
    data = front(site, "content/jobs/ingenieurin-windkraft-m-w-d.md")
    de = PLACEHOLDERS["de"]
    assert data["contact"] == "karriere"
    assert data["channels"] == {"press": False, "social": {"hashtags": ["Jobs"]},
                                "recruiting": {"text": de["recruiting"],
                                               "url": "https://karriere.example.com"}}
    assert data["tags"] == ["Karriere"]
    assert site.read("content/jobs/ingenieurin-windkraft-m-w-d.md").endswith(de["job_body"] + "\n")
    assert site.hubgen("build", "-D").returncode == 0
    # the news archetype names the press office
    assert site.hubgen("new", "Meldung").returncode == 0
    assert front(site, "content/news/meldung.md")["contact"] == "presse"


def test_the_site_s_own_archetypes_come_first(site: SiteDir) -> None:
    site.write("archetypes/jobs.md", """\
        ---
        title: {{ .title }}
        date: {{ .date }}
        summary: "{{ .todo.summary }}"
        lang: {{ .lang }}
        draft: true
        channels:
          social: { x: "Neu in {{ .section }}: {{ title }} {{ url }}" }
        ---
        Eigene Vorlage für {{.slug}}.
        """)
    site.write("archetypes/default.md", "---\ntitle: {{ .title }}\ndate: {{ .date }}\n"
                                        "summary: Hauseigen.\ndraft: true\n---\nText.\n")
    assert site.hubgen("new", "Ingenieurin", "--section", "jobs").returncode == 0
    text = site.read("content/jobs/ingenieurin.md")
    # hubgen's placeholders are filled, a snippet template's names pass through as written
    assert 'x: "Neu in jobs: {{ title }} {{ url }}"' in text and "Eigene Vorlage für ingenieurin." in text
    assert front(site, "content/jobs/ingenieurin.md")["summary"] == PLACEHOLDERS["de"]["summary"]
    assert site.hubgen("new", "Meldung", "--section", "events").returncode == 0
    assert front(site, "content/events/meldung.md")["summary"] == "Hauseigen."
    assert site.hubgen("check").returncode == 0


def test_an_unknown_placeholder_names_the_archetype_and_line(site: SiteDir) -> None:
    site.write("archetypes/default.md", "---\ntitle: {{ .title }}\nautor: {{ .Author }}\n---\n")
    result = site.hubgen("new", "Meldung")
    assert result.returncode == 2
    assert result.stderr.startswith("hubgen new: error: archetypes/default.md:3: unknown placeholder"
                                    " '{{ .Author }}' (use .title, .date, .lang, .slug, .section,")
    assert not (site.root / "content/news/meldung.md").exists()


ORIGINAL = """\
---
title: Solarpark Husum eröffnet
date: 2026-03-12 09:00 +01:00
summary: Der Solarpark versorgt {{ facts.households }} Haushalte.
slug: solarpark-husum
translation_key: husum
key_message: Nordlicht liefert Strom für {{ facts.households }} Haushalte.
facts:
  households: "40.000"
  capacity: 62 MW
  share: 12,5 %
tags: [Energie]
embargo: 2026-03-12 09:00 +01:00
contact: presse
channels:
  press: { dateline: Husum }
  social:
    hashtags: [Energiewende]
    x: "Am Netz: {{ facts.capacity }}. {{ url }}"
  recruiting: false
  advocacy: ["Stolz auf {{ facts.capacity }}!"]
---
Der Solarpark versorgt 40.000 Haushalte.

## Zahlen
"""


def test_translation_of_copies_facts_and_marks_texts(site: SiteDir) -> None:
    site.write("content/news/husum.md", ORIGINAL)
    result = site.hubgen("new", "--translation-of", "content/news/husum.md", "--lang", "en")
    assert (result.returncode, result.stdout) == (0, "content/news/husum.en.md\n"), result.stderr
    data = front(site, "content/news/husum.en.md")
    mark = TRANSLATE["en"]
    assert data == {
        "title": f"{mark} Solarpark Husum eröffnet", "date": "2026-03-12 09:00 +01:00",
        "summary": f"{mark} Der Solarpark versorgt {{{{ facts.households }}}} Haushalte.",
        "slug": "solarpark-husum", "translation_key": "husum",
        "key_message": f"{mark} Nordlicht liefert Strom für {{{{ facts.households }}}} Haushalte.",
        "facts": {"households": "40,000", "capacity": "62 MW", "share": "12.5 %"},  # in English
        "tags": ["Energie"],
        "embargo": "2026-03-12 09:00 +01:00", "contact": "presse",
        "channels": {"press": {"dateline": f"{mark} Husum"},
                     "social": {"hashtags": ["Energiewende"],
                                "x": f"{mark} Am Netz: {{{{ facts.capacity }}}}. {{{{ url }}}}"},
                     "recruiting": False, "advocacy": [f"{mark} Stolz auf {{{{ facts.capacity }}}}!"]},
        "lang": "en", "draft": True}
    body = parse_front_matter(site.read("content/news/husum.en.md")).body
    assert body == f"{mark}\n\nDer Solarpark versorgt 40.000 Haushalte.\n\n## Zahlen\n"
    assert placeholder_in(site.read("content/news/husum.en.md")) == mark
    assert site.hubgen("check").returncode == 0  # linked (same facts), builds
    assert site.hubgen("snippets", "husum", "--lang", "en", "--channel", "press").returncode == 0


def test_translation_from_a_sub_folder_and_into_the_default_language(site: SiteDir) -> None:
    site.write("content/news/husum.en.md", ORIGINAL.replace("slug:", "lang: en\nslug:"))
    result = site.hubgen("new", "--translation-of", "husum.en.md", "--site", str(site.root))
    assert result.returncode == 2  # not found from the site's root: paths are from here
    result = run_hubgen(site.root / "content/news", "new", "--translation-of", "husum.en.md")
    assert (result.returncode, result.stdout) == (0, "content/news/husum.md\n"), result.stderr
    assert front(site, "content/news/husum.md")["title"] == f"{TRANSLATE['de']} Solarpark Husum eröffnet"


@pytest.mark.parametrize(("args", "error"), [
    (("--translation-of", "content/news/husum.md", "--lang", "de"),
     "content/news/husum.md has a version in 'de' already: content/news/husum.md"),
    (("--translation-of", "content/news/husm.md", "--lang", "en"),
     "content/news/husm.md is not a message of this site (did you mean 'content/news/husum.md'?)"),
    (("--translation-of", "content/news/husum.md", "--lang", "fr"),
     "'fr' is not a language of this site (use one of de, en)"),
    (("--translation-of", "content/news/husum.md", "--lang", "eng"),
     "'eng' is not a language of this site (did you mean 'en'?)"),
])
def test_translation_errors(site: SiteDir, args: tuple[str, ...], error: str) -> None:
    site.write("content/news/husum.md", ORIGINAL)
    result = site.hubgen("new", *args)
    assert (result.returncode, result.stderr) == (2, f"hubgen new: error: {error}\n")
    assert sorted(p.name for p in (site.root / "content/news").iterdir()) == ["husum.md"]


def test_translation_refuses_an_existing_file(site: SiteDir) -> None:
    site.write("content/news/husum.md", ORIGINAL)
    site.write("content/news/husum.en.md", ORIGINAL.replace("translation_key: husum", "translation_key: x")
               .replace("slug:", "lang: en\nslug:"))
    result = site.hubgen("new", "--translation-of", "content/news/husum.md", "--lang", "en")
    assert (result.returncode, result.stderr) == (
        2, "hubgen new: error: content/news/husum.en.md exists already (move it away, or give its"
           " translation_key: husum)\n")


def test_unknown_section_name(site: SiteDir) -> None:
    result = site.hubgen("new", "Meldung", "--section", "../etc")
    assert (result.returncode, result.stderr) == (
        2, "hubgen new: error: '../etc' is not a section name (use e.g. news or jobs)\n")


def test_placeholders_module() -> None:
    assert set(PLACEHOLDERS) >= {"de", "en"} and set(PLACEHOLDERS["de"]) == set(PLACEHOLDERS["en"])
    assert placeholder_in("Ort: " + PLACEHOLDERS["de"]["dateline"]) == PLACEHOLDERS["de"]["dateline"]
    assert placeholder_in("[ÜBERSETZEN] Titel") == "[ÜBERSETZEN]"
    assert placeholder_in("Ein fertiger Text über TODO-Listen.") is None
    assert error_tagged("a.md:3: date: x") == "a.md:3: error: date: x"
