"""Finding the site a command works on."""

from __future__ import annotations

from pathlib import Path

from hubgen.config import CONFIG_FILE
from hubgen.errors import UsageError

__all__ = ["site_root"]


def site_root(given: Path | None) -> Path:
    """The given folder, or the nearest folder upwards from here holding hubgen.toml."""
    if given is not None:
        if not (given / CONFIG_FILE).is_file():
            raise UsageError(f"no {CONFIG_FILE} in {given} (create a site with 'hubgen init DIR')")
        return given.resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise UsageError(f"no {CONFIG_FILE} here or above (cd into a site, or 'hubgen init DIR')")
