"""Shared by the check tests: every problem of a site, as `hubgen check` prints it."""

from __future__ import annotations

from conftest import SiteDir

from hubgen.cli.check_cmd import site_problems

__all__ = ["problems"]


def problems(site: SiteDir) -> list[str]:
    return [str(problem) for problem in site_problems(site.root)]
