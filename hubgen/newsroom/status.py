"""Why a message is not public yet, in the page's language: the banner of a previewed draft or
embargoed message, and the preview's 404 that names a held-back message. A normal build renders
only public messages, so it never shows one; `build --drafts`/`--future` shows it on purpose, a
preview being exactly what such a build is for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from babel.dates import get_timezone_name

from hubgen.content.dates import format_datetime
from hubgen.model import Message
from hubgen.newsroom.strings import translate

__all__ = ["Status", "held_back", "local_when", "message_status"]

# CLDR's long date without weekday, then the time: "8. Dezember 2026, 10:00 Uhr MEZ" is
# written by the "status_when" string around these parts.
_DATE = {"de": "d. MMMM y", "en": "d MMMM y"}


@dataclass(frozen=True)
class Status:
    kind: Literal["draft", "embargo", "scheduled"]
    text: str


def local_when(instant: datetime, lang: str) -> str:
    """`8. Dezember 2026, 10:00 Uhr MEZ`, `8 December 2026, 10:00 CET`: date, time and zone in
    `lang`, in the instant's own (the site's) time zone."""
    date = format_datetime(instant, _DATE.get(lang, "MMMM d, y"), lang)
    time = format_datetime(instant, "HH:mm", lang)
    zone = str(get_timezone_name(instant, "short", locale=lang))
    if zone[:1] in "+-" or zone.startswith("GMT"):  # CLDR has no abbreviation for it in `lang`
        zone = instant.tzname() or zone
    return translate(lang, "status_when").format(date=date, time=time, zone=zone)


def message_status(message: Message, now: datetime, local: datetime) -> tuple[Status, ...]:
    """Why `message` is not public at `now` (nothing when it is); `local` is its publish_at in
    the site's time zone."""
    lang, found = message.lang, []
    if message.draft:
        found.append(Status("draft", translate(lang, "status_draft")))
    if message.publish_at > now:
        embargoed = message.embargo is not None and message.embargo >= message.date
        kind: Literal["embargo", "scheduled"] = "embargo" if embargoed else "scheduled"
        found.append(Status(kind, translate(lang, f"status_{kind}").format(when=local_when(local, lang))))
    return tuple(found)


def held_back(message: Message, now: datetime, local: datetime) -> str:
    """The preview's 404 for a page of `message` when it is served as published: why it is
    missing. Empty when the message is public."""
    lang, reasons = message.lang, []
    if message.draft:
        reasons.append(translate(lang, "held_draft"))
    if message.publish_at > now:
        reasons.append(translate(lang, "held_embargo").format(when=local_when(local, lang)))
    if not reasons:
        return ""
    return " ".join(reasons) + " " + translate(lang, "held_hint")
