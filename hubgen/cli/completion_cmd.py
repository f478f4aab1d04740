"""`hubgen completion SHELL`."""

from __future__ import annotations

import argparse

from hubgen.cli.completion import SHELLS, script

__all__ = ["add_parser"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "completion", help="print a shell completion script (bash, zsh, fish)",
        description="Print the completion script for SHELL. bash: source <(hubgen completion"
                    " bash), e.g. in ~/.bashrc; zsh: source <(hubgen completion zsh) in ~/.zshrc;"
                    " fish: hubgen completion fish > ~/.config/fish/completions/hubgen.fish")
    cmd.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or fish")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from hubgen.cli.main import parser  # the tree the script is written from; main imports us

    print(script(args.shell, parser()), end="")
    return 0
