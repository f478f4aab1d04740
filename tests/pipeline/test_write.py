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
