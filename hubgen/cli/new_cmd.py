"""`hubgen new TITLE`, and `hubgen new --translation-of FILE --lang L`."""

from __future__ import annotations

import argparse
import re
from datetime import datetime
from pathlib import Path

from hubgen.cli.archetypes import archetype, fill
from hubgen.cli.site import site_root
from hubgen.config import Config, load_config
from hubgen.content.frontmatter import FrontMatterError, parse_front_matter
from hubgen.content.site_loader import load_site
from hubgen.content.slug import SLUG_RE, slugify
from hubgen.errors import Report, UsageError, suggest

__all__ = ["add_parser"]

CAREERS = ("karriere", "careers", "jobs", "recruiting", "hr")
"""Contacts a job ad names before the press office, if the site has one."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = commands.add_parser(
        "new", help="create a message from its section's template",
        description="Create content/SECTION/SLUG.md from the section's archetype (the site's"
                    " archetypes/SECTION.md or archetypes/default.md, else hubgen's own in the"
                    " message's language), as a draft dated now. With --translation-of, the"
                    " linked version of a message in --lang. Prints the path of the new file.")
    cmd.add_argument("title", metavar="TITLE", nargs="?", help="the title (not with --translation-of)")
    cmd.add_argument("--lang", help="language of the message (default: the site's)")
    cmd.add_argument("--section", default="news", help="folder under content/ (default: news)")
    cmd.add_argument("--translation-of", type=Path, metavar="FILE",
                     help="the message to translate: copies its facts, dates and structure")
    cmd.add_argument("--site", type=Path, metavar="DIR", help="the site folder (default: here)")
    cmd.set_defaults(run=run, parser=cmd)


def run(args: argparse.Namespace) -> int:
    if (args.title is None) == (args.translation_of is None):
        args.parser.error(
            "the following arguments are required: TITLE (or --translation-of FILE)"
            if args.title is None else
            "give a TITLE or --translation-of, not both (a translation starts from the original's title)")
    root = site_root(args.site)
    report = Report()
    config = load_config(root, report)
    report.raise_if_errors()
    assert config is not None
    lang = args.lang or config.site.language
    if lang not in config.site.languages:
        languages = list(config.site.languages)
        raise UsageError(f"'{lang}' is not a language of this site"
                         f" ({suggest(lang, languages, 'use one of ' + ', '.join(languages))})")
    if args.translation_of is not None:
        return _translate(root, config, args.translation_of, lang)
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
    template = archetype(root, args.section, lang)
    shown = template.relative_to(root).as_posix() if template.is_relative_to(root) else template.name
    values = {"title": _yaml_string(args.title), "date": f"{now:%Y-%m-%d %H:%M} {_offset(now)}",
              "lang": lang, "slug": slug, "section": args.section,
              "contact": _contact(config, args.section),
              "recruiting_url": _yaml_string(config.channels.recruiting_url or "https://")}
    text = fill(template.read_text(encoding="utf-8"), values, lang, shown)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(path.relative_to(root))
    return 0


def _translate(root: Path, config: Config, given: Path, lang: str) -> int:
    from hubgen.cli.translation import translation

    source = (Path.cwd() / given).resolve()
    if not source.is_file():
        source = (root / given).resolve()
    site = load_site(config, Report())
    original = next((m for m in site.messages if (root / m.source).resolve() == source), None)
    if original is None:
        known = [m.source.as_posix() for m in site.messages]
        raise UsageError(f"{given} is not a message of this site"
                         f" ({suggest(given.as_posix(), known, 'give its file under content/')})")
    versions = {m.lang: m for m in site.versions(original)}
    if lang in versions:
        raise UsageError(f"{original.source.as_posix()} has a version in '{lang}' already:"
                         f" {versions[lang].source.as_posix()}")
    stem = original.source.name.removesuffix(".md").removesuffix(f".{original.lang}")
    suffix = "" if lang == config.site.language else f".{lang}"
    path = root / original.source.parent / f"{stem}{suffix}.md"
    if path.exists():
        raise UsageError(f"{path.relative_to(root)} exists already (move it away, or give its"
                         f" translation_key: {original.translation_key})")
    try:
        front = parse_front_matter((root / original.source).read_text(encoding="utf-8"))
    except FrontMatterError as exc:
        raise UsageError(f"{original.source.as_posix()}:{exc.line}: {exc.message} (fix it first)") from None
    path.write_text(translation(original, front.data, front.body, lang), encoding="utf-8")
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


def _contact(config: Config, section: str) -> str:
    preferred = [c for c in CAREERS if c in config.contacts] if section in ("jobs", "karriere") else []
    return next(iter(preferred or config.contacts), "")


def _offset(when: datetime) -> str:
    offset = when.strftime("%z")
    return f"{offset[:3]}:{offset[3:]}"


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


