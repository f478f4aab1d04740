"""The preview's rebuilds: one at a time, a newer save wins, nothing raised stops the preview."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import SiteDir

import hubgen.serve.preview
from hubgen.parallel import Phased, Progress
from hubgen.pipeline.run import BuildOptions, Rendered, render
from hubgen.serve.preview import Preview, Snapshot

SOURCE = "content/news/solar.md"
PAGE = "news/solar/index.html"


class Gate:
    """A render that reads the files at once but finishes only when the test lets it."""

    def __init__(self) -> None:
        self.entered, self.release = threading.Event(), threading.Event()
        self.calls = 0

    def __call__(self, options: BuildOptions, progress: object = None,
                 memo: object = None) -> Rendered:
        self.calls += 1
        rendered = render(options)
        if self.calls == 1:
            self.entered.set()
            assert self.release.wait(30)
        return rendered


@pytest.fixture
def preview(site: SiteDir) -> Iterator[Preview]:
    site.message(SOURCE, title="Erster Stand", extra="slug: solar\ntags: [Energie]")
    site.message("content/news/wind.md", title="Windpark", extra="slug: wind\ntags: [Energie]")
    preview = Preview(BuildOptions(site.root))
    assert not preview.rebuild().failed
    yield preview
    preview.settled(timeout=60)


def page(snapshot: Snapshot, path: str = PAGE) -> bytes:
    found = snapshot.lookup("public", path)
    assert isinstance(found, bytes)
    return found


def saved(site: SiteDir, title: str, tags: str = "Energie", path: str = SOURCE) -> set[Path]:
    """The paths the watcher reports for a save of the message at `path`: a new title, and
    a structure change when `tags` are others than the fixture's."""
    site.message(path, title=title, extra=f"slug: {Path(path).stem}\ntags: [{tags}]")
    return {site.root / path}


def test_a_newer_save_supersedes_a_running_rebuild(site: SiteDir, preview: Preview,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    gate, before = Gate(), preview.current()
    monkeypatch.setattr(hubgen.serve.preview, "render", gate)
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(preview.changed, saved(site, "Zweiter Stand", tags="Neu"))
        assert gate.entered.wait(30)
        second = pool.submit(preview.changed, saved(site, "Dritter Stand", tags="Neu"))
        assert preview.current() is before  # served at once, as it was
        gate.release.set()
        superseded, newest = first.result(30), second.result(30)
    assert superseded is None  # it read the files before the newer save: never served
    assert newest is not None and newest is preview.current()
    assert newest.generation == before.generation + 1
    assert b"Dritter Stand" in page(newest) and not newest.failed


def test_a_save_stops_a_running_rebuild_at_its_next_phase(site: SiteDir, preview: Preview,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """It would not be served: its work would only slow the save's own fast render down."""
    phases: list[str] = []
    stop = "rendering newsroom"

    def rendering(options: BuildOptions, progress: Phased | None = None, memo: object = None) -> Rendered:
        assert progress is not None

        class Saving:
            def phase(self, name: str) -> Progress:
                phases.append(name)
                if name == stop:
                    saved(site, "Dritter Stand")
                    preview.touched()  # the watcher's event for it
                return progress.phase(name)  # type: ignore[union-attr]
        return render(options, Saving(), memo)  # type: ignore[arg-type]

    monkeypatch.setattr(hubgen.serve.preview, "render", rendering)
    before = preview.current()
    assert preview.changed(saved(site, "Zweiter Stand", tags="Neu")) is None
    assert phases[-1] == stop  # stopped there: no share images, no kit
    assert preview.current() is before


def test_the_first_fast_render_finds_its_templates_compiled(site: SiteDir, preview: Preview) -> None:
    quick = preview._quick
    assert quick is not None and quick._themes is not None  # warmed after the first rebuild
    fast = preview.changed(saved(site, "Windpark wächst", path="content/news/wind.md"))
    assert fast is not None and fast.quick_paths == {site.root / "content/news/wind.md"}


def test_a_fast_render_does_not_wait_for_a_running_rebuild(site: SiteDir, preview: Preview,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate()
    monkeypatch.setattr(hubgen.serve.preview, "render", gate)
    with ThreadPoolExecutor(2) as pool:
        full = pool.submit(preview.changed, saved(site, "Zweiter Stand", tags="Neu"))
        assert gate.entered.wait(30)
        fast = pool.submit(preview.changed,
                           saved(site, "Windpark wächst", path="content/news/wind.md")).result(10)
        assert fast is not None and fast.quick_paths == {site.root / "content/news/wind.md"}
        assert b"Windpark w\xc3\xa4chst" in page(preview.current(), "news/wind/index.html")
        gate.release.set()
        assert full.result(30) is None  # it read wind.md before that save
    settled = preview.settled(timeout=60)
    assert b"Zweiter Stand" in page(settled)
    assert b"Windpark w\xc3\xa4chst" in page(settled, "news/wind/index.html")


@pytest.mark.parametrize("error", [RuntimeError("boom"), RecursionError(), MemoryError(),
                                   KeyError("x"), OverflowError(), UnicodeDecodeError(
                                       "utf-8", b"\xff", 0, 1, "invalid start byte")])
def test_a_rebuild_that_raises_leaves_the_preview_serving(
        site: SiteDir, preview: Preview, monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    good = page(preview.current())

    def broken(options: BuildOptions, progress: object = None, memo: object = None) -> Rendered:
        raise error

    monkeypatch.setattr(hubgen.serve.preview, "render", broken)
    failed = preview.changed(saved(site, "Zweiter Stand", tags="Neu"))
    assert failed is not None and failed.failed and failed is preview.current()
    assert [p.field for p in failed.problems] == ["internal error"]
    assert page(failed) == good  # the last good pages, under the error overlay
    monkeypatch.undo()
    fixed = preview.changed(saved(site, "Dritter Stand", tags="Neu"))
    assert fixed is not None and not fixed.failed and b"Dritter Stand" in page(fixed)


def test_a_fast_render_that_raises_takes_the_full_rebuild(site: SiteDir, preview: Preview,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RecursionError

    monkeypatch.setattr(hubgen.serve.preview, "classify", broken)
    snapshot = preview.changed(saved(site, "Zweiter Stand"))
    assert snapshot is not None and not snapshot.failed and not snapshot.quick_paths
    assert b"Zweiter Stand" in page(snapshot)


def test_a_rebuild_that_read_a_save_in_progress_is_not_served(site: SiteDir, preview: Preview,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor saving in place truncates, then writes: a rebuild reading between the two
    sees an empty message. The watcher's first event (`touched`) comes before that rebuild
    ends, so its failure is never served (no overlay flash), and the finished save still gets
    the fast render, not a full rebuild."""
    path = site.root / SOURCE
    whole = path.read_text(encoding="utf-8").replace("Erster Stand", "Zweiter Stand")
    gate = Gate()
    monkeypatch.setattr(hubgen.serve.preview, "render", gate)
    served = preview.current()
    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(preview.changed, saved(site, "Erster Stand", tags="Wind"))
        assert gate.entered.wait(30)
        with path.open("r+", encoding="utf-8") as file:  # in place: truncated, half written
            file.truncate(0)
            file.write(whole[:20])
            file.flush()
            preview.touched()
            gate.release.set()
            assert running.result(timeout=60) is None
            assert preview.current() is served
            file.seek(0)
            file.write(whole)
    fast = preview.changed({path})
    assert fast is not None and not fast.failed and fast.quick_paths
    assert b"Zweiter Stand" in page(fast)
    assert not preview.settled(timeout=60).failed
