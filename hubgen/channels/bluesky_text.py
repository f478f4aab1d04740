"""A Bluesky post as the Bluesky app counts and shows it: links shortened, then graphemes.

The app's composer (bluesky-social/social-app src/view/com/composer/state/composer.ts) counts
`shortenLinks(richtext).graphemeLength`, where the rich text's links were found by @atproto/api's
`detectFacets` (bluesky-social/atproto packages/api/src/rich-text/detection.ts). `shortenLinks`
(social-app src/lib/strings/rich-text-manip.ts) replaces each link's text by `toShortUrl` of it
(src/lib/strings/url-helpers.ts): host, then path, query and fragment cut to 13 characters and
"..." when they are longer than 15. The app posts the shortened text and keeps the full URL in
the link facet, so a reader sees the short form and follows the full link.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from hubgen.channels.counting import count_graphemes
from hubgen.channels.whatwg_url import parse_http_url

__all__ = ["bluesky_display", "count_bluesky", "link_spans", "to_short_url"]

# JavaScript's \s (ECMA-262 WhiteSpace and LineTerminator); Python's differs (\x1c-\x1f, \x85).
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

# atproto packages/api/src/rich-text/util.ts URL_REGEX, flags gim:
#   /(^|\s|\()((https?:\/\/[\S]+)|((?<domain>[a-z][a-z0-9]*(\.[a-z0-9]+)+)[\S]*))/gim
# Without the u flag, /i folds ASCII letters only, so the classes are spelled out. The leading
# group becomes a lookbehind: a match always ends at a space or the end, so nothing changes.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_URL = re.compile(
    rf"(?:(?<![\s\S])|(?<=[{_JS_SPACE}(]))"
    rf"(?:[hH][tT][tT][pP][sS]?://[^{_JS_SPACE}]+"
    rf"|(?P<domain>[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)[^{_JS_SPACE}]*)"
)


@lru_cache(maxsize=1)
def _tlds() -> frozenset[str]:
    # The npm package `tlds` that @atproto/api depends on, written by scripts/bluesky/make.sh.
    data = json.loads(resources.files("hubgen.channels").joinpath("bluesky_tlds.json").read_text("utf-8"))
    return frozenset(data["tlds"])


def _valid_domain(domain: str) -> bool:
    # detection.ts isValidDomain: the text ends in "." and a TLD, compared case-sensitively.
    return domain.rpartition(".")[2] in _tlds()


def link_spans(text: str) -> list[tuple[int, int]]:
    """Where detectFacets finds links in `text`, as (start, end) indices of code points."""
    spans = []
    for match in _URL.finditer(text):
        link = match[0]
        # detection.ts: a match not starting with "http" (case-sensitively) needs a known TLD;
        # one that does ("HTTPS://x.com" aside) is a link as it stands.
        if not link.startswith("http") and (match["domain"] is None
                                            or not _valid_domain(match["domain"])):
            continue
        end = match.end()
        if link[-1] in ".,;:!?":  # one trailing punctuation mark, then one unpaired ")"
            link, end = link[:-1], end - 1
        if link.endswith(")") and "(" not in link:
            end -= 1
        spans.append((match.start(), end))
    return spans


def to_short_url(url: str) -> str:
    """social-app url-helpers.ts toShortUrl: an http(s) URL as the app displays it."""
    parsed = parse_http_url(url)
    if parsed is None:
        return url
    path = ("" if parsed.pathname == "/" else parsed.pathname) + parsed.search + parsed.hash
    if len(path) > 15:  # path is ASCII here (percent-encoded), so code points are UTF-16 units
        return parsed.host + path[:13] + "..."
    return parsed.host + path


def bluesky_display(text: str) -> str:
    """`text` as the Bluesky app posts and shows it: each link's text shortened."""
    spans = link_spans(text)
    if not spans:
        return text
    short = [to_short_url(text[start:end]) for start, end in spans]
    if "\ufeff" in text or not all(s.isascii() for s in short[:-1]):
        return _shorten_as_the_app_does(text, spans)
    parts, last = [], 0
    for (start, end), replacement in zip(spans, short, strict=True):
        parts += [text[last:start], replacement]
        last = end
    return "".join([*parts, text[last:]])


def count_bluesky(text: str) -> int:
    """The length the Bluesky composer shows for `text` (limit 300, app.bsky.feed.post)."""
    return count_graphemes(bluesky_display(text))


# --- shortenLinks, step by step -----------------------------------------------------------------
#
# rich-text-manip.ts edits the text with RichText.insert and .delete (atproto packages/api/src/
# rich-text/rich-text.ts), whose indices are UTF-8 bytes, but insert moves the later links by the
# inserted text's UTF-16 length. Both agree for ASCII, which every parsed URL is; a link the app
# leaves as it is (no scheme, e.g. "nordlicht.de/über") shifts each later link by the difference,
# and the app then shortens the wrong span. UnicodeString.slice decodes with TextDecoder, which
# drops a leading U+FEFF and turns a cut UTF-8 sequence into U+FFFD. This replays all of that.


def _decode(data: bytes) -> str:
    text = data.decode("utf-8", "replace")
    return text[1:] if text.startswith("\ufeff") else text


def _utf8(text: str) -> bytes:
    # TextEncoder writes a lone surrogate as U+FFFD.
    return _LONE_SURROGATE.sub("\ufffd", text).encode()


class _Text:
    """RichText's text (`utf16`) and its UTF-8 bytes, with the live link facets' byte spans."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.set(text)
        offsets = [0]
        for char in text:
            offsets.append(offsets[-1] + len(_utf8(char)))
        self.links = [[offsets[start], offsets[end]] for start, end in spans]
        self.live = list(self.links)

    def slice(self, start: int, end: int | None = None) -> str:
        return _decode(self.data[start:end])

    def set(self, text: str) -> None:
        self.text, self.data = text, _utf8(text)

    def insert(self, index: int, text: str) -> None:
        self.set(self.slice(0, index) + text + self.slice(index))
        added = len(text.encode("utf-16-le", "surrogatepass")) // 2  # insertText.length
        for link in self.live:
            if index <= link[0]:
                link[0] += added
                link[1] += added
            elif link[0] <= index < link[1]:
                link[1] += added

    def delete(self, start: int, end: int) -> None:
        self.set(self.slice(0, start) + self.slice(end))
        removed = end - start
        for link in self.live:
            if start <= link[0] and end >= link[1]:
                link[0] = link[1] = 0
            elif start > link[1]:
                pass
            elif link[0] < start <= link[1] < end:
                link[1] = start
            elif start >= link[0] and end <= link[1]:
                link[1] -= removed
            elif start < link[0] <= end <= link[1]:
                link[0] = start
                link[1] -= removed
            elif end < link[0]:
                link[0] -= removed
                link[1] -= removed
        self.live = [link for link in self.live if link[0] < link[1]]


def _shorten_as_the_app_does(text: str, spans: list[tuple[int, int]]) -> str:
    rich = _Text(text, spans)
    for link in rich.links:  # the loop runs over the list as it was, dropped links included
        start, end = link
        shortened = to_short_url(rich.slice(start, end))
        rich.insert(start, shortened)
        size = len(_utf8(shortened))
        link[0], link[1] = start, start + size
        rich.delete(start + size, end + size)
    return rich.text
