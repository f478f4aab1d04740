"""What a save is to the preview: the kind of each saved file decides between the fast render
(only a message's text changed), the stylesheet swap and the full rebuild."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from hubgen.config import Config
from hubgen.config.load import CONFIG_FILE
from hubgen.config.themes import theme_folder
from hubgen.content.site_loader import is_message_file, read_message
from hubgen.errors import Report
from hubgen.model import Message

__all__ = ["STRUCTURE", "Change", "Kind", "Response", "classify", "respond"]

STRUCTURE = ("lang", "section", "slug", "translation_key", "draft", "publish_at", "tags", "image")
"""Fields whose change moves or adds pages or files beyond the message's own."""


class Kind(Enum):
    MESSAGE_TEXT = "message text"
    """Title, summary, body, facts, channel texts: the message's own pages change, nothing else."""
    MESSAGE_STRUCTURE = "message structure"
    """A field of STRUCTURE: other pages (lists, tags, feeds) or other paths change."""
    MESSAGE_PROBLEM = "message with a problem"
    """The full rebuild reports it, with every other problem of the site."""
    NEW_MESSAGE = "new message"
    DELETED_MESSAGE = "deleted message"
    CONTENT_FILE = "content file"
    """An image or another file beside the messages."""
    VANISHED = "vanished file"
    """Gone already and no message: a save-by-rename's temporary file (sed -i, some editors), or
    a deleted image, which the full rebuild behind any fast render sees."""
    STYLESHEET = "stylesheet"
    STATIC = "static file"
    TEMPLATE = "template"
    CONFIG = "config"
    OTHER = "other file"


class Response(Enum):
    FAST_RENDER = "fast render"
    """Render the saved messages' pages at once; the full rebuild follows in the background."""
    STYLESHEETS = "stylesheets"
    """The full rebuild, then open tabs swap their stylesheets instead of reloading."""
    FULL_REBUILD = "full rebuild"


@dataclass(frozen=True)
class Change:
    path: Path
    """As the site names it: relative to its folder, when inside."""
    kind: Kind
    message: Message | None = None
    """The saved message, read and checked, for MESSAGE_TEXT."""


def classify(paths: Iterable[Path], config: Config,
             served: Callable[[Path], Message | None]) -> list[Change]:
    """The saved `paths` by kind; `served(source)` is the version of a message the preview shows
    now (None for no message), which a saved message is compared with."""
    return [_classify(path, config, served) for path in sorted(paths)]


def respond(changes: list[Change]) -> Response:
    kinds = {c.kind for c in changes}
    if kinds - {Kind.VANISHED} == {Kind.MESSAGE_TEXT}:
        return Response.FAST_RENDER
    if kinds and kinds <= {Kind.STYLESHEET}:
        return Response.STYLESHEETS
    return Response.FULL_REBUILD


def _classify(path: Path, config: Config, served: Callable[[Path], Message | None]) -> Change:
    root = config.root
    relative = path.relative_to(root) if path.is_relative_to(root) else path
    if path.suffix == ".css":
        return Change(relative, Kind.STYLESHEET)
    if path.is_relative_to(config.content_path):
        return _content(path, relative, config, served(relative))
    kind = (Kind.CONFIG if path == root / CONFIG_FILE
            else Kind.STATIC if path.is_relative_to(config.static_path)
            else Kind.TEMPLATE if path.is_relative_to(root / "templates")
            or path.is_relative_to(theme_folder(config))
            else Kind.OTHER)
    return Change(relative, kind)


def _content(path: Path, relative: Path, config: Config, shown: Message | None) -> Change:
    try:
        data = path.read_bytes()
    except OSError:  # gone (or a folder)
        gone = shown is not None
        return Change(relative, Kind.DELETED_MESSAGE if gone else Kind.VANISHED)
    if shown is None:
        return Change(relative, Kind.NEW_MESSAGE if is_message_file(path) else Kind.CONTENT_FILE)
    report = Report()
    message = read_message(data, relative, config, report)
    if message is None or report.errors:
        return Change(relative, Kind.MESSAGE_PROBLEM)
    if any(getattr(shown, name) != getattr(message, name) for name in STRUCTURE):
        return Change(relative, Kind.MESSAGE_STRUCTURE)
    return Change(relative, Kind.MESSAGE_TEXT, message)
