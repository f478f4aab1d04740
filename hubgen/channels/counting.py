"""How a text is counted against a platform's limit, and how it is cut to fit one.

The counters know nothing of platforms' names or limits: `hubgen.channels.platforms` pairs each
platform with its counter. Each counter cites the rule it follows.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import regex

from hubgen.channels.twitter_text import weighted_length

__all__ = ["count_characters", "count_graphemes", "count_mastodon", "count_threads", "count_x",
           "shorten"]

# --- URLs with a scheme, as Mastodon finds them (each counts 23) ---------------------------

# ccTLDs: twitter/twitter-text js/src/regexp/validCCTLD.js, complete.
_CCTLD_LIST = """
한국 香港 澳門 新加坡 台灣 台湾 中國 中国 გე ລາວ ไทย ලංකා ഭാരതം ಭಾರತ భారత్ சிங்கப்பூர் இலங்கை
இந்தியா ଭାରତ ભારત ਭਾਰਤ ভাৰত ভারত বাংলা भारोत भारतम् भारत ڀارت پاکستان موريتانيا مليسيا مصر قطر
فلسطين عمان عراق سورية سودان تونس بھارت بارت ایران امارات المغرب السعودية الجزائر البحرين الاردن
հայ қаз укр срб рф мон мкд ею бел бг ευ ελ
ac ad ae af ag ai al am an ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq
br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz
ec ee eg eh er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw
gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz
la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx
my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro
rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk
tl tm tn to tp tr tt tv tw tz ua ug uk um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
"""

# gTLDs: a subset of twitter-text's validGTLD.js (which lists ~1,500) - the legacy ones and the
# new ones a newsroom is likely to meet. Reserved names (.example, .test, .invalid, .localhost,
# RFC 2606) are never TLDs, so demo links like nordlicht-energie.example are counted as text.
_GTLD_LIST = """
com net org edu gov mil int info biz name pro mobi aero asia cat coop jobs museum tel travel
app dev page blog shop store online site website tech cloud digital email news media press
live life world global group company agency studio solutions services support systems network
energy solar green eco earth bio organic farm garden
berlin hamburg koeln cologne bayern nrw ruhr saarland wien tirol swiss zuerich paris london
amsterdam brussels madrid barcelona istanbul stockholm helsinki tokyo nyc miami
gmbh ltd llc inc srl sarl
academy capital careers center city community consulting design education engineering events
expert finance financial foundation fund futbol gallery guide health holdings institute
insurance international investments jetzt legal management marketing moe one ooo partners
photo photography place plus productions properties realestate reisen report school science
social software space team technology today tools training trust university ventures video
wiki work works xyz top club art link click fun icu ink ngo ong vip win zone
google youtube amazon apple microsoft android
"""
_CCTLDS = frozenset(_CCTLD_LIST.split())
_TLD = "|".join(sorted({*_CCTLDS, *_GTLD_LIST.split()}, key=len, reverse=True))

# The domain must end at its TLD: "example.company" must not stop at "com".
_TLD_RE = rf"(?:{_TLD}|xn--[0-9a-z]+)(?![0-9a-z@])"


# twitter-text allows any non-punctuation character in a domain once a scheme is given.
_LETTER, _ASCII = r"[\p{L}\p{M}\p{N}]", "[a-z0-9]"


def _domain(char: str) -> str:
    """Subdomains may hold "_", the registered name may not (twitter-text validDomainName)."""
    sub = rf"{char}(?:(?:{char}|[-_])*{char})?\."
    name = rf"{char}(?:(?:{char}|-)*{char})?\."
    return rf"(?:{sub})*{name}{_TLD_RE}"


def _url_pattern(*, bare: bool, path_char: str, path_end: str, query_char: str,
                 query_end: str) -> regex.Pattern[str]:
    parens = rf"\((?:{path_char})*\)"
    path = rf"/(?:(?:{path_char}|{parens})*(?:{path_end}|{parens}))?"
    scheme = rf"(?P<scheme>https?://)(?P<host>{_domain(_LETTER)})"
    # Without a scheme only ASCII domains count, and not right after "-", "_", "." or "/".
    host = rf"{scheme}|(?<![-_./])(?P<bare>{_domain(_ASCII)})" if bare else scheme
    # Every match starts with a scheme or with a first label and its dot. Looking for that
    # first (it matches nothing new) spares trying the whole domain pattern at every word.
    quick = rf"(?=https?://|{_ASCII}[a-z0-9_-]*\.)" if bare else ""
    return regex.compile(
        rf"(?<![A-Za-z0-9@＠$#＃]){quick}(?:{host})(?::[0-9]+)?(?P<path>{path})?"
        rf"(?:\?(?:{query_char})*{query_end})?",
        regex.IGNORECASE,
    )


# mastodon/mastodon config/initializers/twitter_regex.rb widens the path and query characters;
# the composer's counter (compose/util/url_regex.js) only takes URLs with http(s)://.
_MASTODON_URL = _url_pattern(
    bare=False,
    path_char=r"[^\s<>()?]",
    path_end=r"[^\s()?!*\"'「」<>;:=,.$%\[\]~&|@]",
    query_char=r"[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@^\u00a0-\U0010ffff]",
    query_end=r"[a-z0-9_&=#/\-\u00a0-\U0010ffff]",
)


def _label_ok(label: str) -> bool:
    # DNS caps a label at 63 octets after punycode; twitter-text rejects longer ones via IDNA.
    size = len(label) if label.isascii() else 4 + len(label.encode("punycode"))
    return 0 < size <= 63


def _is_url(match: regex.Match[str]) -> bool:
    host = match["host"] or match["bare"]
    if not all(_label_ok(label) for label in host.split(".")):
        return False
    if match["scheme"] or match["path"]:
        return True
    # twitter-text invalidShortDomain: a bare "name.cctld" is no link, except .co and .tv.
    name, _, tld = host.rpartition(".")
    return "." in name or tld.lower() not in _CCTLDS or tld.lower() in ("co", "tv")


def _urls(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text) if _is_url(m)]


def _replace_urls(pattern: regex.Pattern[str], text: str, placeholder: str) -> str:
    parts, end = [], 0
    for start, stop in _urls(pattern, text):
        parts += [text[end:start], placeholder]
        end = stop
    return "".join([*parts, text[end:]])


# --- emoji ---------------------------------------------------------------------------------

# A multi-code-point cluster is one emoji if it starts like one and carries an emoji-only part
# (VS16, keycap, ZWJ, skin tone, flag tag or second regional indicator); U+FE0E asks for text.
_EMOJI_SEQUENCE = regex.compile(
    r"(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9])"
    r"(?=.*(?:[\uFE0F\u20E3\u200D\U000E0020-\U000E007F]|\p{Emoji_Modifier}"
    r"|\p{Regional_Indicator}))(?!.*\uFE0E)",
    regex.DOTALL,
)
_EMOJI_CHAR = regex.compile(r"\p{Emoji_Presentation}")
# Every emoji cluster holds one of these: a lone code point must be Emoji_Presentation, a
# sequence one of the emoji-only parts above. A text without any has no emoji at all, which
# lets the counters skip grapheme clustering (the slow part) for most posts.
_MAYBE_EMOJI = regex.compile(
    r"[\p{Emoji_Presentation}\uFE0F\u20E3\u200D\U000E0020-\U000E007F\p{Emoji_Modifier}"
    r"\p{Regional_Indicator}]"
)


@lru_cache(maxsize=4096)  # the same few clusters (letters, a handful of emoji) come up again
def _is_emoji(cluster: str) -> bool:
    pattern = _EMOJI_SEQUENCE if len(cluster) > 1 else _EMOJI_CHAR
    return pattern.match(cluster) is not None


def _may_hold_emoji(text: str) -> bool:
    return _MAYBE_EMOJI.search(text) is not None


def _clusters(text: str) -> list[str]:
    return regex.findall(r"\X", text)


# --- counters ------------------------------------------------------------------------------

def count_x(text: str) -> int:
    """X's weighted length: twitter-text 3.1.0's parseTweet, ported in `twitter_text`."""
    return weighted_length(text)


def count_characters(text: str) -> int:
    """Code points after NFC: what a text field's `maxlength` and most counters show."""
    return len(unicodedata.normalize("NFC", text))


