"""Raster copies of demo SVGs, made with Chromium: the PNG logo for share images
(`[company] logo_png`) and a JPEG of the Husum picture, so the demo's share images show a photo.

Run from the repository root: `python scripts/rasterise_demo_media.py`; the results are committed.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
JOBS = [  # (source, target, width in CSS pixels, device scale)
    ("static/media/logo.svg", "static/media/logo.png", 350, 2),
    ("content/media/solarpark-husum.svg", "content/media/solarpark-husum.jpg", 1200, 2),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for source, target, width, scale in JOBS:
            svg = (ROOT / source).read_text(encoding="utf-8")
            page = browser.new_page(viewport={"width": width, "height": 10}, device_scale_factor=scale)
            page.set_content("<style>html,body{margin:0;background:transparent}svg{display:block;"
                             f"width:{width}px;height:auto}}</style>{svg}")
            png = page.locator("svg").screenshot(omit_background=True)
            page.close()
            image = Image.open(io.BytesIO(png))
            if target.endswith(".jpg"):
                image.convert("RGB").save(ROOT / target, "JPEG", quality=86, optimize=True)
            else:
                image.save(ROOT / target, "PNG", optimize=True)
            print(target, image.size)
        browser.close()


if __name__ == "__main__":
    main()
