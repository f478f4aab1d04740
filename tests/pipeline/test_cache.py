"""The build cache: an unchanged site is not built again; anything that changes the output
(an edit, time passing an embargo, a hand-edited output file, a broken cache) is."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import SiteDir, snapshot

from hubgen.pipeline import BuildOptions, build
from hubgen.pipeline.cache import CACHE_DIR
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
    for name in ("manifest.pickle", "memo.pickle", "written.pickle"):
        (site.root / CACHE_DIR / name).write_bytes(b"not a pickle")
    assert not build(BuildOptions(site.root, now=BEFORE)).unchanged
    assert build(BuildOptions(site.root, now=BEFORE)).unchanged
