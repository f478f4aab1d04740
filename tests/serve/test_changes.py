"""The kind of a saved file, and what the preview does about a save: one table of cases."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import SiteDir

from hubgen.config.themes import BUILTIN_THEMES
from hubgen.errors import Report
from hubgen.pipeline.run import load
from hubgen.serve.changes import Kind, Response, classify, respond

SOURCE = "content/news/solar.md"
EXTRA = "slug: solar\ntags: [Energie]\nfacts:\n  homes: 40.000\nchannels:\n  press:\n    dateline: Husum\n"


def edit(old: str, new: str, path: str = SOURCE) -> Callable[[SiteDir], None]:
    def change(site: SiteDir) -> None:
        text = site.read(path)
        assert old in text, f"{old!r} not in {path}"
        (site.root / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def write(path: str, text: str = "x\n") -> Callable[[SiteDir], None]:
    def change(site: SiteDir) -> None:
        site.write(path, text)
    return change


def delete(path: str) -> Callable[[SiteDir], None]:
    return lambda site: (site.root / path).unlink()


def both(*changes: Callable[[SiteDir], None]) -> Callable[[SiteDir], None]:
    def change(site: SiteDir) -> None:
        for one in changes:
            one(site)
    return change


def nothing(site: SiteDir) -> None:
    pass


T, S = Kind.MESSAGE_TEXT, Kind.MESSAGE_STRUCTURE
FAST, CSS, FULL = Response.FAST_RENDER, Response.STYLESHEETS, Response.FULL_REBUILD
# name: (what the save does, the paths the watcher reports, their kinds, what the preview does)
CASES: dict[str, tuple[Callable[[SiteDir], None], list[str], list[Kind], Response]] = {
    "title": (edit("title: Solarpark", "title: Windpark"), [SOURCE], [T], FAST),
    "summary": (edit("summary: Der", "summary: Jetzt"), [SOURCE], [T], FAST),
    "body": (edit("Ein Absatz.", "Zwei Absätze."), [SOURCE], [T], FAST),
    "fact": (edit("homes: 40.000", "homes: 50.000"), [SOURCE], [T], FAST),
    "channel text": (edit("dateline: Husum", "dateline: Kiel"), [SOURCE], [T], FAST),
    "slug": (edit("slug: solar", "slug: sonne"), [SOURCE], [S], FULL),
    "tags": (edit("tags: [Energie]", "tags: [Energie, Neu]"), [SOURCE], [S], FULL),
    "draft": (edit("slug: solar", "slug: solar\ndraft: true"), [SOURCE], [S], FULL),
    "embargo": (edit("slug: solar", "slug: solar\nembargo: 2030-01-01 08:00"), [SOURCE], [S], FULL),
    "language": (edit("slug: solar", "slug: solar\nlang: en"), [SOURCE], [S], FULL),
    "translation key": (edit("slug: solar", "slug: solar\ntranslation_key: x"), [SOURCE], [S], FULL),
    "broken front matter": (edit("title: Solarpark", "title: [Solarpark"), [SOURCE],
                            [Kind.MESSAGE_PROBLEM], FULL),
    "broken date": (edit("date: 2026-03-12 09:00 +01:00", "date: morgen"), [SOURCE],
                    [Kind.MESSAGE_PROBLEM], FULL),
    "deleted message": (delete(SOURCE), [SOURCE], [Kind.DELETED_MESSAGE], FULL),
    "new message": (write("content/news/neu.md", "---\ntitle: Neu\n---\n"), ["content/news/neu.md"],
                    [Kind.NEW_MESSAGE], FULL),
    "image": (write("content/media/bild.svg"), ["content/media/bild.svg"], [Kind.CONTENT_FILE], FULL),
    "vanished file": (nothing, ["content/news/gone.svg"], [Kind.VANISHED], FULL),
    "save by rename": (edit("title: Solarpark", "title: Windpark"),
                       [SOURCE, "content/news/sedAb12Cd"], [T, Kind.VANISHED], FAST),
    "two messages": (both(edit("Ein Absatz.", "Eins."),
                          edit("Ein Absatz.", "Zwei.", "content/news/wind.md")),
                     [SOURCE, "content/news/wind.md"], [T, T], FAST),
    "stylesheet": (write("static/assets/style.css", "body {}\n"), ["static/assets/style.css"],
                   [Kind.STYLESHEET], CSS),
    "static file": (write("static/logo.svg"), ["static/logo.svg"], [Kind.STATIC], FULL),
    "template": (write("templates/message.html"), ["templates/message.html"], [Kind.TEMPLATE], FULL),
    "theme template": (nothing, [str(BUILTIN_THEMES / "default/base.html")], [Kind.TEMPLATE], FULL),
    "config": (edit("[site]", "[site]\n", "hubgen.toml"), ["hubgen.toml"], [Kind.CONFIG], FULL),
    "other file": (write("notes.txt"), ["notes.txt"], [Kind.OTHER], FULL),
    "text and template": (both(edit("title: Solarpark", "title: Windpark"),
                               write("templates/message.html")),
                          [SOURCE, "templates/message.html"], [T, Kind.TEMPLATE], FULL),
    "text and stylesheet": (both(edit("title: Solarpark", "title: Windpark"),
                                 write("static/assets/style.css")),
                            [SOURCE, "static/assets/style.css"], [T, Kind.STYLESHEET], FULL),
}


@pytest.mark.parametrize("case", CASES)
def test_a_save_is_classified_by_what_it_changes(site: SiteDir, case: str) -> None:
    change, saved, kinds, response = CASES[case]
    site.message(SOURCE, extra=EXTRA)
    site.message("content/news/wind.md", title="Windpark", extra="slug: wind")
    loaded = load(site.root, Report())
    served = {m.source: m for m in loaded.messages}
    change(site)
    changes = classify({site.root / p for p in saved}, loaded.config, served.get)
    assert {c.path.as_posix(): c.kind for c in changes} == dict(zip(saved, kinds, strict=True))
    assert respond(changes) is response
    for c in changes:  # a text change carries the saved message, read and checked
        assert (c.kind is T) == (c.message is not None and c.message.source == c.path
                                 and c.message != served[c.path])
