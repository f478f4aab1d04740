"""Slugs: URL-safe names made from titles, with German transliteration."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["SLUG_RE", "slugify"]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# German readers expect ä→ae, not ä→a; decomposition alone would drop the umlaut.
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                         "ß": "ss", "ẞ": "SS",
                         # Latin letters that don't decompose, and would vanish: Łódź → lodz
                         "Æ": "Ae", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "Oe", "œ": "oe", "Ł": "L",
                         "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th",
                         "ı": "i"})


def slugify(text: str, max_length: int = 80) -> str:
    """`Nordlicht eröffnet Solarpark Husum` → `nordlicht-eroeffnet-solarpark-husum`."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_GERMAN))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug
