"""Hostile message files end in `path:line: field: problem (fix)` and exit 1, with bounded work:
the hand cases of issue 12 as a table (fixtures/hostile_messages.yaml), plus the ones too large
to write out."""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CONFIG, SiteDir, problem_lines, run_hubgen

from hubgen.content.frontmatter import MAX_FRONT_MATTER
from hubgen.content.site_loader import MAX_MESSAGE_BYTES

HEAD = ("---\ntitle: Solarpark Husum eröffnet\ndate: 2026-03-12 09:00 +01:00\n"
        "summary: Der Solarpark ist am Netz.\n")
TABLE: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "hostile_messages.yaml").read_text(encoding="utf-8"))
ALIAS = "aliases (*name) are not allowed in front matter (write the value out in full)"
DEEP = "nested more than 10 levels deep (write the value with fewer levels)"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    site = SiteDir(tmp_path_factory.mktemp("hostile"))
    site.write("hubgen.toml", CONFIG)
    return site


def check(site: SiteDir, text: str) -> tuple[int, list[str]]:
    """`hubgen check` on a site of this one message file: exit code and printed problems."""
    (site.root / "content/news").mkdir(parents=True, exist_ok=True)
    (site.root / "content/news/m.md").write_text(text, encoding="utf-8")
    result = run_hubgen(site.root, "check")
    assert "internal error" not in result.stderr, result.stderr
    return result.returncode, problem_lines(result.stdout)


@pytest.mark.parametrize("case", TABLE, ids=[case["case"] for case in TABLE])
def test_hand_case(hostile: SiteDir, case: dict[str, Any]) -> None:
    text = case.get("file") or HEAD + case["front"] + "---\nText.\n"
    assert check(hostile, text) == (case.get("exit", 1), case["problems"])


def _laughs(levels: int) -> str:
    """Each level is nine aliases of the one before: 9**levels strings from ~60 bytes a level."""
    names = "abcdefghij"[:levels + 1]
    lines = ['  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"  {n}: &{n} [{', '.join(['*' + p] * 9)}]" for p, n in itertools.pairwise(names)]
    return "facts:\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(("front", "problem"), [
    (_laughs(9), f"content/news/m.md:7: facts.b.0: {ALIAS}"),  # 387 million strings, once
    ("channels:\n  social:\n    x: " + "[" * 800 + "]" * 800 + "\n",
     f"content/news/m.md:7: channels.social.x.0.0.0.0.0.0.0.0: {DEEP}"),
    ("facts:\n  x:\n    " + "- " * 900 + "a\n", f"content/news/m.md:7: facts.x.0.0.0.0.0.0.0.0.0: {DEEP}"),
    ("facts: " + "{a: " * 2000 + "b" + "}" * 2000 + "\n",
     "content/news/m.md:5: front matter: invalid YAML: exceeded maximum nesting depth while"
     " increasing flow level (check indentation and quote values containing ': ' or '#')"),
], ids=["billion laughs", "800 levels in flow", "900 levels in blocks", "2000 levels"])
def test_bounded_work(hostile: SiteDir, front: str, problem: str) -> None:
    started = time.perf_counter()
    assert check(hostile, HEAD + front + "---\nText.\n") == (1, [problem])
    assert time.perf_counter() - started < 5


def test_message_file_size_is_limited(hostile: SiteDir) -> None:
    text = HEAD + "---\n" + "Ein Absatz.\n\n" * (MAX_MESSAGE_BYTES // 13 - 10)
    text += "x" * (MAX_MESSAGE_BYTES - len(text.encode()))
    assert check(hostile, text)[0] == 0  # exactly at the limit
    assert check(hostile, text + "x") == (1, [
        "content/news/m.md:1: file: is larger than 128 kB"
        " (split it into several messages, or link long documents as files)"])


def test_front_matter_size_is_limited(hostile: SiteDir) -> None:
    front = "facts:\n" + "".join(f"  f{i}: '{i}'\n" for i in range(MAX_FRONT_MATTER // 10))
    size = len(HEAD) - len("---\n") + len(front)
    assert check(hostile, HEAD + front + "---\nText.\n") == (1, [
        f"content/news/m.md:1: front matter: front matter has {size:,} characters, more than the"
        " 65,536 allowed (move long texts into the body)"])


def test_numbers_and_facts_named_like_methods_are_shown_as_written(hostile: SiteDir) -> None:
    """YAML 1.1 would read 40.000 as 40.0 and 9:30 as 570; a 5000-digit number is text too."""
    check(hostile, HEAD + "facts: {households: 40.000, start: 9:30, values: 1.50, big: 0x" + "f" * 5000
          + "}\nkey_message: '{{ facts.households }} ab {{ facts.start }}, {{ facts.values }}'\n"
          + "---\nText.\n")
    result = run_hubgen(hostile.root, "snippets", "solarpark-husum-eroeffnet", "--platform", "x",
                        "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["text"].startswith("40.000 ab 9:30, 1.50 https://")


def test_tags_spelt_differently_across_files_share_a_page_with_a_warning(site: SiteDir) -> None:
    site.message("content/news/a.md", title="Eins", extra="tags: [Ä]\n")
    site.message("content/news/b.md", title="Zwei", extra="tags: [Solar, ae]\n")
    site.message("content/news/c.md", title="Drei", extra="tags: [solar]\n", date="2026-03-13")
    result = run_hubgen(site.root, "check")
    assert result.returncode == 0, result.stdout
    assert [line for line in result.stdout.splitlines() if "tags" in line] == [
        "content/news/b.md:5: warning: tags: 'ae' shares the page tags/ae/ with 'Ä' in"
        " content/news/a.md (write 'Ä', or a tag of its own)"]


def test_links_per_message_are_limited(hostile: SiteDir) -> None:
    """`[` is what Markdown takes longest over: a body of them would cost a minute to build."""
    body = "[Link](https://example.com) " * 1000 + "\n\n" + "[^1] [" * 500
    assert check(hostile, HEAD + "---\n" + body)[0] == 0  # exactly 2,000
    assert check(hostile, HEAD + "---\n" + body + "\n\nmehr [") == (1, [
        "content/news/m.md:10: body: has more than 2,000 '[' (links, images, footnotes)"
        " (split it into several messages)"])
