"""Read `hubgen.toml`, check every key against the schema, report all problems at once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hubgen.config.schema import (
    CHANNELS,
    PLATFORMS,
    ChannelsConfig,
    Company,
    Config,
    Contact,
    Download,
    ShareImages,
    SiteSettings,
)
from hubgen.errors import Report, suggest

__all__ = ["CONFIG_FILE", "load_config"]

CONFIG_FILE = "hubgen.toml"
LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
FOLDER_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
TABLES = {
    "site": {"title", "base_url", "language", "languages", "timezone", "theme", "content_dir",
             "static_dir", "output_dir", "kit_dir"},
    "company": {"name", "short_name", "logo", "website", "boilerplate"},
    "contacts": None,
    "social": None,
    "press_kit": {"downloads"},
    "channels": {"enabled", "platforms", "recruiting_url", "utm"},
    "glossary": None,
    "share_images": {"background", "text", "muted", "accent", "font"},
}
COLOR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
T = TypeVar("T")


@dataclass
class _Reader:
    """Reads typed values from the parsed TOML, reporting problems with their line."""

    text: str
    path: str
    report: Report

    def line_of(self, table: str, key: str = "") -> int:
        if not table:  # a top-level name: its [table] header, or a key above the first table
            top = re.compile(rf"^\s*(\[\[?\s*)?\"?{re.escape(key)}\"?\s*[\].=]")
            return next((n for n, line in enumerate(self.text.splitlines(), 1) if top.match(line)), 1)
        header = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}(\.[^\]]*)?\s*\]\]?")
        in_table = False
        last_header = 0
        for number, line in enumerate(self.text.splitlines(), 1):
            if re.match(r"^\s*\[", line):
                in_table = bool(header.match(line))
                if in_table:
                    last_header = number
                    leaf = table.split(".")[-1]
                    if key and re.match(rf"^\s*\[\[?\s*{re.escape(table)}\.{re.escape(key)}\b", line):
                        return number
                    if not key and line.strip().strip("[]").strip().endswith(leaf):
                        return number
            elif in_table and key and re.match(rf"^\s*\"?{re.escape(key)}\"?\s*[=.]", line):
                return number
        return last_header or 1

    def error(self, table: str, key: str, message: str, fix: str) -> None:
        name = ".".join(part for part in (table, key) if part)
        self.report.error(self.path, self.line_of(table, key), name, message, fix)

    def get(self, data: dict[str, Any], table: str, key: str, kind: type[T], default: T) -> T:
        value: Any = data.get(key, default)
        if kind is tuple and isinstance(value, list):
            value = tuple(value)
        strings = not isinstance(value, tuple) or all(isinstance(v, str) for v in value)
        if not isinstance(value, kind) or not strings:
            names: dict[type, str] = {str: "a string", tuple: "a list of strings", dict: "a table"}
            wanted = names.get(kind, kind.__name__)
            self.error(table, key, f"must be {wanted}, not {_toml_kind(value)}",
                       f"write {key} as {wanted}")
            return default
        return value

    def check_keys(self, data: dict[str, Any], table: str, allowed: set[str]) -> None:
        for key in data:
            if key not in allowed:
                self.error(table, key, "unknown key", suggest(key, sorted(allowed)))


def load_config(root: Path, report: Report) -> Config | None:
    """Load `root/hubgen.toml`; problems go to `report`, None when it can't be used at all."""
    path = root / CONFIG_FILE
    if not path.is_file():
        report.error(CONFIG_FILE, 0, "config", f"no {CONFIG_FILE} in {root}",
                     "run hubgen in a site folder or create one with 'hubgen init DIR'")
        return None
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
        report.error(CONFIG_FILE, line, "config", f"invalid TOML: {exc}", "fix the syntax")
        return None
    reader = _Reader(text, CONFIG_FILE, report)
    for table in data:
        if table not in TABLES:
            reader.check_keys({table: None}, "", set(TABLES))
        elif not isinstance(data[table], dict):
            reader.error(table, "", "must be a table", f"write it as [{table}]")
    tables = {name: data[name] if isinstance(data.get(name), dict) else {} for name in TABLES}
    for name, allowed in TABLES.items():
        if allowed is not None:
            reader.check_keys(tables[name], name, allowed)
    # `site = "…"` is reported above; its keys' "is required" would only repeat it.
    site = _site(reader, tables["site"], root) if isinstance(data.get("site", {}), dict) else None
    if site is None:
        return None
    return Config(
        root=root,
        site=site,
        company=_company(reader, tables["company"], site),
        contacts=_contacts(reader, tables["contacts"]),
        social={k: v for k, v in tables["social"].items() if _is_str(reader, "social", k, v)},
        downloads=_downloads(reader, tables["press_kit"], root / site.static_dir),
        channels=_channels(reader, tables["channels"]),
        glossary=_glossary(reader, tables["glossary"]),
        share_images=_share_images(reader, tables["share_images"], root),
    )


