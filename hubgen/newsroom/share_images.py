"""Share images: the pictures social networks show for a link to a message (og:image).

Each published message gets a 1200×630 JPEG (`share.jpg`, the size Open Graph and X's large card
ask for) and a 1080×1080 one (`share-square.jpg`, for feeds that crop to squares); each language's
home gets one for the newsroom itself. Drawing takes tens of milliseconds per image, so images are
cached in `.hubgen-cache/share/` of the site under a hash of everything that affects them: an
unchanged message costs a file copy, and a changed title or colour can never show a stale image.
Each entry's name carries a seal of its bytes (`memo.seal`): one emptied, edited or made up is
drawn again, never published. The output gets copies, not links: editing a published image
must not change the cache.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import PIL
from PIL import Image, ImageColor, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from hubgen import __version__
from hubgen.config import Config, ShareImages
from hubgen.content.dates import format_date
from hubgen.filetree import FileTree
from hubgen.memo import Memo, seal, secret_key
from hubgen.newsroom.views import MessageView
from hubgen.parallel import parallel_map
from hubgen.paths import SHARE_IMAGE_FILES, share_images, site_paths

__all__ = ["CACHE_DIR", "FORMATS", "SQUARE", "WIDE", "Card", "ShareFormat", "ShareImageMaker",
           "add_share_images", "cache_key", "draw_card", "font_digests", "wrap"]

CACHE_DIR = ".hubgen-cache/share"
DRAWING_VERSION = "3"
"""Part of every cache key: raise it when the drawing below changes."""
KEEP_UNUSED_DAYS = 30
"""Cache entries no build has used for this long are removed."""


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


@dataclass
class ShareImageMaker:
    """Adds share images to a FileTree, drawing only those the cache doesn't hold yet."""

    config: Config
    fresh: bool = False
    """Draw every image, reading nothing from the cache (`hubgen build --clean`)."""
    drawn: int = 0
    reused: int = 0
    used: set[str] = field(default_factory=set)
    """Cache keys of the images added."""

    @property
    def cache(self) -> Path:
        return self.config.root / CACHE_DIR

    def add_all(self, tree: FileTree, cards: list[tuple[str, Card]]) -> None:
        """Both formats of each card as `<folder>share.jpg` and `<folder>share-square.jpg`;
        what the cache lacks is drawn on all cores."""
        missing: list[tuple[str, Card, ShareFormat, str]] = []
        fonts = font_digests(self.config.share_images, self.config.root)
        key = secret_key()
        stored = {} if self.fresh else self._entries()
        for folder, card in cards:
            for path, fmt in zip(share_images(folder), FORMATS, strict=True):
                name = cache_key(self.config.share_images, fonts, card, fmt)
                self.used.add(name)
                cached = _sound(stored.get(name, []), name, key)
                if cached is not None:
                    tree.add_copy(path, cached)
                    self.reused += 1
                else:
                    missing.append((path, card, fmt, name))
        shared = (self.config.share_images, self.config.root, self.cache, key)
        # Workers store what they draw in the cache and send back only what they couldn't
        # store: ten thousand images held in memory would be gigabytes.
        drawn = parallel_map(_draw, [(card, fmt, name) for _, card, fmt, name in missing], shared)
        for (path, _, _, _), result in zip(missing, drawn, strict=True):
            if isinstance(result, Path):
                tree.add_copy(path, result)
            else:
                tree.add_bytes(path, result)
        self.drawn += len(missing)

    def _entries(self) -> dict[str, list[Path]]:
        """The cache's files by cache key."""
        found: dict[str, list[Path]] = {}
        try:
            for entry in os.scandir(self.cache):
                found.setdefault(entry.name.split(".", 1)[0], []).append(Path(entry.path))
        except OSError:
            pass  # no cache yet
        return found

    def prune(self) -> None:
        """Remove entries no build has used for KEEP_UNUSED_DAYS: edited titles leave old ones."""
        limit = time.time() - KEEP_UNUSED_DAYS * 86400
        for entry in self.cache.iterdir() if self.cache.is_dir() else ():
            try:
                if entry.name.split(".", 1)[0] not in self.used and entry.stat().st_mtime < limit:
                    entry.unlink()
            except OSError:
                pass  # another build removed or replaced it: fine either way


def add_share_images(config: Config, views: Iterable[MessageView], tree: FileTree,
                     memo: Memo | None = None) -> ShareImageMaker:
    """Share images for every message in `views` (published ones only) and each language's home."""
    maker = ShareImageMaker(config, fresh=memo is not None and memo.fresh)
    company = config.company.short_name
    paths = site_paths(config)
    cards = [(paths.prefix(lang), Card(config.site.title, company, paths.address, lang))
             for lang in config.site.languages]
    for view in views:
        picture = config.content_path / view.image if view.image else None
        cards.append((view.path, Card(view.title, company, format_date(view.date, "long", view.lang),
                                      view.lang, picture)))
    maker.add_all(tree, cards)
    maker.prune()
    return maker


def font_digests(style: ShareImages, root: Path) -> list[str]:
    return [_file_digest(_font_path(style, root, bold)) for bold in (True, False)]


def cache_key(style: ShareImages, fonts: list[str], card: Card, fmt: ShareFormat) -> str:
    """A hash of everything the image depends on, the picture's and the fonts' bytes included."""
    parts = [DRAWING_VERSION, __version__, PIL.__version__, fmt.name, fmt.width, fmt.height,
             card.title, card.eyebrow, card.footer, card.lang, _file_digest(card.picture),
             style.background, style.text, style.muted, style.accent, *fonts]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:32]


