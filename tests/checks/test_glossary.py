"""One voice: glossary variants are flagged where they stand, as written and as whole words."""

from __future__ import annotations

import json

import pytest
from check_helpers import problems
from conftest import CONFIG, SiteDir

GLOSSARY = """
[glossary]
"Nordlicht Energie" = ["Nordlicht Energy", "NordLicht Energie", "Nordlicht"]
"Solarpark" = ["Solar-Park"]
"""
PATH = "content/news/park.md"


@pytest.fixture
def glossary_site(make_site: object) -> SiteDir:
    return make_site(CONFIG + GLOSSARY)  # type: ignore[operator]


def warning(line: int, field: str, variant: str, preferred: str) -> str:
    return (f"{PATH}:{line}: warning: {field}: '{variant}' is a variant of '{preferred}'"
            f" (write '{preferred}')")


# (title, summary, x post, body, expected): the x post is on line 7, the body starts on line 9.
FLAGGED = [
    ("Solar-Park eröffnet", "Heute.", "Am Netz.", "Text.\n",
     [warning(2, "title", "Solar-Park", "Solarpark")]),
    ("Eröffnet", "Der Solar-Park ist am Netz.", "Am Netz.", "Text.\n",
     [warning(4, "summary", "Solar-Park", "Solarpark")]),
    ("Eröffnet", "Heute.", "Nordlicht Energy baut. {{ url }}", "Text.\n",
     [warning(7, "channels.social.x", "Nordlicht Energy", "Nordlicht Energie")]),
    ("Eröffnet", "Heute.", "Am Netz.", "Erste Zeile.\n\nZweite Zeile von NordLicht Energie.\n",
     [warning(11, "body", "NordLicht Energie", "Nordlicht Energie")]),
    ("Eröffnet", "Heute.", "Am Netz.", "Ein Absatz,\nder auf der zweiten Zeile Solar-Park sagt.\n",
     [warning(10, "body", "Solar-Park", "Solarpark")]),
    ("Eröffnet", "Heute.", "Am Netz.", "| a | b |\n| --- | --- |\n| Solar-Park | 1 |\n",
     [warning(11, "body", "Solar-Park", "Solarpark")]),
    ("Eröffnet", "Heute.", "Am Netz.", "Bei Nordlicht arbeiten viele.\n",
     [warning(9, "body", "Nordlicht", "Nordlicht Energie")]),
]


def write(site: SiteDir, title: str, summary: str, x: str, body: str) -> None:
    site.message(PATH, title=title, summary=summary, body=body,
                 extra=f"channels:\n  social:\n    x: {json.dumps(x, ensure_ascii=False)}\n")


@pytest.mark.parametrize(("title", "summary", "x", "body", "expected"), FLAGGED)
def test_variants_flagged(glossary_site: SiteDir, title: str, summary: str, x: str, body: str,
                          expected: list[str]) -> None:
    write(glossary_site, title, summary, x, body)
    assert problems(glossary_site) == expected


NEAR_MISSES = [
    "Der Solarpark ist am Netz.",
    "Ein Solar-Parkplatz ist kein Solarpark.",  # inside a longer word
    "Der Bürger-Solar-Park-Verein.",
    "nordlicht energy, klein geschrieben.",  # case-sensitive, as written
    "Nordlicht Energie baut.",  # the preferred term holds the variant "Nordlicht"
    "Nordlichter am Himmel.",
    "Siehe https://example.com/Solar-Park und #Nordlicht.",
    "Code: `Solar-Park`.",
]


@pytest.mark.parametrize("body", NEAR_MISSES)
def test_near_misses(glossary_site: SiteDir, body: str) -> None:
    write(glossary_site, "Eröffnet", "Heute.", "Am Netz.", body + "\n")
    assert problems(glossary_site) == []


def test_facts_and_image_text_are_one_voice_too(glossary_site: SiteDir) -> None:
    glossary_site.write("content/media/p.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    glossary_site.message(PATH, summary="Heute.", extra="facts:\n  partner: Nordlicht Energy\n"
                          "image: media/p.svg\nimage_alt: Der Solar-Park von oben\n")
    assert problems(glossary_site) == [
        warning(6, "facts.partner", "Nordlicht Energy", "Nordlicht Energie"),
        warning(8, "image_alt", "Solar-Park", "Solarpark")]
