"""`hubgen build`."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, tzinfo
from pathlib import Path

from hubgen.cli.output import ProgressBar, print_problems
from hubgen.cli.site import site_root
from hubgen.cli.style import paint
from hubgen.pipeline.options import BuildOptions, BuildResult
from hubgen.pipeline.plan import plan_build

__all__ = ["add_parser"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "build", help="build public/ (the newsroom) and kit/ (the channel kit)",
        description="Build the deployable newsroom into public/ and the internal channel kit into"
                    " kit/. Nothing is replaced unless the whole build succeeds.")
    cmd.add_argument("-D", "--drafts", "--buildDrafts", action="store_true",
                     help="publish drafts too (for a private preview; don't deploy)")
    cmd.add_argument("-F", "--future", "--buildFuture", action="store_true",
                     help="publish messages dated or embargoed in the future (don't deploy)")
    cmd.add_argument("--out", type=Path, metavar="DIR",
                     help="public output folder inside the site (default: [site] output_dir)")
    cmd.add_argument("--public-only", action="store_true",
                     help="build public/ alone, leave kit/ as it is (a deploy needs no kit)")
    cmd.add_argument("--clean", action="store_true",
                     help="ignore the cache of earlier builds (.hubgen-cache/) and make everything anew")
    cmd.add_argument("--site", type=Path, metavar="DIR", help="the site folder (default: here)")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = site_root(args.site)
    options = BuildOptions(root, out=args.out.resolve() if args.out else None,
                           drafts=args.drafts, future=args.future, clean=args.clean,
                           public_only=args.public_only)
    plan = plan_build(options)
    result = plan.unchanged
    if result is None:
        # Imported only when there is work: the renderers take longer to import than an
        # unchanged site takes to check.
        from hubgen.pipeline.run import build

        progress = ProgressBar(enabled=None if not args.quiet else False)
        try:
            result = build(options, progress, plan)
        finally:
            progress.close()
    loudness = -1 if args.quiet else int(args.verbose)
    print_problems(result.warnings, loudness)
    if loudness >= 0:
        print(summary(result, plan.config.site.timezone if plan.config else None))
    return 0


def summary(result: BuildResult, zone: tzinfo | None) -> str:
    verb = "nothing changed since the last build:" if result.unchanged else "built"
    held = result.held
    line = (f"{verb} {result.published} of {result.messages} messages, {result.pages} pages,"
            f" {result.files} files in {result.seconds:.2f} s → {result.output.name}/\n"
            f"published {result.published}, drafts {held.drafts}, embargoed {held.embargoed}")
    if held.next_public:
        when = held.next_public.astimezone(zone) if zone else held.next_public
        line += f" (the next goes public {when:%Y-%m-%d %H:%M} {_zone_name(when)})"
    return paint(line, "ok", sys.stdout) if not result.warnings else line


def _zone_name(when: datetime) -> str:
    """CET or CEST where the zone has an abbreviation, else the offset (+05:30)."""
    name = when.tzname() or ""
    return name if name.isalpha() else when.strftime("%z")[:3] + ":" + when.strftime("%z")[3:]
