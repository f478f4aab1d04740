"""`hubgen snippets SLUG`: a message's snippets, ready to copy."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from hubgen.cli.site import site_root
from hubgen.errors import Report, UsageError
from hubgen.model import Snippet

__all__ = ["add_parser"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "snippets", help="print a message's snippets for copying",
        description="Print every snippet of the message SLUG (drafts and embargoed ones too),"
                    " each with its length against the platform's limit.")
    cmd.add_argument("slug", metavar="SLUG")
    cmd.add_argument("--channel", help="only this channel")
    cmd.add_argument("--platform", help="only this platform")
    cmd.add_argument("--lang", help="only the version in this language")
    cmd.add_argument("--json", action="store_true", help="print JSON (as in kit/snippets.json)")
    cmd.add_argument("--site", type=Path, metavar="DIR", help="the site folder (default: here)")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here, not above: the CLI imports every command to list them in --help.
    from hubgen.channels import CHANNELS, message_snippets
    from hubgen.channels.platforms import PLATFORMS
    from hubgen.pipeline.run import load

    choices: list[tuple[str, str | None, list[str]]] = [
        ("--channel", args.channel, list(CHANNELS)), ("--platform", args.platform, list(PLATFORMS))]
    for option, value, names in choices:
        if value is not None and value not in names:
            raise UsageError(f"{option}: invalid choice: '{value}' (choose from {', '.join(names)})")
    report = Report()
    site = load(site_root(args.site), report)
    messages = [m for m in site.messages
                if m.slug == args.slug and (args.lang is None or m.lang == args.lang)]
    if not messages:
        known = ", ".join(sorted({m.slug for m in site.messages})[:20])
        raise UsageError(f"no message with slug '{args.slug}' (slugs: {known})")
    snippets = [s for m in messages for s in message_snippets(site, m, report)
                if (args.channel is None or s.channel == args.channel)
                and (args.platform is None or s.platform == args.platform)]
    report.raise_if_errors()
    if args.json:
        print(json.dumps([s.to_json() for s in snippets], ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(_block(s) for s in snippets))
    return 0 if all(s.ok for s in snippets) else 1


def _block(snippet: Snippet) -> str:
    limit = f"/{snippet.limit}" if snippet.limit else ""
    flag = "" if snippet.ok else "  OVER LIMIT"
    head = f"── {snippet.lang} {snippet.name}: {snippet.length}{limit} {snippet.unit}{flag} ──"
    return f"{head}\n{snippet.text.rstrip()}"
