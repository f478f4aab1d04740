"""`hubgen snippets SLUG`: a message's snippets, ready to copy."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from hubgen.cli.lookup import find_messages
from hubgen.cli.site import site_root
from hubgen.errors import Report, suggest
from hubgen.model import Snippet

__all__ = ["add_parser"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "snippets", help="print a message's snippets for copying",
        description="Print every snippet of MESSAGE (drafts and embargoed ones too),"
                    " each with its length against the platform's limit.")
    cmd.add_argument("slug", metavar="MESSAGE",
                     help="its slug, file (content/news/x.md, x.en.md, x) or translation key")
    cmd.add_argument("--channel", type=_channel, metavar="NAME", help="only this channel")
    cmd.add_argument("--platform", type=_platform, metavar="NAME", help="only this platform")
    cmd.add_argument("--lang", help="the version in this language (default: the site's, if the"
                                    " message has one)")
    cmd.add_argument("--json", action="store_true", help="print JSON (as in kit/snippets.json)")
    cmd.add_argument("--site", type=Path, metavar="DIR", help="the site folder (default: here)")
    cmd.set_defaults(run=run)


# Checked when given, not listed as choices: the registries import every channel, which
# `hubgen --help` and a build with nothing to do should not wait for.
def _channel(name: str) -> str:
    from hubgen.channels.registry import CHANNELS

    return _registered(name, [c.name for c in CHANNELS])


def _platform(name: str) -> str:
    from hubgen.channels.platforms import PLATFORMS

    return _registered(name, list(PLATFORMS))


def _registered(name: str, known: list[str]) -> str:
    if name not in known:  # worded as argparse words a wrong choice
        fix = suggest(name, known, "choose from " + ", ".join(known))
        raise argparse.ArgumentTypeError(f"invalid choice: '{name}' ({fix})")
    return name


def run(args: argparse.Namespace) -> int:
    # Imported here, not above: the CLI imports every command to list them in --help.
    from hubgen.channels import message_snippets
    from hubgen.pipeline.run import load

    report = Report()
    root = site_root(args.site)
    site = load(root, report)
    messages = find_messages(site, args.slug, args.lang, root)
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
