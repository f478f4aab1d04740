"""Generate a corpus of N realistic messages in two languages, as a hubgen site and as the
same content for Hugo, so both build the same thing side by side."""

from __future__ import annotations

import argparse
import random
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

WORDS = [
    "Energie", "Wende", "Solarpark", "Windpark", "Netz", "Speicher", "Strom", "Haushalte",
    "Region", "Norden", "Küste", "Anlage", "Leistung", "Projekt", "Bürger", "Gemeinde",
    "Zukunft", "Klima", "Wasserstoff", "Batterie", "Turbine", "Modul", "Fläche", "Betrieb",
    "Partner", "Investition", "Ausbau", "Versorgung", "Team", "Ausbildung",
]
EN_WORDS = [
    "energy", "transition", "solar", "park", "wind", "farm", "grid", "storage", "power",
    "households", "region", "north", "coast", "plant", "capacity", "project", "citizens",
    "community", "future", "climate", "hydrogen", "battery", "turbine", "module", "area",
    "operation", "partner", "investment", "expansion", "supply", "team",
]
TAGS = {"de": ["Energie", "Solar", "Wind", "Speicher", "Karriere", "Finanzen", "Nachhaltigkeit"],
        "en": ["Energy", "Solar", "Wind", "Storage", "Careers", "Finance", "Sustainability"]}
CONFIG = """[site]
title = "Benchmark Newsroom"
base_url = "https://bench.example.com"
language = "de"
languages = ["de", "en"]
timezone = "Europe/Berlin"

[company]
name = "Bench GmbH"

[company.boilerplate]
de = "Die Bench GmbH misst."
en = "Bench GmbH measures."
"""


def paragraph(rng: random.Random, words: list[str], count: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(count))
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random, words: list[str], lead: str) -> str:
    """About 600 words: headings, a list, links, paragraphs; the lead (key message) first."""
    parts = [lead + " " + paragraph(rng, words, 80)]
    for section in range(4):
        parts.append(f"## {paragraph(rng, words, 4)[:-1]} {section + 1}")
        parts.append(paragraph(rng, words, 60) + " [Mehr](https://example.com/info).")
        parts.append("\n".join(f"- {paragraph(rng, words, 6)}" for _ in range(3)))
        parts.append(paragraph(rng, words, 50))
    return "\n\n".join(parts) + "\n"


def message(index: int, lang: str, rng: random.Random, start: datetime) -> tuple[str, dict[str, Any]]:
    words = WORDS if lang == "de" else EN_WORDS
    title = f"{paragraph(rng, words, 5)[:-1]} {index}"
    date = start + timedelta(hours=7 * index)
    tags = rng.sample(TAGS[lang], 2)
    summary = paragraph(rng, words, 18)
    meta: dict[str, Any] = {"title": title, "date": date.strftime("%Y-%m-%dT%H:%M:%S+01:00"),
                            "summary": summary, "slug": f"message-{index}",
                            "translationKey": f"m{index}", "tags": tags, "lang": lang}
    return body(rng, words, summary), meta


def write_messages(root: Path, count: int, front_matter: Callable[[dict[str, Any]], str],
                   seed: int = 1) -> None:
    """The corpus as content/news/message-N.md (de) and message-N.en.md (en)."""
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, 9, 0)
    (root / "content" / "news").mkdir(parents=True, exist_ok=True)
    for index in range(count):
        lang = "de" if index % 2 == 0 else "en"
        text, meta = message(index // 2, lang, rng, start)
        suffix = "" if lang == "de" else ".en"
        common = (f"title: \"{meta['title']}\"\ndate: {meta['date']}\nsummary: \"{meta['summary']}\"\n"
                  f"slug: {meta['slug']}\ntags: [{', '.join(meta['tags'])}]\n")
        path = root / "content" / "news" / f"message-{index // 2}{suffix}.md"
        path.write_text(f"---\n{common}{front_matter(meta)}---\n{text}", encoding="utf-8")


def write_hubgen(root: Path, count: int, seed: int = 1) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "hubgen.toml").write_text(CONFIG, encoding="utf-8")
    write_messages(root, count, lambda meta: (
        f"translation_key: {meta['translationKey']}\nkey_message: \"{meta['summary']}\"\n"
        f"channels:\n  social:\n    hashtags: [{meta['tags'][0]}]\n"), seed)


HUGO_SITE = Path(__file__).resolve().parent / "hugo-site"
"""Config and layouts of the Hugo twin: the same pages, as plain as ours."""


def write_hugo(root: Path, count: int, seed: int = 1) -> None:
    """The same messages for Hugo: same bodies, titles, dates, tags and languages."""
    shutil.copytree(HUGO_SITE, root, dirs_exist_ok=True)
    write_messages(root, count, lambda meta: f"translationKey: {meta['translationKey']}\n", seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--hugo", action="store_true", help="write the Hugo version instead")
    args = parser.parse_args()
    (write_hugo if args.hugo else write_hubgen)(args.out, args.count)


if __name__ == "__main__":
    main()
