"""`hubgen COMMAND`: parse the command line, run the command, turn errors into exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from hubgen import __version__
from hubgen.cli import build_cmd, check_cmd, init_cmd, new_cmd, serve_cmd, snippets_cmd
from hubgen.cli.output import print_problems
from hubgen.errors import ProblemsError, UsageError

__all__ = ["main"]

COMMANDS: tuple[tuple[str, Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]], ...] = (
    ("init", init_cmd.add_parser),
    ("new", new_cmd.add_parser),
    ("check", check_cmd.add_parser),
    ("build", build_cmd.add_parser),
    ("serve", serve_cmd.add_parser),
    ("snippets", snippets_cmd.add_parser),
)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="hubgen",
        description="Write a message once; publish a newsroom and every channel's snippets.",
        epilog="Run 'hubgen COMMAND --help' for a command's options.",
    )
    top.add_argument("--version", action="version", version=f"hubgen {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for _, add in COMMANDS:
        add(commands)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        result: int = args.run(args)
        return result
    except ProblemsError as exc:
        print_problems(exc.problems)
        return 1
    except UsageError as exc:
        print(f"hubgen {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of hubgen, not of the input: say so, without a traceback
        if os.environ.get("HUBGEN_DEBUG"):
            raise
        print(f"hubgen {args.command}: internal error: {exc!r}"
              " (this is a bug in hubgen: rerun with HUBGEN_DEBUG=1 and report the traceback)",
              file=sys.stderr)
        return 70
