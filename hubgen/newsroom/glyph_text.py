"""Text drawn from remembered glyphs, for share images.

FreeType rasterises every glyph again on each `ImageDraw.text` call: a card's title took half
of its drawing time, although a newsroom's titles share a few hundred letters and letter pairs.
Here each glyph is rasterised once per font and size, and placed where HarfBuzz (Pillow's raqm
layout) puts it: a glyph's advance with its kerning is measured on the pair it ends, so pair
kerning stays as shaped. Pairs the font joins into a ligature ("fi", "fl") are drawn as one.
Text in scripts that need more shaping than that (Arabic, Devanagari, combining marks, right
to left) goes to Pillow as a whole line.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

__all__ = ["draw_text"]

Font = ImageFont.FreeTypeFont

# Without these features a pair is drawn glyph by glyph; a pair that looks different with them
# is a ligature or a contextual form.
_JOINING = ["-liga", "-clig", "-calt", "-dlig"]


def draw_text(image: Image.Image, xy: tuple[int, int], text: str, font: Font, fill: str) -> None:
    """`ImageDraw.text(xy, text, font=font, fill=fill)` for one line, from cached glyphs."""
    if not _simple(text):
        ImageDraw.Draw(image).text(xy, text, font=font, fill=fill)
        return
    x, y = xy
    pen = 0.0
    units = _units(font, text)
    for unit, following in zip(units, [*units[1:], ""], strict=True):
        glyph, (left, top) = _glyph(font, unit)
        if glyph is not None:
            at = (round(x + pen) + left, y + top)
            image.paste(fill, (*at, at[0] + glyph.width, at[1] + glyph.height), glyph)
        # The unit's advance, with the kerning between it and what follows.
        pen += _length(font, unit + following[:1]) - _length(font, following[:1])


def _simple(text: str) -> bool:
    """Only letters whose glyphs stand alone: Latin, Greek, Cyrillic, punctuation, symbols and
    emoji-free; no combining marks, no right-to-left text."""
    return all(ord(char) < 0x0530 or 0x1E00 <= ord(char) < 0x2190 for char in text) and not any(
        unicodedata.combining(char) or unicodedata.bidirectional(char) in ("R", "AL", "AN")
        for char in text)


def _units(font: Font, text: str) -> list[str]:
    """`text` as the glyphs it is drawn with: letters, and pairs that form a ligature."""
    units: list[str] = []
    for word in re.findall(r"\w+|\W", text):
        units += _word_units(_reference(font), word)
    return units


@lru_cache(maxsize=65536)
def _word_units(font: Font, word: str) -> tuple[str, ...]:
    # Whether letters join is the font's rule, not its size's: tested once per word, small,
    # and pair by pair only in a word where some do.
    if len(word) == 1 or not word.isalnum() or not _joins(font, word):
        return tuple(word)
    units: list[str] = []
    i = 0
    while i < len(word):
        step = 2 if i + 1 < len(word) and _joins(font, word[i : i + 2]) else 1
        units.append(word[i : i + step])
        i += step
    return tuple(units)


def _joins(font: Font, text: str) -> bool:
    plain, offset = _mask(font, text, _JOINING)
    shaped, shaped_offset = _mask(font, text)
    return offset != shaped_offset or plain is None or shaped is None or (
        plain.size != shaped.size or plain.tobytes() != shaped.tobytes())


def _reference(font: Font) -> Font:
    if not isinstance(font.path, str):
        return font  # Pillow's own font, read from memory
    return _small(font.path, font.index, font.layout_engine)


@lru_cache(maxsize=64)
def _small(path: str, index: int, layout: ImageFont.Layout) -> Font:
    return ImageFont.truetype(path, 24, index=index, layout_engine=layout)


@lru_cache(maxsize=65536)
def _length(font: Font, text: str) -> float:
    return font.getlength(text) if text else 0.0


@lru_cache(maxsize=16384)
def _glyph(font: Font, unit: str) -> tuple[Image.Image | None, tuple[int, int]]:
    return _mask(font, unit)


def _mask(font: Font, text: str, features: list[str] | None = None
          ) -> tuple[Image.Image | None, tuple[int, int]]:
    """The coverage `ImageDraw.text` draws for `text`, and where it goes from the pen."""
    left, top, right, bottom = (round(v) for v in font.getbbox(text, features=features))
    if right <= left or bottom <= top:
        return None, (left, top)  # a space
    mask = Image.new("L", (right - left, bottom - top))
    ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255, features=features)
    return mask, (left, top)
