"""X's weighted length: a port of twitter-text 3.1.0's `parseTweet` (npm `twitter-text`).

The regexes are twitter-text's own, dumped with their TLD lists and config v3 into
twitter_text.json by scripts/twitter-text/make.sh, and run through `hubgen.channels.jsregex`,
which gives them their JS meaning (UTF-16 code units, JS case folding). The code here follows
twitter/twitter-text js/src: parseTweet.js, extractUrlsWithIndices.js, lib/idna.js,
lib/getCharacterWeight.js, and twemoji-parser's parse() (dist/index.js).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

from hubgen.channels.domain_starts import find_from, starts
from hubgen.channels.jsregex import fold, from_utf16, translate, trie, utf16

__all__ = ["Url", "extract_urls", "tld_names", "weighted_length"]

_DEFAULT_PROTOCOL = "https://"
_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_DOMAIN_LABEL_LENGTH = 63
# punycode.js mapDomain: the label separators RFC 3490 §3.1 allows besides ".".
_LABEL_SEPARATORS = re.compile("[\u002e\u3002\uff0e\uff61]")


@cache
def _data() -> dict[str, Any]:
    text = resources.files("hubgen.channels").joinpath("twitter_text.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def tld_names(kind: str) -> list[str]:
    """twitter-text's validGTLD ("gTLD") or validCCTLD ("ccTLD") names, in their order."""
    names: list[str] = _data()["tlds"][kind]["names"]
    return names


@cache
def _tld_tries(ignore_case: bool) -> dict[str, str]:
    """Each TLD regex's JS source -> the same regex with its alternation as a trie."""
    tlds = _data()["tlds"]
    return {
        entry["source"]: "(?:" + trie(entry["names"], ignore_case)
        + translate(entry["boundary"], ignore_case) + ")"
        for entry in tlds.values()
    }


@cache
def _regex(name: str) -> tuple[re.Pattern[str], bool]:
    """One of twitter_text.json's regexes for Python, and whether it folds case (flag i)."""
    entry = _data()["regexes"][name]
    ignore_case = "i" in entry["flags"]
    return re.compile(translate(entry["source"], ignore_case, _tld_tries(ignore_case))), ignore_case


def _finditer(name: str, units: str) -> list[re.Match[str]]:
    pattern, ignore_case = _regex(name)
    return list(pattern.finditer(fold(units) if ignore_case else units))


# The domain search of `domain_starts`: its patterns for these regexes.


