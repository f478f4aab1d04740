"""One-message edits inside each tool's preview server, side by side: the time from the
server noticing a saved title change to the new page being served.

- hubgen: `Preview.changed()` as `hubgen serve` calls it after a save (the fast render).
- Hugo: `hugo server`'s own figure, the "Total in N ms" it prints after each rebuild.

Used by run.py; on its own: python bench/preview_edit.py hubgen|hugo SITE [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from run import EDITED  # this folder is on the path: the script's own

TITLE = re.compile(r"^title: .*$", re.M)
HUGO_TOTAL = re.compile(r"Total in (\d+) ms")


def retitle(path: Path, run: int) -> None:
    """Saved whole, by rename as most editors save: the full rebuild behind the last edit never
    reads half a file."""
    text = path.read_text(encoding="utf-8")
    saving = path.with_name(f".{path.name}.saving")
    saving.write_text(TITLE.sub(f'title: "Preview edit {run}"', text, count=1), encoding="utf-8")
    saving.replace(path)


def hubgen_edits(root: Path, runs: int) -> list[float]:
    from hubgen.pipeline.options import BuildOptions
    from hubgen.serve.preview import Preview

    preview = Preview(BuildOptions(root))
    preview.rebuild()  # starts from the build cache hubgen build left
    times = []
    for run in range(runs):
        retitle(root / EDITED, run)
        snapshot = preview.changed({root / EDITED})
        if snapshot is None or not snapshot.quick_paths:
            sys.exit("the fast render did not apply")
        times.append(snapshot.seconds)
        time.sleep(1)  # a writer's pause; the full rebuild runs behind it meanwhile
    return times


def hugo_edits(hugo: str, root: Path, runs: int) -> list[float]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([hugo, "server", "--bind", "127.0.0.1", "--port", str(port)],
                               cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout or ()],
                     daemon=True).start()
    try:
        wait_for(lines, "Web Server is available", 600)
        times = []
        for run in range(runs):
            retitle(root / EDITED, run)
            times.append(int(wait_for(lines, HUGO_TOTAL, 600).group(1)) / 1000)
            time.sleep(1)
        return times
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_for(lines: queue.Queue[str], pattern: str | re.Pattern[str], seconds: float) -> re.Match[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if found := re.search(pattern, line):
            return found
    sys.exit(f"hugo server never printed {pattern!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("tool", choices=("hubgen", "hugo"))
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hugo", default="hugo", help="Hugo's binary")
    args = parser.parse_args()
    site = args.site.resolve()
    times = hubgen_edits(site, args.runs) if args.tool == "hubgen" else hugo_edits(args.hugo, site, args.runs)
    print(json.dumps(times))


if __name__ == "__main__":
    main()
