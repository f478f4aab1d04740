"""The current build of a previewed site, replaced as a whole after each rebuild."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from hubgen.errors import HubgenError, Problem, ProblemsError
from hubgen.filetree import FileTree, content
from hubgen.model import Site
from hubgen.parallel import Phased, Progress
from hubgen.pipeline.cache import BuildCache
from hubgen.pipeline.collector import settling
from hubgen.pipeline.run import BuildOptions, render
from hubgen.serve.changes import Response, classify, respond
from hubgen.serve.fast_render import FastRender, QuickRender
from hubgen.serve.held import held_back_paths, page_sources

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
    sources: dict[str, str] = field(default_factory=dict)
    """Each message page of the newsroom (`news/x/index.html`) → its source, as problems name it."""
    held: dict[str, str] = field(default_factory=dict)
    """The folder of each message the newsroom leaves out (`news/x/`) → why, for the 404."""

    def warnings(self, path: str) -> list[str]:
        """The warnings of the message whose newsroom page is `path`."""
        source = self.sources.get(path)
        return [str(p) for p in self.problems if p.severity == "warning" and p.path == source]

    def lookup(self, tree_name: str, path: str) -> bytes | Path | None:
        tree = self.kit if tree_name == "kit" else self.public
        if path in tree.texts:
            return content(tree.texts[path])
        return tree.copies.get(path)


class Preview:
    """Holds the snapshot served. A save is rendered at once when only a message's text changed
    (the fast render); full rebuilds run one at a time, and a newer save supersedes one: it is
    skipped if it has not started, and dropped when it ends if it has, since it read the files
    before that save. Requests never wait for either: they get the last snapshot, a failed
    rebuild's with the last good pages."""

    def __init__(self, options: BuildOptions,
                 on_background: Callable[[Snapshot], None] | None = None) -> None:
        self.options = options
        self.on_background = on_background
        """Told of each full rebuild that ran behind a fast render."""
        self._state = threading.Condition()
        """Guards the fields below; held for moments only, never during a render."""
        self._snapshot = Snapshot(0)
        self._quick: QuickRender | None = None
        self._saves = 0
        """Saves so far, counted as they come in."""
        self._built = 0
        """The saves the served full rebuild had seen."""
        self._wanted = 0
        """The save the full rebuild behind the last fast render must see."""
        self._activity = 0
        """File events so far, counted at once (saves are counted after their burst is quiet)."""
        self._activity_seen = 0
        """The events the last save had seen: more mean a save is under way."""
        self._background: threading.Thread | None = None
        self._saving = threading.Lock()  # one save's fast render at a time, in order
        self._one_at_a_time = threading.Lock()  # one full rebuild at a time
        # What the last rebuild made, so the next one redoes only what changed; the first
        # starts from what `hubgen build` left in .hubgen-cache/ (entries are keyed by content,
        # so any mismatch is only a miss).
        self.memo = BuildCache(options.root).memo()

    def rebuild(self) -> Snapshot:
        """A full rebuild of everything saved so far; the snapshot served after it."""
        with self._state:
            save = self._saves
        return self._full(save, css_only=False) or self.current()

    def changed(self, paths: set[Path]) -> Snapshot | None:
        """After saves: the fast render when it applies, served at once, with the full rebuild
        following in the background; otherwise the full rebuild. None when a newer save took
        over: its own rebuild follows."""
        with self._state:
            self._saves += 1
            save = self._saves
            self._activity_seen = self._activity
            self._state.notify_all()
        with self._saving:
            response, fast = self._fast_render(paths)
        if fast is not None:
            self._in_background(save)
            return fast
        return self._full(save, css_only=response is Response.STYLESHEETS)

    def touched(self) -> None:
        """A file event: a save is under way, whose own rebuild follows once it is quiet."""
        with self._state:
            self._activity += 1

    def current(self) -> Snapshot:
        """The snapshot to serve: never a half-built one, and at once."""
        with self._state:
            return self._snapshot

    def wait_newer(self, generation: int, timeout: float) -> Snapshot:
        with self._state:
            self._state.wait_for(lambda: self._snapshot.generation > generation, timeout)
            return self._snapshot

    def settled(self, timeout: float) -> Snapshot:
        """The snapshot once the full rebuilds behind fast renders are done."""
        with self._state:
            self._state.wait_for(lambda: self._background is None, timeout)
            return self._snapshot

    def _fast_render(self, paths: set[Path]) -> tuple[Response, Snapshot | None]:
        started = time.perf_counter()
        with self._state:
            last, quick = self._snapshot, self._quick
        if quick is None:
            return Response.FULL_REBUILD, None  # no full rebuild has succeeded yet
        done: FastRender | None = None
        try:
            changes = classify(paths, quick.site.config, quick.served)
            response = respond(changes)
            if response is Response.FAST_RENDER and not last.failed:
                done = quick.update([c.message for c in changes if c.message], last.public,
                                    last.kit, last.problems)
        except Exception:  # whatever it is, the full rebuild reports it
            response = Response.FULL_REBUILD
        if done is None:
            quick.forget_templates()  # a template or the config may have changed
            return response, None
        with self._state:
            if self._snapshot is not last:
                # A full rebuild that started after this save was served meanwhile: it has it.
                return response, None
            quick.edited = done.edited
            self._snapshot = replace(last, generation=last.generation + 1, public=done.public,
                                     kit=done.kit, problems=done.problems, css_only=False,
                                     seconds=time.perf_counter() - started,
                                     quick_paths=done.sources)
            self._state.notify_all()
            return response, self._snapshot

    def _in_background(self, save: int) -> None:
        with self._state:
            self._wanted = max(self._wanted, save)
            if self._background is None:
                self._background = threading.Thread(target=self._background_rebuilds, daemon=True)
                self._background.start()

    def _background_rebuilds(self) -> None:
        """Full rebuilds until one has seen every fast render; pages stay served meanwhile."""
        try:
            while True:
                with self._state:
                    # A newer save makes its own rebuild, or asks for this one again.
                    if self._wanted <= self._built or self._saves > self._wanted:
                        self._background = None
                        self._state.notify_all()
                        return
                    save = self._wanted
                    # A save under way brings its own rebuild: wait for it rather than read
                    # its files half done.
                    self._state.wait_for(lambda: self._activity == self._activity_seen, 1.0)
                    if self._saves > save:
                        continue
                snapshot = self._full(save, css_only=False)
                if self.on_background and snapshot:
                    self.on_background(snapshot)
        except BaseException:
            with self._state:
                self._background = None
                self._state.notify_all()
            raise

    def _full(self, save: int, css_only: bool) -> Snapshot | None:
        """A full rebuild that sees save number `save`, served when done; None when one that
        saw it was served already, or a newer save came in before it ended: every save ends
        in a full rebuild of its own (or one behind its fast render) that sees the files after
        it."""
        with self._one_at_a_time:
            with self._state:
                if (save and self._built >= save) or self._saves > save:
                    return None
                seen, active = self._saves, self._activity
            try:
                snapshot, site = self._render(css_only, _Watch(self, seen, active))
            except _Superseded:
                return None
            with self._state:
                # A newer save, or one begun while this read the files (it may have read it
                # half-written): its own rebuild follows, and this one is not served.
                if self._saves != seen or self._activity != active:
                    return None
                last = self._snapshot
                if snapshot.failed:  # keep serving the last good pages under the error overlay
                    snapshot = replace(snapshot, public=last.public, kit=last.kit,
                                       sources=last.sources, held=last.held)
                self._snapshot = replace(snapshot, generation=last.generation + 1)
                self._built = seen
                fresh = None
                if site is not None:
                    fresh = None if self._quick else QuickRender(self.options, site)
                    self._quick = self._quick.rebased(site) if self._quick else fresh
                self._state.notify_all()
                served = self._snapshot
            if fresh is not None:
                with self._saving, suppress(Exception):  # a save's fast render waits for it;
                    fresh.warm(served.public, served.kit)  # what fails, the fast render reports
            return served

    def _render(self, css_only: bool, watch: Phased | None = None) -> tuple[Snapshot, Site | None]:
        started = time.perf_counter()
        site = None
        try:
            now = self.options.now or datetime.now(UTC)
            with settling():
                rendered = render(replace(self.options, now=now), watch, memo=self.memo)
            site = rendered.site
            snapshot = Snapshot(0, rendered.public, rendered.kit,
                                tuple(rendered.over_limit + rendered.warnings), css_only=css_only,
                                sources=page_sources(site, self.options, now),
                                held=held_back_paths(site, self.options, now))
        except _Superseded:
            raise
        except ProblemsError as exc:
            snapshot = _failed(tuple(exc.problems))
        except HubgenError as exc:
            snapshot = _failed((Problem("hubgen", 0, "build", str(exc)),))
        except Exception as exc:
            snapshot = _failed((Problem("hubgen", 0, "internal error", repr(exc),
                                        "please report this"),))
        return replace(snapshot, seconds=time.perf_counter() - started), site


class _Superseded(Exception):
    """A save came in while a full rebuild ran: it would not be served."""


class _Watch:
    """Stops a full rebuild as soon as a save comes in, at its next phase or finished piece of
    work: it would not be served, and its work (on every core) made the save's fast render
    wait for the processor a few times longer."""

    def __init__(self, preview: Preview, saves: int, activity: int) -> None:
        self._preview, self._saves, self._activity = preview, saves, activity

    def phase(self, name: str) -> Progress:
        self._check()
        return lambda done, total: self._check()

    def _check(self) -> None:
        # Read without the lock: an int attribute is read whole, and a save seen late only
        # costs the rest of this piece of work.
        if self._preview._saves != self._saves or self._preview._activity != self._activity:
            raise _Superseded


def _failed(problems: tuple[Problem, ...]) -> Snapshot:
    return Snapshot(0, problems=problems, failed=True)
