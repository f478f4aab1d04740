"""What a build is asked to do, and what it reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from hubgen.errors import Problem

__all__ = ["BuildOptions", "BuildResult", "Held"]


@dataclass(frozen=True)
class BuildOptions:
    root: Path
    out: Path | None = None
    drafts: bool = False
    """Publish drafts too (for a private preview; never deploy such a build)."""
    future: bool = False
    """Publish messages whose date or embargo lies in the future (same warning)."""
    now: datetime | None = None
    clean: bool = False
    """Ignore what earlier builds left in .hubgen-cache/ and make everything anew."""
    public_only: bool = False
    """Build public/ alone and leave kit/ as it is: a deploy needs no channel kit."""


@dataclass(frozen=True)
class Held:
    """What a build leaves out of public/: drafts, and messages embargoed or dated later."""

    drafts: int = 0
    embargoed: int = 0
    next_public: datetime | None = None
    """When the first embargoed one goes public, in the site's time zone."""


@dataclass(frozen=True)
class BuildResult:
    messages: int
    published: int
    pages: int
    files: int
    seconds: float
    output: Path
    warnings: list[Problem] = field(default_factory=list)
    unchanged: bool = False
    """Nothing changed since the last build: the output folders were left as they were."""
    held: Held = field(default_factory=Held)
