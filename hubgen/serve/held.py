"""Which message a previewed path belongs to: the warnings panel shows that message's
warnings, and the preview's 404 says why a held-back message's page is missing."""

from __future__ import annotations

from datetime import datetime

from hubgen.model import Site
from hubgen.newsroom.status import held_back
from hubgen.paths import page_file, site_paths
from hubgen.pipeline.run import BuildOptions, publishable

__all__ = ["explain_missing", "held_back_paths", "page_sources"]


def page_sources(site: Site, options: BuildOptions, now: datetime) -> dict[str, str]:
    """The newsroom page file of each message shown (`news/x/index.html`) → its source, as
    problems name it."""
    paths, shown = site_paths(site.config), publishable(options, now)
    return {page_file(paths.message(m)): m.source.as_posix() for m in site.messages if shown(m)}


def held_back_paths(site: Site, options: BuildOptions, now: datetime) -> dict[str, str]:
    """The folder of each message left out (`news/x/`) → why, in the message's language."""
    paths, shown = site_paths(site.config), publishable(options, now)
    return {paths.message(m): held_back(m, now, site.local(m.publish_at))
            for m in site.messages if not shown(m)}


def explain_missing(held: dict[str, str], path: str) -> str:
    """Why the public `path` (`news/x/press.txt`) is missing, if a held-back message has it."""
    if found := held.get(path.rstrip("/") + "/"):  # `news/x`, before its redirect to `news/x/`
        return found
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    while folder:
        if folder in held:
            return held[folder]
        folder = folder[:-1].rsplit("/", 1)[0] + "/" if "/" in folder[:-1] else ""
    return ""
