"""Markdown as clean text for press releases: no markup, links as numbered references."""

from __future__ import annotations

import pytest

from hubgen.channels.plaintext import to_plain_text


@pytest.mark.parametrize(("markdown", "paragraphs", "links"), [
    pytest.param("**fett**, _kursiv_, `code` und ~~weg~~", ["fett, kursiv, code und weg"], [],
                 id="emphasis"),
    pytest.param("Eins.\n\nZwei.", ["Eins.", "Zwei."], [], id="paragraphs"),
    pytest.param("weich\numbrochen", ["weich umbrochen"], [], id="soft-break"),
    pytest.param("hart  \numbrochen", ["hart\numbrochen"], [], id="hard-break"),
    pytest.param("# Titel\n\n## Zwischenzeile\n\nText", ["Titel", "Zwischenzeile", "Text"], [],
                 id="headings"),
    pytest.param("Siehe [Seite](https://example.com/a).", ["Siehe Seite [1]."], ["https://example.com/a"],
                 id="link"),
    pytest.param("[A](https://example.com/a), [B](https://example.com/b), [A2](https://example.com/a)",
                 ["A [1], B [2], A2 [1]"], ["https://example.com/a", "https://example.com/b"],
                 id="same-target-same-number"),
    pytest.param("[Mail](mailto:presse@example.com)", ["Mail [1]"], ["mailto:presse@example.com"],
                 id="mailto"),
    pytest.param("Direkt: <https://example.com/a>", ["Direkt: https://example.com/a"], [],
                 id="autolink-is-its-own-reference"),
    pytest.param("[intern](/news/x/) und [Anker](#teil)", ["intern und Anker"], [], id="relative-links"),
    pytest.param("![Luftbild des Parks](media/park.jpg)", ["Luftbild des Parks"], [], id="image-alt"),
    pytest.param("a <span>b</span> c", ["a b c"], [], id="inline-html"),
    pytest.param("- eins\n- zwei", ["- eins", "- zwei"], [], id="bullets"),
    pytest.param("3. drei\n4. vier", ["3. drei", "4. vier"], [], id="numbered-from-start"),
    pytest.param("1) a\n2) b", ["1. a", "2. b"], [], id="numbered-parens"),
    pytest.param("- a\n  - b\n- c", ["- a", "   - b", "- c"], [], id="nested"),
    pytest.param("- erster Absatz\n\n  zweiter Absatz\n- b", ["- erster Absatz", "  zweiter Absatz", "- b"],
                 [], id="item-with-two-paragraphs"),
    pytest.param("| A | B |\n|---|---|\n| 1 | 2 |", ["A | B", "1 | 2"], [], id="table"),
    pytest.param("> Zitat", ["Zitat"], [], id="blockquote"),
    pytest.param("```\nprint(1)\n  x\n```", ["print(1)\n  x"], [], id="code-kept"),
    pytest.param("Satz[^a].\n\n[^a]: Quelle.", ["Satz¹.", "¹ Quelle."], [], id="footnote"),
    pytest.param("Satz[^a] und [Link](https://example.com/).\n\n[^a]: Quelle.",
                 ["Satz¹ und Link [1].", "¹ Quelle."], ["https://example.com/"],
                 id="footnotes-apart-from-links"),
    pytest.param("---", [], [], id="rule"),
    pytest.param("", [], [], id="empty"),
])
def test_plain_text(markdown: str, paragraphs: list[str], links: list[str]) -> None:
    text = to_plain_text(markdown, "de")
    assert (text.paragraphs, text.links) == (paragraphs, links)


@pytest.mark.parametrize(("lang", "expected"), [
    ("de", "„Gut“, sagte sie – ‚wirklich‘…"),
    ("en", "“Gut”, sagte sie – ‘wirklich’…"),
    ("fr", "«Gut», sagte sie – ‹wirklich›…"),
])
def test_typography_per_language(lang: str, expected: str) -> None:
    assert to_plain_text("\"Gut\", sagte sie -- 'wirklich'...", lang).paragraphs == [expected]
