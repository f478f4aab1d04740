"""The checks of single keys: each returns the value to use, or raises Invalid with a fix.

Everything here runs before anything reads the site's folders: a path that leaves the site,
overlaps another folder or names the wrong kind of file is refused at its line of hubgen.toml.
"""

from __future__ import annotations

import re
import string
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hubgen.config.options import CONFIG_FILE, Context, Invalid
from hubgen.config.themes import find_theme
from hubgen.errors import suggest
from hubgen.filetree import safe_relative

__all__ = ["SOURCES", "base_url", "colour", "email", "folder", "font", "http_url", "language",
           "languages", "paragraphs", "quoted", "static_file", "theme", "timezone", "utm"]

SOURCES = ("templates", "themes", CONFIG_FILE)
"""Sources of every site besides its content and static folders."""
RESERVED = (*SOURCES, ".hubgen-cache")
"""Names in the site folder that no configured folder may take."""
FOLDERS = ("site.content_dir", "site.static_dir", "site.output_dir", "site.kit_dir")
LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
FOLDER_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
COLOR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
ZONE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
UTM_KEYS = ("source", "medium", "campaign")
UTM_NAMES = ("slug", "channel", "platform")


def quoted(value: str, limit: int = 60) -> str:
    """A value for an error message: quoted, control characters escaped, long ones cut."""
    shown = value if len(value) <= limit else value[:limit] + "…"
    return "'" + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in shown) + "'"


def base_url(value: str, ctx: Context) -> str:
    url = http_url(value, ctx)
    parts = urlsplit(url)
    if parts.query or parts.fragment or "@" in parts.netloc:
        raise Invalid(f"{quoted(url)} has a query, fragment or user name",
                      "write only the address, like https://newsroom.example.com")
    return url.rstrip("/")


def http_url(value: str, ctx: Context) -> str:
    fix = "write it like https://newsroom.example.com"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError:
        raise Invalid(f"{quoted(value)} is not a valid URL", fix) from None
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in value):
        raise Invalid(f"{quoted(value)} is not an absolute http(s) URL", fix)
    return value


def email(value: str, ctx: Context) -> str:
    if not EMAIL_RE.match(value):
        raise Invalid(f"{quoted(value)} is not an e-mail address", "write it like press@example.com")
    return value


def language(value: str, ctx: Context) -> str:
    if problem := _language_problem(value):
        raise Invalid(problem, "use codes like de, en, fr")
    return value


def languages(value: tuple[str, ...], ctx: Context) -> tuple[str, ...]:
    default = ctx.values.get("site.language", "")
    problems = [Invalid(problem, "use codes like de, en, fr", key=str(n))
                for n, lang in enumerate(value) if (problem := _language_problem(lang))]
    problems += [Invalid(f"{quoted(lang)} is listed twice", "list each language once", key=str(n))
                 for n, lang in enumerate(value) if lang in value[:n]]
    if default and default not in value:
        problems.append(Invalid(f"the default language {quoted(default)} is missing",
                                f"add {quoted(default)} to languages, or leave languages out"))
    if problems:
        raise Invalid.all(problems)
    return value


def _language_problem(code: str) -> str:
    if not LANG_RE.match(code):
        return f"{quoted(code)} is not a language code"
    # Imported here: only a config with languages needs Babel's locale data.
    from babel import Locale, UnknownLocaleError

    try:  # as content/dates.py hands it to Babel: dates are written in each language
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return f"{quoted(code)} is a language hubgen can't write dates in"
    return ""


def timezone(value: str, ctx: Context) -> ZoneInfo:
    fix = "use an IANA name such as Europe/Berlin"
    # `localtime` and `posixrules` are files of the system's zone folder, not IANA names: a
    # site would show other times on other machines.
    if not ZONE_RE.match(value) or value in ("localtime", "posixrules"):
        raise Invalid(f"unknown time zone {quoted(value)}", fix)
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise Invalid(f"unknown time zone {quoted(value)}", fix) from None


