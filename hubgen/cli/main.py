"""`hubgen COMMAND`: parse the command line, run the command, turn errors into exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from hubgen import __version__
from hubgen.cli import (
    build_cmd,
    check_cmd,
    completion_cmd,
    init_cmd,
    new_cmd,
    serve_cmd,
    snippets_cmd,
)
from hubgen.cli.output import print_problems
from hubgen.cli.parser import Parser, unknown_options, usage_error
from hubgen.errors import ProblemsError, UsageError

__all__ = ["main", "parser"]

COMMANDS: tuple[tuple[str, Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]], ...] = (
    ("init", init_cmd.add_parser),
    ("new", new_cmd.add_parser),
    ("check", check_cmd.add_parser),
    ("build", build_cmd.add_parser),
    ("serve", serve_cmd.add_parser),
    ("snippets", snippets_cmd.add_parser),
    ("completion", completion_cmd.add_parser),
)


def parser() -> argparse.ArgumentParser:
    top = Parser(
        prog="hubgen",
        description="Write a message once; publish a newsroom and every channel's snippets.",
        epilog="Run 'hubgen COMMAND --help' for a command's options.",
    )
    top.add_argument("--version", action="version", version=f"hubgen {__version__}")
    # Also before the command (`hubgen -q build`), under names of their own: a command's
    # defaults would overwrite the same names given before it.
    loud = top.add_mutually_exclusive_group()
    loud.add_argument("-v", "--verbose", dest="all_verbose", action="store_true", help="as COMMAND -v")
    loud.add_argument("-q", "--quiet", dest="all_quiet", action="store_true", help="as COMMAND -q")
    commands: argparse._SubParsersAction[argparse.ArgumentParser] = top.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=Parser)
    for _, add in COMMANDS:
        add(commands)
    for name, command in commands.choices.items():
        if name != "completion":
            loudness = command.add_mutually_exclusive_group()
            loudness.add_argument("-v", "--verbose", action="store_true",
                                  help="print every warning, not the first few of each kind")
            loudness.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    top = parser()
    args, extras = top.parse_known_args(argv)
    if hasattr(args, "verbose"):
        args.verbose, args.quiet = args.verbose or args.all_verbose, args.quiet or args.all_quiet
        if args.verbose and args.quiet:
            _commands(top)[args.command].error("-v and -q exclude each other")
    if extras:  # reported by the command's own parser: its usage, and what was meant
        command = _commands(top)[args.command]
        command.error(unknown_options(command, extras))
    try:
        result: int = args.run(args)
        return result
    except ProblemsError as exc:
        print_problems(exc.problems, _loudness(args))
        return 1
    except UsageError as exc:
        sys.stderr.write(usage_error(f"hubgen {args.command}", str(exc)))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `hubgen build | head -1`: the reader has gone, nothing to say
        # As the Python docs advise (signal, "Note on SIGPIPE"): exiting would flush stdout
        # into the closed pipe again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # a bug of hubgen, not of the input: say so, without a traceback
        if os.environ.get("HUBGEN_DEBUG"):
            raise
        sys.stderr.write(usage_error(
            f"hubgen {args.command}", f"internal error: {exc!r} (this is a bug in hubgen: rerun"
                                      " with HUBGEN_DEBUG=1 and report the traceback)"))
        return 70


def _commands(top: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(dict(a.choices) for a in top._actions
                if isinstance(a, argparse._SubParsersAction))


def _loudness(args: argparse.Namespace) -> int:
    """-1 quiet, 0 normal, 1 verbose."""
    return -1 if getattr(args, "quiet", False) else int(getattr(args, "verbose", False))
