"""The progress line of `hubgen build` on a terminal: it names each phase of the whole build."""

from __future__ import annotations

import io
from contextlib import redirect_stderr

import pytest
from conftest import SiteDir

from hubgen.cli.output import ProgressBar
from hubgen.parallel import Progress
from hubgen.pipeline.options import BuildOptions
from hubgen.pipeline.run import build

PHASES = ["loading", "rendering messages", "checking", "rendering newsroom", "share images",
          "rendering kit", "rendering kit pages", "writing"]


class Recorder:
    def __init__(self) -> None:
        self.seen: list[tuple[str, int, int]] = []
        self.phase_name = ""

    def phase(self, name: str) -> Progress:
        self.phase_name = name
        self.seen.append((name, 0, 0))
        return self.tick

    def tick(self, done: int, total: int) -> None:
        self.seen.append((self.phase_name, done, total))


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_build_names_every_phase_in_order(site: SiteDir, monkeypatch: pytest.MonkeyPatch,
                                            workers: str) -> None:
    monkeypatch.setenv("HUBGEN_WORKERS", workers)
    for number in range(30):  # enough for worker processes
        name = chr(65 + number % 26) + chr(65 + number // 26)  # no figure in the title
        site.message(f"content/news/m{number}.md", title=f"Meldung {name}")
    recorder = Recorder()
    build(BuildOptions(site.root), recorder)
    assert [name for name, done, total in recorder.seen if (done, total) == (0, 0)] == PHASES
    ticks = [(done, total) for name, done, total in recorder.seen if name == "rendering messages" and done]
    assert ticks[-1] == (30, 30) and len(ticks) == 30


def test_the_bar_on_a_terminal(site: SiteDir) -> None:
    site.message("content/news/a.md")
    err = io.StringIO()
    bar = ProgressBar(delay=0, enabled=True)
    with redirect_stderr(err):
        build(BuildOptions(site.root), bar)
        bar.close()
    shown = err.getvalue()
    for phase in PHASES:
        assert f"\r\033[K{phase}" in shown
    assert "rendering messages [" + "#" * 30 + "] 1/1" in shown
    assert shown.endswith("\r\033[K")  # the line is cleared at the end


def test_no_bar_when_piped_or_quick(site: SiteDir) -> None:
    site.message("content/news/a.md")
    err = io.StringIO()
    with redirect_stderr(err):
        build(BuildOptions(site.root), ProgressBar())  # not a terminal
        build(BuildOptions(site.root, clean=True), ProgressBar(enabled=True))  # under 0.5 s
    assert err.getvalue() == ""
