"""Share-image text from cached glyphs looks as Pillow draws it, ligatures and kerning included."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from hubgen.config import ShareImages
from hubgen.newsroom.glyph_text import draw_text
from hubgen.newsroom.share_drawing import font_path

LINES = [
    "Nordlicht Energie eröffnet Solarpark Husum",
    "Offizielle Pflanzen fließen ins Effizienz-Büro",  # fi, fl, ff: Lato's ligatures
    "AVATAR Wolf „Täglich“ – 35 MW für 12,5 Mio. €!",  # kerning pairs, quotes, dashes
    "Œuvre naïve façade Ærø Ångström ÿ",
    "mit\u00a0geschütztem Leerzeichen",
]
FALLBACK = [
    "مرحبا بالعالم",  # joins and runs right to left: Pillow draws it whole
    "e\u0301te",  # a combining accent
    "हिन्दी",
]


def _font(size: int) -> ImageFont.FreeTypeFont:
    path = font_path(ShareImages(), Path("."), bold=True)
    assert path is not None and path.is_file(), "Lato ships with hubgen (font_lato)"
    return ImageFont.truetype(str(path), size)


def _both(text: str, size: int) -> tuple[Image.Image, Image.Image]:
    font = _font(size)
    width = round(font.getlength(text)) + 40
    pillow = Image.new("RGB", (width, size * 2), "#0b2545")
    ImageDraw.Draw(pillow).text((20, size // 3), text, font=font, fill="#ffffff")
    cached = Image.new("RGB", (width, size * 2), "#0b2545")
    for _ in range(2):  # the second time from the cache
        cached.paste("#0b2545", (0, 0, *cached.size))
        draw_text(cached, (20, size // 3), text, font, "#ffffff")
    return pillow, cached


def _inked(image: Image.Image) -> int:
    return sum(1 for v in image.convert("L").point(lambda v: 255 if v > 100 else 0).get_flattened_data() if v)


@pytest.mark.parametrize("size", [75, 67, 35])
@pytest.mark.parametrize("text", LINES)
def test_glyphs_land_where_pillow_puts_them(text: str, size: int) -> None:
    pillow, cached = _both(text, size)
    assert pillow.size == cached.size
    different = ImageChops.difference(pillow, cached).convert("L").point(lambda v: 255 if v > 60 else 0)
    # At most a glyph here and there a pixel off (Pillow places glyphs at fractions of one).
    assert _inked(different) <= 0.03 * _inked(pillow), f"{text!r} at {size} px"


@pytest.mark.parametrize("text", FALLBACK)
def test_text_that_needs_shaping_is_drawn_by_pillow(text: str) -> None:
    pillow, cached = _both(text, 60)
    assert ImageChops.difference(pillow, cached).getbbox() is None


def test_a_ligature_is_one_glyph() -> None:
    """Drawn letter by letter, "fi" would show the i's dot, which Lato's ligature drops."""
    pillow, cached = _both("fi", 120)
    assert ImageChops.difference(pillow, cached).getbbox() is None
