"""Front matter: parsed safely with the line of every key; every bad input reported as
`path:line: field: problem (fix)`, all files of a run together."""

from __future__ import annotations

import textwrap

import pytest
import yaml
from conftest import SiteDir, assert_problems, run_hubgen

from hubgen.content import frontmatter
from hubgen.content.frontmatter import FrontMatterError, parse_front_matter

# --- the parser -----------------------------------------------------------------------------


def test_keys_nested_keys_and_list_items_keep_their_file_lines() -> None:
    front = parse_front_matter(textwrap.dedent("""\
        ---
        title: Solarpark
        date: 2026-03-12 09:00 +01:00
        facts:
          households: "40.000"
        channels:
          social:
            x: "Hallo"
          advocacy:
            - "eins"
            - "zwei"
        ---
        Erster Absatz.

        Zweiter Absatz.
        """))
    assert front.lines == {
        "title": 2, "date": 3, "facts": 4, "facts.households": 5, "channels": 6,
        "channels.social": 7, "channels.social.x": 8, "channels.advocacy": 9,
        "channels.advocacy.0": 10, "channels.advocacy.1": 11,
    }
    assert front.body == "Erster Absatz.\n\nZweiter Absatz.\n"
    assert front.body_line == 13


def test_dates_stay_text_for_hubgen_to_parse() -> None:
    """YAML would turn these into naive datetimes in some forms and dates in others."""
    front = parse_front_matter("---\ndate: 2026-03-12 09:00:00\nembargo: 2026-03-12\n---\n")
    assert front.data == {"date": "2026-03-12 09:00:00", "embargo": "2026-03-12"}


def test_byte_order_mark_and_dots_end_marker() -> None:
    front = parse_front_matter("\ufeff---\ntitle: X\n...\nBody\n")
    assert front.data == {"title": "X"}
    assert front.body == "Body\n"
    assert front.body_line == 4


def test_empty_front_matter_is_an_empty_mapping() -> None:
    front = parse_front_matter("---\n---\nBody\n")
    assert front.data == {}


def test_yaml_is_loaded_safely() -> None:
    text = "---\ntitle: !!python/object/apply:os.system ['touch /tmp/hubgen-pwned']\n---\n"
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter(text)
    assert caught.value.line == 2
    assert caught.value.message == "tag '!!python/object/apply:os.system' is not allowed"