@cache
def _domain_scan(ascii_only: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(where a domain's TLD may begin: at its "."; where a run of a domain's text breaks)."""
    regexes, tlds = _data()["regexes"], _data()["tlds"]
    ends = "\\.(?=" + "|".join([tlds["gTLD"]["source"], tlds["ccTLD"]["source"],
                                   regexes["validPunycode"]["source"]]) + ")"
    if ascii_only:  # validAsciiDomain.js: labels of [-a-z0-9] and Latin accents, "-" anywhere
        char = "[\\-a-z0-9" + _data()["latinAccentChars"] + "]"
        breaks = f"(?!{char}|\\.)[^]|(?<=\\.)(?=\\.)"
    else:
        char = regexes["validDomainChars"]["source"]
        breaks = f"(?!{char}|[-_.])[^]|(?<=\\.)(?=[-_.])|(?<=[-_])(?=\\.)"
    return (re.compile(translate(ends, True, _tld_tries(True))),
            re.compile(translate(breaks, True)))


def _finditer_domains(name: str, units: str, ascii_only: bool, lead: int) -> list[re.Match[str]]:
    """pattern.finditer(units), tried only where `domain_starts` finds a match may start."""
    pattern, _ = _regex(name)
    folded = fold(units)
    ends, breaks = _domain_scan(ascii_only)
    return find_from(pattern, folded, starts(folded, ends, breaks, lead, not ascii_only))


def _search(name: str, units: str) -> re.Match[str] | None:
    pattern, ignore_case = _regex(name)
    return pattern.search(fold(units) if ignore_case else units)


@dataclass
class Url:
    """A URL entity: `start` in code units; `url` the text parseTweet skips (its length)."""

    url: str
    start: int


def _punycode_length(label: str) -> int:
    """len(punycode.toASCII(label)) (punycode.js 2.1, Node's own, which twitter-text loads)."""
    parts = label.split("@")
    prefix, label = (parts[0] + "@", parts[1]) if len(parts) > 1 else ("", label)
    pieces = _LABEL_SEPARATORS.sub(".", label).split(".")
    encoded = [piece if piece.isascii() else "xn--" + from_utf16(piece).encode("punycode").decode()
               for piece in pieces]
    return len(prefix) + len(".".join(encoded))


def _valid_domain(domain: str) -> bool:
    # lib/idna.js toAscii: a punycode domain must be ASCII; each label 1 to 63 after punycode.
    if domain[:4] == "xn--" and _search("validAsciiDomain", domain) is None:
        return False
    return all(0 < _punycode_length(label) <= _MAX_DOMAIN_LABEL_LENGTH for label in domain.split("."))


def _valid_url(url: str, protocol: str, domain: str) -> bool:
    # extractUrlsWithIndices.js isValidUrl; toAscii gives back the domain unchanged.
    return _valid_domain(domain) and len(protocol) + len(url) <= _MAX_URL_LENGTH


def _ascii_domains(url: str, domain: str, path: str, start: int) -> list[Url]:
    """A URL without protocol: the ASCII-only domains in its domain; the last keeps the path."""
    found: list[Url] = []
    end = 0
    for match in _finditer_domains("validAsciiDomain", domain, True, 0):
        ascii_domain = domain[match.start():match.end()]
        at = domain.find(ascii_domain, end)  # domain.indexOf(asciiDomain, asciiEndPosition)
        end = at + len(ascii_domain)
        found.append(Url(ascii_domain, start + at))
    if found and path:
        found[-1].url = url.replace(domain, found[-1].url, 1)
    return found


def extract_urls(units: str) -> list[Url]:
    """extractUrlsWithIndices(text) with extractUrlsWithoutProtocol, over code units."""
    if "." not in units:
        return []
    urls: list[Url] = []
    for match in _finditer_domains("extractUrl", units, False, len("_https://")):
        # $2 preceding character, $3 URL, $4 protocol, $5 domain, $7 path: in the original case.
        before, url, protocol, domain, path = (
            units[match.start(n):match.end(n)] if match.start(n) >= 0 else "" for n in (2, 3, 4, 5, 7))
        start = match.end() - len(url)
        if not _valid_url(url, protocol or _DEFAULT_PROTOCOL, domain):
            continue
        if not protocol:
            if not _search("invalidUrlWithoutProtocolPrecedingChars", before):
                urls += _ascii_domains(url, domain, path, start)
            continue
        tco = _search("validTcoUrl", url)  # anchored with ^
        if tco is not None:
            if tco[1] and len(tco[1]) > _MAX_TCO_SLUG_LENGTH:
                continue
            url = url[:tco.end()]  # a t.co URL takes no path after its slug
        urls.append(Url(url, start))
    return urls


def _emoji(units: str) -> dict[int, int]:
    """twemoji-parser parse(): where each emoji starts -> its length in code units."""
    return {match.start(): match.end() - match.start() for match in _finditer("emoji", units)}


@cache
def _weights() -> tuple[int, int, int, int, list[tuple[int, int, int]]]:
    config = _data()["config"]
    ranges = [(entry["start"], entry["end"], entry["weight"]) for entry in config["ranges"]]
    return (config["scale"], config["defaultWeight"], config["transformedURLLength"],
            config["maxWeightedTweetLength"], ranges)


@cache
def _range_patterns() -> list[tuple[re.Pattern[str], int]]:
    """Per weighted range, a pattern of its code units, to count them at C speed. Counting so
    is parseTweet's loop (lib/getCharacterWeight.js: the first range holding a unit, else the
    default) for ranges that don't overlap, stay in the code units and hold no first half of a
    pair (never weighed): config v3's do; a config that doesn't fails at once."""
    _, _, _, _, ranges = _weights()
    spans = sorted((lo, hi) for lo, hi, _ in ranges)
    if any(a_hi >= b_lo for (_, a_hi), (b_lo, _) in pairwise(spans)) \
            or any(lo < 0 or hi > 0xFFFF or lo > hi or (lo <= 0xDBFF and hi >= 0xD800) for lo, hi in spans):
        raise ValueError(f"twitter_text.json: weighted ranges this count can't take: {spans}")
    return [(re.compile(f"[{re.escape(chr(lo))}-{re.escape(chr(hi))}]"), weight) for lo, hi, weight in ranges]


_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _pair(units: str, i: int) -> bool:
    return "\ud800" <= units[i] <= "\udbff" and i + 1 < len(units) and "\udc00" <= units[i + 1] <= "\udfff"


def _run_weight(units: str, default: int) -> int:
    """The weight of code units that hold no URL or emoji, as parseTweet adds it up unit by
    unit: a surrogate pair counts once, weighed by its second half. Counted by pattern: the
    loop was half of counting a post."""
    pairs = len(_PAIR.findall(units)) if not units.isascii() else 0
    # A pair's second half is weighed like any unit; its first half is not counted at all.
    found = total = 0
    for pattern, weight in _range_patterns():
        count = len(pattern.findall(units))
        found += count
        total += count * weight
    return total + (len(units) - found - pairs) * default


def weighted_length(text: str) -> int:
    """parseTweet(text).weightedLength with config v3 (emojiParsingEnabled)."""
    scale, default, url_length, _, _ = _weights()
    units = utf16(unicodedata.normalize("NFC", text))
    skips = {url.start: (len(url.url), url_length * scale) for url in extract_urls(units)}
    for start, length in _emoji(units).items():
        skips.setdefault(start, (length, default))
    total, at = 0, 0
    for start in sorted(skips):
        if start < at or (start > at and _pair(units, start - 1)):
            continue  # inside a URL or emoji counted, or the second half of a pair counted
        length, weight = skips[start]
        total += _run_weight(units[at:start], default) + weight
        at = start + length
    return (total + _run_weight(units[at:], default)) // scale
