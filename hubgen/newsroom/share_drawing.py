"""Drawing one share image with Pillow: what a card shows and how it is laid out."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from hubgen.config import ShareImages
from hubgen.newsroom.glyph_text import draw_text
from hubgen.paths import SHARE_IMAGE_FILES

__all__ = ["FORMATS", "SQUARE", "WIDE", "Card", "ShareFormat", "draw_card", "font_path", "wrap"]


@dataclass(frozen=True)
class ShareFormat:
    name: str
    width: int
    height: int
    max_lines: int


WIDE = ShareFormat(SHARE_IMAGE_FILES[0], 1200, 630, 4)
SQUARE = ShareFormat(SHARE_IMAGE_FILES[1], 1080, 1080, 7)
FORMATS = (WIDE, SQUARE)
"""In the order of `paths.share_images`."""


@dataclass(frozen=True)
class Card:
    """What one share image shows."""

    title: str
    eyebrow: str
    """Above the title: the company name."""
    footer: str
    """Below the title: the localised date, or the newsroom's address."""
    lang: str
    picture: Path | None = None
    """The message's image, drawn behind the text when Pillow can read it (SVG it can't)."""
    focus: tuple[float, float] = (0.5, 0.5)
    """The picture's point that crops keep (`image_focus`)."""
    logo: Path | None = None
    """The company's raster logo (`logo_png`, or `logo` when it is no SVG), top left."""


