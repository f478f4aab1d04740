"""Fuzzing hubgen.toml: mutated configs, through load_config and `hubgen check` on a tiny site.

Never an exception out of load_config, never an internal error from the CLI, every problem at
a line of hubgen.toml, and a config known to be invalid never passes. Fixed seed
(`derandomize`), no example database, bounded examples: the same cases on every run, in well
under 30 s.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from copy import deepcopy
from datetime import date, datetime
from typing import Any, get_type_hints
from zoneinfo import ZoneInfo

import pytest
from conftest import SiteDir, problem_lines, run_hubgen
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hubgen.config import load_config
from hubgen.config.options import declared
from hubgen.config.schema import Config
from hubgen.errors import Report

BASE: dict[str, Any] = {
    "site": {"title": "Fuzz Newsroom", "base_url": "https://news.example.com", "language": "de",
             "languages": ["de", "en"], "timezone": "Europe/Berlin"},
    "company": {"name": "Fuzz GmbH", "short_name": "Fuzz", "logo": "media/logo.svg",
                "boilerplate": {"de": "Wir fuzzen.", "en": "We fuzz."}},
    "contacts": {"presse": {"name": "Erika Muster", "email": "presse@example.com",
                            "role": {"de": "Presse", "en": "Press"}}},
    "social": {"x": "fuzz"},
    "press_kit": {"downloads": [{"title": "Logo", "file": "media/logo.svg"}]},
    "channels": {"enabled": ["press", "social"], "platforms": ["x", "linkedin"],
                 "recruiting_url": "https://jobs.example.com", "utm": {"campaign": "{slug}"}},
    "share_images": {"accent": "#f2a541"},
    "glossary": {"Fuzz": ["Fuz"]},
}

HOSTILE = ["", " ", ".", "..", "/", "../../..", "/etc/passwd", "C:\\x", "{slug", "{slug:>99999999}",
           "{0}", "{}", "{{", "x" * 600, "\x00", "a\x1bb", "de", "EN", "de-AT", "Europe/Berlin",
           "localtime", "Mars/Olympus", "Europe", "#fff", "#12345g", "https://x.example",
           "https://[::1", "https://x.example:99999", "javascript:alert(1)", "content", "public",
           "kit", "static", "themes", "templates", "hubgen.toml", ".hubgen-cache", "media/logo.svg",
           "media", "fonts/fake.ttf", "🙂", "\u202e", "a\nb", "\ufeff", "default"]
strings = st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(codec="utf-8"), max_size=20))
scalars = st.one_of(strings, st.integers(-(10**30), 10**30), st.floats(), st.booleans(),
                    st.dates(), st.datetimes())
values = st.one_of(scalars, st.lists(scalars, max_size=3),
                   st.dictionaries(strings, scalars, max_size=2))
not_strings = st.one_of(st.integers(), st.booleans(), st.dates(), st.lists(strings, max_size=2),
                        st.dictionaries(strings, strings, max_size=2))


def string_keys() -> list[tuple[str, str]]:
    """(table, key) of every key written as a string in a table of Config's own."""
    found = []
    hints = get_type_hints(Config)
    for table, _ in declared(Config):
        section = hints[table.name]
        if dataclasses.is_dataclass(section):
            kinds = get_type_hints(section)
            found += [(table.name, f.name) for f, _ in declared(section) if kinds[f.name] in (str, ZoneInfo)]
    return found


STRING_KEYS = string_keys()


# -- a TOML writer: enough for the values above (tomllib only reads) -------------------------

