"""The memo file: a row is used only if its seal matches; whatever was done to it otherwise,
the build makes the result again and publishes what a clean build would."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import SiteDir, snapshot

from hubgen.memo import Namespace, secret_key
from hubgen.pipeline import BuildOptions, build, memo_store
from hubgen.pipeline.cache import CACHE_DIR
from hubgen.pipeline.codec import encode
from hubgen.pipeline.memo_store import TAIL, MemoStore, _seal
from hubgen.pipeline.safety import MARKER

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)
POISON = b"GEKAPERT"
NAMESPACES = {namespace.label: namespace for namespace in Namespace}
Row = tuple[str, str, int, bytes, bytes]


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUBGEN_CACHE_KEY", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def built(site: SiteDir) -> SiteDir:
    site.message("content/news/solar.md", extra="tags: [Energie]")
    site.message("content/news/geheim.md", title="Geheimprojekt Kranich",
                 extra="embargo: 2027-01-01 09:00 +01:00", body="Kranich fliegt.\n")
    build(BuildOptions(site.root, now=NOW))
    return site


def rows(site: SiteDir, namespaces: tuple[str, ...] = ()) -> list[Row]:
    with sqlite3.connect(site.root / CACHE_DIR / "memo.sqlite") as db:
        found = db.execute("SELECT namespace, key, kind, data, seal FROM memo").fetchall()
    return [row for row in found if not namespaces or row[0] in namespaces]


def store(site: SiteDir, changed: list[Row]) -> None:
    assert changed, "nothing was tampered with"
    with sqlite3.connect(site.root / CACHE_DIR / "memo.sqlite") as db:
        db.executemany("UPDATE memo SET kind = ?, data = ?, seal = ? WHERE namespace = ? AND key = ?",
                       [(kind, data, found, ns, key) for ns, key, kind, data, found in changed])


def poisoned(site: SiteDir, namespaces: tuple[str, ...]) -> list[Row]:
    """Rows with a word no source has, their seals left as they were."""
    return [(ns, key, kind, data.replace(b"Ein Absatz", POISON), found)
            for ns, key, kind, data, found in rows(site, namespaces) if b"Ein Absatz" in data]


def resealed(key: bytes | None) -> Callable[[SiteDir], list[Row]]:
    def tamper(site: SiteDir) -> list[Row]:
        return [(ns, k, kind, data, _seal(key, ns, k, kind, data) if key
                 else hashlib.sha256(data).digest())
                for ns, k, kind, data, _ in poisoned(site, ("page:bytes", "pass", "pass:bytes", "message"))]
    return tamper


def moved(site: SiteDir) -> list[Row]:
    """Every page row given the bytes and seal of the embargoed message's kit page: if taken,
    its words would be published."""
    secret = next(row for row in rows(site, ("page:bytes",)) if b"Kranich flieg" in row[3])
    return [(ns, key, kind, secret[3], secret[4]) for ns, key, kind, _, _ in rows(site, ("page:bytes",))
            if key != secret[1]]


TAMPERINGS: dict[str, Callable[[SiteDir], list[Row]]] = {
    "page text edited": lambda site: poisoned(site, ("page:bytes",)),
    "message pass edited": lambda site: poisoned(site, ("pass",)),
    "message pass's files edited": lambda site: poisoned(site, ("pass:bytes",)),
    "message edited": lambda site: poisoned(site, ("message", "snippets")),
    "row moved to other keys": moved,
    "resealed with another key": resealed(b"x" * 32),
    "resealed with a plain digest": resealed(None),
    "typed row made bytes": lambda site: [(ns, k, 0, data, found) for ns, k, _, data, found
                                          in rows(site, ("pass",))],
}


def public_text(site: SiteDir) -> bytes:
    return b"\n".join([*snapshot(site.root / "public").values(), *snapshot(site.root / "kit").values()])


@pytest.mark.parametrize("written", ["kept", "removed"])
@pytest.mark.parametrize("tampering", list(TAMPERINGS))
def test_a_tampered_row_is_made_again_and_never_published(site: SiteDir, tampering: str,
                                                          written: str) -> None:
    """Kept: the build finds the files as it wrote them. Removed: it has to write them all,
    and reads every file's bytes from the memo file."""
    built(site)
    store(site, TAMPERINGS[tampering](site))
    if written == "removed":
        shutil.rmtree(site.root / "public")
    site.message("content/news/neu.md", title="Neue Meldung")  # a build that reads the memo
    build(BuildOptions(site.root, now=NOW))
    assert POISON not in public_text(site)
    assert b"Kranich" not in b"\n".join(snapshot(site.root / "public").values())
    incremental = snapshot(site.root / "public")
    build(BuildOptions(site.root, now=NOW, clean=True))
    clean = snapshot(site.root / "public")
    assert incremental.pop(MARKER) != clean.pop(MARKER)
    assert incremental == clean


