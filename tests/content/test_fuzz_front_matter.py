"""Fuzzing message files through the real loader and `hubgen check`: generated front matter and
mutations of a valid file never end in an internal error or a hang, every problem is printed as
`path:line: field: problem`, and input made invalid on purpose never passes.

Fixed seed (derandomize) and a few hundred examples: about 20 seconds, the same cases every run.
"""

from __future__ import annotations

import json
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import pytest
from conftest import CONFIG, SiteDir, run_hubgen
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubgen.content.message import FIELDS

SETTINGS = settings(derandomize=True, database=None, deadline=None, max_examples=120,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
SECONDS = 10
"""Per example; a normal check of this site takes 0.03 s."""
PROBLEM = re.compile(r"^content/news/m\.md:(\d+): (warning: )?[^\n:][^\n]*: [^\n]+$")

VALID = """\
---
title: Solarpark Husum eröffnet
date: 2026-03-12 09:00 +01:00
summary: Der Solarpark versorgt 40.000 Haushalte.
key_message: "Strom für {{ facts.households }} Haushalte."
facts:
  households: "40.000"
  capacity: 62 MW
tags: [Energie, Solar]
embargo: 2026-03-12 09:00 +01:00
draft: false
channels:
  social:
    hashtags: [Energiewende]
    x: "{{ title }}: {{ facts.capacity }} {{ url }}"
  newsletter: "{{ key_message }}"
  advocacy: ["Stolz auf {{ facts.capacity }}: {{ url }}"]
---
Der Solarpark versorgt 40.000 Haushalte mit 62 MW.
"""

HEAD = "---\ntitle: Solarpark\ndate: 2026-03-12\nsummary: Kurz.\n"
# Fragments that make a message invalid wherever they are added to its front matter: alone after
# HEAD, or after any other lines (a key written twice is an error too).
BROKEN = [
    "embargo:\n", "embargo: ~\n", "draft:\n", "lang: ~\n", "date: 0001-01-01\n",
    "embargo: 9999-12-31 23:59\n", "draft: true\nkey_message: x\ndraft: false\n",
    "title: Anders\n", "slug: &a x\ntranslation_key: *a\n", "facts: &b {x: *b}\n",
    "translation_key: !!binary aGVsbG8=\n", "tags: !!set {a}\n", 'translation_key: "a\\0b"\n',
    "tags: ['🙂']\n", "facts: {x: " + "[" * 12 + "]" * 12 + "}\n", "key_message: '{{ cycler }}'\n",
    "key_message: '{{ range(3)|list }}'\n", "key_message: '{% for x in y %}{% endfor %}'\n",
    "key_message: \"{{ 'x' * 99999999 }}\"\n", "key_message: '{{ facts.nope }}'\n",
    "<<: {draft: true}\n", "? [a]\n: b\n", "facts: {yes: a, true: b}\n",
]

WORDS = st.sampled_from([
    "Solar", "40.000", "9:30", "0x1F", "1e999", ".nan", "yes", "no", "~", "null", "2026-03-12",
    "0001-01-01", "9999-12-31 23:59", "{{ title }}", "{{ facts.x }}", "{{ url.split }}", "{%",
    "{#", "}}", "&a", "*a", "!!binary", "!!python/name:os.system", "'", '"', "[", "]", "{", "}",
    "-", "? ", ": ", "#", "|", ">", "\\0", '"\\0"', '"\\ud800"', "\t", "%", "@", "`", "!", ",",
    "Ä", "🙂", "ae", "/", "..", "<script>", "&amp;", "\u2028", "\ufeff", "---", "...",
])
KEYS = st.sampled_from([*FIELDS, "facts.households", "channels.social.x", "channels.press",
                        "unknown", "<<", "1", "true", "~"])


def _value(depth: int = 0) -> st.SearchStrategy[str]:
    scalar = st.lists(WORDS, min_size=0, max_size=4).map(" ".join)
    if depth >= 2:
        return scalar
    inner = _value(depth + 1)
    return st.one_of(
        scalar,
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(WORDS, inner), max_size=3).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"),
    )


def _line(key: str, value: str) -> str:
    """`a.b.c: v` as nested YAML (one level of indent per dot)."""
    *parents, last = key.split(".")
    return "".join(f"{'  ' * i}{p}:\n" for i, p in enumerate(parents)) + \
        f"{'  ' * len(parents)}{last}: {value}\n"


FRONT = st.lists(st.tuples(KEYS, _value()), max_size=8).map(
    lambda pairs: "".join(_line(k, v) for k, v in pairs))