def count_graphemes(text: str) -> int:
    # app.bsky.feed.post: text maxGraphemes 300. Its second cap, maxLength 3000 UTF-8 bytes,
    # only bites on posts made almost entirely of long emoji sequences and is not checked here.
    if text.isascii():  # in ASCII only CR LF joins into one cluster (UAX #29 GB3)
        return len(text) - text.count("\r\n")
    return len(_clusters(text))


def count_threads(text: str) -> int:
    # Threads API, "Posts": text is limited to 500 characters, emojis count as their UTF-8 bytes.
    text = unicodedata.normalize("NFC", text)
    if not _may_hold_emoji(text):
        return len(text)
    return len(text) + sum(len(cluster.encode()) - len(cluster)
                           for cluster in _clusters(text) if _is_emoji(cluster))


_MASTODON_MENTION = regex.compile(r"(?<![/\w])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)@[\w.-]+\w",
                                  regex.IGNORECASE)


def count_mastodon(text: str) -> int:
    # app/validators/status_length_validator.rb: URLs with a scheme become 23 x's, @user@domain
    # becomes @user, and the rest is counted in grapheme clusters (each_grapheme_cluster), not
    # code points. A content warning counts against the same limit; it is not part of `text`.
    text = _replace_urls(_MASTODON_URL, text, "x" * 23)
    return count_graphemes(_MASTODON_MENTION.sub(r"@\1", text))


# Non-breaking spaces join their words, so a cut never falls on one.
_WORD = regex.compile(r"(?:[^\s]|[\u00A0\u2007\u202F])+")
_TRIM = string.whitespace + "\u00A0\u2007\u202F.,;:!?¡¿…‥·-‐‑‒–—―/([{«‹„‚、。，；：！？"


def _last_true(lo: int, hi: int, test: Callable[[int], bool]) -> int:
    """The largest i in lo..hi with test(i), for a test that holds up to some point; else -1."""
    best = -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if test(mid):
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    return best


def shorten(text: str, fits: Callable[[str], bool], ellipsis: str = "…") -> str:
    """`text` cut after its longest run of whole words for which `fits(result)` holds, for a
    `fits` that stops holding as text grows (a length limit); "" if not even one word fits."""
    if fits(text):
        return text
    ends = [m.end() for m in _WORD.finditer(text)]

    def stem(i: int) -> str:
        return text[: ends[i]].rstrip(_TRIM)

    first = 0
    while first < len(ends) and not stem(first):  # leading words of nothing but punctuation
        first += 1
    # Each word added makes the count grow, so the longest stem that fits can be bisected.
    best = _last_true(first, len(ends) - 1, lambda i: fits(stem(i) + ellipsis))
    return stem(best) + ellipsis if best >= 0 else ""
