"""Key message: one warning per message naming the channels whose text lacks it; the template,
other spacing, quotes or case, and a derived post shortened to fit are fine."""

from __future__ import annotations

import json

import pytest
from check_helpers import problems
from conftest import SiteDir

from hubgen.checks.key_message import carries

KEY = "Nordlicht liefert Solarstrom für {{ facts.households }} Haushalte."
RENDERED = "Nordlicht liefert Solarstrom für 40.000 Haushalte."
BODY = f"Heute ist es so weit. {RENDERED} Mehr folgt.\n"
PATH = "content/news/park.md"
FIX = "(use {{ key_message }} in their texts; for press, write it into the body)"
NEWSLETTER = "  newsletter: '{{ key_message }}'\n"


def write(site: SiteDir, channels: str, body: str = BODY) -> None:
    """A message whose derived texts all carry the key message; the newsletter, derived from
    the summary, gets it written in, unless `channels` has a newsletter of its own."""
    channels += "" if "newsletter" in channels else NEWSLETTER
    site.message(PATH, summary="Der Park versorgt 40.000 Haushalte.", body=body,
                 extra=f'key_message: {KEY}\nfacts:\n  households: "40.000"\nchannels:\n{channels}')


def social(**posts: str) -> str:
    lines = [f"    {name}: {json.dumps(text, ensure_ascii=False)}" for name, text in posts.items()]
    return "  social:\n" + "\n".join(lines) + "\n"


FLAGGED = [
    (social(x="Solarpark am Netz! {{ url }}"), BODY, "social.x"),
    (social(x="Solarpark am Netz! {{ url }}", bluesky="Neu: {{ summary }} {{ url }}"), BODY,
     "social.x, social.bluesky"),
    ("  newsletter: Lesen Sie mehr über den Park.\n", BODY, "newsletter"),
    ("  recruiting:\n    text: Wir suchen Technikerinnen.\n", BODY, "recruiting"),
    ("  advocacy: [Ich bin stolz auf mein Team., Schaut mal rein!]\n", BODY, "advocacy"),
    ("", "Ein Text ohne den Kernsatz.\n", "press"),
    ("", "Nordlicht liefert Solarstrom für 40.000\n\nHaushalte.\n", "press"),  # split by a paragraph
]


@pytest.mark.parametrize(("channels", "body", "missing"), FLAGGED)
def test_missing_key_message(site: SiteDir, channels: str, body: str, missing: str) -> None:
    write(site, channels, body)
    assert problems(site) == [f"{PATH}:5: warning: key_message: missing from {missing} {FIX}"]


NEAR_MISSES = [
    social(x="Am Netz! {{ key_message }} {{ url }}"),
    social(x=f"Am Netz! {RENDERED} {{{{ url }}}}"),
    social(x="Am Netz! nordlicht LIEFERT   Solarstrom für 40.000 Haushalte! {{ url }}"),
    "  newsletter: 'Neu: {{ key_message }}'\n",
    "  advocacy: ['Stolz: {{ key_message }}', Schaut mal rein!]\n",  # one variant is enough
    "  recruiting: false\n  advocacy: false\n  newsletter: false\n",  # switched off
]


@pytest.mark.parametrize("channels", NEAR_MISSES)
def test_key_message_carried(site: SiteDir, channels: str) -> None:
    write(site, channels)
    assert problems(site) == []


def test_press_body_may_quote_it_typographically(site: SiteDir) -> None:
    site.message(PATH, summary="Zitat.", body='Sie sagte: „Wir schaffen das", und ging.\n',
                 extra="key_message: 'Sie sagte: \"Wir schaffen das\"'\nchannels:\n" + NEWSLETTER)
    assert problems(site) == []


def test_no_key_message_no_check(site: SiteDir) -> None:
    site.message(PATH, extra="channels:\n  social:\n    x: Nur ein Post.\n")
    assert problems(site) == []


def test_derived_posts_shortened_to_fit_are_accepted(site: SiteDir) -> None:
    """A key message too long for X and Bluesky: the derived posts end in … and pass."""
    long_key = "Nordlicht liefert Solarstrom " + " ".join(["für viele Haushalte"] * 20) + "."
    site.message(PATH, summary="Kurz.", body=long_key + "\n",
                 extra=f"key_message: {long_key}\nchannels:\n{NEWSLETTER}")
    assert problems(site) == []


@pytest.mark.parametrize(("text", "shortened", "expected"), [
    ("Nordlicht liefert Solarstrom für… https://x.example", True, True),
    ("Nordlicht liefert Solarstrom für… https://x.example", False, False),
    ("Nordlicht liefert… https://x.example", True, False),  # too little of it left
    ("Stolz auf unser Team: Nordlicht liefert Solarstrom für… https://x.example", True, True),
    ("Nordlicht liefert Solarstrom für viele andere.", True, False),
])
def test_carries(text: str, shortened: bool, expected: bool) -> None:
    assert carries(text, "Nordlicht liefert Solarstrom für viele Haushalte.", shortened) is expected