def folder(value: str, ctx: Context) -> str:
    """A folder of the site: a plain name, not one another folder or a source already has."""
    if not FOLDER_RE.match(value) or value in (".", ".."):
        raise Invalid(f"{quoted(value)} is not a folder name inside the site",
                      "use a plain folder name such as public")
    # Case-blind: on macOS and Windows `Public` is the folder `public`.
    taken = {ctx.values[key].casefold(): key for key in FOLDERS if key in ctx.values}
    if value.casefold() in taken:
        raise Invalid(f"{quoted(value)} is the folder of {taken[value.casefold()]} already",
                      "give each folder a name of its own")
    if value.casefold() in RESERVED:
        raise Invalid(f"{quoted(value)} is a name hubgen keeps for itself ({', '.join(RESERVED)})",
                      "give the folder another name")
    return value


def theme(value: str, ctx: Context) -> str:
    """`default`, or a folder of the site that is none of its output folders."""
    fix = "use default, or a folder of the site such as themes/NAME"
    try:
        relative = safe_relative(value)
    except ValueError:
        raise Invalid(f"{quoted(value)} is not a folder inside the site", fix) from None
    outputs = [str(ctx.values.get(key, "")).casefold() for key in ("site.output_dir", "site.kit_dir")]
    if PurePosixPath(relative).parts[0].casefold() in (*outputs, CONFIG_FILE, ".hubgen-cache"):
        raise Invalid(f"{quoted(value)} is inside an output folder", fix)
    found = find_theme(ctx.root, relative)
    if found is None:
        raise Invalid(f"theme {quoted(value)} not found", fix)
    if found.is_relative_to(ctx.root) and not found.resolve().is_relative_to(ctx.root.resolve()):
        raise Invalid(f"{quoted(value)} links to a folder outside the site", fix)
    return relative


def static_file(value: str, ctx: Context) -> str:
    """A file inside the static folder, as a path from there."""
    static = ctx.root / ctx.values.get("site.static_dir", "static")
    return _file_in(value, static, f"{static.name}/", "name a file inside static/, such as media/logo.svg",
                    (f"file {quoted(value)} not found in {static.name}/", "add the file or fix the path"))


def font(value: str, ctx: Context) -> str:
    fix = "give a .ttf or .otf file's path relative to the site"
    relative = _file_in(value, ctx.root, "the site", fix, (f"font file {quoted(value)} not found", fix))
    # Imported here: Pillow's font module takes a tenth of a second, and few sites set a font.
    from PIL import ImageFont

    try:
        ImageFont.truetype(str(ctx.root / relative), 20)
    except (OSError, ValueError):
        raise Invalid(f"{quoted(value)} is not a font Pillow can read", fix) from None
    return relative


def _file_in(value: str, folder: Path, name: str, fix: str, missing: tuple[str, str]) -> str:
    try:
        relative = safe_relative(value)
    except ValueError:
        raise Invalid(f"{quoted(value)} is outside {name}", fix) from None
    path = folder / relative
    if not path.resolve().is_relative_to(folder.resolve()):
        raise Invalid(f"{quoted(value)} links to a file outside {name}", fix)
    if not path.is_file():
        raise Invalid(*missing)
    return relative


def paragraphs(value: dict[str, str], ctx: Context) -> dict[str, str]:
    """Texts as one paragraph each: TOML's multi-line strings keep the writer's line breaks."""
    return {key: " ".join(text.split()) for key, text in value.items()}


def colour(value: str, ctx: Context) -> str:
    if not COLOR_RE.match(value):
        raise Invalid(f"{quoted(value)} is not a colour", 'write it as a hex colour such as "#0b2545"')
    return value


def utm(value: dict[str, str], ctx: Context) -> dict[str, str]:
    """Campaign parameters: `{slug}`, `{channel}` and `{platform}` are the only fields, written
    plainly (no format spec: `{slug:>999999999}` would pad a URL to a gigabyte)."""
    problems = []
    for key, template in value.items():
        if key not in UTM_KEYS:
            problems.append(Invalid("unknown key", suggest(key, UTM_KEYS), key=key))
            continue
        try:
            fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(template)
                      if name is not None]
        except ValueError:
            problems.append(Invalid(f"{quoted(template)} has an unmatched brace",
                                    "write {slug}, {channel} or {platform}, or {{ for a brace", key=key))
            continue
        for name, spec, conv in fields:
            if name not in UTM_NAMES or spec or conv:
                written = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
                problems.append(Invalid(f"unknown placeholder {quoted(written)}",
                                        "use {slug}, {channel} or {platform}", key=key))
    if problems:
        raise Invalid.all(problems)
    return value


