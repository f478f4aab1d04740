"""The build cache: an unchanged site is not built again; anything that changes the output
(an edit, time passing an embargo, a hand-edited output file, a broken cache) is. Nothing read
from the cache runs code or reaches the output unless it passes its seal."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import SiteDir, snapshot

from hubgen.memo import secret_key
from hubgen.newsroom.share_images import CACHE_DIR as SHARE_DIR
from hubgen.newsroom.share_images import _entry_name
from hubgen.pipeline import BuildOptions, build
from hubgen.pipeline.cache import CACHE_DIR, folder_state
from hubgen.pipeline.memo_store import _seal
from hubgen.pipeline.safety import MARKER

BEFORE = datetime(2026, 11, 27, 12, tzinfo=UTC)
AFTER_EMBARGO = datetime(2027, 1, 2, 12, tzinfo=UTC)


def ready(site: SiteDir) -> SiteDir:
    site.message("content/news/solar.md", extra="tags: [Energie]")
    site.message("content/news/geheim.md", title="Geheimprojekt Kranich",
                 extra="embargo: 2027-01-01 09:00 +01:00")
    return site


def test_second_build_changes_nothing(site: SiteDir) -> None:
    ready(site)
    first = build(BuildOptions(site.root, now=BEFORE))
    before = snapshot(site.root / "public")
    mtime = (site.root / "public/index.html").stat().st_mtime_ns
    second = build(BuildOptions(site.root, now=BEFORE))
    assert not first.unchanged and second.unchanged
    assert (second.messages, second.published, second.pages) == (2, 1, first.pages)
    assert snapshot(site.root / "public") == before
    assert (site.root / "public/index.html").stat().st_mtime_ns == mtime
    result = site.hubgen("build")
    assert result.stdout.startswith("nothing changed since the last build: 1 of 2 messages")


def test_an_edit_rebuilds_like_a_clean_build(site: SiteDir) -> None:
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    path = site.root / "content/news/solar.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Ein Absatz.", "Neu."), encoding="utf-8")
    assert not build(BuildOptions(site.root, now=BEFORE)).unchanged
    incremental = snapshot(site.root / "public")
    build(BuildOptions(site.root, now=BEFORE, clean=True))
    clean = snapshot(site.root / "public")
    assert incremental.pop(MARKER) != clean.pop(MARKER)  # each build has its own id
    assert clean == incremental
    assert "Neu." in site.read("public/news/solarpark-husum-eroeffnet/index.html")


def test_an_edit_in_a_hidden_folder_rebuilds(site: SiteDir, tmp_path: Path) -> None:
    # The build reads hidden folders too (an image in content/.media/, a link out of the site
    # anywhere), so the check for an unchanged build must see them.
    site.write("content/.media/park.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    site.message("content/news/solar.md", extra="image: .media/park.svg\nimage_alt: Park")
    build(BuildOptions(site.root, now=BEFORE))
    site.write("content/.media/park.svg", "<svg xmlns='http://www.w3.org/2000/svg' id='neu'/>")
    assert not build(BuildOptions(site.root, now=BEFORE)).unchanged
    assert "neu" in site.read("public/.media/park.svg")
    (tmp_path / "outside").mkdir()
    (site.root / "content/.media/out").symlink_to(tmp_path / "outside")
    assert site.hubgen("build").returncode == 1  # the new link is seen, and refused


def test_an_edit_links_unchanged_files_and_writes_changed_ones(site: SiteDir) -> None:
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    public = site.root / "public"
    inodes = {p: p.stat().st_ino for p in public.rglob("*") if p.is_file()}
    path = site.root / "content/news/solar.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Ein Absatz.", "Neu."), encoding="utf-8")
    build(BuildOptions(site.root, now=BEFORE))
    kept = {p.relative_to(public).as_posix() for p, ino in inodes.items()
            if p.exists() and p.stat().st_ino == ino}
    assert "news/solarpark-husum-eroeffnet/index.html" not in kept
    assert {"tags/index.html", "press-kit/index.html", "404.html"} <= kept


def test_a_hand_edited_file_is_written_again_not_linked(site: SiteDir) -> None:
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    page = site.root / "public/press-kit/index.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"<h1", b"<h2", 1))  # same size, other bytes
    path = site.root / "content/news/solar.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Ein Absatz.", "Neu."), encoding="utf-8")
    build(BuildOptions(site.root, now=BEFORE))
    assert page.read_bytes() == original


def test_an_embargo_lifting_rebuilds(site: SiteDir) -> None:
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    assert "Kranich" not in site.read("public/index.html")
    later = build(BuildOptions(site.root, now=AFTER_EMBARGO))
    assert not later.unchanged
    assert "Kranich" in site.read("public/index.html")


def test_hand_edited_output_is_made_anew(site: SiteDir) -> None:
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    (site.root / "public/stale.html").write_text("alt", encoding="utf-8")
    assert not build(BuildOptions(site.root, now=BEFORE)).unchanged
    assert not (site.root / "public/stale.html").exists()


def test_a_broken_cache_means_a_clean_build(site: SiteDir) -> None:
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    for name in ("manifest.json", "memo.sqlite", "written.json"):
        (site.root / CACHE_DIR / name).write_bytes(b"not a cache file")
    assert not build(BuildOptions(site.root, now=BEFORE)).unchanged
    assert build(BuildOptions(site.root, now=BEFORE)).unchanged


class Payload:
    """Unpickled, it would leave a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return Path.write_text, (self.marker, "code ran")


