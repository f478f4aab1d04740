"""What the press kit offers to download: the company's logos and a gallery of the images of the
published messages, each with its credit, pixel size and file size."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal
from PIL import Image, UnidentifiedImageError

from hubgen.config import Config
from hubgen.newsroom.strings import translate
from hubgen.newsroom.views import MessageView

__all__ = ["MediaFile", "file_size", "gallery", "logo_files", "pixel_size"]



@dataclass(frozen=True)
class MediaFile:
    """One file to download: its path in the site, what it is, and what a journalist asks of
    it before downloading (format, pixels, bytes)."""

    path: str
    title: str
    format: str
    """`SVG`, `PNG`, `JPEG`: the file's type, from its name."""
    size: str
    """`1200 × 675 px`, or that it is a vector graphic; empty when unreadable."""
    bytes: str
    """`118 KB`, in the page's language."""
    alt: str = ""
    credit: str = ""
    message: str = ""
    """The path of the message the image belongs to."""


def logo_files(config: Config, lang: str) -> list[MediaFile]:
    """`[company] logo`, and `logo_png` when it is another file."""
    names = dict.fromkeys(n for n in (config.company.logo, config.company.logo_png) if n)
    files = []
    for name in names:
        path = config.static_path / name
        kind = _format(name)
        files.append(MediaFile(name, translate(lang, "logo_file").format(format=kind), kind,
                               pixel_size(path, lang), file_size(path, lang),
                               alt=config.company.short_name))
    return files


def gallery(config: Config, views: Iterable[MessageView], lang: str) -> list[MediaFile]:
    """Each picture of the messages given (the published ones, newest first) once, with the
    text of the first message that shows it."""
    seen: dict[str, MediaFile] = {}
    for view in views:
        if view.image and view.image not in seen:
            path = config.content_path / view.image
            seen[view.image] = MediaFile(view.image, view.title, _format(view.image),
                                         pixel_size(path, lang), file_size(path, lang),
                                         view.image_alt, view.image_credit, view.path)
    return list(seen.values())


def _format(name: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    return {"jpg": "JPEG", "jpeg": "JPEG", "svg": "SVG"}.get(suffix, suffix.upper())


def pixel_size(path: Path, lang: str) -> str:
    """`W × H px` of a raster image (Pillow reads the header only); an SVG is a vector graphic."""
    if path.suffix.lower() == ".svg":
        return translate(lang, "vector")
    try:
        with Image.open(path) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return ""
    return translate(lang, "pixels").format(width=_number(width, lang), height=_number(height, lang))


def file_size(path: Path, lang: str) -> str:
    """The size as writers put it: `840 KB`, `1,2 MB` in German."""
    try:
        size = path.stat().st_size
    except OSError:
        return ""
    if size < 1000 * 1000:
        return f"{_number(max(1, round(size / 1000)), lang)}\u00a0KB"
    return f"{format_decimal(size / 1e6, '#,##0.#', locale=lang)}\u00a0MB"


def _number(value: int, lang: str) -> str:
    return format_decimal(value, locale=lang)
