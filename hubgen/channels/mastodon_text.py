"""Mastodon's post length, as its StatusLengthValidator counts it.

mastodon/mastodon app/validators/status_length_validator.rb: the text's URLs (found by the
twitter-text gem's extract_urls_with_indices with extract_url_without_protocol: false) become
23 x's, each mention `@user@domain` becomes `@user` (app/lib/extractor.rb,
Account::MENTION_RE), overlapping entities are dropped (remove_overlapping_entities), and the
result is counted in grapheme clusters (each_grapheme_cluster). A text of nothing but white
space counts 0 (`str.blank?`). The URL regex is the gem's (twitter/twitter-text v3.1.0
rb/lib/twitter-text/regex.rb) as Mastodon patches it (config/initializers/twitter_regex.rb:
more schemes, wider path and query). Ruby matches code points, and its /i folds case the
Unicode way, which the `regex` module's IGNORECASE does too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from hubgen.channels.domain_starts import find_from, starts
from hubgen.channels.jsregex import trie
from hubgen.channels.twitter_text import tld_names

__all__ = ["Entity", "countable_text", "extract_mentions", "extract_urls", "length"]

_URL_PLACEHOLDER = "x" * 23
_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40

# regex.rb: UNICODE_SPACES, DIRECTIONAL_CHARACTERS, INVALID_CHARACTERS, LATIN_ACCENTS.
_SPACES = r"\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_DIRECTIONAL = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVALID = r"\ufffe\ufeff\uffff"
_LATIN = (r"\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
          r"\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff")
# DOMAIN_VALID_CHARS: no directional mark, ASCII punctuation, control or space.
_DOMAIN_CHAR = rf"[^{_DIRECTIONAL}!-/:-@\[-`{{-~\x00-\x1f\x7f{_INVALID}{_SPACES}]"
_SUBDOMAIN = rf"(?:(?:{_DOMAIN_CHAR}(?:[_-]|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\.)"
_DOMAIN_NAME = rf"(?:(?:{_DOMAIN_CHAR}(?:[-]|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\.)"
_LINE_END = r"(?=\n|\Z)"  # Ruby's $: the end of a line
_TLD_END = rf"(?=[^0-9a-z@+-]|{_LINE_END})"
_PUNYCODE = r"(?:xn--[0-9a-z]+)"
_PRECEDING = rf"(?:[^A-Z0-9@＠$#＃{_INVALID}]|[{_DIRECTIONAL}]|(?:\A|(?<=\n)))"  # ^: a line start
# The gem's path characters, still used by Mastodon's valid_url_path_ending_chars, which
# interpolates the gem's valid_url_balanced_parens before twitter_regex.rb replaces it.
_GEM_PATH_CHAR = rf"[a-z\p{{Cyrillic}}0-9!*';:=+,.$/%#\[\]\p{{Pd}}_~&|@{_LATIN}]"
_GEM_PARENS = rf"\((?:{_GEM_PATH_CHAR}+|(?:{_GEM_PATH_CHAR}*\({_GEM_PATH_CHAR}+\){_GEM_PATH_CHAR}*))\)"
# twitter_regex.rb.
_SCHEMES = "https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini"
_PATH_CHAR = r"[^\p{White_Space}<>()?]"
_PATH_END = rf"""(?:[^\p{{White_Space}}()?!*"'「」<>;:=,.$%\[\]~&|@]|(?:{_GEM_PARENS}))"""
_PARENS = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
_PATH = rf"(?:(?:{_PATH_CHAR}*(?:{_PARENS}{_PATH_CHAR}*)*{_PATH_END})|(?:{_PATH_CHAR}+/))"
_UCHARS = (r"\xa0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U0001fffd\U00020000-\U0002fffd"
           r"\U00030000-\U0003fffd\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd"
           r"\U00070000-\U0007fffd\U00080000-\U0008fffd\U00090000-\U0009fffd\U000a0000-\U000afffd"
           r"\U000b0000-\U000bfffd\U000c0000-\U000cfffd\U000d0000-\U000dfffd\U000e1000-\U000efffd"
           r"\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd")
_QUERY = rf"(?:\?[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@\^{_UCHARS}]*[a-z0-9_&=#/\-{_UCHARS}])"
# Onigmo folds no non-ASCII letter to an ASCII one here ("İ" is no "i"): ASCII folding only.
_TCO = regex.compile(r"(?:\A|(?<=\n))https?://t\.co/([a-z0-9]+)", regex.IGNORECASE | regex.ASCII)

# app/models/account.rb: USERNAME_RE and MENTION_RE; [[:word:]] is Ruby's Unicode word class.
_WORD = r"\p{L}\p{M}\p{Nd}\p{Pc}"
_MENTION = regex.compile(
    rf"(?<![=/{_WORD}])@(([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[{_WORD}.-]+[{_WORD}]+)?)",
    regex.IGNORECASE | regex.V0)
_END_MENTION = regex.compile(rf"\A(?:[@＠]|[{_LATIN}]+|://)", regex.IGNORECASE)  # end_mention_match
_BLANK = regex.compile(r"\A\p{White_Space}*\Z")  # ActiveSupport String#blank?


@cache
def _tlds() -> str:
    kinds = ("gTLD", "ccTLD")  # the gem's tld_lib.yml holds the same lists, in the same order
    return "|".join(rf"(?:{trie(tld_names(kind), ignore_case=False)}{_TLD_END})" for kind in kinds)


@cache
def _domain_scan() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """`domain_starts`' patterns: the "." before a TLD; where a run of a domain's text breaks."""
    return (regex.compile(rf"\.(?={_tlds()}|{_PUNYCODE})", regex.IGNORECASE | regex.V0),
            regex.compile(rf"(?!{_DOMAIN_CHAR}|[-_.])[\s\S]|(?<=\.)(?=[-_.])|(?<=[-_])(?=\.)", regex.V0))


@cache
def _url_regex() -> regex.Pattern[str]:
    tlds = _tlds()
    domain = rf"(?:{_SUBDOMAIN}*{_DOMAIN_NAME}(?:{tlds}|{_PUNYCODE}))"
    return regex.compile(
        rf"(({_PRECEDING})(((?:{_SCHEMES})://)?({domain})(?::([0-9]+))?(/{_PATH}*)?({_QUERY})?))",
        regex.IGNORECASE | regex.V0)


@dataclass(frozen=True)
class Entity:
    """A URL or a mention: code-point indices and what the validator counts in its place."""

    start: int
    end: int
    replacement: str


def _valid_domain(url_length: int, domain: str) -> bool:
    # extractor.rb is_valid_domain: IDN::Idna.toASCII (libidn, IDNA 2003) must succeed and the
    # URL stay within 4,096 with the domain encoded. Python's idna codec is IDNA 2003 as well.
    try:
        encoded = domain.encode("idna")
    except UnicodeError:
        return False
    return url_length + max(0, len(encoded) - len(domain)) <= _MAX_URL_LENGTH


def extract_urls(text: str) -> list[Entity]:
    """extract_urls_with_indices(text, extract_url_without_protocol: false)."""
    if ":" not in text:
        return []
    urls = []
    ends, breaks = _domain_scan()
    # The preceding character and the longest scheme ("gopher://") come before a domain.
    for match in find_from(_url_regex(), text, starts(text, ends, breaks, 10, True)):
        url, protocol, domain = match[3], match[4], match[5]
        if not protocol:
            continue  # a URL without protocol is found, and passed over
        start = match.start(3)
        tco = _TCO.match(url)
        if tco:
            if len(tco[1]) > _MAX_TCO_SLUG_LENGTH:
                continue
            url = tco[0]  # no path or query after a t.co slug
        if _valid_domain(len(url), domain):
            urls.append(Entity(start, start + len(url), _URL_PLACEHOLDER))
    return urls


def extract_mentions(text: str) -> list[Entity]:
    """Mastodon's Extractor.extract_mentions_or_lists_with_indices: `@user@domain` counts as
    `@user`; none where "@", a Latin accent or "://" follows."""
    if "@" not in text and "＠" not in text:
        return []
    return [Entity(match.start(1) - 1, match.end(1), "@" + match[1].split("@")[0])
            for match in _MENTION.finditer(text)
            if not _END_MENTION.match(text[match.end():]) and not _onigmo_lookbehind(text, match.start())]


def _onigmo_lookbehind(text: str, at: int) -> bool:
    """Whether Ruby's regex engine (Onigmo, Ruby 3.1) takes MENTION_RE's case-insensitive
    `(?<![=/[:word:]])` to match before the "@" at `at` although the character before is no
    word character: it does when the character k places before folds to k characters ("ß",
    "ﬀ" two before, "ﬃ" three before: "Maß @lena@x.de" is no mention there). Found by running
    Mastodon's extractor in Ruby 3.1; case folding can lengthen a character to 3 at most."""
    return any(at >= back and len(text[at - back].casefold()) == back for back in (2, 3))


def _without_overlaps(entities: list[Entity]) -> list[Entity]:
    # remove_overlapping_entities: by start, each dropped that starts before the last kept ends.
    kept: list[Entity] = []
    for entity in sorted(entities, key=lambda entity: entity.start):
        if not kept or kept[-1].end <= entity.start:
            kept.append(entity)
    return kept


def countable_text(text: str) -> str:
    """The text StatusLengthValidator counts: URLs as 23 x's, mentions without their domain."""
    if _BLANK.match(text):
        return ""
    parts, end = [], 0
    for entity in _without_overlaps(extract_urls(text) + extract_mentions(text)):
        parts += [text[end:entity.start], entity.replacement]
        end = entity.end
    return "".join([*parts, text[end:]])


def length(text: str) -> int:
    """The length Mastodon compares with its limit (500 by default), without a content warning."""
    return len(regex.findall(r"\X", countable_text(text)))
