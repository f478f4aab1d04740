"""Watch the site's sources; after a burst of saves goes quiet, call back once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

__all__ = ["DEBOUNCE", "SourceWatcher", "is_ignored"]

DEBOUNCE = 0.1
"""Seconds of quiet before a rebuild: editors write a save as several events."""
# Editors' swap, backup and lock files: vim (.swp, 4913, ~), emacs (#x#, .#x), JetBrains
# (___jb_tmp___), and the temporary files of save-by-rename.
_TEMP_SUFFIXES = (".swp", ".swx", ".swo", "~", ".tmp", ".part", "___jb_tmp___", "___jb_old___")


def is_ignored(path: Path, root: Path, outputs: tuple[str, ...]) -> bool:
    try:
        relative = path.relative_to(root)
    except ValueError:
        return True
    parts = relative.parts
    name = path.name
    return (not parts or parts[0] in outputs or any(p.startswith(".") for p in parts)
            or name.endswith(_TEMP_SUFFIXES) or name.startswith(("#", ".#")) or name == "4913"
            or "__pycache__" in parts)


class SourceWatcher(FileSystemEventHandler):
    """Collects changed paths; `on_change(paths)` runs once per quiet burst."""

    def __init__(self, root: Path, outputs: tuple[str, ...],
                 on_change: Callable[[set[Path]], None], extra: tuple[Path, ...] = (),
                 on_activity: Callable[[], None] | None = None) -> None:
        self.root, self.outputs, self.on_change = root, outputs, on_change
        self.on_activity = on_activity
        """Told at once of each event, before the quiet: a rebuild reading files meanwhile may
        have read a save half done (an editor's in-place write truncates first)."""
        self.folders = (root, *(p for p in extra if not p.is_relative_to(root)))
        self._pending: set[Path] = set()
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._observer = Observer()

    def start(self) -> None:
        for folder in self.folders:
            self._observer.schedule(self, str(folder), recursive=True)
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=5)
        if self._timer:
            self._timer.cancel()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or (
                event.is_directory and event.event_type == "modified"):
            return  # a folder's "modified" only echoes the file events inside it
        paths = [Path(str(event.src_path))]
        if dest := getattr(event, "dest_path", ""):
            paths.append(Path(str(dest)))  # save-by-rename: the file appears under its name
        relevant = {p for p in paths if not self._ignored(p)}
        if not relevant:
            return
        if self.on_activity:
            self.on_activity()
        with self._lock:
            self._pending |= relevant
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(DEBOUNCE, self._fire)
            self._timer.daemon = True
            self._timer.start()

    def _ignored(self, path: Path) -> bool:
        if path.is_relative_to(self.root):
            return is_ignored(path, self.root, self.outputs)
        return any(p.startswith(".") for p in path.parts) or path.name.endswith(_TEMP_SUFFIXES)

    def _fire(self) -> None:
        with self._lock:
            paths, self._pending, self._timer = self._pending, set(), None
        if paths:
            self.on_change(paths)