def _file_digest(path: Path | None) -> str:
    if path is None or not path.is_file():
        return ""
    stat = path.stat()
    return _digest_of(path, stat.st_size, stat.st_mtime_ns)


@cache
def _digest_of(path: Path, size: int, mtime_ns: int) -> str:
    """Bytes hashed once per process and file version: serve rebuilds often."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _entry_name(key: bytes, name: str, data: bytes) -> str:
    """`<cache key>.<seal>.jpg`: the file vouches for its own bytes."""
    return f"{name}.{seal(key, b'hubgen share image 1', name.encode(), data)[:16].hex()}.jpg"


def _sound(paths: list[Path], name: str, key: bytes) -> Path | None:
    """The entry of `name` whose bytes match its seal; entries that don't are removed."""
    for path in paths:
        try:
            info = path.stat()
            if _verified(path, name, key, info.st_size, info.st_mtime_ns, info.st_ino):
                _mark_used(path)
                return path
            path.unlink()
        except OSError:
            continue  # removed meanwhile, or a read-only cache: drawn again
    return None


@lru_cache(maxsize=65536)
def _verified(path: Path, name: str, key: bytes, size: int, mtime_ns: int, inode: int) -> bool:
    """Read and checked once per process and file version: the preview rebuilds often."""
    return path.name == _entry_name(key, name, path.read_bytes())


def _mark_used(path: Path) -> None:
    """For prune(); at most daily: days are what prune() counts."""
    try:
        if path.stat().st_mtime < time.time() - 86400:
            os.utime(path)
    except OSError:
        pass  # a read-only cache: nothing can be kept there


def _store(path: Path, data: bytes) -> bool:
    """Write atomically (a preview and a build may share the cache); a read-only cache only
    costs speed, never the build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        return False
    return True


# Drawing ------------------------------------------------------------------------------------------

def _draw(shared: tuple[ShareImages, Path, Path, bytes], job: tuple[Card, ShareFormat, str]) -> Path | bytes:
    """Draw one image into the cache: its entry there, or its bytes if the cache can't take them."""
    style, root, folder, key = shared
    card, fmt, name = job
    data = draw_card(card, fmt, style, root)
    cached = folder / _entry_name(key, name, data)
    return cached if _store(cached, data) else data


def draw_card(card: Card, fmt: ShareFormat, style: ShareImages, root: Path) -> bytes:
    """The JPEG of one card: picture or drawn background, company, wrapped title, date, accent bar."""
    image = _background(card, fmt, style)
    draw = ImageDraw.Draw(image)
    margin = fmt.width // 16
    width = fmt.width - 2 * margin
    small = _font(style, root, bold=False, size=fmt.width // 34)
    bar = max(10, fmt.height // 60)
    draw.rectangle((0, fmt.height - bar, fmt.width, fmt.height), fill=style.accent)
    draw.text((margin, margin), _fit(card.eyebrow, small, width), font=small, fill=style.muted)
    footer_y = fmt.height - bar - margin - round(small.size)
    draw.text((margin, footer_y), _fit(card.footer, small, width), font=small, fill=style.accent)
    top = margin + round(small.size) * 2
    title_font, lines = _title_layout(card.title, style, root, fmt, width, footer_y - top - round(small.size))
    line_height = round(title_font.size * 1.18)
    block = line_height * len(lines)
    y = top + max(0, (footer_y - round(small.size) - top - block) // 2)
    for line in lines:
        draw.text((margin, y), line, font=title_font, fill=style.text)
        y += line_height
    out = io.BytesIO()
    # JPEG, not PNG: encoding a PNG took twice as long as drawing and was most of a cold build.
    # Quality 85 with the usual 4:2:0 chroma: text edges look the same as without subsampling
    # (compared at 2x zoom), for a third fewer bytes (~65 KB) and encoding time.
    image.save(out, "JPEG", quality=85, subsampling=2)
    return out.getvalue()


def _background(card: Card, fmt: ShareFormat, style: ShareImages) -> Image.Image:
    size = (fmt.width, fmt.height)
    picture = _read_picture(card.picture)
    if picture is not None:
        image = ImageOps.fit(picture, size, Image.Resampling.LANCZOS)
        # A veil of the background colour, denser towards the text at the bottom.
        veil = Image.new("L", (1, 256))
        veil.putdata([150 + i * 90 // 255 for i in range(256)])
        tint = Image.new("RGB", size, style.background)
        image.paste(tint, (0, 0), veil.resize(size))
        return image
    return _drawn_background(fmt, style).copy()


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


def _font_path(style: ShareImages, root: Path, bold: bool) -> Path | None:
    if style.font:
        return root / style.font
    try:
        folder = resources.files("font_lato") / "files"
        return Path(str(folder / ("Lato-Bold.ttf" if bold else "Lato-Regular.ttf")))
    except ModuleNotFoundError:
        return None


def _font(style: ShareImages, root: Path, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    path = _font_path(style, root, bold)
    return _load_font(str(path) if path and path.is_file() else "", size)


@cache
def _load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    # Pillow's own font is the last resort: it scales, but lacks umlauts and most accents.
    font = ImageFont.truetype(path, size) if path else ImageFont.load_default(size)
    assert isinstance(font, ImageFont.FreeTypeFont)
    return font
