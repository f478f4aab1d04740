"""The line scanner of hubgen.toml: where each key stands, and which key TOML refuses where."""

from __future__ import annotations

import tomllib

import pytest

from hubgen.config.lines import first_conflict, line_of, written_keys

# TOML texts around keys written twice; tomllib decides which are valid, the scanner must agree
# and name the second key (and the one it collides with).
CONFLICTS = [
    ("a = 1\na = 2\n", ("a", 2, "a")),
    ("[s]\nx = 1\n[s]\ny = 2\n", ("s", 3, "s")),
    ("[s]\nx = 1\n\n[s.x]\n", ("s.x", 4, "s.x")),
    ("a.b = 1\na.b.c = 2\n", ("a.b.c", 2, "a.b")),
    ("a.b.c = 1\na.b = 2\n", ("a.b", 2, "a.b.c")),
    ("a.b = 1\n[a]\n", ("a", 2, "a.b")),
    ("[x]\na.b = 1\n[x.a]\n", ("x.a", 3, "x.a.b")),
    ("a = {b = 1}\na.c = 2\n", ("a.c", 2, "a")),
    ("[a]\nb = {c = 1}\n[a.b]\n", ("a.b", 3, "a.b")),
    ("x = {a = 1, a = 2}\n", ("x.a", 1, "x.a")),
    ("[a]\n[a.b]\n[a]\n", ("a", 3, "a")),
    ("[[d]]\nx = 1\n[[d]]\nx = 2\n[d]\n", ("d", 5, "d")),
    ("[d]\n[[d]]\n", ("d", 2, "d")),
    ("[[a]]\n[a.b]\n[a.b]\n", ("a.0.b", 3, "a.0.b")),
    ('[fruit]\napple.color = "red"\n[fruit.apple]\n', ("fruit.apple", 3, "fruit.apple.color")),
    # valid: TOML's own examples of what may follow what
    ('[fruit]\napple.color = "red"\napple.taste.sweet = true\n[fruit.apple.texture]\n', None),
    ("[a.b]\n[a]\n", None),
    ("[[d]]\n[[d]]\n", None),
    ("[[a]]\n[a.b]\n[[a]]\n[a.b]\n", None),
    ("a = [{b = 1}, {b = 2}]\n", None),
    ('x = """a\nx = 3\n\\""" y"""\nz = 1\n', None),
    ("a = [1,\n# a comment ]\n2]\nb = 1\n", None),
]


@pytest.mark.parametrize(("text", "conflict"), CONFLICTS)
def test_conflicts_are_those_tomllib_refuses(text: str, conflict: tuple[str, int, str] | None) -> None:
    try:
        tomllib.loads(text)
        valid = True
    except tomllib.TOMLDecodeError:
        valid = False
    assert valid == (conflict is None)
    found = first_conflict(written_keys(text))
    assert (found and (found[0].key, found[0].line, found[1].key)) == conflict


def test_keys_strings_and_arrays_are_numbered_by_line() -> None:
    text = ('# top\nname = "x"  # comment\n[site]\n"quoted.key" = 1\n\'lit\' = 2\n'
            'multi = """\nfake = 1\n"""\nlist = [\n  "a",\n  { t = 1 },\n]\n[[d]]\nx.y = 3\n')
    lines = {w.key: w.line for w in written_keys(text)}
    assert lines == {"name": 2, "site": 3, "site.quoted.key": 4, "site.lit": 5, "site.multi": 6,
                     "site.list": 9, "site.list.0": 10, "site.list.1": 11, "site.list.1.t": 11,
                     "d": 13, "d.0": 13, "d.0.x.y": 14}
    assert line_of(lines, "site.list.1.t.z") == 11
    assert line_of(lines, "company.name") == 1


@pytest.mark.parametrize("text", ["[", "[[", "a = [", 'a = "', "a = '''", "a = {", "= = =", "[a.]\n"])
def test_broken_text_ends_the_scan(text: str) -> None:
    assert all(w.line == 1 for w in written_keys(text))  # no endless loop, no exception
