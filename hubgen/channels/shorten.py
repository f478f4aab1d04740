"""Cutting a text to fit a limit: at a sentence end first, then a clause, then a word.

A cut never falls inside a grapheme cluster (`regex` `\\X`), and never inside a word of a
script written with spaces. Scripts written without them (Chinese, Japanese, Thai, …) have no
word ends to find, so there every grapheme boundary counts as one, and `。！？` end sentences
and `、，；：` clauses without a following space. The counter is a black box (`fits`): each
tier bisects over its cut points, as a text that grows never fits better.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence

import regex

__all__ = ["sentences", "shorten"]

# Scripts written without spaces between words (UAX #14 class SA, and the ideographic scripts).
_SPACELESS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
                           r"\u3000-\u303F\uFF00-\uFF65\u30FC]")
# Non-breaking spaces join their words, so a cut never falls on one.
_WORD = regex.compile(r"(?:[^\s]|[\u00A0\u2007\u202F])+")
# What a cut before "…" drops from the end of the stem: spaces, and punctuation that would
# stand before the ellipsis.
_TRIM = string.whitespace + "\u00A0\u2007\u202F.,;:!?¡¿…‥·-‐‑‒–—―/([{«‹„‚“\"'、。，；：！？"
# A sentence ends after . ! ? … (and closing quotes or brackets) before a space or the end, or
# after 。！？ anywhere.
_SENTENCE_END = regex.compile(r"(?:(?<=[.!?…])[\"'»«“”’)\]]*(?=\s|$))|(?<=[。！？])[」』）]*")
# A clause ends after , ; : before a space, after 、，；：, or before a spaced dash.
_CLAUSE_END = regex.compile(r"(?<=[,;:])(?=\s)|(?<=[、，；：])|(?=\s[–—]\s)")
# Not sentence ends: the period of these abbreviations, of initials (one letter) and of German
# ordinals ("25. April", "3. Quartal").
_ABBREVIATIONS = frozenset((
    "dr", "prof", "mio", "mrd", "nr", "ca", "bzw", "vgl", "inkl", "zzgl", "evtl", "ggf", "usw",
    "etc", "st", "str", "tel", "tsd", "abs", "art", "bd", "hr", "fr", "mr", "mrs", "ms", "jr",
    "sr", "vs", "no", "approx", "dept", "est", "inc", "ltd", "co", "corp", "gmbh",
))
_ABBREVIATED = regex.compile(r"(?:^|(?<=[\s(]))(?:\p{L}|\d{1,2}|(\p{L}+))\.$")

_KEEP = 0.5
"""A sentence or clause cut is taken when it keeps at least this share of what the cut at the
last fitting word would keep; below it, the post would lose too much to end neatly."""


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


def _is_abbreviation(text: str, end: int) -> bool:
    if text[end - 1] != ".":
        return False
    found = _ABBREVIATED.search(text[max(0, end - 12):end])
    return found is not None and (found[1] is None or found[1].casefold() in _ABBREVIATIONS)


def _sentence_ends(text: str) -> list[int]:
    return sorted({m.end() for m in _SENTENCE_END.finditer(text)
                   if not _is_abbreviation(text, m.start())})


def _clause_ends(text: str) -> list[int]:
    return [m.end() for m in _CLAUSE_END.finditer(text)]


def _word_ends(text: str) -> list[int]:
    """After each word, and after each grapheme of a script without spaces."""
    ends = {m.end() for m in _WORD.finditer(text)}
    if _SPACELESS.search(text):
        ends.update(m.end() for m in regex.finditer(r"\X", text) if _SPACELESS.search(m[0]))
    return sorted(ends)


def _best(ends: Sequence[int], make: Callable[[int], str], fits: Callable[[str], bool]) -> str:
    """The longest candidate `make(end)` that is not empty and fits; "" if none does."""
    usable = [end for end in ends if make(end)]
    best = _last_true(0, len(usable) - 1, lambda i: fits(make(usable[i])))
    return make(usable[best]) if best >= 0 else ""


def shorten(text: str, fits: Callable[[str], bool], ellipsis: str = "…") -> str:
    """`text` (stripped) if `fits(text)`, else its longest start that fits, for a `fits` that
    stops holding as text grows (a length limit): cut after a sentence, or at a clause or a
    word with `ellipsis`; "" if not even the first word fits."""
    text = text.strip()
    if fits(text):
        return text

    def cut(end: int) -> str:
        stem = text[:end].rstrip(_TRIM)
        return stem + ellipsis if stem else ""

    word = _best(_word_ends(text), cut, fits)
    if not word:
        return ""
    for neat in (_best(_sentence_ends(text), lambda end: text[:end].rstrip(), fits),
                 _best(_clause_ends(text), cut, fits)):
        if neat and len(neat) >= _KEEP * len(word):
            return neat
    return word


def sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, in order (as the cut finds sentence ends)."""
    found, start = [], 0
    for end in [*_sentence_ends(text), len(text)]:
        if piece := text[start:end].strip():
            found.append(piece)
        start = end
    return found
