"""Typed JSON for the results the build cache keeps on disk: data only.

pickle would rebuild any object a file names, and run code on the way; this codec knows a
short list of plain types and of hubgen's own frozen dataclasses, builds nothing else, and calls
no constructor but theirs. Types are tagged (`{"@": "t", "v": [...]}` is a tuple, `{"@o":
"Link", "path": ...}` a Link), so a value reads back exactly as it was made: tuples stay tuples,
a date-time keeps its zone, a dataclass the fingerprint it had (`memo.known_encoding`).
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path, PosixPath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from markupsafe import Markup

from hubgen.checks.written import Reference
from hubgen.errors import Problem
from hubgen.filetree import Area, Blob, BlobMissing, content, digest_of
from hubgen.memo import known_encoding, remember_encoding
from hubgen.model import Message, Snippet
from hubgen.newsroom.pages import ImageInfo, PageInfo
from hubgen.newsroom.render import MessageOutput
from hubgen.newsroom.status import Status
from hubgen.newsroom.views import ContactView, Link, MessageView
from hubgen.pipeline.message_pass import MessageWork

__all__ = ["decode", "encode", "split"]

CLASSES: dict[str, type[Any]] = {cls.__name__: cls for cls in (
    Problem, Message, Snippet, MessageView, Link, ContactView, Reference, Status, MessageWork,
    MessageOutput, PageInfo, ImageInfo)}
"""Every dataclass a kept result may hold (see memo.Namespace)."""
_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in CLASSES.values()}
_FIELD_SETS = {name: set(_FIELDS[cls]) for name, cls in CLASSES.items()}


_BLOBS = threading.local()
"""The bytes values of the row being encoded (`parts`, `size`) or decoded (`area`, or `lazy`:
where Blobs of them read from)."""


def encode(value: object) -> bytes:
    """UTF-8 JSON of `value`, then (if it holds bytes) a NUL and the bytes one after the other,
    which the JSON points to with their digest: base64 in the JSON made the rendered pages a
    third larger, and reading them back was a third of decoding a message's pass. ValueError if
    `value` holds anything the codec doesn't know, or a Blob that can't be read."""
    _BLOBS.parts, _BLOBS.size = [], 0
    try:
        text = json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":")).encode()
    except (TypeError, RecursionError, UnicodeEncodeError, BlobMissing) as exc:
        raise ValueError(f"not kept: {exc}") from None
    finally:
        parts, _BLOBS.parts = _BLOBS.parts, []
    return b"\0".join([text, b"".join(parts)]) if parts else text


def split(data: bytes) -> tuple[bytes, bytes | None]:
    """The JSON of a row `encode` made, and its bytes if it has any."""
    cut = data.find(b"\0")  # JSON never holds a NUL (it escapes control characters)
    return (data, None) if cut < 0 else (data[:cut], data[cut + 1:])


def decode(data: bytes, lazy: Area | None = None) -> object:
    """The value `encode` made; ValueError for anything else. With `lazy`, the JSON alone: its
    bytes values are Blobs read from `lazy`, which holds the bytes `encode` put after it."""
    text, area = split(data)
    _BLOBS.area, _BLOBS.lazy = memoryview(area or b""), lazy
    try:
        return _DECODER.decode(str(text, "utf-8"))
    except (TypeError, KeyError, IndexError, AttributeError, RecursionError, OverflowError,
            ZoneInfoNotFoundError, UnicodeDecodeError) as exc:
        raise ValueError(f"not a kept value: {exc!r}") from None
    finally:
        _BLOBS.area, _BLOBS.lazy = memoryview(b""), None


def _blob(value: bytes | Blob) -> object:
    """Where `value` goes among the row's bytes (its start and length), and its digest."""
    data = content(value)
    start = _BLOBS.size
    _BLOBS.parts.append(data)
    _BLOBS.size = start + len(data)
    digest = value.digest if isinstance(value, Blob) else digest_of(data)
    return {"@": "b", "v": [start, len(data), digest.hex()]}


def _blob_at(place: Any) -> bytes | Blob:
    start, length, digest = place
    if type(start) is not int or type(length) is not int or start < 0 or length < 0:
        raise IndexError("bytes outside the row")
    if (lazy := _BLOBS.lazy) is not None:
        return Blob(bytes.fromhex(_text(digest)), length, lazy, start)
    area = _BLOBS.area
    if start + length > len(area):
        raise IndexError("bytes outside the row")
    return bytes(area[start:start + length])


