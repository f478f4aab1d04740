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
import json
import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import PIL

from hubgen import __version__
from hubgen.config import Config, ShareImages
from hubgen.content.dates import format_date
from hubgen.errors import Report
from hubgen.filetree import FileTree
from hubgen.memo import Memo, Namespace, each, fingerprint, seal, secret_key
from hubgen.newsroom.share_drawing import FORMATS, SQUARE, WIDE, Card, ShareFormat, draw_card, font_path, wrap
from hubgen.newsroom.views import MessageView
from hubgen.parallel import parallel_map
from hubgen.paths import share_images, site_paths

__all__ = ["CACHE_DIR", "FORMATS", "SQUARE", "WIDE", "Card", "ShareFormat", "ShareImageMaker",
           "add_share_images", "cache_key", "draw_card", "font_digests", "share_logo", "wrap"]

CACHE_DIR = ".hubgen-cache/share"
DRAWING_VERSION = "5"
"""Part of every cache key: raise it when the drawing below changes."""
KEEP_UNUSED_DAYS = 30
"""Cache entries no build has used for this long are removed."""


@dataclass
class ShareImageMaker:
    """Adds share images to a FileTree, drawing only those the cache doesn't hold yet."""

    config: Config
    fresh: bool = False
    """Draw every image, reading nothing from the cache (`hubgen build --clean`)."""
    memo: Memo | None = None
    """Where the entries found sound are remembered."""
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
        wanted = [(path, card, fmt, cache_key(self.config.share_images, fonts, card, fmt))
                  for folder, card in cards for path, fmt in zip(share_images(folder), FORMATS, strict=True)]
        self.used.update(name for *_, name in wanted)
        sound = {} if self.fresh else _sound(self._entries(), {name for *_, name in wanted}, key,
                                             self.memo or Memo())
        for path, card, fmt, name in wanted:
            if name in sound:
                tree.add_copy(path, sound[name])
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
    maker = ShareImageMaker(config, fresh=memo is not None and memo.fresh, memo=memo)
    company = config.company.short_name
    paths = site_paths(config)
    logo = share_logo(config)
    cards = [(paths.prefix(lang), Card(config.site.title, company, paths.address, lang, logo=logo))
             for lang in config.site.languages]
    for view in views:
        picture = config.content_path / view.image if view.image else None
        # The day it goes public: a build before an embargo ends must not show the build's day.
        public = view.publish_at or view.date
        cards.append((view.path, Card(view.title, company, format_date(public, "long", view.lang),
                                      view.lang, picture, view.image_focus, logo)))
    maker.add_all(tree, cards)
    maker.prune()
    return maker


def share_logo(config: Config) -> Path | None:
    """`[company] logo_png`, else `logo` unless it is an SVG, which Pillow can't draw."""
    name = config.company.logo_png or (config.company.logo if not config.company.logo.lower()
                                       .endswith(".svg") else "")
    return config.static_path / name if name else None


def font_digests(style: ShareImages, root: Path) -> list[str]:
    return [_file_digest(font_path(style, root, bold)) for bold in (True, False)]


def cache_key(style: ShareImages, fonts: list[str], card: Card, fmt: ShareFormat) -> str:
    """A hash of everything the image depends on, the picture's and the fonts' bytes included."""
    parts = [DRAWING_VERSION, __version__, PIL.__version__, fmt.name, fmt.width, fmt.height,
             card.title, card.eyebrow, card.footer, card.lang, _file_digest(card.picture),
             *card.focus, _file_digest(card.logo),
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


def _sound(entries: dict[str, list[Path]], names: set[str], key: bytes, memo: Memo) -> dict[str, Path]:
    """Of the cache's `entries`, the one of each name in `names` whose bytes match its seal;
    entries that don't are removed. An entry's verdict is remembered by its file's state,
    the change time and inode too: no one can give an edited file back an older one."""
    candidates: list[tuple[str, Path, os.stat_result]] = []
    for name in names:
        for path in entries.get(name, ()):
            try:
                candidates.append((name, path, path.stat()))
            except OSError:
                continue  # removed meanwhile: drawn again
    keys = [fingerprint("share entry", path.name, info.st_size, info.st_mtime_ns, info.st_ctime_ns,
                        info.st_ino) for _, path, info in candidates]
    verdicts = memo.map(Namespace.SHARE, keys, Report(),
                        each(lambda i, _: _verified(candidates[i][1], candidates[i][0], key)))
    found: dict[str, Path] = {}
    for (name, path, info), verdict in zip(candidates, verdicts, strict=True):
        try:
            if not verdict:
                path.unlink()
            elif name not in found:
                found[name] = path
                _mark_used(path, info)
        except OSError:
            continue  # a read-only cache: drawn again, or used as it is
    return found


def _verified(path: Path, name: str, key: bytes) -> bool:
    try:
        return path.name == _entry_name(key, name, path.read_bytes())
    except OSError:
        return False


def _mark_used(path: Path, info: os.stat_result) -> None:
    """For prune(); at most daily: days are what prune() counts."""
    if info.st_mtime < time.time() - 86400:
        os.utime(path)


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



def _draw(shared: tuple[ShareImages, Path, Path, bytes], job: tuple[Card, ShareFormat, str]) -> Path | bytes:
    """Draw one image into the cache: its entry there, or its bytes if the cache can't take them."""
    style, root, folder, key = shared
    card, fmt, name = job
    data = draw_card(card, fmt, style, root)
    cached = folder / _entry_name(key, name, data)
    return cached if _store(cached, data) else data