def test_passes_whose_rows_could_not_be_written_are_made_again(
        site: SiteDir, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pass comes back from its worker pointing to its row in the memo file for its files:
    if the row was never written (a full disk), the build renders again without that file and
    publishes every file, as a clean build does."""
    built(site)
    site.message("content/news/neu.md", title="Neue Meldung")

    flush, failed = MemoStore.flush, []

    def failing(writer: MemoStore) -> None:
        if not writer._pending:
            return flush(writer)
        failed.append(writer._pending)
        writer._writes = False
        writer._close()  # what was put is rolled back

    with monkeypatch.context() as patched:
        patched.setattr(MemoStore, "flush", failing)
        build(BuildOptions(site.root, now=NOW))
    assert failed and failed[0][0][0] is Namespace.PASS
    made = snapshot(site.root / "public") | snapshot(site.root / "kit")
    assert b"Neue Meldung" in made["news/neue-meldung/index.html"]
    build(BuildOptions(site.root, now=NOW, clean=True))
    clean = snapshot(site.root / "public") | snapshot(site.root / "kit")
    assert made.pop(MARKER) != clean.pop(MARKER)
    assert made == clean


def test_bad_rows_are_replaced_when_the_cache_is_saved(site: SiteDir) -> None:
    built(site)
    store(site, poisoned(site, ("page:bytes", "pass", "pass:bytes")))
    site.message("content/news/neu.md", title="Neue Meldung")
    build(BuildOptions(site.root, now=NOW))
    # The bytes of files a build finds as it wrote them are not read, so not checked either:
    # the first build that has to write them replaces them.
    left = [row[0] for row in rows(site) if POISON in row[3]]
    assert left and all(namespace.endswith(TAIL) for namespace in left)
    for folder in ("public", "kit"):
        shutil.rmtree(site.root / folder)
    build(BuildOptions(site.root, now=NOW))
    assert not [row for row in rows(site) if POISON in row[3]]
    kept = MemoStore(site.root / CACHE_DIR / "memo.sqlite", secret_key())
    assert all(kept.take(NAMESPACES[ns], key) is not None for ns, key, *_ in rows(site)
               if not ns.endswith(TAIL))


def test_rows_sealed_with_the_users_key_are_trusted(site: SiteDir) -> None:
    """The seal is what stops the tamperings above: the same edit, sealed with the key kept
    outside the site, is published. Whoever can read that key can write the output anyway."""
    built(site)
    store(site, resealed(secret_key())(site))
    site.message("content/news/neu.md", title="Neue Meldung")
    build(BuildOptions(site.root, now=NOW))
    assert POISON in public_text(site)


def test_rows_put_during_a_build_are_sound_once_flushed(tmp_path: Path) -> None:
    path, key = tmp_path / CACHE_DIR / "memo.sqlite", b"k" * 32
    writer = MemoStore(path, key, writes=True)
    writer.put(Namespace.PASS, "a", b'{"@":"t","v":["made",{"@":"t","v":[]}]}')
    assert writer.sound == set()  # not committed yet
    writer.flush()
    assert writer.sound == {(Namespace.PASS, "a")}
    assert MemoStore(path, key).take(Namespace.PASS, "a") == ("made", ())
    assert MemoStore(path, b"j" * 32).take(Namespace.PASS, "a") is None  # another key's seal


def test_blob_reads_follow_the_memo_file_that_is_there_now(tmp_path: Path) -> None:
    """Rows are read through one connection per process and file: a file made anew (a clean
    build's) is read anew, not through the connection to the one it replaced."""
    path, key = tmp_path / CACHE_DIR / "memo.sqlite", b"k" * 32

    def kept(data: bytes) -> bytes:
        writer = MemoStore(path, key, writes=True)
        writer.put(Namespace.PASS, "a", encode((data, ())))
        writer.flush()
        memo_store._RECENT.clear()
        return bytes(memo_store._Tail(path, key, "pass" + TAIL, "a").bytes())

    assert kept(b"erster Stand") == b"erster Stand"
    path.unlink()
    assert kept(b"zweiter Stand") == b"zweiter Stand"


def test_a_memo_file_that_cannot_be_written_stops_the_puts_not_the_build(tmp_path: Path) -> None:
    (tmp_path / CACHE_DIR).write_text("a file where the cache folder should be")
    writer = MemoStore(tmp_path / CACHE_DIR / "memo.sqlite", b"k" * 32, writes=True)
    writer.put(Namespace.PASS, "a", b"page")
    writer.flush()
    assert not writer.writes() and writer.sound == set()  # left for the save, which warns


def test_an_edit_build_reads_the_bytes_of_the_files_it_writes_only(
        site: SiteDir, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rest stay where they are: their rows of bytes are neither read nor sealed again.
    The pass made anew comes back from its worker with Blobs too: its row is read for its files."""
    built(site)
    read: set[tuple[str, str]] = set()
    original = memo_store._Tail.bytes

    def reading(tail: memo_store._Tail) -> memoryview:
        read.add((tail._label, tail._slot_key))
        return original(tail)

    monkeypatch.setattr(memo_store._Tail, "bytes", reading)
    site.message("content/news/neu.md", title="Neue Meldung")
    build(BuildOptions(site.root, now=NOW))
    # solar.md's pages and files, geheim.md's kit files: found as written; neu.md's written
    assert [label for label, _ in read] == ["pass:bytes"]
    read.clear()
    (site.root / "public/news/solarpark-husum-eroeffnet/index.html").write_text("von Hand geändert")
    site.message("content/news/neu.md", title="Neue Meldung, zweiter Stand")
    build(BuildOptions(site.root, now=NOW))
    # neu.md's files, and the page edited by hand, written again from the memo
    assert sorted(label for label, _ in read) == ["pass:bytes", "pass:bytes"]
    assert b"von Hand" not in (site.root / "public/news/solarpark-husum-eroeffnet/index.html").read_bytes()


def test_an_edit_build_knows_the_kits_files_by_name(site: SiteDir) -> None:
    """As a build that finds nothing changed (`folder_state`): a kit file edited by hand stays
    until its message changes; one removed is written again; public/ is checked file by file."""
    built(site)
    kit_file = site.root / "kit/de/news/solarpark-husum-eroeffnet/newsletter.txt"
    removed = site.root / "kit/de/news/solarpark-husum-eroeffnet/social-bluesky.txt"
    made = kit_file.read_bytes()
    kit_file.write_text("von Hand")
    removed.unlink()
    site.message("content/news/neu.md", title="Neue Meldung")
    build(BuildOptions(site.root, now=NOW))
    assert kit_file.read_text() == "von Hand" and removed.is_file()
    site.message("content/news/solar.md", extra="tags: [Energie]", body="Ein Absatz, neu.\n")
    build(BuildOptions(site.root, now=NOW))
    assert kit_file.read_bytes() == made  # its message changed: written again


def test_a_page_replaced_by_a_link_to_its_twin_is_written_again(site: SiteDir, tmp_path: Path) -> None:
    """Size and time of the file it leads to match the record; the link is still not the page."""
    built(site)
    page = site.root / "public/news/solarpark-husum-eroeffnet/index.html"
    twin = tmp_path / "twin.html"
    shutil.copy2(page, twin)
    page.unlink()
    page.symlink_to(twin)
    site.message("content/news/neu.md", title="Neue Meldung")
    build(BuildOptions(site.root, now=NOW))
    assert not page.is_symlink() and page.read_bytes() == twin.read_bytes()
