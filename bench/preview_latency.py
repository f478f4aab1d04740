"""Time from saving a message to the open browser tab showing it, through `hubgen serve`, and
the server's own part of it: the fast render of the saved message's pages.

    python bench/preview_latency.py SITE_DIR content/news/x.md news/x/ [--runs 5]

Edits the title of the message in place (and restores it), so run it on a copy of a site."""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

FAST_RENDER = re.compile(r"updated the pages of .* in (\d+) ms")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def wait_until_serving(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if process.poll() is not None:
                sys.exit("hubgen serve stopped")
            time.sleep(0.1)
    sys.exit("hubgen serve did not answer")


def measure(site: Path, message: Path, page_path: str, runs: int, port: int,
            log: Path) -> list[float]:
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "hubgen", "serve", "--port", str(port)],
                                   cwd=site, stdout=out, stderr=subprocess.STDOUT)
    original = message.read_text(encoding="utf-8")
    title = next(line for line in original.splitlines() if line.startswith("title:"))
    url = f"http://127.0.0.1:{port}/{page_path}"
    times = []
    try:
        wait_until_serving(url, process)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page()
            page.goto(url)
            for run in range(runs):
                new_title = f"Latency run {run}"
                started = time.perf_counter()
                message.write_text(original.replace(title, f"title: {new_title}"), encoding="utf-8")
                page.wait_for_function(f"document.querySelector('h1').innerText === '{new_title}'",
                                       timeout=120_000)
                times.append(time.perf_counter() - started)
                time.sleep(0.5)
            browser.close()
    finally:
        message.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=10)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("message", help="the message file, relative to the site")
    parser.add_argument("page", help="its page's path, e.g. news/solarpark-husum/")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "serve.log"
        times = measure(args.site, args.site / args.message, args.page, args.runs, args.port, log)
        server = [float(found) / 1000 for found in FAST_RENDER.findall(log.read_text())]
    print(f"save → browser shows it: {summary(times)}")
    print(f"fast render in the server: {summary(server) if server else 'none (full rebuilds only)'}")


def summary(times: list[float]) -> str:
    return (f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms,"
            f" max {max(times) * 1000:.0f} ms ({len(times)} runs)")


if __name__ == "__main__":
    main()
