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

__all__ = ["bluesky_display", "count_bluesky", "display_segments", "link_spans", "to_short_url"]

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


def display_segments(text: str) -> list[tuple[str, str | None]]:
    """`text` in pieces as written, each link paired with what the app shows for it (None for the
    text between links). When the app garbles the links after one it keeps as written (see below),
    the whole text is one piece paired with what the app makes of it."""
    spans = link_spans(text)
    short = [to_short_url(text[start:end]) for start, end in spans]
    if "\ufeff" in text or not all(s.isascii() for s in short[:-1]):
        return [(text, _shorten_as_the_app_does(text, spans))]
    pieces: list[tuple[str, str | None]] = []
    last = 0
    for (start, end), shown in zip(spans, short, strict=True):
        pieces += [(text[last:start], None), (text[start:end], shown)]
        last = end
    pieces.append((text[last:], None))
    return [piece for piece in pieces if piece[0]]


def bluesky_display(text: str) -> str:
    """`text` as the Bluesky app posts and shows it: each link's text shortened."""
    return "".join(written if shown is None else shown for written, shown in display_segments(text))


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
#
# Work stays linear in the number of links: every later link moves by the same amount except the
# few that overlap a deleted span, so later links are kept with one shared offset.

_FFFD = "\ufffd".encode()
_BOM = "\ufeff".encode()


def _utf8(text: str) -> bytes:
    # TextEncoder writes a lone surrogate as U+FFFD.
    return _LONE_SURROGATE.sub("\ufffd", text).encode()


def _is_continuation(byte: int) -> bool:
    return 0x80 <= byte < 0xC0


def _slice(data: bytes, start: int, end: int) -> bytes:
    """UTF-8 of TextDecoder().decode(data.slice(start, end)) for valid UTF-8 `data`: a sequence cut
    at either end becomes U+FFFD, and a leading byte order mark is dropped."""
    start, end = max(0, min(start, len(data))), max(0, min(end, len(data)))
    if start >= end:
        return b""
    head = start  # past the continuation bytes of a character cut at the start
    while head < end and head - start < 3 and _is_continuation(data[head]):
        head += 1
    last = end - 1  # the last character's first byte: complete, or cut at the end
    while last >= head and _is_continuation(data[last]):
        last -= 1
    tail = end if last < head or last + _sequence_length(data[last]) <= end else last
    piece = _FFFD * (head - start) + data[head:tail] + (_FFFD if tail < end else b"")
    return piece[3:] if piece.startswith(_BOM) else piece


def _sequence_length(lead: int) -> int:
    return 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def _shorten_as_the_app_does(text: str, spans: list[tuple[int, int]]) -> str:
    data = _utf8(text)
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + len(_utf8(char)))
    # Links not yet shortened, in the app's order; the true index is the stored one + `shift`.
    pending = [[offsets[start], offsets[end]] for start, end in spans]
    alive = [True] * len(pending)
    shift = 0
    for current, link in enumerate(pending):
        start, end = (link[0] + shift, link[1] + shift) if alive[current] else (0, 0)
        shortened = to_short_url(_slice(data, start, end).decode())
        short = _utf8(shortened)
        # rt.insert(byteStart, shortened.utf16): later links move by its UTF-16 length.
        data = _slice(data, 0, start) + short + _slice(data, start, len(data))
        if alive[current]:
            shift += len(shortened.encode("utf-16-le", "surrogatepass")) // 2
        # rt.delete(byteStart + shortened.length, byteEnd + shortened.length)
        cut, cut_end = start + len(short), end + len(short)
        data = _slice(data, 0, cut) + _slice(data, cut_end, len(data))
        shift = _delete_from_links(pending, alive, current + 1, shift, cut, cut_end)
    return data.decode()


def _delete_from_links(pending: list[list[int]], alive: list[bool], first: int, shift: int,
                       start: int, end: int) -> int:
    """RichText.delete's update of the links from `first` on; returns the new shared offset.
    Links stay sorted by start, so those past `end` (shifted alike) follow those that are not."""
    removed = end - start
    touched = []
    for index in range(first, len(pending)):
        if not alive[index]:
            continue
        lo, hi = pending[index][0] + shift, pending[index][1] + shift
        if lo > end:
            break
        if start <= lo and end >= hi:
            alive[index] = False
            continue
        if start > hi:
            pass
        elif lo < start <= hi < end:
            hi = start
        elif start >= lo and end <= hi:
            hi -= removed
        elif start < lo <= end <= hi:
            lo, hi = start, hi - removed
        elif end < lo:
            lo, hi = lo - removed, hi - removed
        touched.append((index, lo, hi))
    shift -= removed
    for index, lo, hi in touched:
        pending[index] = [lo - shift, hi - shift]
    return shift
