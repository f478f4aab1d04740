"""Where a build may write: only folders inside the site that hold no sources."""

from __future__ import annotations

from pathlib import Path

from hubgen.config import Config
from hubgen.errors import UsageError

__all__ = ["MARKER", "check_apart", "check_output_folder"]

MARKER = ".hubgen-output"
"""File in every output folder: hubgen only ever replaces folders that carry it."""


def check_output_folder(config: Config, folder: Path) -> Path:
    """The resolved folder, or UsageError if writing there could touch anything else."""
    root = config.root.resolve()
    target = folder.resolve()
    if not target.is_relative_to(root) or target == root:
        raise UsageError(f"output folder {folder} is outside the site or is the site itself"
                         f" (use a folder inside {root}, such as public)")
    # The config refuses folder names that overlap (hubgen/config/checks.py); this checks
    # where they, `--out` and any links in between really lead.
    for source in config.sources:
        source = source.resolve()
        if source.is_relative_to(target) or target.is_relative_to(source):
            raise UsageError(f"output folder {folder} overlaps the sources in {source.name}"
                             " (choose a folder of its own, such as public)")
    if target.exists() and (not target.is_dir() or (any(target.iterdir())
                                                    and not (target / MARKER).is_file())):
        raise UsageError(f"{folder} exists and was not made by hubgen"
                         " (move it away or choose another output folder)")
    return target


def check_apart(public: Path, kit: Path) -> None:
    """UsageError if one output folder would hold (and so replace) the other."""
    if public.is_relative_to(kit) or kit.is_relative_to(public):
        raise UsageError(f"output folder {public} overlaps the channel kit folder {kit.name}"
                         " (choose a folder of its own, such as public)")
