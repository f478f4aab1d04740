"""Read `hubgen.toml` by the declarations of schema.py, reporting every problem at its line."""

from __future__ import annotations

import dataclasses
import re
import tomllib
import types
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any, TypeGuard, Union, get_args, get_origin, get_type_hints
from zoneinfo import ZoneInfo

from hubgen.config.checks import quoted
from hubgen.config.lines import first_conflict, line_of, written_keys
from hubgen.config.options import CONFIG_FILE, Context, Invalid, Option, declared
from hubgen.config.schema import Config
from hubgen.errors import Report, suggest

__all__ = ["CONFIG_FILE", "load_config"]

MAX_BYTES = 1_000_000
"""A config is a few kilobytes; more is a mistake (or an attack), refused before parsing."""
MAX_TEXT = 300
MAX_LONG_TEXT = 20_000
# Control characters break the XML of feeds and sitemaps, and a line break in a name breaks the
# drawing of share images: a paragraph may hold tabs and line breaks, nothing else may.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_LONG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ITEM = Option("")


def load_config(root: Path, report: Report) -> Config | None:
    """Load `root/hubgen.toml`; problems go to `report`. None when the config can't be used:
    unreadable, or with a problem in `[site]`, which says where the site's folders are."""
    text = _read(root / CONFIG_FILE, report)
    data = None if text is None else _parse(text, report)
    if text is None or data is None:
        return None
    lines: dict[str, int] = {}
    for written in written_keys(text):
        lines.setdefault(written.key, written.line)
    reader = _Reader(report, Context(root), lines)
    config = reader.section(Config, data, "", {"root": root, "key_lines": lines})
    if any(key == "site" or key.startswith("site.") for key in reader.failed):
        return None
    assert isinstance(config, Config)
    return config


def _read(path: Path, report: Report) -> str | None:
    def error(line: int, message: str, fix: str) -> None:
        report.error(CONFIG_FILE, line, "config", message, fix)

    if not path.is_file():
        error(0, f"no {CONFIG_FILE} in {path.parent}",
              "run hubgen in a site folder or create one with 'hubgen init DIR'")
        return None
    try:
        if path.stat().st_size > MAX_BYTES:
            error(0, f"{path.stat().st_size:,} bytes, more than a config needs ({MAX_BYTES:,})",
                  "keep only the settings in hubgen.toml")
            return None
        data = path.read_bytes()
    except OSError as exc:
        error(0, f"can't be read: {exc.strerror}", "check the file's permissions")
        return None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        error(line, f"byte 0x{data[exc.start]:02x} at column {column} is not UTF-8 text",
              f"save {CONFIG_FILE} as UTF-8")
        return None


def _parse(text: str, report: Report) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's words for a key written twice; its line is sometimes "end of document".
        twice = str(exc).startswith(("Cannot declare", "Cannot overwrite", "Cannot mutate", "Duplicate"))
        conflict = first_conflict(written_keys(text)) if twice else None
        if conflict is not None:
            again, first = conflict
            message = (f"is written twice (first at line {first.line})" if again.key == first.key
                       else f"collides with {_printable(first.key)} (line {first.line})")
            report.error(CONFIG_FILE, again.line, _printable(again.key), message, "keep one of them")
        else:
            line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
            report.error(CONFIG_FILE, line, "config", f"invalid TOML: {exc}", "fix the syntax")
    except RecursionError:
        report.error(CONFIG_FILE, 1, "config", "invalid TOML: arrays or tables nested too deeply",
                     "write the settings flat, as docs/config.md shows")
    except ValueError:  # an integer longer than Python converts (4,300 digits)
        line = text.count("\n", 0, m.start()) + 1 if (m := re.search(r"\d{1000}", text)) else 1
        report.error(CONFIG_FILE, line, "config", "a number with thousands of digits",
                     "write a shorter number")
    return None


