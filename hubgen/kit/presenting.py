"""How the kit shows things in the site's language: its strings, dates through Babel in the
site's locale and time zone, the identity a network shows above a post, and a post's text with
its links, hashtags and mentions marked as the networks mark them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import format_skeleton, get_day_names
from markupsafe import Markup, escape

from hubgen.channels.bluesky_text import display_segments
from hubgen.config import Config
from hubgen.content.dates import format_time
from hubgen.kit.strings import translate

__all__ = ["Identity", "Locale", "employee", "identity", "marked_text"]

_TAGS = r"#\w+|@[\w.-]+(?:@[\w.-]+\w)?"
_MARKED = re.compile(r"https?://[^\s]+[^\s.,;:!?)\]]|" + _TAGS)
_BLUESKY_TAGS = re.compile(_TAGS)  # Bluesky's links are found as the app finds them


@dataclass(frozen=True)
class Locale:
    """The kit's language and the formats of its dates."""

    lang: str

    def t(self, key: str, **values: object) -> str:
        text = translate(self.lang, key)
        return text.format(**values) if values else text

    def date(self, value: date | datetime, skeleton: str = "yMMMd") -> str:
        """`8. Dez. 2026` (de), `Dec 8, 2026` (en); a datetime in its own (the site's) zone."""
        return str(format_skeleton(skeleton, value, locale=self.lang))

    def moment(self, value: datetime) -> str:
        """`8. Dez. 2026, 10:00` (de), `Dec 8, 2026, 10:00 AM` (en): a date and its time."""
        return f"{self.date(value)}, {format_time(value, self.lang)}"

    def time(self, value: datetime) -> str:
        return format_time(value, self.lang)

    def weekdays(self) -> list[str]:
        """Monday first, abbreviated: `Mo.` … `So.`, `Mon` … `Sun`."""
        names = get_day_names("abbreviated", locale=self.lang)
        return [str(names[day]) for day in range(7)]


@dataclass(frozen=True)
class Identity:
    """Who a preview shows as the poster: name, the handle as the network prints it, avatar."""

    name: str
    handle: str
    avatar: str
    """Kit path of the company logo; "" shows the initial."""
    person: bool = False


def _bare(handle: str) -> str:
    """A handle as written in `[social]`, a profile URL's last part for a URL."""
    if handle.startswith(("http://", "https://")):
        return [part for part in handle.split("?")[0].split("/") if part][-1]
    return handle


def identity(config: Config, network: str, avatar: str, locale: Locale) -> Identity:
    """The company as `network` shows it: X, Bluesky, Threads, Instagram with @handle, Mastodon
    with its full @user@host, LinkedIn and Facebook with the page's name only (they show no
    handle)."""
    name = config.company.short_name or config.company.name
    # Threads profiles are Instagram accounts: without its own handle, the Instagram one.
    fallback = config.social.get("instagram", "") if network == "threads" else ""
    written = config.social.get(network) or fallback
    handle = _bare(written).lstrip("@")
    if network == "linkedin":
        return Identity(name, locale.t("company_page"), avatar)
    if network == "facebook" or not handle:
        return Identity(name, "", avatar)
    if network in ("threads", "instagram"):
        return Identity(handle, "", avatar)
    return Identity(name, "@" + handle, avatar)


def employee(config: Config, locale: Locale) -> Identity:
    """A generic colleague: employee posts are previewed as a person's, not the company's."""
    company = config.company.short_name or config.company.name
    return Identity(locale.t("employee"), locale.t("employee_at", company=company), "", person=True)


SHORT_LINKS = frozenset({"x", "mastodon", "threads"})
"""Networks that show a link without its scheme, cut after 30 characters with an ellipsis, as
Mastodon's app/lib/text_formatter.rb does (`link_to_url`: prefix, display_url[0, 30], suffix)."""


def _link(url: str) -> str:
    scheme, rest = url.split("://", 1)
    shown, hidden = rest[:30], rest[30:]
    if not hidden:
        return f'<span class="mark"><span class="invisible">{escape(scheme)}://</span>{escape(shown)}</span>'
    return (f'<span class="mark"><span class="invisible">{escape(scheme)}://</span><span class="ellipsis">'
            f'{escape(shown)}</span><span class="invisible">{escape(hidden)}</span></span>')


def _marked_words(text: str, pattern: re.Pattern[str], network: str | None) -> list[str]:
    out, last = [], 0
    for found in pattern.finditer(text):
        word = found.group()
        out += [str(escape(text[last:found.start()])),
                _link(word) if network in SHORT_LINKS and "://" in word
                else f'<span class="mark">{escape(word)}</span>']
        last = found.end()
    out.append(str(escape(text[last:])))
    return out


def _bluesky(text: str) -> Markup:
    """Links as the Bluesky app posts them (hubgen.channels.bluesky_text): the shortened form is
    drawn by CSS from data-shown, so the element's text is still the full link."""
    out = []
    for written, shown in display_segments(text):
        if shown is None:
            out += _marked_words(written, _BLUESKY_TAGS, "bluesky")
        elif shown == written:
            out.append(f'<span class="mark">{escape(written)}</span>')
        else:
            out.append(f'<span class="mark" data-shown="{escape(shown)}">'
                       f'<span class="invisible">{escape(written)}</span></span>')
    return Markup("".join(out))


def marked_text(text: str, network: str | None = None) -> Markup:
    """The text escaped, links, hashtags and mentions in spans, links shortened where `network`
    shortens them; its textContent stays `text`, which the copy button copies."""
    if network == "bluesky":
        return _bluesky(text)
    return Markup("".join(_marked_words(text, _MARKED, network)))
