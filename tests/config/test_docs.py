"""docs/config.md is written from the declarations: it must be the page they write today."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import get_args, get_type_hints

from conftest import REPO

from hubgen.config import schema
from hubgen.config.docs import render
from hubgen.config.options import OPTION, declared

DOCS = REPO / "docs" / "config.md"


def test_committed_page_is_what_the_declarations_write() -> None:
    assert DOCS.read_text(encoding="utf-8") == render(), (
        "docs/config.md is out of date: run python -m hubgen.config.docs > docs/config.md")


def test_the_script_prints_the_page(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "hubgen.config.docs"], capture_output=True,
                            text=True, check=True, cwd=tmp_path)
    assert result.stdout == render()


def sections() -> list[type]:
    found: list[type] = []
    todo: list[type] = [schema.Config]
    while todo:
        cls = todo.pop()
        found.append(cls)
        hints = get_type_hints(cls)
        for f, _ in declared(cls):
            todo += [t for t in (hints[f.name], *get_args(hints[f.name]))
                     if isinstance(t, type) and is_dataclass(t) and t not in found]
    return found


def test_every_key_has_a_line_of_doc_and_a_row() -> None:
    page = render()
    for cls in sections():
        for f, option in declared(cls):
            if cls is not schema.Config:
                assert option.doc and "\n" not in option.doc, f"{cls.__name__}.{f.name}"
                assert f"`{f.name}` |" in page or f"`.{f.name}` |" in page or f"[].{f.name}` |" in page


def test_only_root_key_lines_and_entry_names_are_not_keys() -> None:
    undeclared = {(cls.__name__, f.name) for cls in sections() for f in fields(cls)
                  if OPTION not in f.metadata}
    assert undeclared == {("Config", "root"), ("Config", "key_lines"), ("Contact", "key")}
