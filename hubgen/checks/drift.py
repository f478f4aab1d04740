"""Fact drift: figures and dates in a message's texts that contradict its `facts`.

Flags, as errors: a figure in the title, summary, key message, a written snippet text or the
body that counts what a fact counts, with another value (`50.000 Haushalte` while
`facts.households` is `40.000`). A figure is about a fact when the noun after it or a `Label:`
before it is one the fact goes with: the noun after `{{ facts.households }}` in the message's
templates, after the fact's value in the body, or the fact's name; a `Label:` also when it is a
word for the fact in the message's language (`Investition:` for `investment`, fact_labels.py);
a table of two columns is read as labels and values (`| Investition | 45 Mio. Euro |`).
A figure in the fact's unit that a word of the fact leads to (`eine Leistung von 35 MW`) is
about it too, unless another fact has its value. Outside the body, a figure in a
unit only one fact has (`70 MW`, one power fact) and a date while the message has one date fact
are taken to be about that fact too. Flags, as warnings: figures and dates outside the body that
are neither in the facts nor in the body.

Deliberately not flagged: the same figure written differently (`40.000`, `40,000`, `40 000`;
`62 MW`, `62 Megawatt`; `41 Mio. Euro`, `EUR 41 million`; `18 %`, `18 Prozent`); numbers that are
part of a date, time, URL, hashtag or word (Q3, CO2); years; body figures no fact speaks of (the
body is the long form, full of context); dates in the body; numbers written as words; a figure
per piece (`je 5 MW`, `5 MW pro Turbine`), a change or a bound (`um 5 MW`, `bis zu 35 MW`), one
inside a name (`15-MW-Turbinen`); the noun after a figure that only the word table ties to a
fact (`Vorjahr: 35.000 Haushalte` is last year's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hubgen.checks.fact_labels import fact_labels
from hubgen.checks.figures import (
    DateFigure,
    Figure,
    find_figures,
    label_before,
    nouns_after,
    same_date,
    same_noun,
    same_value,
)
from hubgen.checks.written import Written, body_of, written_texts
from hubgen.errors import Report
from hubgen.model import Message, Site

__all__ = ["check_drift"]


@dataclass
class _Fact:
    key: str
    value: str
    figures: list[Figure]
    dates: list[DateFigure]
    nouns: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    """Words for the fact in the message's language (fact_labels.py): a `Label:` or a lead,
    never the noun after a figure (`Vorjahr: 35.000 Haushalte` is not this year's)."""

    def about(self, figure: Figure) -> bool:
        units = any(not (f.unit and figure.unit and f.unit != figure.unit) for f in self.figures)
        return units and (any(same_noun(a, b) for a in figure.nouns for b in self.nouns)
                          or any(same_noun(a, b) for a in figure.label for b in self.labels))

    def led_to(self, figure: Figure) -> bool:
        """`eine Leistung von 35 MW`: a word of the fact leads to a figure in the fact's unit."""
        units = bool(figure.unit) and any(f.unit == figure.unit for f in self.figures)
        return units and any(same_noun(a, b) for a in figure.leads for b in (*self.nouns, *self.labels))


@dataclass
class _Message:
    """A message's facts with the nouns they go with, and the figures of its body."""

    site: Site
    message: Message
    report: Report
    facts: list[_Fact]
    body: list[tuple[int, Figure]]
    body_dates: list[DateFigure]


def check_drift(site: Site, report: Report) -> None:
    for message in site.messages:
        if message.facts:
            texts = written_texts(site, message)
            _check_message(_read(site, message, texts, report), texts)


def _read(site: Site, message: Message, texts: list[Written], report: Report) -> _Message:
    lang = message.lang
    facts = [_Fact(key, value, *find_figures(value, lang),
                   nouns=[key.split("_")[-1]], labels=fact_labels(key, lang, site.config))
             for key, value in message.facts.items()]
    body: list[tuple[int, Figure]] = []
    body_dates: list[DateFigure] = []
    for line, text in body_of(message).labelled_lines():
        figures, dates = find_figures(text, lang)
        body += [(line, figure) for figure in figures]
        body_dates += dates
    written = [figure for text in texts for figure in find_figures(text.text, lang)[0]]
    for fact in facts:
        fact.nouns += _template_nouns(fact.key, texts, lang)
        # Where the fact's value is written out with a noun ("40.000 Haushalte"), that noun
        # names what the fact counts.
        fact.nouns += [noun for figure in [*written, *(f for _, f in body)]
                       for noun in (*figure.nouns, *figure.leads)
                       if any(f.unit == figure.unit and same_value(f, figure) for f in fact.figures)]
    return _Message(site, message, report, facts, body, body_dates)


def _template_nouns(key: str, texts: list[Written], lang: str) -> list[str]:
    """The nouns around `{{ facts.KEY }}` wherever the message's templates use it."""
    use = re.compile(r"\{\{\s*facts\." + re.escape(key) + r"\s*\}\}")
    nouns = []
    for text in texts:
        for match in use.finditer(text.raw):
            nouns += nouns_after(text.raw[match.end():], lang)[0] + label_before(text.raw[: match.start()])
    return nouns


def _check_message(m: _Message, texts: list[Written]) -> None:
    path = m.message.source.as_posix()
    for text in texts:
        figures, dates = find_figures(text.text, m.message.lang)
        for figure in figures:
            _judge(m, figure, path, text.field, text.line)
        for date in dates:
            _judge_date(m, date, path, text.field, text.line)
    for line, figure in m.body:
        _judge(m, figure, path, "body", line)


def _judge(m: _Message, figure: Figure, path: str, field: str, line: int) -> None:
    about = [fact for fact in m.facts if fact.about(figure)]
    if about:
        if not any(same_value(figure, f) for fact in about for f in fact.figures):
            _contradiction(m, figure.shown, about, path, field, line)
        return
    # Led to by a fact's word: the weaker tie, so any fact's value clears it ("eine Leistung von
    # 10 MW" is the storage's, not the park's, when the storage fact says 10 MW).
    led = [fact for fact in m.facts if fact.led_to(figure)]
    if led and not any(same_value(figure, f) for fact in m.facts for f in fact.figures):
        _contradiction(m, figure.shown, led, path, field, line)
        return
    if any(same_value(figure, f) for fact in m.facts for f in fact.figures) or field == "body":
        return
    if any(same_value(figure, other) for _, other in m.body):
        return
    same_unit = [fact for fact in m.facts if figure.unit and any(f.unit == figure.unit for f in fact.figures)]
    if len(same_unit) == 1:
        _contradiction(m, figure.shown, same_unit, path, field, line)
    else:
        m.report.warning(path, line, field, f"'{figure.shown}' is neither in the facts nor in the body",
                         "add it to facts, or correct it")


def _judge_date(m: _Message, date: DateFigure, path: str, field: str, line: int) -> None:
    own = [m.site.local(instant) for instant in (m.message.date, m.message.embargo) if instant]
    if any(date.day == o.day and date.month == o.month and date.year in (None, o.year) for o in own):
        return
    dated = [fact for fact in m.facts if fact.dates]
    if any(same_date(date, d) for fact in dated for d in fact.dates):
        return
    if any(same_date(date, d) for d in m.body_dates):
        return
    if len(dated) == 1:
        _contradiction(m, date.shown, dated, path, field, line)
    else:
        m.report.warning(path, line, field, f"'{date.shown}' is neither in the facts nor in the body",
                         "add it to facts, or correct it")


def _contradiction(m: _Message, shown: str, facts: list[_Fact], path: str, field: str,
                   line: int) -> None:
    named = " and ".join(f"facts.{fact.key} ({fact.value})" for fact in facts)
    # Only the key message and the channel texts are templates: a `{{ facts.x }}` in the
    # title, the summary or the body would be printed as it is.
    templated = field == "key_message" or field.startswith("channels.")
    fix = (f"write {{{{ facts.{facts[0].key} }}}} instead, or correct the fact"
           if templated and len(facts) == 1 else "correct the figure or the fact")
    m.report.error(path, line, field, f"'{shown}' contradicts {named}", fix)
