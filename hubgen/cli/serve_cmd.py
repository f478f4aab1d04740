"""`hubgen serve`."""

from __future__ import annotations

import argparse
from pathlib import Path

from hubgen.cli.parser import address, port
from hubgen.cli.site import site_root
from hubgen.pipeline.options import BuildOptions

__all__ = ["add_parser"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "serve", help="preview the newsroom and the channel kit with live reload",
        description="Build in memory and serve the newsroom at / and the channel kit at /_kit/."
                    " Every saved change rebuilds and reloads the open browser tabs; a broken"
                    " file shows its error in the browser until it is fixed.")
    cmd.add_argument("--bind", "--host", dest="host", default="127.0.0.1", type=address,
                     metavar="ADDRESS",
                     help="address to listen on (default: 127.0.0.1, this machine only); the"
                          " preview answers only requests for this address or localhost")
    cmd.add_argument("-p", "--port", type=port, default=8000, help="port (default: 8000)")
    cmd.add_argument("--open", action="store_true", help="open the newsroom in a browser")
    cmd.add_argument("-D", "--drafts", "--buildDrafts", action="store_true",
                     help="show drafts on the newsroom too")
    cmd.add_argument("-F", "--future", "--buildFuture", action="store_true",
                     help="show messages dated or embargoed in the future too")
    cmd.add_argument("--as-published", action="store_true",
                     help="show only what a deploy would publish (no drafts, nothing embargoed;"
                          " --drafts and --future add them back); by default the preview shows"
                          " every message, the unpublished ones marked")
    cmd.add_argument("--site", type=Path, metavar="DIR", help="the site folder (default: here)")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from hubgen.serve import serve  # heavy: only for this command

    root = site_root(args.site)
    # A private preview shows what is being written: drafts and embargoed messages, marked.
    shown = args.as_published
    serve(BuildOptions(root, drafts=args.drafts or not shown, future=args.future or not shown),
          host=args.host, port=args.port, open_browser=args.open)
    return 0
