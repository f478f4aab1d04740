"""Writing the output folders: a build killed at any moment leaves the old or the new complete
tree, and what it left beside them is cleared by the next build, unless a running build owns it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import SiteDir, snapshot

from hubgen.errors import ProblemsError
from hubgen.pipeline import BuildOptions, build
from hubgen.pipeline.safety import MARKER

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


def staging(site: SiteDir) -> list[str]:
    return sorted(p.name for p in site.root.iterdir() if ".hubgen-" in p.name and p.name != ".hubgen-cache")


def many_messages(site: SiteDir, count: int = 40) -> SiteDir:
    for n in range(count):
        site.message(f"content/news/m{n}.md", title=f"Meldung {n}", body="Ein Absatz.\n" * 40)
    return site


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def outputs(site: SiteDir) -> dict[str, bytes]:
    files = {f"public/{k}": v for k, v in snapshot(site.root / "public").items()}
    files |= {f"kit/{k}": v for k, v in snapshot(site.root / "kit").items()}
    return {k: v for k, v in files.items() if not k.endswith(MARKER)}


def test_a_build_killed_while_writing_is_cleared_by_the_next(site: SiteDir) -> None:
    many_messages(site)
    build(BuildOptions(site.root, now=NOW))
    for attempt in range(5):
        site.message("content/news/m0.md", title=f"Meldung 0, Fassung {attempt}")
        process = subprocess.Popen([sys.executable, "-m", "hubgen", "build"], cwd=site.root,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while process.poll() is None and not staging(site):
            time.sleep(0.001)
        process.send_signal(signal.SIGKILL)
        process.wait()  # a zombie still counts as a running process
        if staging(site):
            break
    assert staging(site), "the build ended before it could be killed while writing"
    build(BuildOptions(site.root, now=NOW))
    assert staging(site) == []
    made = outputs(site)
    build(BuildOptions(site.root, now=NOW, clean=True))
    assert made == outputs(site)


def test_a_build_killed_mid_swap_is_undone_by_the_next_even_a_failing_one(site: SiteDir) -> None:
    site.message("content/news/solar.md")
    build(BuildOptions(site.root, now=NOW))
    before = snapshot(site.root / "public")
    pid = dead_pid()
    # Killed between the renames: the old folder aside, the new one not yet in.
    (site.root / "public").rename(site.root / f".public.hubgen-old-{pid}")
    (site.root / f".public.hubgen-new-{pid}").mkdir()
    site.write("content/news/broken.md", "no front matter\n")
    with pytest.raises(ProblemsError):
        build(BuildOptions(site.root, now=NOW))
    assert snapshot(site.root / "public") == before
    assert staging(site) == []


def test_folders_a_running_build_owns_are_left_alone(site: SiteDir) -> None:
    site.message("content/news/solar.md")
    locked = site.root / f".kit.hubgen-new-{dead_pid()}"  # a process this one can't see
    locked.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDONLY);"
         " fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)", str(locked)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        young = site.root / f".public.hubgen-new-{holder.pid}"  # just made, not locked yet
        young.mkdir()
        build(BuildOptions(site.root, now=NOW))
        assert locked.is_dir() and young.is_dir()
    finally:
        holder.kill()
        holder.wait()
    site.message("content/news/neu.md", title="Neu")
    build(BuildOptions(site.root, now=NOW))
    assert staging(site) == []


def test_a_build_leaves_no_lock_or_folder_behind(site: SiteDir) -> None:
    site.message("content/news/solar.md")
    build(BuildOptions(site.root, now=NOW))
    assert staging(site) == []
    assert sorted(os.listdir(site.root)) == [".hubgen-cache", "content", "hubgen.toml", "kit", "public"]
    assert (Path(site.root / "public") / MARKER).is_file()


def tree(folder: Path) -> tuple[list[str], dict[str, bytes]]:
    """The folders and files under `folder` but the marker: what a patch must get right."""
    folders = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir())
    return folders, {k: v for k, v in snapshot(folder).items() if k != MARKER}


@pytest.mark.parametrize("edit", ["body", "added", "deleted", "static", "template"])
def test_an_edit_build_patches_the_folders_as_a_clean_build_makes_them(site: SiteDir, edit: str) -> None:
    from test_incremental import EDITS, incremental_site

    incremental_site.__wrapped__(site)  # type: ignore[attr-defined]
    options = BuildOptions(site.root, now=NOW)
    build(options)
    EDITS[edit](site)
    build(options)
    patched = [tree(site.root / name) for name in ("public", "kit")]
    assert staging(site) == []
    build(BuildOptions(site.root, now=NOW, clean=True))
    assert patched == [tree(site.root / name) for name in ("public", "kit")]


def test_an_edit_build_leaves_unchanged_files_where_they_are(site: SiteDir) -> None:
    many_messages(site, 3)
    build(BuildOptions(site.root, now=NOW))
    public = site.root / "public"
    pages = {p: p.stat() for p in public.rglob("*.html")}
    (public / "hand.html").write_text("von Hand")
    edited = next(p for p in pages if "meldung-2" in p.as_posix())
    edited.write_text("von Hand geändert")
    site.message("content/news/m1.md", title="Meldung 1, neu")
    build(BuildOptions(site.root, now=NOW))
    assert not (public / "hand.html").exists()
    assert "von Hand" not in edited.read_text()
    kept = [p for p, info in pages.items() if "meldung-1" not in p.as_posix() and p != edited
            and p.exists() and p.stat().st_ino == info.st_ino]
    assert len(kept) > len(pages) // 2, "unchanged pages were written again"
    assert all(p.stat().st_nlink == 1 for p in kept)


def test_a_patch_that_fails_midway_is_undone(site: SiteDir, monkeypatch: pytest.MonkeyPatch) -> None:
    from hubgen.pipeline import swap

    many_messages(site, 30)
    build(BuildOptions(site.root, now=NOW))
    before = outputs(site)
    moves = 0

    def failing(source: str, destination: str, made: set[str]) -> None:
        nonlocal moves
        moves += 1
        if moves == 20:
            raise OSError("disk gone")
        real(source, destination, made)

    real = swap._move
    monkeypatch.setattr(swap, "_move", failing)
    site.message("content/news/m0.md", title="Meldung 0, neu")
    with pytest.raises(OSError, match="disk gone"):
        build(BuildOptions(site.root, now=NOW))
    assert moves >= 20
    monkeypatch.setattr(swap, "_move", real)
    assert outputs(site) == before
    assert staging(site) == []


def test_a_patch_a_killed_build_left_half_done_is_undone_by_the_next(
        site: SiteDir, monkeypatch: pytest.MonkeyPatch) -> None:
    from hubgen.pipeline import swap

    many_messages(site, 30)
    build(BuildOptions(site.root, now=NOW))
    before = snapshot(site.root / "public")
    moves = 0

    def killed(source: str, destination: str, made: set[str]) -> None:
        nonlocal moves
        moves += 1
        if moves == 20:
            raise KeyboardInterrupt  # stands for the kill: nothing after it may run
        real(source, destination, made)

    real = swap._move
    monkeypatch.setattr(swap, "_move", killed)
    monkeypatch.setattr(swap, "undo_patch", lambda target, old: None)
    monkeypatch.setattr(swap.shutil, "rmtree", lambda *args, **kwargs: None)
    site.message("content/news/m0.md", title="Meldung 0, neu")
    with pytest.raises(KeyboardInterrupt):
        build(BuildOptions(site.root, now=NOW))
    monkeypatch.undo()
    assert snapshot(site.root / "public") != before, "the patch was not half done"
    assert any("hubgen-undo" in name for name in staging(site))
    swap.remove_stale(site.root / "public")  # what the next build does first
    assert snapshot(site.root / "public") == before
    build(BuildOptions(site.root, now=NOW))
    assert staging(site) == []


def test_a_file_that_becomes_a_folder_and_back(site: SiteDir) -> None:
    site.message("content/news/solar.md")
    site.write("static/docs", "eine Datei\n")
    build(BuildOptions(site.root, now=NOW))
    (site.root / "static/docs").unlink()
    site.write("static/docs/index.txt", "ein Ordner\n")
    build(BuildOptions(site.root, now=NOW))
    assert (site.root / "public/docs/index.txt").read_text() == "ein Ordner\n"
    (site.root / "static/docs/index.txt").unlink()
    (site.root / "static/docs").rmdir()
    site.write("static/docs", "wieder eine Datei\n")
    build(BuildOptions(site.root, now=NOW))
    assert (site.root / "public/docs").read_text() == "wieder eine Datei\n"
    assert staging(site) == []


def test_the_state_kept_of_written_folders_is_the_state_found_in_them(site: SiteDir) -> None:
    import json

    from hubgen.pipeline.cache import CACHE_DIR, folder_state

    many_messages(site, 3)
    for edit in ("", "Meldung 1, neu"):
        if edit:
            site.message("content/news/m1.md", title=edit)
        build(BuildOptions(site.root, now=NOW))
        manifest = json.loads((site.root / CACHE_DIR / "manifest.json").read_bytes()[32:])
        assert manifest["outputs"] == folder_state(site.root / "public", site.root / "kit")
