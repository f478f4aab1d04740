"""`hubgen build`."""

from __future__ import annotations

import argparse
from pathlib import Path

from hubgen.cli.output import ProgressBar, print_problems
from hubgen.cli.site import site_root
from hubgen.pipeline.options import BuildOptions
from hubgen.pipeline.plan import plan_build

__all__ = ["add_parser"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "build", help="build public/ (the newsroom) and kit/ (the channel kit)",
        description="Build the deployable newsroom into public/ and the internal channel kit into"
                    " kit/. Nothing is replaced unless the whole build succeeds.")
    cmd.add_argument("--drafts", action="store_true",
                     help="publish drafts too (for a private preview; don't deploy)")
    cmd.add_argument("--future", action="store_true",
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

        progress = ProgressBar("building")
        try:
            result = build(options, progress, plan)
        finally:
            progress.close()
    print_problems(result.warnings)
    verb = "nothing changed since the last build:" if result.unchanged else "built"
    print(f"{verb} {result.published} of {result.messages} messages, {result.pages} pages,"
          f" {result.files} files in {result.seconds:.2f} s → {result.output.name}/")
    return 0
