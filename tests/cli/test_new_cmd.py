"""`hubgen new` never makes a message that can't build: a slug taken by any file is refused."""

from __future__ import annotations

import pytest
from conftest import SiteDir


@pytest.mark.parametrize(("other", "front", "args"), [
    # The other file's name says nothing: its slug comes from a slug: line or from its title.
    ("content/news/alt.md", "slug: solarpark-husum\n", ()),
    ("content/news/alt.md", "", ()),
    ("content/news/alt.en.md", "", ("--lang", "en")),
    # The scaffold writes translation_key: SLUG; another message may have it already.
    ("content/jobs/alt.md", "slug: other\ntranslation_key: solarpark-husum\n", ()),
])
def test_new_refuses_a_slug_taken_by_another_file(site: SiteDir, other: str, front: str,
                                                   args: tuple[str, ...]) -> None:
    site.message(other, title="Solarpark Husum", extra=front)
    result = site.hubgen("new", "Solarpark Husum", *args)
    assert (result.returncode, result.stderr) == (
        2, f"hubgen new: error: the slug 'solarpark-husum' is already used by {other}"
           " (choose another title)\n")
    assert sorted(p.name for p in site.root.rglob("*.md")) == [other.rsplit("/", 1)[1]]


@pytest.mark.parametrize("args", [("--section", "jobs"), ("--lang", "en")])
def test_the_same_slug_elsewhere_is_free(site: SiteDir, args: tuple[str, ...]) -> None:
    site.message("content/news/alt.md", title="Solarpark Husum", extra="translation_key: husum\n")
    result = site.hubgen("new", "Solarpark Husum", *args)
    assert result.returncode == 0, result.stderr
    assert site.hubgen("check").returncode == 0


def test_new_refuses_control_characters_in_the_title(site: SiteDir) -> None:
    result = site.hubgen("new", "Zeile\neins")
    assert (result.returncode, result.stderr) == (
        2, "hubgen new: error: the title has a line break or control character (write it on one line)\n")
    assert list((site.root / "content").iterdir()) == []