class _Reader:
    """Reads values by their declared type and check; each problem is reported at its line and
    the default used instead, so every problem of the file is found in one run."""

    def __init__(self, report: Report, context: Context, lines: dict[str, int]) -> None:
        self.report = report
        self.context = context
        self.lines = lines
        self.failed: set[str] = set()

    def error(self, key: str, message: str, fix: str) -> None:
        self.failed.add(key)
        self.report.error(CONFIG_FILE, line_of(self.lines, key), _printable(key), message, fix)

    def section(self, cls: type, data: object, prefix: str, fixed: dict[str, object] | None = None) -> object:
        """One table, declared by the dataclass `cls`; `fixed` fills its other fields."""
        if not isinstance(data, dict):
            entry = prefix.rpartition(".")[2].isdigit()
            raise Invalid(f"must be a table, not {_toml_kind(data)}",
                          'write it as { key = "…", … }' if entry else f"write it as [{prefix}]")
        keys = {f.name: (f, option) for f, option in declared(cls)}
        for name in data:
            if name not in keys:
                self.error(_join(prefix, name), "unknown key", suggest(name, sorted(keys)))
        hints = _hints(cls)
        values = {}
        for name, (f, option) in keys.items():
            key = _join(prefix, name)
            values[name] = self.field(data, name, key, hints[name], f, option)
            self.context.values[key] = values[name]
        return cls(**values, **(fixed or {}))

    def field(self, data: dict[str, Any], name: str, key: str, hint: Any,
              f: dataclasses.Field[Any], option: Option) -> Any:
        if name in data:
            try:
                return self.value(data[name], hint, key, option, empty_ok=f.default == "")
            except Invalid as exc:
                self.report_invalid(key, exc)
        elif option.required:
            table = key.rpartition(".")[0]
            under = "" if table.rpartition(".")[2].isdigit() else f" under [{table}]"
            self.error(key, "is required", f'add {name} = "…"{under}')
        if f.default is not dataclasses.MISSING:
            return f.default
        if f.default_factory is not dataclasses.MISSING:
            return f.default_factory()
        if option.derive is not None:
            return option.derive(self.context)
        if _is_table(hint):  # a table left out, or the wrong kind: its defaults
            if key in self.failed and any(o.required for _, o in declared(hint)):
                return None  # `site = 5`: its keys' "is required" would only repeat the problem
            return self.section(hint, {}, key)
        return _empty(hint)

    def report_invalid(self, key: str, invalid: Invalid) -> None:
        for below, message, fix in invalid.issues:
            self.error(f"{key}.{below}" if below else key, message, fix)

    def value(self, raw: object, hint: Any, key: str, option: Option, empty_ok: bool = False,
              fixed: dict[str, object] | None = None) -> Any:
        """`raw` as the declared type, checked; Invalid if it can't be used."""
        if get_origin(hint) in (Union, types.UnionType):
            hint = next(arg for arg in get_args(hint) if arg is not type(None))
        if _is_table(hint):
            value = self.section(hint, raw, key, fixed)
        elif get_origin(hint) in (tuple, dict):
            value = self.collection(raw, hint, key, option)
        elif hint is bool:
            if not isinstance(raw, bool):
                raise Invalid(f"must be true or false, not {_toml_kind(raw)}",
                              f"write {key.rpartition('.')[2]} = true, or false")
            value = raw
        else:
            value = _text(raw, key, option, empty_ok)
        if option.check is not None and (value or not empty_ok):
            value = option.check(value, self.context)
        return value

    def collection(self, raw: object, hint: Any, key: str, option: Option) -> Any:
        """A list (tuple[X, ...]) or a table (dict[str, X]), read entry by entry."""
        item = get_args(hint)[0 if get_origin(hint) is tuple else 1]  # tuple[X, ...], dict[str, X]
        languages: tuple[str, ...] = self.context.values.get("site.languages", ())
        if get_origin(hint) is dict and option.per_language and isinstance(raw, str):
            raw = dict.fromkeys(languages, raw)
        kind = list if get_origin(hint) is tuple else dict
        if not isinstance(raw, kind):
            wanted = _wanted(hint, option)
            fix = f"write it like {option.example}" if option.example else \
                f"write {key.rpartition('.')[2]} as {wanted}"
            raise Invalid(f"must be {wanted}, not {_toml_kind(raw)}", fix)
        entries = enumerate(raw) if isinstance(raw, list) else raw.items()
        # An entry's own name fills its `key` field: [contacts.presse] is the contact `presse`.
        named = _is_table(item) and "key" in {f.name for f in dataclasses.fields(item)}
        found = []
        for name, entry in entries:
            try:
                if option.per_language and name not in languages:
                    raise Invalid(f"{quoted(str(name))} is not a language of the site",
                                  "use one of " + ", ".join(languages))
                if isinstance(name, str):
                    _text(name, key, _ITEM, empty_ok=False, what="key")
                # A table's entries are written like its example; a list's are a part of one.
                example = option.example if kind is dict else ""
                found.append((name, self.value(entry, item, f"{key}.{name}",
                                               Option("", long=option.long, example=example),
                                               fixed={"key": name} if named else None)))
            except Invalid as exc:
                self.report_invalid(_join(key, name), exc)
        return tuple(value for _, value in found) if kind is list else dict(found)