@pytest.mark.parametrize(("text", "line", "message"), [
    ("no front matter\n", 1, "no front matter"),
    ("---\ntitle: X\n", 1, "front matter is not closed"),
    ("---\n- a\n- b\n---\n", 2, "front matter must be key: value pairs"),
    ("---\ntitle: a: b\n---\n", 2, "invalid YAML: mapping values are not allowed in this context"),
    ("---\ntitle: X\nsummary: \"offen\ndate: 2026-01-01\n---\n", 3,
     "invalid YAML: found unexpected end of stream while scanning a quoted scalar"),
    ("---\ntitle: X\ntags: [a, b\ndate: 2026-01-01\n---\n", 3,
     "invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
])
def test_broken_front_matter_names_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter(text)
    assert (caught.value.line, caught.value.message) == (line, message)


# --- what `hubgen build` prints ----------------------------------------------------------------

GOOD = """\
---
title: Solarpark Husum eröffnet
date: 2026-03-12 09:00 +01:00
summary: Der Solarpark versorgt 40.000 Haushalte.
"""
"""The start of a valid message: each case adds lines 5 onwards (or replaces it)."""
DATE_FIX = "write YYYY-MM-DD or YYYY-MM-DD HH:MM, optionally with +01:00"
YAML_FIX = "check indentation and quote values containing ': ' or '#'"

# (files of the site, the exact line `hubgen build` prints). Files are written into content/.
FRONT_MATTER_ERRORS = [
    pytest.param(
        {"news/m.md": "---\ndate: 2026-03-12\nsummary: Kurz.\n---\nText\n"},
        "content/news/m.md:1: title: missing (add 'title: …' to the front matter)",
        id="missing-title"),
    pytest.param(
        {"news/m.md": "---\ntitle: Solarpark\nsummary: Kurz.\n---\nText\n"},
        "content/news/m.md:1: date: missing (add 'date: …' to the front matter)",
        id="missing-date"),
    pytest.param(
        {"news/m.md": "---\ntitle: Solarpark\ndate: 2026-03-12\nsummary:\n---\nText\n"},
        "content/news/m.md:4: summary: is empty (add 'summary: …' to the front matter)",
        id="empty-summary"),
    pytest.param(
        {"news/m.md": "---\ntitle: [Solarpark, Husum]\ndate: 2026-03-12\nsummary: Kurz.\n---\n"},
        "content/news/m.md:2: title: must be text, not a list (write title: some text)",
        id="wrong-type-title"),
    pytest.param(
        {"news/m.md": GOOD + "draft: vielleicht\n---\n"},
        "content/news/m.md:5: draft: must be true or false, not text (write draft: true)",
        id="wrong-type-draft"),
    pytest.param(
        {"news/m.md": GOOD + "tags: Solar\n---\n"},
        "content/news/m.md:5: tags: must be a list of words, not text (write tags: [A, B])",
        id="wrong-type-tags"),
    pytest.param(
        {"news/m.md": GOOD + "facts: 40000\n---\n"},
        "content/news/m.md:5: facts: must be a mapping, not text"
        " (write facts: then 'name: value' lines)",
        id="wrong-type-facts"),
    pytest.param(
        {"news/m.md": GOOD + "facts:\n  households: [1, 2]\n---\n"},
        "content/news/m.md:6: facts.households: must be text or a number, not a list"
        ' (write it as a single value such as "40.000")',
        id="wrong-type-fact"),
    pytest.param(
        {"news/m.md": GOOD + "facts:\n  2026-ziel: 5\n---\n"},
        "content/news/m.md:6: facts.2026-ziel: not a usable fact name"
        " (use letters, digits and _ so that {{ facts.name }} works)",
        id="bad-fact-name"),
    pytest.param(
        {"news/m.md": GOOD + "channels: [press, social]\n---\n"},
        "content/news/m.md:5: channels: must be a mapping, not a list"
        " (write channels: with one indented key per channel)",
        id="wrong-type-channels"),
    pytest.param(
        {"news/m.md": "---\ntitle: Solarpark\ndate: 2026-13-01\nsummary: Kurz.\n---\n"},
        f"content/news/m.md:3: date: bad date: '2026-13-01' does not exist: month must be in 1..12"
        f" ({DATE_FIX})",
        id="bad-date-month"),
    pytest.param(
        {"news/m.md": "---\ntitle: Solarpark\ndate: 2026-02-30 09:00\nsummary: Kurz.\n---\n"},
        f"content/news/m.md:3: date: bad date: '2026-02-30 09:00' does not exist:"
        f" day is out of range for month ({DATE_FIX})",
        id="bad-date-day"),
    pytest.param(
        {"news/m.md": "---\ntitle: Solarpark\ndate: 12.03.2026\nsummary: Kurz.\n---\n"},
        f"content/news/m.md:3: date: bad date: '12.03.2026' is not a date ({DATE_FIX})",
        id="bad-date-format"),
    pytest.param(
        {"news/m.md": GOOD + "embargo: morgen früh\n---\n"},
        f"content/news/m.md:5: embargo: bad date: 'morgen früh' is not a date ({DATE_FIX})",
        id="bad-embargo"),
    pytest.param(
        {"news/m.md": GOOD + "key_message: Solar: gut\nfacts:\n\tx: 1\n---\n"},
        "content/news/m.md:5: front matter: invalid YAML: mapping values are not allowed in this"
        f" context ({YAML_FIX})",
        id="bad-yaml-colon"),
    pytest.param(
        {"news/m.md": GOOD + "facts:\n\tx: 1\n---\n"},
        f"content/news/m.md:6: front matter: invalid YAML: found character that cannot start any"
        f" token ({YAML_FIX})",
        id="bad-yaml-tab"),
    pytest.param(
        {"news/m.md": GOOD + 'key_message: "Nordlicht liefert\ntags: [Solar]\n---\nText\n'},
        "content/news/m.md:5: front matter: invalid YAML: found unexpected end of stream while"
        f" scanning a quoted scalar ({YAML_FIX})",
        id="bad-yaml-unclosed-quote"),
    pytest.param(
        {"news/m.md": "Nur Text, kein Kopf.\n"},
        "content/news/m.md:1: front matter: no front matter (start the file with a line '---')",
        id="no-front-matter"),
    pytest.param(
        {"news/m.md": GOOD + "Text ohne Ende\n"},
        "content/news/m.md:1: front matter: front matter is not closed (end it with a line '---')",
        id="front-matter-not-closed"),
    pytest.param(
        {"news/m.md": GOOD + "contact: pressestelle\n---\n"},
        "content/news/m.md:5: contact: unknown contact 'pressestelle'"
        " (use one of: presse; contacts are defined in hubgen.toml [contacts.NAME])",
        id="unknown-contact"),
    pytest.param(
        {"news/m.md": GOOD + "image: media/park.svg\n---\n", "media/park.svg": "<svg/>"},
        "content/news/m.md:5: image_alt: is required when image is set"
        " (describe the image for readers who can't see it)",
        id="image-without-alt"),
    pytest.param(
        {"news/m.md": GOOD + "image: media/park.svg\nimage_alt: ' '\n---\n",
         "media/park.svg": "<svg/>"},
        "content/news/m.md:6: image_alt: is required when image is set"
        " (describe the image for readers who can't see it)",
        id="image-with-empty-alt"),
    pytest.param(
        {"news/m.md": GOOD + "image: media/fehlt.jpg\nimage_alt: Luftbild\n---\n"},
        "content/news/m.md:5: image: file 'media/fehlt.jpg' not found in content/"
        " (check the path; it is relative to the content folder)",
        id="image-file-missing"),
    pytest.param(
        {"news/m.md": GOOD + "image: ../hubgen.toml\nimage_alt: Konfiguration\n---\n"},
        "content/news/m.md:5: image: '../hubgen.toml' is outside content/"
        " (put the image inside content/ and give its path from there)",
        id="image-outside-content"),
    pytest.param(
        {"news/m.md": GOOD + "tag: [Solar]\n---\n"},
        "content/news/m.md:5: tag: unknown field (did you mean 'tags'?)",
        id="unknown-field-did-you-mean"),
    pytest.param(
        {"news/m.md": GOOD + "colour: blue\n---\n"},
        "content/news/m.md:5: colour: unknown field (remove it or check the spelling)",
        id="unknown-field"),
    pytest.param(
        {"news/m.md": GOOD + "slug: Solarpark Husum!\n---\n"},
        "content/news/m.md:5: slug: 'Solarpark Husum!' is not a valid slug"
        " (use lowercase letters, digits and hyphens, e.g. 'solarpark-husum')",
        id="invalid-slug"),
    pytest.param(
        {"news/m.md": GOOD + "slug: ../../etc\n---\n"},
        "content/news/m.md:5: slug: '../../etc' is not a valid slug"
        " (use lowercase letters, digits and hyphens, e.g. 'etc')",
        id="slug-leaving-output"),
    pytest.param(
        {"news/m.md": GOOD + "lang: fr\n---\n"},
        "content/news/m.md:5: lang: 'fr' is not a language of this site"
        " (use one of de, en or add it to [site] languages)",
        id="unknown-lang"),
    pytest.param(
        {"news/a.md": GOOD + "---\n", "news/b.md": GOOD + "---\n"},
        "content/news/b.md:2: slug: 'solarpark-husum-eroeffnet' is already used by"
        " content/news/a.md (give this message its own slug)",
        id="duplicate-slug-from-title"),
    pytest.param(
        {"news/a.md": GOOD + "slug: husum\n---\n",
         "news/b.md": "---\ntitle: Anders\ndate: 2026-03-13\nsummary: Kurz.\nslug: husum\n---\n"},
        "content/news/b.md:5: slug: 'husum' is already used by content/news/a.md"
        " (give this message its own slug)",
        id="duplicate-slug-explicit"),
    pytest.param(
        {"news/a.md": GOOD + "translation_key: husum\n---\n",
         "news/b.md": "---\ntitle: Anders\ndate: 2026-03-13\nsummary: Kurz.\n"
                      "translation_key: husum\n---\n"},
        "content/news/b.md:5: translation_key: content/news/a.md is already the 'de' version of"
        " 'husum' (set lang or use another translation_key)",
        id="duplicate-translation"),
    pytest.param(
        {"Alte News/m.md": GOOD + "---\n"},
        "content/Alte News/m.md:1: path: folder 'Alte News' can't be a URL section"
        " (rename it to 'alte-news')",
        id="bad-section-folder"),
    pytest.param(
        {"news/m.md": GOOD + 'key_message: "Strom für {{ facts.haushalte }} Haushalte"\n'
                             'facts:\n  households: "40.000"\n---\n'},
        "content/news/m.md:5: key_message: unknown fact 'haushalte' (facts of this message: households)",
        id="unknown-fact-in-key-message"),
]


@pytest.mark.parametrize(("files", "expected"), FRONT_MATTER_ERRORS)
def test_front_matter_error_is_reported_exactly(site: SiteDir, files: dict[str, str],
                                                expected: str) -> None:
    for relative, text in files.items():
        site.write(f"content/{relative}", text)
    assert_problems(run_hubgen(site.root, "build"), expected)
    assert not (site.root / "public").exists()
    assert not (site.root / "kit").exists()


def test_every_broken_file_is_reported_in_one_run(site: SiteDir) -> None:
    site.message("content/news/ok.md")
    site.message("content/news/a.md", title="Eins", date="gestern")
    site.message("content/news/b.md", title="Zwei", extra="contact: niemand")
    site.write("content/jobs/c.md", "---\ntitle: Drei\ndate: 2026-03-12\nsummary: Kurz.\nlang: da\n---\n")
    assert_problems(
        site.hubgen("build"),
        "content/jobs/c.md:5: lang: 'da' is not a language of this site"
        " (use one of de, en or add it to [site] languages)",
        f"content/news/a.md:3: date: bad date: 'gestern' is not a date ({DATE_FIX})",
        "content/news/b.md:5: contact: unknown contact 'niemand'"
        " (use one of: presse; contacts are defined in hubgen.toml [contacts.NAME])",
    )


def test_several_problems_in_one_file_are_all_reported(site: SiteDir) -> None:
    site.write("content/news/m.md", "---\ntitle: Solarpark\ndate: 2026-03-32\ntilte: x\n"
                                    "lang: fr\n---\n")
    assert_problems(
        run_hubgen(site.root, "build"),
        "content/news/m.md:1: summary: missing (add 'summary: …' to the front matter)",
        f"content/news/m.md:3: date: bad date: '2026-03-32' does not exist:"
        f" day is out of range for month ({DATE_FIX})",
        "content/news/m.md:4: tilte: unknown field (did you mean 'title'?)",
        "content/news/m.md:5: lang: 'fr' is not a language of this site"
        " (use one of de, en or add it to [site] languages)",
    )


def test_a_file_that_is_not_utf8(site: SiteDir) -> None:
    (site.root / "content/news").mkdir(parents=True)
    (site.root / "content/news/m.md").write_bytes(
        "---\ntitle: Grüße\n---\n".encode("latin-1"))
    assert_problems(run_hubgen(site.root, "build"),
                    "content/news/m.md:1: file: is not UTF-8 text (save it as UTF-8)")


def test_a_snippet_template_error_names_file_field_and_name(site: SiteDir) -> None:
    site.message("content/news/m.md", extra="""\
        channels:
          social:
            x: "Neu: {{ titel }} {{ url }}"
        """)
    assert_problems(
        run_hubgen(site.root, "build"),
        "content/news/m.md:7: channels.social.x: unknown name 'titel'"
        " (use {{ title }}, {{ summary }}, {{ key_message }}, {{ facts.NAME }}, {{ url }})",
    )


@pytest.mark.parametrize("name", ["_entwurf.md", ".versteckt.md", "notiz.md~", "#m.md#", "README.txt"])
def test_files_switched_off_or_not_markdown_are_skipped(site: SiteDir, name: str) -> None:
    site.write(f"content/news/{name}", "kaputt: [\n")
    result = run_hubgen(site.root, "build")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("levels", "problem"), [
    (10, None), (11, "nested more than 10 levels deep")])