def _toml_kind(value: object) -> str:
    """A TOML value's kind as the user wrote it: `a number`, not Python's `int`."""
    kinds = {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list",
             tuple: "a list", dict: "a table"}
    return kinds.get(type(value), type(value).__name__)


def _is_str(reader: _Reader, table: str, key: str, value: object) -> bool:
    if not isinstance(value, str):
        reader.error(table, key, f"must be a string, not {_toml_kind(value)}", "quote the value")
    return isinstance(value, str)


def _site(reader: _Reader, data: dict[str, Any], root: Path) -> SiteSettings | None:
    for key in ("title", "base_url", "language"):
        if key not in data:
            reader.error("site", key, "is required", f"add {key} = \"…\" under [site]")
    title = reader.get(data, "site", "title", str, "")
    base_url = reader.get(data, "site", "base_url", str, "")
    language = reader.get(data, "site", "language", str, "")
    if base_url and not (urlsplit(base_url).scheme in ("http", "https") and urlsplit(base_url).netloc):
        reader.error("site", "base_url", f"'{base_url}' is not an absolute http(s) URL",
                     "write it like https://newsroom.example.com")
    languages = reader.get(data, "site", "languages", tuple, (language,))
    for lang in dict.fromkeys((language, *languages)):
        if lang and not LANG_RE.match(lang):
            reader.error("site", "languages" if lang != language else "language",
                         f"'{lang}' is not a language code", "use codes like de, en, fr")
    if language and language not in languages:
        languages = (language, *languages)
    zone_name = reader.get(data, "site", "timezone", str, "UTC")
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        reader.error("site", "timezone", f"unknown time zone '{zone_name}'",
                     "use an IANA name such as Europe/Berlin")
        zone = ZoneInfo("UTC")
    folders = {key: reader.get(data, "site", key, str, default) for key, default in
               (("content_dir", "content"), ("static_dir", "static"),
                ("output_dir", "public"), ("kit_dir", "kit"))}
    for key, folder in folders.items():
        if not FOLDER_RE.match(folder) or folder in (".", ".."):
            reader.error("site", key, f"'{folder}' is not a folder name inside the site",
                         "use a plain folder name such as public")
    if not (title and base_url and language):
        return None
    return SiteSettings(title=title, base_url=base_url.rstrip("/"), language=language,
                        languages=tuple(dict.fromkeys(languages)), timezone=zone,
                        theme=reader.get(data, "site", "theme", str, "default"), **folders)


def _company(reader: _Reader, data: dict[str, Any], site: SiteSettings) -> Company:
    name = reader.get(data, "company", "name", str, site.title)
    boilerplate = reader.get(data, "company", "boilerplate", dict, {})
    if isinstance(data.get("boilerplate"), str):
        boilerplate = {lang: data["boilerplate"] for lang in site.languages}
    return Company(
        name=name,
        short_name=reader.get(data, "company", "short_name", str, name),
        logo=reader.get(data, "company", "logo", str, ""),
        website=reader.get(data, "company", "website", str, ""),
        boilerplate={k: " ".join(v.split()) for k, v in boilerplate.items() if isinstance(v, str)},
    )