def _text(raw: object, key: str, option: Option, empty_ok: bool, what: str = "value") -> str:
    leaf = key.rpartition(".")[2]
    entry = leaf.isdigit() or not option.doc  # in a list, or a value of a table such as [social]
    if not isinstance(raw, str):
        raise Invalid(f"must be a string, not {_toml_kind(raw)}",
                      f"write it like {option.example}" if option.example else
                      "write it in quotes" if entry else f"write {leaf} as a string")
    if raw == "" and not empty_ok:
        fixes = {"key": "name it, or remove the entry", "value": "write one" if option.required else
                 "remove the entry" if entry else "write one, or leave the key out for the default"}
        raise Invalid(f"the {what} is empty", fixes[what])
    if control := (_CONTROL_LONG if option.long else _CONTROL).search(raw):
        if control.group() in "\n\r\u2028\u2029":
            raise Invalid(f"the {what} has a line break", "write it on one line")
        raise Invalid(f"the {what} contains the control character U+{ord(control.group()):04X}",
                      "remove it")
    limit = MAX_LONG_TEXT if option.long else MAX_TEXT
    if len(raw) > limit:
        raise Invalid(f"the {what} is {len(raw):,} characters long", f"keep it under {limit:,}")
    return raw


@cache
def _hints(cls: type) -> dict[str, Any]:
    """The field types of a section: evaluated once, not for every config read."""
    return get_type_hints(cls)


def _is_table(hint: object) -> TypeGuard[type]:
    """A table declared by a dataclass of its own."""
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)


def _wanted(hint: Any, option: Option) -> str:
    if get_origin(hint) is dict:
        return "a string or a table" if option.per_language else "a table"
    item = get_args(hint)[0]
    return "a list of tables" if _is_table(item) else "a list of strings"


def _empty(hint: Any) -> Any:
    origin = get_origin(hint)
    if origin in (tuple, dict):
        return origin()
    return ZoneInfo("UTC") if hint is ZoneInfo else ""


def _toml_kind(value: object) -> str:
    """A TOML value's kind as the user wrote it: `a number`, not Python's `int`."""
    if isinstance(value, (datetime, date)):
        return "a date"
    kinds = {bool: "true/false", int: "a number", float: "a number", str: "a string",
             list: "a list", dict: "a table", time: "a time"}
    return kinds.get(type(value), type(value).__name__)


def _join(prefix: str, name: object) -> str:
    return f"{prefix}.{name}" if prefix else str(name)


def _printable(key: str) -> str:
    """A dotted key for a message: no control characters, not endless, an empty name as `""`."""
    return quoted(".".join(part or '""' for part in key.split(".")), 80)[1:-1]