def test_a_poisoned_cache_is_never_run_nor_used(site: SiteDir, tmp_path: Path) -> None:
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    marker = tmp_path / "ran"
    cache = site.root / CACHE_DIR
    evil = pickle.dumps(Payload(marker))
    for name in ("manifest.pickle", "memo.pickle", "written.pickle", "manifest.json", "written.json",
                 "memo.sqlite"):
        (cache / name).write_bytes(evil)
    for entry in (cache / "share").iterdir():
        entry.write_bytes(evil)
    site.message("content/news/neu.md", title="Neue Meldung")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    incremental = snapshot(site.root / "public")
    build(BuildOptions(site.root, clean=True))
    clean = snapshot(site.root / "public")
    assert incremental.pop(MARKER) != clean.pop(MARKER)
    assert incremental == clean
    assert not any((cache / name).exists() for name in ("manifest.pickle", "memo.pickle", "written.pickle"))


@pytest.mark.parametrize("schema", [
    "CREATE VIEW memo AS SELECT 'page' AS namespace, '' AS key, 0 AS kind, x'00' AS data, x'00' AS seal",
    "CREATE TABLE memo (namespace, key, kind, data, seal); CREATE TRIGGER t AFTER INSERT ON memo"
    " BEGIN DELETE FROM memo; END",
])
def test_a_memo_file_of_another_form_is_replaced(site: SiteDir, schema: str) -> None:
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    path = site.root / CACHE_DIR / "memo.sqlite"
    path.unlink()
    with sqlite3.connect(path) as db:
        db.executescript(schema)
    site.message("content/news/neu.md", title="Neue Meldung")
    build(BuildOptions(site.root, now=BEFORE))
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM sqlite_master").fetchone() == (2,)  # table, index
        assert db.execute("SELECT count(*) FROM memo").fetchone()[0] > 10


def forge(site: SiteDir, name: str, change: Callable[[Any], None]) -> None:
    """The JSON of a cache file changed, its seal kept: what an attacker without the key can do."""
    path = site.root / CACHE_DIR / name
    sealed = path.read_bytes()
    data = json.loads(sealed[32:])
    change(data)
    path.write_bytes(sealed[:32] + json.dumps(data).encode())


def edited_in_public(site: SiteDir) -> tuple[Path, bytes]:
    """A built site whose press-kit page was then edited in public/: the page and its bytes
    as built."""
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    page = site.root / "public/press-kit/index.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"<h1", b"<h2", 1))
    return page, original


def test_a_forged_manifest_cannot_keep_an_edited_output(site: SiteDir) -> None:
    page, original = edited_in_public(site)
    forge(site, "manifest.json", lambda manifest: manifest.update(
        outputs=folder_state(site.root / "public", site.root / "kit")))
    assert not build(BuildOptions(site.root, now=BEFORE)).unchanged
    assert page.read_bytes() == original


def test_a_forged_record_of_what_was_written_cannot_keep_an_edited_output(site: SiteDir) -> None:
    page, original = edited_in_public(site)
    info = page.stat()

    def claim_as_written(records: dict[str, dict[str, Any]]) -> None:
        public = next(files for folder, files in records.items() if folder.endswith("/public"))
        at = public["paths"].index("press-kit/index.html")
        public["sizes"][at], public["mtimes"][at] = info.st_size, info.st_mtime_ns

    forge(site, "written.json", claim_as_written)
    site.message("content/news/neu.md", title="Neue Meldung")
    build(BuildOptions(site.root, now=BEFORE))
    assert page.read_bytes() == original


