"""The current build of a previewed site, replaced as a whole after each rebuild."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from hubgen.build.cache import BuildCache
from hubgen.build.pipeline import BuildOptions, render
from hubgen.errors import HubgenError, Problem, ProblemsError
from hubgen.outputs.tree import FileTree

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

    def lookup(self, tree_name: str, path: str) -> bytes | Path | None:
        tree = self.kit if tree_name == "kit" else self.public
        if path in tree.texts:
            return tree.texts[path]
        return tree.copies.get(path)


class Preview:
    """Holds the latest snapshot; requests wait while a rebuild runs."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self._changed = threading.Condition()
        self._building = False
        self._snapshot = Snapshot(0)
        self._one_at_a_time = threading.Lock()
        # What the last rebuild made, so the next one redoes only what changed; the first
        # starts from what `hubgen build` left in .hubgen-cache/ (entries are keyed by content,
        # so any mismatch is only a miss).
        self.memo = BuildCache(options.root).memo()

    def rebuild(self, css_only: bool = False) -> Snapshot:
        with self._one_at_a_time:
            return self._rebuild(css_only)

    def _rebuild(self, css_only: bool) -> Snapshot:
        with self._changed:
            self._building = True
        started = time.perf_counter()
        try:
            rendered = render(self.options, memo=self.memo)
            snapshot = Snapshot(self._snapshot.generation + 1, rendered.public, rendered.kit,
                                tuple(rendered.over_limit + rendered.warnings),
                                css_only=css_only)
        except ProblemsError as exc:
            snapshot = self._failed(tuple(exc.problems))
        except HubgenError as exc:
            snapshot = self._failed((Problem("hubgen", 0, "build", str(exc)),))
        except Exception as exc:
            snapshot = self._failed((Problem("hubgen", 0, "internal error", repr(exc),
                                             "please report this"),))
        snapshot = Snapshot(snapshot.generation, snapshot.public, snapshot.kit, snapshot.problems,
                            snapshot.failed, snapshot.css_only, time.perf_counter() - started)
        with self._changed:
            self._snapshot = snapshot
            self._building = False
            self._changed.notify_all()
        return snapshot

    def _failed(self, problems: tuple[Problem, ...]) -> Snapshot:
        # Keep serving the last good pages under the error overlay.
        last = self._snapshot
        return Snapshot(last.generation + 1, last.public, last.kit, problems, failed=True)

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
