"""The current build of a previewed site, replaced as a whole after each rebuild."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from hubgen.errors import HubgenError, Problem, ProblemsError
from hubgen.filetree import FileTree
from hubgen.model import Site
from hubgen.pipeline.cache import BuildCache
from hubgen.pipeline.run import BuildOptions, render
from hubgen.serve.fast_render import QuickRender

__all__ = ["Preview", "Snapshot"]


@dataclass(frozen=True)
class Snapshot:
    """One finished rebuild: what is served, or the problems that stopped it."""

    generation: int
    public: FileTree = field(default_factory=FileTree)
    kit: FileTree = field(default_factory=FileTree)
    problems: tuple[Problem, ...] = ()
    failed: bool = False
    css_only: bool = False
    seconds: float = 0.0
    quick_paths: set[Path] = field(default_factory=set)
    """Set on a fast render: the saved files whose pages alone it made again."""

    def lookup(self, tree_name: str, path: str) -> bytes | Path | None:
        tree = self.kit if tree_name == "kit" else self.public
        if path in tree.texts:
            return tree.texts[path]
        return tree.copies.get(path)


class Preview:
    """Holds the latest snapshot; requests wait while a full rebuild they need runs."""

    def __init__(self, options: BuildOptions,
                 on_background: Callable[[Snapshot], None] | None = None) -> None:
        self.options = options
        self.on_background = on_background
        """Told of each full rebuild that ran behind a fast render."""
        self._changed = threading.Condition()
        self._building = False
        self._snapshot = Snapshot(0)
        self._one_at_a_time = threading.Lock()
        # What the last rebuild made, so the next one redoes only what changed; the first
        # starts from what `hubgen build` left in .hubgen-cache/ (entries are keyed by content,
        # so any mismatch is only a miss).
        self.memo = BuildCache(options.root).memo()
        self._quick: QuickRender | None = None
        self._edits = 0
        """Fast renders so far: a full rebuild that started before the last one is outdated."""
        self._full_pending = False
        self._full_worker: threading.Thread | None = None

    def rebuild(self, css_only: bool = False) -> Snapshot:
        """A full rebuild, served when done."""
        with self._one_at_a_time:
            with self._changed:
                self._building, edits = True, self._edits
            return self._finish(*self._render(css_only), edits) or self._snapshot

    def changed(self, paths: set[Path]) -> Snapshot:
        """After saves: the fast render when it applies, served at once, with the full rebuild
        following in the background; otherwise the full rebuild."""
        if all(p.suffix == ".css" for p in paths):
            return self.rebuild(css_only=True)
        started = time.perf_counter()
        with self._changed:
            last, quick = self._snapshot, self._quick
            done = None if last.failed or quick is None else quick.update(paths, last.public, last.kit)
            if done is not None:
                public, kit, rendered = done
                self._edits += 1
                self._snapshot = Snapshot(last.generation + 1, public, kit, last.problems,
                                          seconds=time.perf_counter() - started, quick_paths=rendered)
                self._changed.notify_all()
                snapshot = self._snapshot
            elif quick is not None:
                quick.forget_templates()  # a template or the config may have changed
        if done is None:
            return self.rebuild()
        self._full_in_background()
        return snapshot

    def _full_in_background(self) -> None:
        with self._changed:
            self._full_pending = True
            if self._full_worker is None:
                self._full_worker = threading.Thread(target=self._full_rebuilds, daemon=True)
                self._full_worker.start()

    def _full_rebuilds(self) -> None:
        """Full rebuilds until one has seen every edit; pages stay served meanwhile."""
        while True:
            with self._changed:
                if not self._full_pending:
                    self._full_worker = None
                    return
                self._full_pending, edits = False, self._edits
            with self._one_at_a_time:
                snapshot = self._finish(*self._render(css_only=False), edits)
            if self.on_background and snapshot:
                self.on_background(snapshot)

    def _render(self, css_only: bool) -> tuple[Snapshot, Site | None]:
        started = time.perf_counter()
        site = None
        try:
            rendered = render(self.options, memo=self.memo)
            site = rendered.site
            snapshot = Snapshot(0, rendered.public, rendered.kit,
                                tuple(rendered.over_limit + rendered.warnings), css_only=css_only)
        except ProblemsError as exc:
            snapshot = self._failed(tuple(exc.problems))
        except HubgenError as exc:
            snapshot = self._failed((Problem("hubgen", 0, "build", str(exc)),))
        except Exception as exc:
            snapshot = self._failed((Problem("hubgen", 0, "internal error", repr(exc),
                                             "please report this"),))
        return replace(snapshot, seconds=time.perf_counter() - started), site

    def _finish(self, snapshot: Snapshot, site: Site | None, edits: int) -> Snapshot | None:
        """Serve a full rebuild, unless a fast render came in while it ran: it read the files
        before that save and would take the newer page back, so another one follows."""
        with self._changed:
            self._building = False
            outdated = self._edits != edits
            if not outdated:
                self._snapshot = replace(snapshot, generation=self._snapshot.generation + 1)
                if site is not None:
                    self._quick = self._quick or QuickRender(self.options, site)
                    self._quick.rebased(site)
            self._changed.notify_all()
        if outdated:
            self._full_in_background()
            return None
        return self._snapshot

    def _failed(self, problems: tuple[Problem, ...]) -> Snapshot:
        # Keep serving the last good pages under the error overlay.
        last = self._snapshot
        return Snapshot(0, last.public, last.kit, problems, failed=True)

    def current(self, timeout: float = 30.0) -> Snapshot:
        """The snapshot to serve: never a half-built one."""
        with self._changed:
            self._changed.wait_for(lambda: not self._building, timeout)
            return self._snapshot

    def wait_newer(self, generation: int, timeout: float) -> Snapshot:
        with self._changed:
            self._changed.wait_for(
                lambda: self._snapshot.generation > generation and not self._building, timeout)
            return self._snapshot
