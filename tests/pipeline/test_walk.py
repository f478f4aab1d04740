"""Reading a folder tree on all cores finds what os.walk finds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hubgen.pipeline import walk as walking
from hubgen.pipeline.walk import walk


def tree(root: Path, count: int) -> None:
    for n in range(count):
        folder = root / f"s/{n:05}"
        (folder / "deep").mkdir(parents=True)
        (folder / "index.html").write_text(str(n))
        (folder / "deep/.hidden").write_text("x" * (n % 7))
    (root / "s/00001/link").symlink_to(root / "s/00002")
    (root / "s/00003/dangling").symlink_to(root / "nowhere")


def os_walk(root: Path) -> tuple[list[str], list[str]]:
    files, folders = [], []
    for at, names, plain in os.walk(root):
        folders += [f"{at}/{name}" for name in names if not os.path.islink(f"{at}/{name}")]
        files += [f"{at}/{name}\0link" for name in names if os.path.islink(f"{at}/{name}")]
        for name in plain:
            info = os.lstat(f"{at}/{name}")
            files.append(f"{at}/{name}\0{info.st_size}\0{info.st_mtime_ns}")
    return sorted(files), sorted(folders)


def test_a_walk_spread_over_the_cores_finds_what_os_walk_finds(tmp_path: Path) -> None:
    """More folders than `walk` reads alone: the rest is read in slices by workers."""
    tree(tmp_path, walking._SPREAD + 300)
    files, folders = walk(str(tmp_path))
    expected_files, expected_folders = os_walk(tmp_path)
    dangling = [f for f in expected_files if "/dangling\0" in f]
    assert sorted(files) == sorted(set(expected_files) - set(dangling))  # a dangling link: skipped
    assert sorted(folders) == expected_folders
    names, _ = walk(str(tmp_path), stat=False)  # without stat, a dangling link is a name too
    assert sorted(names) == sorted(f if f.endswith("\0link") else f.split("\0")[0]
                                   for f in expected_files)


def test_a_small_tree_is_read_here(tmp_path: Path) -> None:
    tree(tmp_path, 5)
    files, folders = walk(str(tmp_path))
    assert len(folders) == 1 + 5 * 2 and len(files) == 5 * 2 + 1
    assert walk(str(tmp_path / "missing")) == ([], [])


def test_with_links_a_link_to_a_file_is_a_link_not_the_file(tmp_path: Path) -> None:
    """The write must not take a link for the file it leads to, whose size and time match."""
    tree(tmp_path, 5)
    (tmp_path / "s/00000/copy.html").symlink_to(tmp_path / "s/00000/index.html")
    for stat in (True, False):
        files, _ = walk(str(tmp_path), stat, links=True)
        assert f"{tmp_path}/s/00000/copy.html\0link" in files
        assert f"{tmp_path}/s/00003/dangling\0link" in files
    followed, _ = walk(str(tmp_path))
    info = os.stat(tmp_path / "s/00000/index.html")
    assert f"{tmp_path}/s/00000/copy.html\0{info.st_size}\0{info.st_mtime_ns}" in followed


def test_folders_a_worker_has_no_time_for_are_spread_again(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A slice whose folders hold thousands (a language's messages in the kit) is not left to
    one worker: it reads `_BUDGET` folders and gives the rest back, for another round."""
    monkeypatch.setattr(walking, "_SPREAD", 2)
    monkeypatch.setattr(walking, "_BUDGET", 3)
    rounds = []
    below = walking._walk_below
    monkeypatch.setattr(walking, "_walk_below",
                        lambda how, folders: rounds.append(folders) or below(how, folders))
    tree(tmp_path, 40)
    files, folders = walk(str(tmp_path))
    expected_files, expected_folders = os_walk(tmp_path)
    assert sorted(folders) == expected_folders
    assert sorted(files) == sorted(f for f in expected_files if "/dangling\0" not in f)
    assert len(rounds) > 40 * 2 // 3  # every slice read at most three folders
