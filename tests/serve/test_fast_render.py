"""The preview's fast render: a save that changes a message's text serves that message's pages
at once, exactly as a clean build makes them; the full rebuild behind it brings the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import SiteDir, copy_demo, snapshot

from hubgen.paths import short_code
from hubgen.pipeline.run import BuildOptions, Rendered, build, render
from hubgen.serve.preview import Preview, Snapshot

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)
SOURCE = "content/news/batteriespeicher-brunsbuettel.md"
PAGES = {"public": ["news/batteriespeicher-brunsbuettel/index.html",
                    "news/batteriespeicher-brunsbuettel/press.txt",
                    # the X post's short link: the message's preview tags, so its title
                    f"s/{short_code('news/batteriespeicher-brunsbuettel/', 'social', 'x')}/index.html"],
         "kit": ["de/news/batteriespeicher-brunsbuettel/index.html",
                 "de/news/batteriespeicher-brunsbuettel/press.txt",
                 "de/news/batteriespeicher-brunsbuettel/social-x.txt"]}


def edit(site: SiteDir, path: str, old: str, new: str) -> None:
    """Saved by rename, as editors do: a full rebuild running meanwhile reads the old file or
    the new one, never half of it (and would fail on that)."""
    text = site.read(path)
    assert old in text, f"{old!r} not in {path}"
    target = site.root / path
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(text.replace(old, new, 1), encoding="utf-8")
    temporary.replace(target)


def settled(preview: Preview) -> Snapshot:
    """The snapshot once the background full rebuild is done."""
    return preview.settled(timeout=60)


def files(trees: Snapshot | Rendered) -> dict[str, dict[str, object]]:
    return {name: {**tree.texts, **{p: s.read_bytes() for p, s in tree.copies.items()}}
            for name, tree in (("public", trees.public), ("kit", trees.kit))}


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteDir, dict[str, bytes]]:
    """The demo built once for this module, and its files as they were: its .hubgen-cache
    makes each test's first full rebuild, and the clean renders, a fraction of a cold one."""
    site = copy_demo(tmp_path_factory.mktemp("fast_render") / "demo")
    build(BuildOptions(site.root, now=NOW))
    return site, sources(site.root)


def sources(root: Path) -> dict[str, bytes]:
    return {path: data for path, data in snapshot(root).items()
            if path.split("/")[0] not in ("public", "kit", ".hubgen-cache")}


