"""Where a site's theme lives: `default` ships in the package, others are folders of the site."""

from __future__ import annotations

from pathlib import Path

from hubgen.config.schema import Config

__all__ = ["BUILTIN_THEMES", "KIT_THEME", "link_boundary", "theme_folder"]

_PACKAGE = Path(__file__).resolve().parent.parent
# Installed from a wheel the themes are inside the package; in a checkout (and an editable
# install) they are the repository's top-level themes/.
BUILTIN_THEMES = next((p for p in (_PACKAGE / "themes", _PACKAGE.parent / "themes") if p.is_dir()),
                      _PACKAGE / "themes")
KIT_THEME = BUILTIN_THEMES / "_kit"


def theme_folder(config: Config) -> Path:
    """`[site] theme` as a folder: the site's own (`NAME` or `themes/NAME`), else the package's."""
    name = config.site.theme
    local = config.root / name
    if local.is_dir():
        return local
    if (config.root / "themes" / name).is_dir():
        return config.root / "themes" / name
    return BUILTIN_THEMES / name


def link_boundary(root: Path, path: Path) -> Path:
    """Where links at or under `path` may lead (resolved): into the site in `root`, or for the
    package's own themes, which are outside every site, into those themes."""
    return (BUILTIN_THEMES if path.is_relative_to(BUILTIN_THEMES) else root).resolve()
