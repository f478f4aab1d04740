"""The site's own pictures as link-preview images, for when share images are switched off."""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path

from PIL import Image

__all__ = ["raster_size"]

# What link previews take (Open Graph, X cards): no SVG, which Pillow can't read anyway.
_PREVIEW_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def raster_size(path: Path) -> tuple[int, int, str] | None:
    """Width, height and MIME type of a picture a link preview can show, or None.

    Only the header is read; the key carries size and mtime so that the preview server sees a
    replaced file."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read(path, stat.st_size, stat.st_mtime_ns)


@cache
def _read(path: Path, size: int, mtime: int) -> tuple[int, int, str] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a large picture's DecompressionBombWarning
            with Image.open(path) as image:
                if image.format not in _PREVIEW_FORMATS:
                    return None
                return image.width, image.height, Image.MIME[image.format]
    except (OSError, ValueError, Image.DecompressionBombError):
        return None  # not a picture Pillow reads: no preview image rather than a broken one
