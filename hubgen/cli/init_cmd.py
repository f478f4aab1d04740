"""`hubgen init DIR`."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from hubgen.errors import UsageError

__all__ = ["add_parser"]

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold" / "site"
GITIGNORE = "# hubgen output: public/ is deployed from CI, kit/ is internal\npublic/\nkit/\n.hubgen-cache/\n"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "init", help="create a new site with an example message",
        description="Create a working site in DIR: hubgen.toml, content/ with one example"
                    " message, static/. DIR must not exist or be empty.")
    cmd.add_argument("dir", type=Path, metavar="DIR")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    target: Path = args.dir
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} exists and is not empty (choose a new folder)")
    shutil.copytree(SCAFFOLD, target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", ".keep"))
    (target / "static").mkdir(exist_ok=True)
    (target / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    if not args.quiet:
        print(f"created {target}/ — next: cd {target} && hubgen serve")
    return 0