def draw_card(card: Card, fmt: ShareFormat, style: ShareImages, root: Path) -> bytes:
    """The JPEG of one card: picture or drawn background, logo or company, wrapped title, date,
    accent bar. Over a picture the text sits low on a band of the background colour that fades
    out above it, so that most of the photo stays visible."""
    picture = _read_picture(card.picture)
    image = (_photo(picture, fmt, card.focus) if picture is not None
             else _drawn_background(fmt, style).copy())
    margin = fmt.width // 16
    width = fmt.width - 2 * margin
    small = _font(style, root, bold=False, size=fmt.width // 34)
    bar = max(10, fmt.height // 60)
    logo = _read_logo(card.logo, (width * 2 // 5, fmt.height // 10))
    head = logo.height + round(small.size) if logo is not None else round(small.size) * 2
    footer_y = fmt.height - bar - margin - round(small.size)
    top = margin + head
    title_font, lines = _title_layout(card.title, style, root, fmt, width,
                                      footer_y - top - round(small.size))
    line_height = round(title_font.size * 1.18)
    block = line_height * len(lines)
    if picture is not None:
        y = footer_y - round(small.size * 0.8) - block
        _band(image, style, y - margin // 2, fmt)
        if logo is None:
            _shade_top(image, style, margin * 3)
    else:
        y = top + max(0, (footer_y - round(small.size) - top - block) // 2)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, fmt.height - bar, fmt.width, fmt.height), fill=style.accent)
    if logo is not None:
        _paste_logo(image, logo, margin)
    else:
        draw_text(image, (margin, margin), _fit(card.eyebrow, small, width), small, style.muted)
    draw_text(image, (margin, footer_y), _fit(card.footer, small, width), small, style.accent)
    for line in lines:
        draw_text(image, (margin, y), line, title_font, style.text)
        y += line_height
    out = io.BytesIO()
    # JPEG, not PNG: encoding a PNG took twice as long as drawing and was most of a cold build.
    # Quality 85 with the usual 4:2:0 chroma: text edges look the same as without subsampling
    # (compared at 2x zoom), for a third fewer bytes (~65 KB) and encoding time.
    image.save(out, "JPEG", quality=85, subsampling=2)
    return out.getvalue()


BAND_ALPHA = 215
"""The band's opacity under the text: white text keeps a contrast above 7:1 even over a white
sky, the accent date above 3:1 (WCAG's large-text minimum)."""


def _photo(picture: Image.Image, fmt: ShareFormat, focus: tuple[float, float]) -> Image.Image:
    return ImageOps.fit(picture, (fmt.width, fmt.height), Image.Resampling.LANCZOS, centering=focus)


def _band(image: Image.Image, style: ShareImages, start: int, fmt: ShareFormat) -> None:
    """The background colour from `start` down, fading in over a seventh of the height above."""
    fade = fmt.height // 7
    ramp = [0 if y < start - fade else BAND_ALPHA if y >= start
            else BAND_ALPHA * (y - start + fade) // fade for y in range(fmt.height)]
    mask = Image.new("L", (1, fmt.height))
    mask.putdata(ramp)
    image.paste(Image.new("RGB", image.size, style.background), (0, 0), mask.resize(image.size))


def _shade_top(image: Image.Image, style: ShareImages, height: int) -> None:
    """A light shade behind the company's name when there is no logo to carry it."""
    mask = Image.new("L", (1, height))
    mask.putdata([140 - 140 * y // height for y in range(height)])
    top = Image.new("RGB", (image.width, height), style.background)
    image.paste(top, (0, 0), mask.resize((image.width, height)))


def _read_logo(path: Path | None, box: tuple[int, int]) -> Image.Image | None:
    if path is None or not path.is_file():
        return None
    try:
        with Image.open(path) as opened:
            logo = opened.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None  # broken: the company's name instead
    scale = min(box[0] / logo.width, box[1] / logo.height)
    return logo.resize((max(1, round(logo.width * scale)), max(1, round(logo.height * scale))),
                       Image.Resampling.LANCZOS)


def _paste_logo(image: Image.Image, logo: Image.Image, margin: int) -> None:
    """On a white plate: a logo drawn for light backgrounds stays legible on any photo."""
    pad = max(8, logo.height // 4)
    plate = (margin - pad, margin - pad, margin + logo.width + pad, margin + logo.height + pad)
    ImageDraw.Draw(image).rounded_rectangle(plate, radius=pad, fill="#ffffff")
    image.paste(logo, (margin, margin), logo)


@lru_cache(maxsize=8)
def _drawn_background(fmt: ShareFormat, style: ShareImages) -> Image.Image:
    """The same for every card without a picture: drawn once per format and style."""
    size = (fmt.width, fmt.height)
    image = Image.new("RGB", size, style.background)
    # Two large, faint circles off the right edge: a drawn backdrop, not an empty field.
    glow = Image.new("RGBA", size, (0, 0, 0, 0))
    paint = ImageDraw.Draw(glow)
    r = fmt.height
    paint.ellipse((fmt.width - r * 0.55, -r * 0.45, fmt.width + r * 0.75, r * 0.85),
                  fill=_rgba(style.muted, 24))
    paint.ellipse((fmt.width - r * 0.95, r * 0.35, fmt.width + r * 0.35, r * 1.65),
                  fill=_rgba(style.muted, 14))
    image.paste(glow, (0, 0), glow)
    return image


def _read_picture(path: Path | None) -> Image.Image | None:
    if path is None or not path.is_file():
        return None
    try:
        with Image.open(path) as opened:
            return ImageOps.exif_transpose(opened).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None  # SVG, a broken file: the drawn background instead


def _rgba(color: str, alpha: int) -> tuple[int, int, int, int]:
    rgb = ImageColor.getrgb(color)
    return rgb[0], rgb[1], rgb[2], alpha


def _title_layout(title: str, style: ShareImages, root: Path, fmt: ShareFormat, width: int,
                  height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size whose wrapped lines fit; at the smallest, the last line is cut
    with an ellipsis."""
    size = fmt.width // 16
    while True:
        font = _font(style, root, bold=True, size=size)
        lines = wrap(title, font, width)
        fits = len(lines) <= fmt.max_lines and len(lines) * size * 1.18 <= height
        if fits or size <= fmt.width // 30:
            break
        size -= 4
    max_lines = max(1, min(fmt.max_lines, int(height // (size * 1.18))))
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], _fit(" ".join(lines[max_lines - 1 :]), font, width)]
    return font, lines


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of at most `width` pixels, broken between words; a word wider than a line is
    broken between letters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while font.getlength(word) > width:
            cut = next(n for n in range(len(word), 0, -1) if font.getlength(word[:n]) <= width or n == 1)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    return [*lines, line] if line else lines


def _fit(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """`text` cut at a word boundary, with an ellipsis, if it is wider than `width`."""
    if font.getlength(text) <= width:
        return text
    words = text.split()
    while len(words) > 1 and font.getlength(" ".join(words) + " …") > width:
        words.pop()
    shortened = " ".join(words)
    while shortened and font.getlength(shortened + " …") > width:
        shortened = shortened[:-1]
    return shortened.rstrip() + " …"


def font_path(style: ShareImages, root: Path, bold: bool) -> Path | None:
    if style.font:
        return root / style.font
    try:
        folder = resources.files("font_lato") / "files"
        return Path(str(folder / ("Lato-Bold.ttf" if bold else "Lato-Regular.ttf")))
    except ModuleNotFoundError:
        return None


def _font(style: ShareImages, root: Path, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    path = font_path(style, root, bold)
    return _load_font(str(path) if path and path.is_file() else "", size)


@cache
def _load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    # Pillow's own font is the last resort: it scales, but lacks umlauts and most accents.
    font = ImageFont.truetype(path, size) if path else ImageFont.load_default(size)
    assert isinstance(font, ImageFont.FreeTypeFont)
    return font
