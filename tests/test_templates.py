"""Themes.render_all: the pages `render` makes, one by one or on forked workers, remembered
alike; a broken template stops it with its file and line."""

from __future__ import annotations

import threading

import pytest
from conftest import SiteDir

from hubgen.config import load_config
from hubgen.errors import Report
from hubgen.memo import Memo
from hubgen.parallel import MIN_BATCH
from hubgen.templates import TemplateProblem, Themes


def themes(site: SiteDir) -> Themes:
    site.write("templates/t.html", "{{ n }} is {{ kind(n) }}\n")
    site.write("templates/bad.html", "{{ n }}\n{{ missing }}\n")
    config = load_config(site.root, Report())
    assert config is not None
    return Themes(config, memo=Memo())


@pytest.mark.parametrize("threads", [1, 3])  # a build forks; the preview renders here
def test_render_all_gives_what_render_gives(site: SiteDir, monkeypatch: pytest.MonkeyPatch,
                                            threads: int) -> None:
    monkeypatch.setenv("HUBGEN_WORKERS", "2")
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    made = themes(site)
    # A function in the context: it never pickles, the workers find it where it lies.
    jobs = [("t.html", {"n": n, "kind": lambda n: "even" if n % 2 == 0 else "odd"})
            for n in range(MIN_BATCH * 2)]
    assert made.render_all(jobs) == [f"{n} is {'even' if n % 2 == 0 else 'odd'}\n".encode()
                                     for n in range(MIN_BATCH * 2)]
    assert made.memo.misses == MIN_BATCH * 2
    assert made.render_all(jobs[:3]) == [made.render(*job) for job in jobs[:3]]
    assert made.memo.misses == MIN_BATCH * 2  # remembered


def test_a_broken_template_in_render_all_names_its_line(site: SiteDir,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBGEN_WORKERS", "2")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    jobs = [("t.html", {"n": n, "kind": str}) for n in range(MIN_BATCH)] + [("bad.html", {"n": 1})]
    with pytest.raises(TemplateProblem) as raised:
        themes(site).render_all(jobs)
    assert (raised.value.problem.path, raised.value.problem.line) == ("templates/bad.html", 2)
    assert "missing" in raised.value.problem.message
