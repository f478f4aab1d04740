"""Output folders listed by a forked process while the build renders, taken when it writes."""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import SiteDir, snapshot
from test_walk import tree

from hubgen.errors import ProblemsError
from hubgen.pipeline import BuildOptions, build, listing, run
from hubgen.pipeline.listing import UNSTATED, Early, list_folder
from hubgen.pipeline.safety import MARKER

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def single_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build's process, whatever threads earlier tests in this one left running."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setenv("HUBGEN_WORKERS", "2")


def reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_a_folder_listed_early_is_listed_as_when_listed_here(tmp_path: Path) -> None:
    tree(tmp_path, 40)
    (tmp_path / "s/00000/copy.html").symlink_to(tmp_path / "s/00000/index.html")
    early = Early({tmp_path: True, tmp_path / "s/00001": False})
    assert early._listed and (pid := early._listed.pid)  # a process without threads forks one
    assert early.take(tmp_path, True) == list_folder(tmp_path, True)
    assert reaped(pid)
    files, _ = early.take(tmp_path / "s/00001", False) or ({}, set())
    assert files == {"index.html": UNSTATED, "deep/.hidden": UNSTATED, "link": None}
    assert list_folder(tmp_path, True)[0]["s/00000/copy.html"] is None  # a link, not its file
    # Listed otherwise, or not at all: the writer lists it then.
    assert early.take(tmp_path, False) is None
    assert early.take(tmp_path / "s", True) is None
    early.close()


def test_a_folder_another_build_wrote_meanwhile_is_listed_again(tmp_path: Path) -> None:
    """Each build replaces its marker at the top of the folder: another build's swap shows."""
    tree(tmp_path, 5)
    (tmp_path / MARKER).write_text("build 1")
    early = Early({tmp_path: True})
    time.sleep(0.01)
    (tmp_path / "new-marker").write_text("build 2")
    (tmp_path / "new-marker").replace(tmp_path / MARKER)
    assert early.take(tmp_path, True) is None


def test_the_memo_file_is_read_through_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path, 5)
    memo = tmp_path / "memo.sqlite"
    memo.write_bytes(b"rows" * 100_000)
    log = tmp_path / "read.log"
    original = listing._read_through

    def logged(path: Path) -> None:  # runs in the forked process, which inherits it
        original(path)
        with log.open("a") as out:
            out.write(f"{path.name}\n")

    monkeypatch.setattr(listing, "_read_through", logged)
    early = Early({tmp_path / "s": True}, warm=(tmp_path / "missing.sqlite", memo))
    files, _ = early.take(tmp_path / "s", True) or ({}, set())
    assert "00000/index.html" in files
    assert log.read_text() == "missing.sqlite\nmemo.sqlite\n"


def test_a_pipe_in_place_of_the_memo_file_is_not_waited_for(tmp_path: Path) -> None:
    """Reading a pipe would wait for a writer forever: the build would never write."""
    tree(tmp_path, 5)
    os.mkfifo(tmp_path / "memo.sqlite")
    early = Early({tmp_path / "s": True}, warm=(tmp_path / "memo.sqlite",))
    files, _ = early.take(tmp_path / "s", True) or ({}, set())
    assert "00000/index.html" in files


def test_stopped_early_the_listing_process_is_gone(tmp_path: Path) -> None:
    tree(tmp_path, 3000)  # large enough to be listed still, and to fill the pipe
    early = Early({tmp_path: True})
    assert early._listed and (pid := early._listed.pid)
    early.close()
    assert reaped(pid)
    assert early.take(tmp_path, True) is None


def test_with_threads_nothing_is_forked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview renders in threads: forking then could copy a held lock."""
    (tmp_path / "index.html").write_text("x")
    monkeypatch.setattr(threading, "active_count", lambda: 3)
    early = Early({tmp_path: True})
    assert early._listed and early._listed.pid is None
    assert early.take(tmp_path, True) is None


def test_a_build_that_fails_leaves_no_listing_process(site: SiteDir, monkeypatch: pytest.MonkeyPatch) -> None:
    site.message("content/news/a.md", title="A")
    build(BuildOptions(site.root, now=NOW))
    children: list[int] = []
    warmed: list[tuple[Path, ...]] = []

    class Recorded(Early):
        def __init__(self, folders: dict[Path, bool], warm: tuple[Path, ...] = ()) -> None:
            super().__init__(folders, warm)
            children.extend([self._listed.pid] if self._listed and self._listed.pid else [])
            warmed.append(warm)

    monkeypatch.setattr(run, "Early", Recorded)
    site.message("content/news/a.md", title="A", date="2026-13-40")
    with pytest.raises(ProblemsError):
        build(BuildOptions(site.root, now=NOW))
    assert len(children) == 1 and reaped(children[0])
    assert warmed == [(site.root / ".hubgen-cache/memo.sqlite",)]


def test_an_edit_build_with_the_early_listing_is_a_clean_build(site: SiteDir) -> None:
    """The listing taken at the start finds the files edited by hand before the build."""
    for n in range(30):
        site.message(f"content/news/m{n}.md", title=f"Meldung {n}")
    build(BuildOptions(site.root, now=NOW))
    page = site.root / "public/news/meldung-3/index.html"
    page.write_text("edited by hand")
    (site.root / "public/stray.html").write_text("added by hand")
    site.message("content/news/m7.md", title="Meldung 7, neu")
    build(BuildOptions(site.root, now=NOW))
    edited = snapshot(site.root / "public")
    build(BuildOptions(site.root, now=NOW, clean=True))
    clean = snapshot(site.root / "public")
    assert edited.keys() == clean.keys() and "stray.html" not in edited
    assert {path: data for path, data in edited.items() if path != MARKER} == \
        {path: data for path, data in clean.items() if path != MARKER}