def test_nesting_is_bounded(levels: int, problem: str | None) -> None:
    text = "---\nx: " + "[" * levels + "]" * levels + "\n---\n"
    if problem is None:
        assert parse_front_matter(text).lines["x"] == 2
        return
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter(text)
    assert (caught.value.line, caught.value.field, caught.value.message) == (2, "x" + ".0" * 10, problem)


def test_an_anchor_without_alias_is_plain_text() -> None:
    assert parse_front_matter("---\ntitle: &t Solarpark\n---\n").data == {"title": "Solarpark"}


class _PythonLoader(yaml.SafeLoader):
    """What hubgen uses where PyYAML was built without libyaml."""


_PythonLoader.yaml_implicit_resolvers = frontmatter._Loader.yaml_implicit_resolvers


@pytest.mark.parametrize("loader", [frontmatter._Loader, _PythonLoader], ids=["libyaml", "python"])
@pytest.mark.parametrize(("text", "line", "field", "message"), [
    ("a: &a [x, x]\nb: [*a, *a]\n", 3, "b.0", "aliases (*name) are not allowed in front matter"),
    ("facts: &a {x: *a}\n", 2, "facts.x", "aliases (*name) are not allowed in front matter"),
    ("draft: true\ndraft: false\n", 3, "draft", "is written twice (first on line 2)"),
    ("x: [" + "[" * 20 + "]" * 20 + "]\n", 2, "x" + ".0" * 10, "nested more than 10 levels deep"),
    ('x: "a\\0"\n', 2, "x", "contains the control character U+0000"),
    ("x: !!binary aGVsbG8=\n", 2, "x", "tag '!!binary' is not allowed"),
])
def test_both_parsers_refuse_alike(monkeypatch: pytest.MonkeyPatch, loader: type, text: str,
                                   line: int, field: str, message: str) -> None:
    monkeypatch.setattr(frontmatter, "_Loader", loader)
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter("---\n" + text + "---\n")
    assert (caught.value.line, caught.value.field, caught.value.message) == (line, field, message)


@pytest.mark.parametrize("loader", [frontmatter._Loader, _PythonLoader], ids=["libyaml", "python"])
def test_nesting_beyond_the_parser_is_an_error(monkeypatch: pytest.MonkeyPatch, loader: type) -> None:
    monkeypatch.setattr(frontmatter, "_Loader", loader)
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter("---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n")
    assert caught.value.line in (1, 2)
    assert "nest" in caught.value.message