def toml_string(text: str) -> str:
    # JSON's escapes are TOML's; DEL and C1 controls must be escaped in TOML, not in JSON.
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_string(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return toml_string(str(value))


def to_toml(data: dict[str, Any]) -> str:
    top = [f"{toml_string(k)} = {toml_value(v)}" for k, v in data.items() if not isinstance(v, dict)]
    tables = [f"\n[{toml_string(k)}]\n" + "".join(f"{toml_string(key)} = {toml_value(value)}\n"
                                                    for key, value in v.items())
              for k, v in data.items() if isinstance(v, dict)]
    return "\n".join(top) + "\n" + "".join(tables)


# -- the site and the properties --------------------------------------------------------------

@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    site = SiteDir(tmp_path_factory.mktemp("fuzz") / "site")
    site.write("static/media/logo.svg", "<svg/>")
    site.write("fonts/fake.ttf", "not a font\n")
    site.message("content/news/a.md")
    return site


def check_config(site: SiteDir, text: str, *, invalid: bool = False) -> None:
    (site.root / "hubgen.toml").write_text(text, encoding="utf-8")
    report = Report()
    config = load_config(site.root, report)
    errors = [str(p) for p in report.errors]
    assert all(re.match(r"hubgen\.toml:\d+: \S", line) for line in errors), errors
    if invalid:
        assert errors, text
    if config is None:
        assert errors, "a config refused without a reason"
    result = run_hubgen(site.root, "check")
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 70: an internal error
    if errors:
        assert result.returncode == 1
        assert set(errors) <= set(problem_lines(result.stdout))


def mutated(data: dict[str, Any], path: tuple[str, ...], value: object) -> dict[str, Any]:
    copy = deepcopy(data)
    *tables, key = path
    target = copy
    for table in tables:
        target = target.setdefault(table, {}) if isinstance(target.get(table, {}), dict) else {}
    if value is None:
        target.pop(key, None)
    else:
        target[key] = value
    return copy


def paths(data: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for key, value in data.items():
        found.append((*prefix, key))
        if isinstance(value, dict):
            found += paths(value, (*prefix, key))
    return found


PATHS = [*paths(BASE), ("site", "theme"), ("site", "content_dir"), ("site", "output_dir"),
         ("site", "kit_dir"), ("site", "static_dir"), ("share_images", "font"), ("company", "website")]
FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=150,
                suppress_health_check=[HealthCheck.too_slow])
NARROW = settings(FUZZ, max_examples=60)  # one kind of mistake: fewer cases find it


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.one_of(st.none(), values)), min_size=1, max_size=3))
def test_mutated_config_never_breaks_hubgen(tiny_site: SiteDir,
                                             changes: list[tuple[tuple[str, ...], object]]) -> None:
    data = BASE
    for path, value in changes:
        data = mutated(data, path, value)
    check_config(tiny_site, to_toml(data))


@pytest.mark.parametrize("key", STRING_KEYS, ids=".".join)
def test_every_hostile_string_in_every_string_key(tiny_site: SiteDir, key: tuple[str, str]) -> None:
    """Not random: each string of HOSTILE in each key (load_config only, which decides)."""
    for text in HOSTILE:
        (tiny_site.root / "hubgen.toml").write_text(to_toml(mutated(BASE, key, text)), encoding="utf-8")
        report = Report()
        load_config(tiny_site.root, report)
        assert all(re.match(r"hubgen\.toml:\d+: \S", str(p)) for p in report.problems), text


@NARROW
@given(st.sampled_from(STRING_KEYS), not_strings)
def test_a_value_of_the_wrong_type_is_refused(tiny_site: SiteDir, key: tuple[str, str],
                                              value: object) -> None:
    check_config(tiny_site, to_toml(mutated(BASE, key, value)), invalid=True)


@NARROW
@given(st.sampled_from(STRING_KEYS), strings, st.sampled_from(["\x00", "\x07", "\x1b", "\x7f"]))
def test_a_control_character_is_refused(tiny_site: SiteDir, key: tuple[str, str], text: str,
                                        control: str) -> None:
    check_config(tiny_site, to_toml(mutated(BASE, key, text + control)), invalid=True)


@NARROW
@given(st.sampled_from([p[:-1] for p in PATHS if len(p) == 2 and p[0] not in
                        ("contacts", "social", "glossary")]), st.text("abcdefghijklmnop_", min_size=1),
       scalars)
def test_an_unknown_key_is_refused(tiny_site: SiteDir, table: tuple[str], key: str, value: object) -> None:
    section = get_type_hints(Config)[table[0]]
    if key in {f.name for f, _ in declared(section)}:
        return
    check_config(tiny_site, to_toml(mutated(BASE, (*table, key), value)), invalid=True)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3),
                          st.text("[]{}=\"'.,#\n\\ \t_-:abc019", max_size=4)), min_size=1, max_size=4))
def test_edited_text_never_breaks_hubgen(tiny_site: SiteDir, edits: list[tuple[int, int, str]]) -> None:
    text = to_toml(BASE)
    for position, deleted, inserted in edits:
        at = position % (len(text) + 1)
        text = text[:at] + inserted + text[at + deleted:]
    try:
        tomllib.loads(text)
        valid_toml = True
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        valid_toml = False
    check_config(tiny_site, text, invalid=not valid_toml)
