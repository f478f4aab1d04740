"""A rebuild that reuses the memo of the previous one makes byte for byte what a clean build
makes, whatever input changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from conftest import SiteDir

from hubgen.memo import Memo
from hubgen.pipeline.run import BuildOptions, Rendered, render
from hubgen.templates import BUILTIN_THEMES

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


def files(rendered: Rendered) -> dict[str, dict[str, object]]:
    return {name: {**tree.texts, **{p: s.read_bytes() for p, s in tree.copies.items()}}
            for name, tree in (("public", rendered.public), ("kit", rendered.kit))}


def replace_in(site: SiteDir, path: str, old: str, new: str) -> None:
    text = site.read(path)
    assert old in text, f"{old!r} not in {path}"
    (site.root / path).write_text(text.replace(old, new), encoding="utf-8")


EDITS: dict[str, Callable[[SiteDir], None]] = {
    "body": lambda s: replace_in(s, "content/news/solar.md", "Ein Absatz.", "Zwei Absätze."),
    "front matter": lambda s: replace_in(s, "content/news/solar.md", "title: Solarpark", "title: Windpark"),
    "tag": lambda s: replace_in(s, "content/news/solar.md", "tags: [Energie]", "tags: [Wind]"),
    "template": lambda s: s.write("templates/message.html",
                                  (s.root / "templates/message.html").read_text() + "<!-- x -->\n"),
    "config": lambda s: replace_in(s, "hubgen.toml", 'title = "Test Newsroom"', 'title = "Neu"'),
    "translation": lambda s: replace_in(s, "content/news/solar.en.md", "title: Solar park",
                                        "title: Solar farm"),
    "added": lambda s: s.message("content/news/neu.md", title="Neue Meldung", extra="tags: [Energie]"),
    "deleted": lambda s: (s.root / "content/news/other.md").unlink(),
    "static": lambda s: s.write("static/extra.css", "body { color: red }\n"),
    # The embargoed message's posts get their short links in public/ now.
    "embargo passed": lambda s: replace_in(s, "content/news/other.md", "2027-01-01", "2026-01-01"),
    "short links off": lambda s: s.write("hubgen.toml", s.read("hubgen.toml")
                                         + "\n[channels]\nshort_links = false\n"),
}


@pytest.fixture
def incremental_site(site: SiteDir) -> SiteDir:
    site.message("content/news/solar.md", extra="tags: [Energie]\ntranslation_key: solar")
    site.message("content/news/solar.en.md", title="Solar park Husum opens",
                 summary="The park powers 40,000 homes.", extra="lang: en\ntranslation_key: solar")
    site.message("content/news/other.md", title="Speicher", date="2026-05-01 10:00 +02:00",
                 extra="tags: [Energie, Speicher]\nembargo: 2027-01-01 09:00 +01:00")
    site.write("static/extra.css", "body { color: blue }\n")
    site.write("templates/message.html", (BUILTIN_THEMES / "default/message.html").read_text())
    return site


@pytest.mark.parametrize("edit", list(EDITS))
def test_incremental_equals_clean(incremental_site: SiteDir, edit: str) -> None:
    options = BuildOptions(incremental_site.root, now=NOW)
    memo = Memo()
    render(options, memo=memo)
    EDITS[edit](incremental_site)
    again = render(options, memo=memo)
    assert memo.hits > 0
    clean = render(options)
    assert files(again) == files(clean)