def _plain(value: object) -> object:
    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return value
    encoder = _ENCODERS.get(kind)
    if encoder is not None:
        return encoder(value)
    if kind in _FIELDS:
        plain: dict[str, object] = {name: _plain(getattr(value, name)) for name in _FIELDS[kind]}
        plain["@o"] = kind.__name__
        if (encoding := known_encoding(value)) is not None:
            plain["@h"] = encoding.hex()
        return plain
    raise TypeError(f"a {kind.__name__} can't be kept")


def _mapping(value: Any) -> object:
    if all(type(key) is str for key in value) and "@" not in value and "@o" not in value:
        return {key: _plain(item) for key, item in value.items()}
    return {"@": "d", "v": [[_plain(key), _plain(item)] for key, item in value.items()]}


def _datetime(value: Any) -> object:
    zone, spec = value.tzinfo, None
    if isinstance(zone, ZoneInfo):
        spec = ["zone", zone.key]
    elif isinstance(zone, timezone):
        args = zone.__getinitargs__()  # type: ignore[attr-defined]  # (offset,) or (offset, name)
        spec = ["offset", args[0].total_seconds(), *args[1:]]
    elif zone is not None:
        raise TypeError(f"time zone {zone!r} can't be kept")
    return {"@": "dt", "v": value.replace(tzinfo=None).isoformat(), "z": spec, "f": value.fold}


_ENCODERS: dict[type, Callable[[Any], object]] = {
    list: lambda v: [_plain(item) for item in v],
    tuple: lambda v: {"@": "t", "v": [_plain(item) for item in v]},
    set: lambda v: {"@": "s", "v": [_plain(item) for item in v]},
    dict: _mapping,
    bytes: _blob,
    Blob: _blob,
    PosixPath: lambda v: {"@": "p", "v": str(v)},
    Markup: lambda v: {"@": "m", "v": str(v)},
    datetime: _datetime,
    date: lambda v: {"@": "date", "v": v.isoformat()},
}


def _typed(data: dict[str, Any]) -> object:
    """json's object hook: inner objects come first, so their values are already typed."""
    tag = data.get("@")
    if tag is not None:
        decoder = _DECODERS.get(tag)
        if decoder is None:
            raise KeyError(tag)
        return decoder(data, data["v"])
    name = data.pop("@o", None)
    if name is None:
        return data
    encoding = data.pop("@h", None)
    if data.keys() != _FIELD_SETS[name]:
        raise TypeError(f"fields of {name} differ")
    # The fields as they were, without running __init__: a tenth of decoding every snippet.
    value = object.__new__(CLASSES[name])
    vars(value).update(data)
    if encoding is not None:
        remember_encoding(value, bytes.fromhex(_text(encoding)))
    return value


def _zone(spec: Any) -> ZoneInfo | timezone | None:
    if spec is None:
        return None
    if spec[0] == "zone" and type(spec[1]) is str:
        return ZoneInfo(spec[1])
    if spec[0] == "offset":
        return timezone(timedelta(seconds=spec[1]), *spec[2:])
    raise KeyError(spec[0])


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("text expected")
    return value


@lru_cache(maxsize=4096)
def _path(text: str) -> Path:
    """Shared: the dozens of snippets of a message name the same source file."""
    return Path(text)


_DECODERS: dict[str, Callable[[dict[str, Any], Any], object]] = {
    "t": lambda _, v: tuple(_items(v)),
    "s": lambda _, v: set(_items(v)),
    "d": lambda _, v: {key: item for key, item in _items(v)},
    "b": lambda _, v: _blob_at(_items(v)),
    "p": lambda _, v: _path(_text(v)),
    "m": lambda _, v: Markup(_text(v)),
    "dt": lambda data, v: datetime.fromisoformat(_text(v)).replace(tzinfo=_zone(data["z"]),
                                                                  fold=int(data["f"])),
    "date": lambda _, v: date.fromisoformat(_text(v)),
}


def _items(value: Any) -> list[Any]:
    if type(value) is not list:
        raise TypeError("list expected")
    return value


_DECODER = json.JSONDecoder(object_hook=_typed)  # one for all: making one took a tenth of the time
