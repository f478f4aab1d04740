"""The cache's codec: what a build keeps reads back exactly, and nothing else reads back at all."""

from __future__ import annotations

import dataclasses
import json
import pickle
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from markupsafe import Markup

from hubgen.errors import Problem
from hubgen.memo import fingerprint, known_encoding
from hubgen.model import Message, Snippet
from hubgen.newsroom.views import ContactView, Link, MessageView
from hubgen.pipeline.codec import decode, encode

BERLIN = ZoneInfo("Europe/Berlin")
MESSAGE = Message(
    source=Path("content/news/solar.md"), title="Solarpark", lang="de", slug="solar",
    date=datetime(2026, 3, 12, 9, tzinfo=timezone(timedelta(hours=1))), summary="40.000 Haushalte",
    section="news", translation_key="solar", body="Ein *Absatz*.\n", body_line=9,
    facts={"households": "40.000", "@": "not a tag"}, tags=("Energie", "Solar"),
    embargo=datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1),  # the second 02:30 that night
    channels={"social": {"x": "Text {{ url }}", "hashtags": ["Energie"]}, 1: None, False: 2.5,
              "binary": b"\x00\xff", "set": {"a", "b"}, "pairs": [("a", 1)], "day": date(2026, 1, 2),
              "naive": datetime(2026, 1, 2, 3, 4), "nan": float("inf")},
    lines={"title": 2, "channels.social.x": 7},
)
VIEW = MessageView(
    title="Solarpark", summary="s", lang="de", date=MESSAGE.date.astimezone(BERLIN), section="news",
    path="news/solar/", url="https://example.com/news/solar/",
    body_html=Markup("<p>Ein <em>Absatz</em>.</p>"), key_message="k", facts={},
    tags=(Link("tags/energie/", "Energie", "de"),), image="", image_alt="",
    contact=ContactView("Erika", "Presse", "presse@example.com", ""), press_path="news/solar/press.txt",
    translations=(),
)
SNIPPETS = [Snippet("solar", "de", "social", "x", "Text", 4, 280, "weighted", "https://x", Path("a.md"),
                    "channels.social.x", 7,
                    formats={"md": "Text"}),
            Snippet("solar", "de", "press", None, "P", 1, None, "chars", "", Path("a.md"),
                    "channels.press", 1)]


@pytest.mark.parametrize("value", [
    MESSAGE, VIEW, SNIPPETS, (None, (Problem("a.md", 3, "date", "bad", "fix", "warning"),)),
    {"entries": [{"t": "x", "n": 1}]}, {"@o": "Message"}, ("a", ["b", ("c",)]), -0.0, 2**80,
    {"index.html": b"<html>\x00\xff", "empty": b"", "x.txt": b"\x00"}, (b"a", [b"", b"\x00\x00", "\x00"]),
])
def test_values_read_back_exactly(value: object) -> None:
    back = decode(encode(value))
    assert back == value or (isinstance(value, Message) and vars(back) == vars(value))
    assert type(back) is type(value)
    assert fingerprint(back) == fingerprint(value)


def test_time_zones_and_folds_read_back() -> None:
    back = decode(encode(MESSAGE))
    assert isinstance(back, Message) and back.embargo is not None
    assert back.embargo.tzinfo is BERLIN and back.embargo.fold == 1
    assert back.embargo.utcoffset() == timedelta(hours=1)
    assert back.date.utcoffset() == timedelta(hours=1) and back.date.tzinfo == MESSAGE.date.tzinfo
    assert type(decode(encode(VIEW)).body_html) is Markup  # type: ignore[attr-defined]


def test_a_value_read_back_keeps_its_fingerprint() -> None:
    view = dataclasses.replace(VIEW, title="Neu")
    assert known_encoding(decode(encode(view))) is None
    fingerprint(view)
    back = decode(encode(view))
    assert known_encoding(back) == known_encoding(view) is not None


class Zone(tzinfo):
    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(0)


class Text(str):
    pass


@pytest.mark.parametrize("value", [
    object(), [len], {1: object()}, frozenset({1}), Text("x"), datetime(2026, 1, 1, tzinfo=Zone()),
    "\ud800",
])
def test_what_the_codec_does_not_know_is_not_kept(value: object) -> None:
    with pytest.raises(ValueError, match="not kept"):
        encode(value)


@pytest.mark.parametrize("data", [
    pickle.dumps(MESSAGE),
    b"\x80\x04garbage",
    json.dumps({"@o": "Popen", "args": ["touch", "/tmp/pwned"]}).encode(),
    json.dumps({"@o": "__class__"}).encode(),
    json.dumps({"@o": "Link", "path": "p", "title": "t", "lang": "de", "extra": 1}).encode(),
    json.dumps({"@o": "Link", "path": "p"}).encode(),
    json.dumps({"@": "eval", "v": "1+1"}).encode(),
    json.dumps({"@": "dt", "v": "2026-01-01T00:00:00", "z": ["zone", "../../etc/passwd"], "f": 0}).encode(),
    json.dumps({"@": "dt", "v": "2026-01-01T00:00:00", "z": ["offset", 999999], "f": 0}).encode(),
    json.dumps({"@": "b", "v": "not base64!"}).encode(),
    json.dumps({"@": "b", "v": "aGVsbG8="}).encode(),  # the base64 of rows before the bytes moved out
    json.dumps({"@": "b", "v": [0, 5]}).encode() + b"\x00abc",  # past the row's end
    json.dumps({"@": "b", "v": [-1, 1]}).encode() + b"\x00abc",
    json.dumps({"@": "b", "v": [0.5, 1]}).encode() + b"\x00abc",
    json.dumps({"@": "b", "v": [0, 1]}).encode(),  # no bytes at all
    json.dumps({"@": "s", "v": [[1]]}).encode(),
    json.dumps({"@": "t"}).encode(),
    b"[" * 100000,
])
def test_nothing_else_reads_back(data: bytes) -> None:
    with pytest.raises(ValueError):
        decode(data)


def test_now_is_an_instant_that_reads_back() -> None:
    now = datetime.now(UTC)
    assert decode(encode(now)) == now