@pytest.fixture
def demo_site(built_demo: tuple[SiteDir, dict[str, bytes]]) -> SiteDir:
    """The module's demo, put back as it was built: every file an earlier test added, changed
    or removed (the build's output and cache aside)."""
    site, files = built_demo
    for path in sources(site.root).keys() - files.keys():
        (site.root / path).unlink()
    for path, data in files.items():
        if not (site.root / path).is_file() or (site.root / path).read_bytes() != data:
            (site.root / path).parent.mkdir(parents=True, exist_ok=True)
            (site.root / path).write_bytes(data)
    for folder in sorted((p for p in site.root.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()  # templates/ of a test's template
    return site


@pytest.fixture
def preview(demo_site: SiteDir) -> Iterator[Preview]:
    preview = Preview(BuildOptions(demo_site.root, now=NOW))
    assert not preview.rebuild().failed
    yield preview
    settled(preview)  # no rebuild left running into the next test


TEXT_EDITS = {
    "title": ("title: Nordlicht baut", "title: Nordlicht plant"),
    "body": ("Die Anlage mit 100 MW", "Die neue Anlage mit 100 MW"),
    "summary": ("summary: Der Batteriespeicher", "summary: Der neue Batteriespeicher"),
    "channel text": ("dateline: Brunsbüttel", "dateline: Brunsbüttel/Hamburg"),
}


@pytest.mark.parametrize("kind", TEXT_EDITS)
def test_text_edit_serves_the_messages_pages_as_a_clean_build_makes_them(
        demo_site: SiteDir, preview: Preview, kind: str) -> None:
    old, new = TEXT_EDITS[kind]
    before = preview.current()
    edit(demo_site, SOURCE, old, new)
    quick = preview.changed({demo_site.root / SOURCE})
    assert quick.quick_paths and quick.seconds < 1
    served, full = files(quick), files(settled(preview))
    clean = files(render(BuildOptions(demo_site.root, now=NOW)))  # not beside the full rebuild
    for tree, paths in PAGES.items():
        for path in paths:
            assert served[tree][path] == clean[tree][path], path
    assert any(before.lookup(tree, p) != served[tree][p] for tree, paths in PAGES.items() for p in paths)
    assert full == clean  # the lists, feeds and overviews too


# The embargo goes on the English version: on the German original it would hold the original
# back behind its published translation, which the embargo check refuses.
STRUCTURE_EDITS = {
    "slug": (SOURCE, "slug: batteriespeicher-brunsbuettel", "slug: speicher-brunsbuettel"),
    "tags": (SOURCE, "tags: [", "tags: [Neu, "),
    "draft": (SOURCE, "lang: de\n", "lang: de\ndraft: true\n"),
    "embargo": (SOURCE.replace(".md", ".en.md"), "lang: en\n", "lang: en\nembargo: 2027-01-01 08:00\n"),
}


@pytest.mark.parametrize("kind", STRUCTURE_EDITS)
def test_an_edit_that_moves_pages_waits_for_the_full_rebuild(
        demo_site: SiteDir, preview: Preview, kind: str) -> None:
    path, old, new = STRUCTURE_EDITS[kind]
    edit(demo_site, path, old, new)
    snapshot = preview.changed({demo_site.root / path})
    assert not snapshot.quick_paths
    assert files(snapshot) == files(render(BuildOptions(demo_site.root, now=NOW)))


def test_a_save_by_rename_is_a_fast_render(demo_site: SiteDir, preview: Preview) -> None:
    # sed -i and some editors write a temporary file and rename it over the message.
    edit(demo_site, SOURCE, "title: Nordlicht baut", "title: Nordlicht plant")
    temporary = demo_site.root / "content/news/sedAb12Cd"
    assert preview.changed({temporary, demo_site.root / SOURCE}).quick_paths == {demo_site.root / SOURCE}


def test_a_broken_save_shows_its_problem(demo_site: SiteDir, preview: Preview) -> None:
    edit(demo_site, SOURCE, "date: 2026-09-15 10:00 +02:00", "date: morgen")
    snapshot = preview.changed({demo_site.root / SOURCE})
    assert snapshot.failed and not snapshot.quick_paths
    assert [p.field for p in snapshot.problems] == ["date"]


OTHER_FILES: dict[str, tuple[str, Callable[[SiteDir], object]]] = {
    "template": ("templates/message.html",
                 lambda s: s.write("templates/message.html", '{% extends "base.html" %}\n')),
    "config": ("hubgen.toml", lambda s: edit(s, "hubgen.toml", "[site]", "[site]\n")),
    "new message": ("content/news/neu.md", lambda s: s.message("content/news/neu.md", title="Neu")),
}


@pytest.mark.parametrize("kind", OTHER_FILES)
def test_other_files_take_the_full_rebuild(demo_site: SiteDir, preview: Preview, kind: str) -> None:
    changed, write = OTHER_FILES[kind]
    write(demo_site)
    assert not preview.changed({demo_site.root / changed}).quick_paths


def test_an_embargoed_messages_fast_render_stays_out_of_public(demo_site: SiteDir, preview: Preview) -> None:
    source = "content/news/projekt-polarkranich.md"
    before = preview.current().public.texts
    edit(demo_site, source, "Polarkranich", "Polarkranich Zwei")
    quick = preview.changed({demo_site.root / source})
    assert quick.quick_paths
    assert quick.public.texts == before
    assert any(b"Polarkranich Zwei" in text for text in quick.kit.texts.values())


def test_saves_during_a_full_rebuild_all_arrive(demo_site: SiteDir, preview: Preview) -> None:
    for word in ("eins", "zwei", "drei"):
        edit(demo_site, SOURCE, "Brunsbüttel", f"Brunsbüttel {word}")
        assert preview.changed({demo_site.root / SOURCE}).quick_paths
    edit(demo_site, "content/news/solarpark-husum.md", "Husum", "Husum vier")
    assert preview.changed({demo_site.root / "content/news/solarpark-husum.md"}).quick_paths
    assert files(settled(preview)) == files(render(BuildOptions(demo_site.root, now=NOW)))