def _contacts(reader: _Reader, data: dict[str, Any]) -> dict[str, Contact]:
    contacts: dict[str, Contact] = {}
    for key, entry in data.items():
        table = f"contacts.{key}"
        if not isinstance(entry, dict):
            reader.error("contacts", key, "must be a table", f"write it as [contacts.{key}]")
            continue
        reader.check_keys(entry, table, {"name", "email", "phone", "role"})
        for required in ("name", "email"):
            if required not in entry:
                reader.error(table, "", f"{required} is required", f"add {required} = \"…\"")
        role = entry.get("role", {})
        contacts[key] = Contact(
            key=key,
            name=reader.get(entry, table, "name", str, ""),
            email=reader.get(entry, table, "email", str, ""),
            phone=reader.get(entry, table, "phone", str, ""),
            role={"*": role} if isinstance(role, str) else reader.get(entry, table, "role", dict, {}),
        )
    return contacts


def _downloads(reader: _Reader, data: dict[str, Any], static: Path) -> tuple[Download, ...]:
    downloads = []
    for entry in data.get("downloads", []):
        if not (isinstance(entry, dict) and isinstance(entry.get("title"), str)
                and isinstance(entry.get("file"), str)):
            reader.error("press_kit", "downloads", "each download needs title and file",
                         'write { title = "Logo", file = "media/logo.svg" }')
            continue
        if not (static / entry["file"]).resolve().is_relative_to(static.resolve()):
            reader.error("press_kit", "downloads", f"'{entry['file']}' is outside static/",
                         "name a file inside static/")
        elif not (static / entry["file"]).is_file():
            reader.error("press_kit", "downloads", f"file '{entry['file']}' not found in static/",
                         "add the file or fix the path")
        downloads.append(Download(entry["title"], entry["file"]))
    return tuple(downloads)


def _channels(reader: _Reader, data: dict[str, Any]) -> ChannelsConfig:
    enabled = reader.get(data, "channels", "enabled", tuple, CHANNELS)
    platforms = reader.get(data, "channels", "platforms", tuple, PLATFORMS)
    for key, values, allowed in (("enabled", enabled, CHANNELS), ("platforms", platforms, PLATFORMS)):
        for value in values:
            if value not in allowed:
                reader.error("channels", key, f"unknown {key[:-1] if key == 'platforms' else 'channel'}"
                             f" '{value}'", "allowed: " + ", ".join(allowed))
    utm = reader.get(data, "channels", "utm", dict, {})
    reader.check_keys(utm, "channels.utm", {"source", "medium", "campaign"})
    return ChannelsConfig(
        enabled=tuple(v for v in enabled if v in CHANNELS),
        platforms=tuple(v for v in platforms if v in PLATFORMS),
        recruiting_url=reader.get(data, "channels", "recruiting_url", str, ""),
        utm={k: str(v) for k, v in utm.items()},
    )


def _glossary(reader: _Reader, data: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    glossary = {}
    for term, variants in data.items():
        if isinstance(variants, list) and all(isinstance(v, str) for v in variants):
            glossary[term] = tuple(variants)
        else:
            reader.error("glossary", term, "must be a list of variants to flag",
                         f'write "{term}" = ["variant", …]')
    return glossary


def _share_images(reader: _Reader, data: dict[str, Any], root: Path) -> ShareImages:
    defaults = ShareImages()
    colors = {}
    for key in ("background", "text", "muted", "accent"):
        value = reader.get(data, "share_images", key, str, getattr(defaults, key))
        if not COLOR_RE.match(value):
            reader.error("share_images", key, f"'{value}' is not a colour",
                         'write it as a hex colour such as "#0b2545"')
            value = getattr(defaults, key)
        colors[key] = value
    font = reader.get(data, "share_images", "font", str, "")
    if font and not (root / font).is_file():
        reader.error("share_images", "font", f"font file '{font}' not found",
                     "give a .ttf or .otf file's path relative to the site")
        font = ""
    return ShareImages(font=font, **colors)
