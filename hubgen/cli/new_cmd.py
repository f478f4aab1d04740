"""`hubgen new TITLE`."""

from __future__ import annotations

import argparse
import re
from datetime import datetime
from pathlib import Path

from hubgen.cli.site import site_root
from hubgen.config import Config, load_config
from hubgen.content.placeholders import placeholders
from hubgen.content.site_loader import load_site
from hubgen.content.slug import SLUG_RE, slugify
from hubgen.errors import Report, UsageError

__all__ = ["add_parser"]

TEMPLATE = Path(__file__).resolve().parent.parent / "scaffold" / "message.md"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "new", help="create a message with every field stubbed",
        description="Create content/SECTION/SLUG.md with every front-matter field stubbed, as a"
                    " draft dated now. Prints the path of the new file.")
    cmd.add_argument("title", metavar="TITLE")
    cmd.add_argument("--lang", help="language of the message (default: the site's)")
    cmd.add_argument("--section", default="news", help="folder under content/ (default: news)")
    cmd.add_argument("--site", type=Path, metavar="DIR", help="the site folder (default: here)")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = site_root(args.site)
    report = Report()
    config = load_config(root, report)
    report.raise_if_errors()
    assert config is not None
    lang = args.lang or config.site.language
    if lang not in config.site.languages:
        raise UsageError(f"'{lang}' is not a language of this site"
                         f" (use one of {', '.join(config.site.languages)})")
    if not SLUG_RE.match(args.section):
        raise UsageError(f"'{args.section}' is not a section name (use e.g. news or jobs)")
    if re.search(r"[\x00-\x1f\x7f]", args.title):
        raise UsageError("the title has a line break or control character (write it on one line)")
    slug = slugify(args.title) or "message"
    suffix = "" if lang == config.site.language else f".{lang}"
    path = config.content_path / args.section / f"{slug}{suffix}.md"
    if path.exists():
        raise UsageError(f"{path.relative_to(root)} exists already (choose another title)")
    if taken := _taken(config, lang, args.section, slug):
        raise UsageError(f"the slug '{slug}' is already used by {taken} (choose another title)")
    now = datetime.now(config.site.timezone).replace(second=0, microsecond=0)
    stubs = placeholders(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.read_text(encoding="utf-8").format(
        title=_yaml_string(args.title), date=now.strftime("%Y-%m-%d %H:%M %z")[:-2] + ":" +
        now.strftime("%z")[-2:], lang=lang, slug=slug, contact=next(iter(config.contacts), ""),
        summary=_yaml_string(stubs["summary"]), key_message=_yaml_string(stubs["key_message"]),
        figure=_yaml_string(stubs["facts.figure"]), body=stubs["body"]),
        encoding="utf-8")
    print(path.relative_to(root))
    return 0


def _taken(config: Config, lang: str, section: str, slug: str) -> str | None:
    """The file whose page, or translation key, the new message would share: the name of the
    file says nothing, its slug may come from a title or a `slug:` line."""
    site = load_site(config, Report())  # broken files can't be asked; the build names them
    for message in site.messages:
        page = message.lang == lang and message.section == section and message.slug == slug
        if page or (message.lang == lang and message.translation_key == slug):
            return message.source.as_posix()
    return None


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
