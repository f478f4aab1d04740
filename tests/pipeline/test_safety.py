"""hubgen writes only into output folders of its own, inside the site, apart from the sources."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CONFIG, SiteDir, run_hubgen

from hubgen.filetree import FileTree, safe_relative
from hubgen.pipeline.safety import MARKER


def everything(folder: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder (None) under `folder`: what a command may change."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def ready(site: SiteDir) -> SiteDir:
    site.message("content/news/a.md")
    site.write("static/logo.svg", "<svg/>")
    site.write("docs/notes.md", "Meine Notizen\n")
    return site


@pytest.mark.parametrize(("out", "problem"), [
    (".", "output folder {root} is outside the site or is the site itself"
          " (use a folder inside {root}, such as public)"),
    ("..", "output folder {tmp} is outside the site or is the site itself"
           " (use a folder inside {root}, such as public)"),
    ("{tmp}/elsewhere", "output folder {tmp}/elsewhere is outside the site or is the site itself"
                        " (use a folder inside {root}, such as public)"),
    ("content", "output folder {root}/content overlaps the sources in content"
                " (choose a folder of its own, such as public)"),
    ("content/news/out", "output folder {root}/content/news/out overlaps the sources in content"
                         " (choose a folder of its own, such as public)"),
    ("static", "output folder {root}/static overlaps the sources in static"
               " (choose a folder of its own, such as public)"),
    ("templates", "output folder {root}/templates overlaps the sources in templates"
                  " (choose a folder of its own, such as public)"),
    ("hubgen.toml", "output folder {root}/hubgen.toml overlaps the sources in hubgen.toml"
                    " (choose a folder of its own, such as public)"),
    ("docs", "{root}/docs exists and was not made by hubgen"
             " (move it away or choose another output folder)"),
    ("docs/notes.md", "{root}/docs/notes.md exists and was not made by hubgen"
                      " (move it away or choose another output folder)"),
    ("kit", "output folder {root}/kit overlaps the channel kit folder kit"
            " (choose a folder of its own, such as public)"),
    ("kit/public", "output folder {root}/kit/public overlaps the channel kit folder kit"
                   " (choose a folder of its own, such as public)"),
])
def test_refused_output_folders(ready: SiteDir, tmp_path: Path, out: str, problem: str) -> None:
    before = everything(tmp_path)
    result = run_hubgen(ready.root, "build", "--out", out.format(tmp=tmp_path))
    assert result.returncode == 2, result.stdout + result.stderr
    root = ready.root.resolve()
    assert result.stderr == f"hubgen build: error: {problem.format(root=root, tmp=tmp_path.resolve())}\n"
    assert "Traceback" not in result.stderr
    assert everything(tmp_path) == before  # nothing created, nothing deleted


def test_existing_public_folder_not_made_by_hubgen_is_refused(ready: SiteDir, tmp_path: Path) -> None:
    ready.write("public/index.html", "<p>Handgemacht</p>\n")
    before = everything(tmp_path)
    result = ready.hubgen("build")
    assert result.returncode == 2
    assert "public exists and was not made by hubgen" in result.stderr
    assert everything(tmp_path) == before


def test_output_folder_linking_outside_is_refused(ready: SiteDir, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (ready.root / "public").symlink_to(outside)
    before = everything(tmp_path)
    result = ready.hubgen("build")
    assert result.returncode == 2
    assert "/site/public is outside the site or is the site itself" in result.stderr
    assert everything(tmp_path) == before


def test_config_output_dir_on_the_sources_is_refused(make_site: Callable[[str], SiteDir],
                                                     tmp_path: Path) -> None:
    site = make_site(CONFIG.replace('timezone = "Europe/Berlin"\n',
                                    'timezone = "Europe/Berlin"\noutput_dir = "content"\n'))
    site.message("content/news/a.md")
    before = everything(tmp_path)
    result = site.hubgen("build")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "hubgen.toml:7: error: site.output_dir: 'content' is the folder of site.content_dir already"
        " (give each folder a name of its own)", "1 error"]
    assert everything(tmp_path) == before


def test_other_output_folders_are_fine(ready: SiteDir, tmp_path: Path) -> None:
    (ready.root / "empty").mkdir()
    for out in ("www", "empty", "build/site"):
        result = run_hubgen(ready.root, "build", "--out", out)
        assert result.returncode == 0, result.stderr
        assert (ready.root / out / "index.html").is_file()
        assert (ready.root / out / MARKER).is_file()
    assert ready.read("docs/notes.md") == "Meine Notizen\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_only_folders_made_by_hubgen_are_replaced(ready: SiteDir) -> None:
    assert run_hubgen(ready.root, "build").returncode == 0
    ready.write("public/stale.html", "alt")
    assert run_hubgen(ready.root, "build").returncode == 0
    assert not (ready.root / "public/stale.html").exists()  # hubgen's folder, replaced whole
    (ready.root / "public" / MARKER).unlink()
    result = ready.hubgen("build")
    assert result.returncode == 2  # without the marker it is someone else's folder now
    assert (ready.root / "public/index.html").is_file()


@pytest.mark.parametrize("path", ["/etc/passwd", "../x", "a/../../x", "a\\..\\x", "", "."])
def test_paths_leaving_an_output_folder_are_refused(path: str) -> None:
    with pytest.raises(ValueError, match="unsafe output path"):
        safe_relative(path)
    with pytest.raises(ValueError):
        FileTree().add_text(path, "x")


@pytest.mark.parametrize(("path", "clean"), [("a/b.html", "a/b.html"), ("./a//b", "a/b"),
                                             ("news/x/index.html", "news/x/index.html")])
def test_paths_inside_are_kept(path: str, clean: str) -> None:
    assert safe_relative(path) == clean
