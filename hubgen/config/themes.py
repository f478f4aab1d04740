"""Where a site's theme lives: `default` ships in the package, others are folders of the site."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the schema's checks find themes: a runtime import would be a cycle
    from hubgen.config.schema import Config

__all__ = ["BUILTIN_THEMES", "KIT_THEME", "find_theme", "link_boundary", "theme_folder"]

_PACKAGE = Path(__file__).resolve().parent.parent
# Installed from a wheel the themes are inside the package; in a checkout (and an editable
# install) they are the repository's top-level themes/.
BUILTIN_THEMES = next((p for p in (_PACKAGE / "themes", _PACKAGE.parent / "themes") if p.is_dir()),
                      _PACKAGE / "themes")
KIT_THEME = BUILTIN_THEMES / "_kit"


def find_theme(root: Path, name: str) -> Path | None:
    """The theme folder `name`: the site's own (`NAME` or `themes/NAME`), else the package's."""
    for folder in (root / name, root / "themes" / name, BUILTIN_THEMES / name):
        if folder.is_dir():
            return folder
    return None


def theme_folder(config: Config) -> Path:
    """`[site] theme` as a folder (checked to exist when the config was loaded)."""
    return find_theme(config.root, config.site.theme) or BUILTIN_THEMES / config.site.theme


def link_boundary(root: Path, path: Path) -> Path:
    """Where links at or under `path` may lead (resolved): into the site in `root`, or for the
    package's own themes, which are outside every site, into those themes."""
    return (BUILTIN_THEMES if path.is_relative_to(BUILTIN_THEMES) else root).resolve()