def share_images(site: SiteDir) -> dict[str, bytes]:
    return {path: data for path, data in snapshot(site.root / "public").items() if "share" in path}


def seal_share_entry(site: SiteDir, entry: Path, data: bytes) -> Path:
    """`entry` replaced by `data`, sealed with the user's key: an entry hubgen would trust."""
    name = entry.name.split(".", 1)[0]
    entry.unlink()
    forged = entry.with_name(_entry_name(secret_key(), name, data))
    forged.write_bytes(data)
    return forged


def test_a_share_entry_edited_in_place_with_its_old_time_is_drawn_again(site: SiteDir) -> None:
    """Entries found sound are remembered by their file's state: size, time, inode, and the
    change time, which an edit moves on and no one can set back."""
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    first = share_images(site)
    entry = sorted((site.root / SHARE_DIR).iterdir())[0]
    site.message("content/news/alt.md", title="Alte Meldung")
    build(BuildOptions(site.root, now=BEFORE))  # finds the entries sound, and remembers it
    info = entry.stat()
    with entry.open("r+b") as file:
        file.seek(600)
        file.write(b"GEKAPERT")
    os.utime(entry, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert (entry.stat().st_size, entry.stat().st_mtime_ns, entry.stat().st_ino) == \
        (info.st_size, info.st_mtime_ns, info.st_ino)
    shutil.rmtree(site.root / "public")  # every image copied from the cache again
    build(BuildOptions(site.root, now=BEFORE))
    assert b"GEKAPERT" not in b"".join(share_images(site).values())
    assert {path: data for path, data in share_images(site).items() if path in first} == first


def test_clean_reads_nothing_from_the_cache(site: SiteDir) -> None:
    """Even entries that pass their seal (a cache from before a bug fix, say) are not read."""
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    drawn = share_images(site)
    db = site.root / CACHE_DIR / "memo.sqlite"
    with sqlite3.connect(db) as rows:
        forged = [(data.replace(b"Ein Absatz", b"GEKAPERT"), ns, key, kind) for ns, key, kind, data
                  in rows.execute("SELECT namespace, key, kind, data FROM memo WHERE namespace = 'page'")
                  if b"Ein Absatz" in data]
        rows.executemany("UPDATE memo SET data = ?, seal = ? WHERE namespace = ? AND key = ?",
                         [(data, _seal(secret_key(), "page", key, kind, data), ns, key)
                          for data, ns, key, kind in forged])
    entries = sorted((site.root / SHARE_DIR).iterdir())
    stranger = entries[1].read_bytes()
    for entry in entries:
        seal_share_entry(site, entry, stranger)
    clean = site.hubgen("build", "--clean")
    assert clean.returncode == 0, clean.stderr
    assert b"GEKAPERT" not in b"".join(snapshot(site.root / "public").values())
    assert share_images(site) == drawn  # each drawn anew, none is the stranger


def test_emptied_or_garbage_share_image_entries_are_drawn_again(site: SiteDir) -> None:
    ready(site)
    build(BuildOptions(site.root, now=BEFORE))
    first = share_images(site)
    entries = sorted((site.root / SHARE_DIR).iterdir())
    entries[0].write_bytes(b"")
    entries[1].write_bytes(b"\xff\xd8 not a picture")
    with entries[2].open("r+b") as entry:
        entry.seek(600)
        entry.write(b"GEKAPERT")
    site.message("content/news/neu.md", title="Neue Meldung")
    build(BuildOptions(site.root, now=BEFORE))
    assert {path: data for path, data in share_images(site).items() if path in first} == first
    for entry in (site.root / SHARE_DIR).iterdir():
        assert _entry_name(secret_key(), entry.name.split(".", 1)[0], entry.read_bytes()) == entry.name


def test_a_cache_that_cannot_be_saved_is_a_warning_after_the_swap(site: SiteDir) -> None:
    ready(site)
    shutil.rmtree(site.root / CACHE_DIR, ignore_errors=True)
    (site.root / CACHE_DIR).write_text("in the way", encoding="utf-8")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    assert "warning: cache: not saved" in result.stdout + result.stderr
    assert "Solarpark" in site.read("public/index.html")

