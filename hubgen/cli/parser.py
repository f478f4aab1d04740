"""argparse as a Hugo or MkDocs user expects it: each command's own usage on a usage error,
an `error:` tag, "did you mean" for a misspelt command or option, values checked as they are
read (a port is 1–65535), never an internal error for a typo."""

from __future__ import annotations

import argparse
import difflib
import ipaddress
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from hubgen.cli.style import paint

__all__ = ["Parser", "address", "port", "unknown_options", "usage_error"]

_HOSTNAME = re.compile(r"(?=.{1,253}\Z)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?")
"""RFC 1123 host names."""


def usage_error(prog: str, message: str) -> str:
    return f"{prog}: {paint('error:', 'error', sys.stderr)} {message}\n"


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, usage_error(self.prog, self._reworded(message)))

    def _reworded(self, message: str) -> str:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and action.choices:
                found = re.match(r"argument [A-Z]+: invalid choice: '(.*)' \(choose from", message)
                if found:
                    known = list(action.choices)
                    close = difflib.get_close_matches(found[1], known, n=1)
                    fix = f"did you mean '{close[0]}'?" if close else "choose from " + ", ".join(known)
                    return f"unknown command '{found[1]}' ({fix})"
        return message


def unknown_options(parser: argparse.ArgumentParser, extras: Sequence[str]) -> str:
    """argparse's "unrecognized arguments" with the option each misspelt one was meant to be."""
    known = [o for action in parser._actions for o in action.option_strings if o.startswith("--")]
    hints = []
    for extra in extras:
        if extra.startswith("--"):
            close = difflib.get_close_matches(extra.split("=", 1)[0], known, n=1)
            hints += [f"did you mean {close[0]}?"] if close else []
    hint = f" ({'; '.join(hints)})" if hints else ""
    return f"unrecognized arguments: {' '.join(extras)}{hint}"


def port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (1–65535)")
    return int(text)


def address(text: str) -> str:
    """An IP address or a host name to listen on."""
    try:
        ipaddress.ip_address(text.strip("[]"))
        return text.strip("[]")
    except ValueError:
        pass
    if not _HOSTNAME.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not an address (e.g. 127.0.0.1, ::1, localhost or 0.0.0.0)")
    return text