class Hang(BaseException):
    """Raised by the timer; a BaseException so that hubgen's own error handling lets it out."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"no answer after {seconds} s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def fuzz_site(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    site = SiteDir(tmp_path_factory.mktemp("fuzz"))
    site.write("hubgen.toml", CONFIG)
    (site.root / "content/news").mkdir(parents=True)
    return site


def check(site: SiteDir, text: str) -> int:
    """Exit code of `hubgen check` on the site with `text` as its one message; asserts that
    the run ended as hubgen means runs to end."""
    (site.root / "content/news/m.md").write_text(text, encoding="utf-8")
    with time_limit(SECONDS):
        result = run_hubgen(site.root, "check")
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr
    lines = text.count("\n") + 1
    for printed in result.stdout.splitlines():
        match = PROBLEM.match(printed)
        assert match, printed
        assert 1 <= int(match.group(1)) <= lines, printed
    return result.returncode


@pytest.mark.parametrize("text", [VALID, HEAD + "---\nText.\n"], ids=["full", "head"])
def test_bases_are_valid(fuzz_site: SiteDir, text: str) -> None:
    """What the cases are made from is valid: otherwise 'never passes' would prove nothing."""
    assert check(fuzz_site, text) == 0


@pytest.mark.parametrize("fragment", BROKEN)
def test_each_broken_fragment_fails_alone(fuzz_site: SiteDir, fragment: str) -> None:
    assert check(fuzz_site, HEAD + fragment + "---\nText.\n") == 1


@SETTINGS
@given(front=FRONT, fragment=st.one_of(st.none(), st.sampled_from(BROKEN)))
def test_generated_front_matter(fuzz_site: SiteDir, front: str, fragment: str | None) -> None:
    text = HEAD + front + (fragment or "") + "---\nText.\n"
    code = check(fuzz_site, text)
    if fragment is not None:
        assert code == 1, text


MUTATIONS = st.lists(st.tuples(
    st.sampled_from(["delete", "insert", "duplicate", "swap", "replace"]),
    st.integers(0, 10_000), st.integers(0, 10_000), WORDS), min_size=1, max_size=3)


def _mutate(text: str, mutations: list[tuple[str, int, int, str]]) -> tuple[str, bool]:
    """The text changed; True when a top-level key line was doubled."""
    duplicated = False
    for kind, a, b, word in mutations:
        lines = text.split("\n")
        front_end = lines.index("---", 1) if "---" in lines[1:] else len(lines)
        i, j = a % max(1, len(text)), b % max(1, len(text))
        if kind == "delete":
            text = text[:min(i, j)] + text[max(i, j):]
        elif kind == "insert":
            text = text[:i] + word + text[i:]
        elif kind == "replace":
            text = text[:i] + word + text[i + len(word):]
        elif front_end > 1:
            k, m = 1 + a % (front_end - 1), 1 + b % (front_end - 1)
            if kind == "duplicate":
                lines.insert(k, lines[k])
                duplicated |= bool(re.match(r"^[a-z_]+:", lines[k]))
            else:
                lines[k], lines[m] = lines[m], lines[k]
            text = "\n".join(lines)
    return text, duplicated


@SETTINGS
@given(mutations=MUTATIONS)
def test_mutated_message(fuzz_site: SiteDir, mutations: list[tuple[str, int, int, str]]) -> None:
    text, duplicated = _mutate(VALID, mutations)
    code = check(fuzz_site, text)
    if duplicated and len(mutations) == 1:  # later mutations might undo it
        assert code == 1, text


# Any character, the troublesome ones (breaks, controls, template and YAML syntax) more often.
CHARACTERS = st.one_of(st.sampled_from("\n\r\t\x00\x07\x1e\x85\u2028\ufeff{}%#:'\"\\[]&*!|>-"),
                       st.characters(codec="utf-8"))


@SETTINGS
@given(field=st.sampled_from(FIELDS), value=st.text(CHARACTERS, max_size=40),
       body=st.text(CHARACTERS, max_size=40))
def test_any_text_in_any_field(fuzz_site: SiteDir, field: str, value: str, body: str) -> None:
    """Every character, escaped as JSON (valid YAML): line breaks and controls in a quoted value
    still print as one problem line."""
    front = {"title": "Solarpark", "date": "2026-03-12", "summary": "Kurz.",
             field: json.dumps(value, ensure_ascii=False)}
    check(fuzz_site, "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items()) + "---\n" + body)
