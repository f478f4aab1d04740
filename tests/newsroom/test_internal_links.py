"""Every link and image of every built page leads to a file the build made: a message without a
press text (`press: false`) offers none."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import SiteDir

BASE = "https://news.example.com/"
_ATTR = re.compile(r"""\b(?:href|src)="([^"]*)\"""")


def _missing(public: Path) -> list[tuple[str, str]]:
    """(page, link) of each internal link in public/ that leads to no file there."""
    missing = []
    for page in public.rglob("*.html"):
        url = BASE + page.relative_to(public).as_posix()
        for href in _ATTR.findall(page.read_text(encoding="utf-8")):
            target = urlsplit(urljoin(url, href.replace("&amp;", "&")))
            if target.scheme not in ("http", "https") or not BASE.startswith(
                    f"{target.scheme}://{target.netloc}/"):
                continue
            path = public / unquote(target.path).lstrip("/")
            if not (path.is_file() or (path / "index.html").is_file()):
                missing.append((page.relative_to(public).as_posix(), href))
    return missing


def test_no_link_to_a_file_not_built(site: SiteDir) -> None:
    site.message("content/jobs/stellen.md", title="Zehn neue Stellen", extra="channels:\n  press: false\n")
    site.message("content/news/park.md", extra="tags: [Energie]\n")
    site.message("content/news/park.en.md", title="Park opens", extra="tags: [Energy]\n")
    result = site.hubgen("build")
    assert result.returncode == 0, result.stderr
    public = site.root / "public"
    assert not (public / "jobs/zehn-neue-stellen/press.txt").exists()
    assert "Pressemitteilung als Text" not in site.read("public/jobs/zehn-neue-stellen/index.html")
    assert "Pressemitteilung als Text" in site.read("public/news/solarpark-husum-eroeffnet/index.html")
    assert (public / "news/solarpark-husum-eroeffnet/press.txt").is_file()
    assert _missing(public) == []


def test_the_crawl_sees_a_missing_file(site: SiteDir) -> None:
    site.message("content/news/park.md")
    assert site.hubgen("build").returncode == 0
    (site.root / "public/news/solarpark-husum-eroeffnet/press.txt").unlink()
    assert _missing(site.root / "public") == [
        ("news/solarpark-husum-eroeffnet/index.html", "press.txt")]
