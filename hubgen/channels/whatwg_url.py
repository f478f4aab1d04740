"""The parts of an http(s) URL as a browser's `new URL()` gives them (the WHATWG URL Standard).

Only what the Bluesky app's `toShortUrl` reads is computed: `host`, `pathname`, `search` and
`hash`, for `http:` and `https:` URLs. The rules follow url.spec.whatwg.org, "URL parsing" (the
basic URL parser's states for special schemes), "Host parsing" (domain to ASCII, IPv4, IPv6) and
"Percent-encoded bytes". Domain to ASCII (UTS #46) is approximated with the standard library:
NFKC and lower case instead of the IDNA mapping table; the fixtures from Node.js cover the names
a newsroom uses (umlauts, ß, CJK, emoji).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from typing import NamedTuple

import regex

__all__ = ["HttpUrl", "parse_http_url"]


class HttpUrl(NamedTuple):
    host: str  # with ":port" unless it is the scheme's default
    pathname: str
    search: str  # "" or "?..."
    hash: str  # "" or "#..."


_DEFAULT_PORT = {"http": 80, "https": 443}
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+\-.]*:")
_AUTHORITY_END = re.compile(r"[/?#\\]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Percent-encode sets: every set holds the C0 controls and all above U+007E.
_QUERY_SET = frozenset(' "#<>')
_SPECIAL_QUERY_SET = _QUERY_SET | {"'"}
_PATH_SET = _QUERY_SET | set("?`{}")  # Node.js 20 (Ada) does not encode "^" in paths
_FRAGMENT_SET = frozenset(' "<>`')

_FORBIDDEN_HOST = frozenset("\x00\t\n\r #/:<>?@[\\]^|")
_FORBIDDEN_DOMAIN = _FORBIDDEN_HOST | set(map(chr, range(0x20))) | {"%", "\x7f"}
# UTS #46 maps these to nothing ("ignored"): soft hyphen, ZWSP, word joiner, variation selectors.
_IGNORED = re.compile("[\u00ad\u034f\u180b-\u180d\u200b\u2060\ufe00-\ufe0f\ufeff\U000e0100-\U000e01ef]")
_DOTS = re.compile("[\u3002\uff0e\uff61]")


def _percent_encode(text: str, keep_out: frozenset[str]) -> str:
    if text.isascii() and not any(c in keep_out or c < " " or c == "\x7f" for c in text):
        return text
    return "".join(
        "".join(f"%{b:02X}" for b in c.encode()) if c in keep_out or not " " <= c <= "~" else c
        for c in text
    )


def _percent_decode(text: str) -> bytes:
    return re.sub(rb"%([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), text.encode())


def _ipv4_number(part: str) -> int | None:
    if not part:
        return None
    radix = 10
    if part[:2] in ("0x", "0X"):
        part, radix = part[2:], 16
    elif len(part) > 1 and part[0] == "0":
        part, radix = part[1:], 8
    if not part:
        return 0
    digits = {10: "0123456789", 16: "0123456789abcdefABCDEF", 8: "01234567"}[radix]
    if any(c not in digits for c in part):
        return None
    return int(part, radix)


def _ends_in_number(domain: str) -> bool:
    labels = domain.split(".")
    if labels[-1] == "":
        if len(labels) == 1:
            return False
        labels.pop()
    last = labels[-1]
    return bool(last) and ((last.isascii() and last.isdigit()) or _ipv4_number(last) is not None)


def _ipv4(domain: str) -> str | None:
    parts = domain.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if len(parts) > 4:
        return None
    numbers = [_ipv4_number(p) for p in parts]
    if any(n is None for n in numbers):
        return None
    values = [n for n in numbers if n is not None]
    if any(n > 255 for n in values[:-1]) or values[-1] >= 256 ** (5 - len(values)):
        return None
    address = values[-1] + sum(n * 256 ** (3 - i) for i, n in enumerate(values[:-1]))
    return ".".join(str((address >> shift) & 255) for shift in (24, 16, 8, 0))


def _ipv6(text: str) -> str | None:
    if "%" in text:  # zone identifiers are not part of URLs
        return None
    try:
        packed = ipaddress.IPv6Address(text).packed
    except ValueError:
        return None
    pieces = [int.from_bytes(packed[i:i + 2], "big") for i in range(0, 16, 2)]
    # Compress the first longest run of two or more zero pieces (URL Standard, IPv6 serializer).
    best, best_len, i = -1, 1, 0
    while i < 8:
        j = i
        while j < 8 and pieces[j] == 0:
            j += 1
        if j - i > best_len:
            best, best_len = i, j - i
        i = j + 1 if j == i else j
    hexes = [f"{p:x}" for p in pieces]
    if best < 0:
        return "[" + ":".join(hexes) + "]"
    return "[" + ":".join(hexes[:best]) + "::" + ":".join(hexes[best + best_len:]) + "]"


def _label_to_ascii(label: str) -> str | None:
    if label.isascii():
        if label[:4] != "xn--":
            return label
        try:
            decoded = label[4:].encode().decode("punycode")
        except (UnicodeError, IndexError, ValueError):
            return None
        ok = decoded and not decoded.isascii() and _label_valid(decoded)
        return label if ok and decoded.encode("punycode").decode() == label[4:] else None
    if not _label_valid(label):
        return None
    return "xn--" + label.encode("punycode").decode()


def _label_valid(label: str) -> bool:
    if unicodedata.normalize("NFC", label) != label or unicodedata.category(label[0])[0] == "M":
        return False
    for i, char in enumerate(label):
        if char in "\u200c\u200d":  # CheckJoiners: only after a virama
            if i == 0 or unicodedata.combining(label[i - 1]) != 9:
                return False
        elif _DISALLOWED.match(char) or char == "\ufffd":
            return False
    return True


# Categories UTS #46 disallows. From `regex`, not `unicodedata`: Python 3.11's Unicode 14 calls
# newer emoji (U+1FAE8 shaking face) unassigned, which browsers' ICU knows.
_DISALLOWED = regex.compile(r"[\p{Cn}\p{Co}\p{Cs}\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]")


def _domain_to_ascii(domain: str) -> str | None:
    if domain.isascii() and "xn--" not in domain.lower():
        ascii_domain = domain.lower()
    else:
        mapped = unicodedata.normalize("NFKC", _IGNORED.sub("", domain)).lower()
        mapped = unicodedata.normalize("NFC", _DOTS.sub(".", mapped))
        labels = [_label_to_ascii(label) if label else "" for label in mapped.split(".")]
        if any(label is None for label in labels):
            return None
        ascii_domain = ".".join(label for label in labels if label is not None)
    if not ascii_domain or any(c in _FORBIDDEN_DOMAIN for c in ascii_domain):
        return None
    return ascii_domain


def _host(text: str) -> str | None:
    if text.startswith("["):
        return _ipv6(text[1:-1]) if text.endswith("]") else None
    domain = _domain_to_ascii(_percent_decode(text).decode("utf-8", "replace"))
    if domain is None or not _ends_in_number(domain):
        return domain
    return _ipv4(domain)


def _host_and_port(authority: str, scheme: str) -> str | None:
    hostport = authority.rpartition("@")[2]
    if "@" in authority and not hostport:
        return None
    # The port starts at the first ":" outside [brackets].
    split, inside = len(hostport), False
    for i, char in enumerate(hostport):
        if char == "[":
            inside = True
        elif char == "]":
            inside = False
        elif char == ":" and not inside:
            split = i
            break
    host_text, port = hostport[:split], hostport[split + 1:]
    if not host_text:
        return None
    host = _host(host_text)
    if host is None:
        return None
    if not port:
        return host
    if not port.isascii() or not port.isdigit() or int(port) > 65535:
        return None
    return host if int(port) == _DEFAULT_PORT[scheme] else f"{host}:{int(port)}"


def _single_dot(segment: str) -> bool:
    return segment.lower() in (".", "%2e")


def _double_dot(segment: str) -> bool:
    return segment.lower() in ("..", ".%2e", "%2e.", "%2e%2e")


def _pathname(text: str) -> str:
    """The serialized path of a special URL; `text` is what follows the authority."""
    segments: list[str] = []
    raw = re.split(r"[/\\]", text)
    if raw[0] == "" and len(raw) > 1:  # the path start state takes the leading slash
        raw = raw[1:]
    for index, piece in enumerate(raw):
        last = index == len(raw) - 1
        segment = _percent_encode(piece, _PATH_SET)
        if _double_dot(segment):
            if segments:
                segments.pop()
            if last:
                segments.append("")
        elif _single_dot(segment):
            if last:
                segments.append("")
        else:
            segments.append(segment)
    return "/" + "/".join(segments)


def parse_http_url(url: str) -> HttpUrl | None:
    """`url` parsed as `new URL(url)` parses it, when that succeeds with http: or https:."""
    text = _LONE_SURROGATE.sub("\ufffd", url).strip(_C0_OR_SPACE)
    text = text.replace("\t", "").replace("\n", "").replace("\r", "")
    scheme_match = _SCHEME.match(text)
    if scheme_match is None:
        return None
    scheme = scheme_match[0][:-1].lower()
    if scheme not in _DEFAULT_PORT:
        return None
    rest = text[scheme_match.end():].lstrip("/\\")
    end = _AUTHORITY_END.search(rest)
    authority, rest = (rest[:end.start()], rest[end.start():]) if end else (rest, "")
    host = _host_and_port(authority, scheme)
    if host is None:
        return None
    rest, hash_mark, fragment = rest.partition("#")
    path, query_mark, query = rest.partition("?")
    search = "?" + _percent_encode(query, _SPECIAL_QUERY_SET) if query_mark and query else ""
    hash_ = "#" + _percent_encode(fragment, _FRAGMENT_SET) if hash_mark and fragment else ""
    return HttpUrl(host, _pathname(path), search, hash_)
