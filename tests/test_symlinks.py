"""One rule for links in content/, static/, images, templates and themes: a link that leads out
of the site fails the build with `path: symlink: ...` and writes nothing; one inside is fine."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CONFIG, SiteDir, assert_problems, run_hubgen, snapshot

from hubgen.config.themes import BUILTIN_THEMES
from hubgen.symlinks import FIX, list_files


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the site with a file, a message and an image no site holds."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text("private\n", encoding="utf-8")
    (folder / "secret.md").write_text("---\ntitle: Geheim\ndate: 2026-03-12\nsummary: Geheim.\n"
                                      "slug: geheim\n---\nGeheim.\n", encoding="utf-8")
    (folder / "secret.svg").write_text("<svg/>", encoding="utf-8")
    (folder / "secret.html").write_text("private {{ 1 }}", encoding="utf-8")
    return folder


def link(site: SiteDir, relative: str, target: Path | str) -> Path:
    path = site.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    return path


def with_image(site: SiteDir, image: str) -> None:
    site.message("content/news/bild.md", title="Mit Bild",
                 extra=f"slug: bild\nimage: {image}\nimage_alt: Ein Bild")


def own_theme(site: SiteDir) -> None:
    shutil.copytree(BUILTIN_THEMES / "default", site.root / "themes/mine")
    (site.root / "hubgen.toml").write_text(CONFIG.replace("[site]\n", '[site]\ntheme = "mine"\n'),
                                           encoding="utf-8")


# name: (make the link, given the folder outside; the link as the error names it; its target)
REFUSED: dict[str, tuple[Callable[[SiteDir, Path], object], str, str]] = {
    "static file": (lambda s, o: link(s, "static/leak.txt", o / "secret.txt"),
                    "static/leak.txt", "secret.txt"),
    "static folder inside": (lambda s, o: link(s, "static/private", o), "static/private", ""),
    "static folder": (lambda s, o: link(s, "static", o), "static", ""),
    "dangling": (lambda s, o: link(s, "static/gone.txt", o / "gone.txt"), "static/gone.txt",
                 "gone.txt"),
    "message file": (lambda s, o: link(s, "content/news/geheim.md", o / "secret.md"),
                     "content/news/geheim.md", "secret.md"),
    "content folder": (lambda s, o: link(s, "content/intern", o), "content/intern", ""),
    "image": (lambda s, o: (link(s, "content/media/bild.svg", o / "secret.svg"),
                            with_image(s, "media/bild.svg")), "content/media/bild.svg", "secret.svg"),
    "image in a hidden folder": (lambda s, o: (link(s, "content/.media/bild.svg", o / "secret.svg"),
                                               with_image(s, ".media/bild.svg")),
                                 "content/.media/bild.svg", "secret.svg"),
    "template": (lambda s, o: link(s, "templates/message.html", o / "secret.html"),
                 "templates/message.html", "secret.html"),
    "theme static file": (lambda s, o: (own_theme(s), link(s, "themes/mine/static/x.css",
                                                           o / "secret.txt")),
                          "themes/mine/static/x.css", "secret.txt"),
    "theme template": (lambda s, o: (own_theme(s), link(s, "themes/mine/partial.html",
                                                        o / "secret.html")),
                       "themes/mine/partial.html", "secret.html"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_link_out_of_the_site_fails_the_build(site: SiteDir, outside: Path, case: str) -> None:
    make, shown, target = REFUSED[case]
    site.message("content/news/solar.md", extra="slug: solar")
    make(site, outside)
    result = run_hubgen(site.root, "build")
    assert_problems(result, f"{shown}: symlink: leads to {(outside / target).resolve()},"
                            f" outside the site ({FIX})")
    assert not (site.root / "public").exists() and not (site.root / "kit").exists()


def test_a_link_out_added_after_a_build_leaves_the_output_as_it_was(site: SiteDir,
                                                                    outside: Path) -> None:
    site.message("content/news/solar.md", extra="slug: solar")
    assert run_hubgen(site.root, "build").returncode == 0
    before = snapshot(site.root / "public")
    link(site, "static/leak.txt", outside / "secret.txt")
    assert run_hubgen(site.root, "build").returncode == 1
    assert snapshot(site.root / "public") == before


def test_links_inside_the_site_are_read_like_their_files(site: SiteDir) -> None:
    site.write("shared/notes.txt", "geteilt\n")
    site.write("static/logo.svg", "<svg/>")
    site.message("drafts/solar.md", extra="slug: solar\nimage: media/logo.svg\nimage_alt: Logo")
    link(site, "content/news/solar.md", "../../drafts/solar.md")
    link(site, "content/media/logo.svg", "../../static/logo.svg")
    link(site, "static/notes.txt", "../shared/notes.txt")
    link(site, "static/shared", "../shared")  # a folder: not followed, and no problem
    result = run_hubgen(site.root, "build")
    assert result.returncode == 0, result.stderr
    public = snapshot(site.root / "public")
    assert public["notes.txt"] == b"geteilt\n" and public["media/logo.svg"] == b"<svg/>"
    assert b"Solarpark Husum" in public["news/solar/index.html"]
    assert not any(path.startswith("shared/") for path in public)


def test_the_listing_reads_only_links(site: SiteDir, outside: Path) -> None:
    site.write("static/a.txt", "a")
    site.write("static/.hidden/b.txt", "b")
    link(site, "static/inside.txt", "a.txt")
    link(site, "static/dangling.txt", "nowhere.txt")  # inside the site, but no file: left out
    link(site, "static/out.txt", outside / "secret.txt")
    listing = list_files(site.root / "static", site.root.resolve())
    static = site.root / "static"
    assert listing.files == [static / ".hidden/b.txt", static / "a.txt", static / "inside.txt"]
    assert listing.visible(static) == [static / "a.txt", static / "inside.txt"]
    assert listing.outside == [(static / "out.txt", (outside / "secret.txt").resolve())]
