"""Work spread over every core, for batches large enough to repay starting processes."""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from typing import Any, Generic, Protocol, TypeVar

__all__ = ["MIN_BATCH", "Background", "Phased", "Progress", "parallel_map", "per_worker", "shared_map"]

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int, int], None]
"""Called with (done, total) as work finishes."""


class Phased(Protocol):
    """A progress display that names the phase a run is in (loading, rendering, …)."""

    def phase(self, name: str) -> Progress:
        """Enter phase `name`; what it returns is told (done, total) of the phase's work."""
        ...


MIN_BATCH = 24
"""Below this, starting worker processes costs more than the work."""
_shared: Any = None  # what every task of a batch needs, sent to each worker once


def workers() -> int:
    if os.environ.get("HUBGEN_WORKERS", "").isdigit():
        return max(1, int(os.environ["HUBGEN_WORKERS"]))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _set_shared(shared: object) -> None:
    global _shared
    _shared = shared


def _call(task: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    function, item = task
    return function(_shared, item)


def parallel_map(function: Callable[[Any, T], R], items: Sequence[T], shared: object = None,
                 chunk: int = 8, progress: Progress | None = None, inherited: bool = False) -> list[R]:
    """`[function(shared, item) for item in items]`, on all cores when it pays. The function,
    `shared` and the items must pickle; `shared` travels once per worker, not once per item.
    A single-threaded process (`hubgen build`) forks its workers: they start at once and
    inherit `shared` instead of unpickling it, and collect their own garbage: a build
    collects none while it runs (`pipeline.collector`), and what it froze before the fork stays
    where it is, shared with the parent. A process that runs threads (the preview's
    watcher and HTTP server) uses a fork server: forking it could copy a held lock. With
    `inherited`, `shared` is too large to send (a site's rendered files): without forking,
    the work is done here."""
    return list(parallel_iter(function, items, shared, chunk, progress, inherited))


def parallel_iter(function: Callable[[Any, T], R], items: Sequence[T], shared: object = None,
                  chunk: int = 8, progress: Progress | None = None,
                  inherited: bool = False, batch: int = MIN_BATCH) -> Iterator[R]:
    """`parallel_map`, each result given as soon as it and those before it are made: the
    caller goes on with the first while the workers make the rest. `batch`: the fewest items
    worth workers (fewer for heavy ones)."""
    count = workers()
    forks = threading.active_count() == 1
    if count < 2 or len(items) < batch or (inherited and not forks):
        yield from _report(progress, len(items), (function(shared, item) for item in items))
        return
    if forks:
        _set_shared(shared)
        pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"),
                                   initializer=gc.enable)
    else:
        pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("forkserver"),
                                   initializer=_set_shared, initargs=(shared,))
    try:
        with pool:
            results = pool.map(_call, [(function, item) for item in items], chunksize=chunk)
            try:
                yield from _report(progress, len(items), results)
            except BaseException:  # the caller stopped (it failed, or `progress` stopped it):
                pool.shutdown(cancel_futures=True)  # the rest is not made
                raise
    finally:
        _set_shared(None)


def shared_map(function: Callable[[Any, T], R], items: Sequence[T], shared: object = None,
               batch: int = MIN_BATCH) -> list[R]:
    """`parallel_map` for work that reads much of this process's memory (pages that list a
    whole site): made in parts, the first here while a forked process of each other core makes
    one (`Background`). A forked process copies each page of memory it touches: a pool's
    workers, which this process only waited for, held a copy of most of it each. `batch`: the
    fewest items worth other processes (fewer for heavy ones)."""
    count = workers() if len(items) >= batch else 1
    size = -(-len(items) // count) if items else 1
    parts = [items[start:start + size] for start in range(0, len(items), size)]
    others = [Background(_made_all, (function, part, shared)) for part in parts[1:]]
    try:
        results = [function(shared, item) for item in parts[0]] if parts else []
        for other, part in zip(others, parts[1:], strict=True):
            made = other.result()
            results += made if made is not None else [function(shared, item) for item in part]
    finally:
        for other in others:
            other.close()
    return results


def _made_all(task: tuple[Callable[[Any, Any], R], Sequence[Any], object]) -> list[R]:
    function, items, shared = task
    gc.enable()  # its own garbage, as a pool's worker
    return [function(shared, item) for item in items]


_kept: dict[str, tuple[object, Any]] = {}


def per_worker(name: str, owner: object, make: Callable[[], T]) -> T:
    """`make()`, made once per process for `owner` (the config it is for) and kept under
    `name`: a worker compiles a site's templates once for all the tasks it is given."""
    kept = _kept.get(name)
    if kept is None or kept[0] is not owner:
        kept = _kept[name] = owner, make()
    result: T = kept[1]
    return result


def _report(progress: Progress | None, total: int, results: Iterable[R]) -> Iterator[R]:
    for done, result in enumerate(results, 1):
        yield result
        if progress:
            progress(done, total)


class Background(Generic[R]):
    """`function(shared)` made by a forked process while the caller goes on, for `result()`:
    an edit build renders on one core while the others wait. Only in a process without threads
    (a build, not the preview's), for the reason `parallel_iter` gives, and with more than one
    core; `result()` is None otherwise, or if the process failed, and the caller makes it
    itself; `close()` stops the process if the caller fails before taking the result."""

    def __init__(self, function: Callable[[Any], R], shared: object) -> None:
        forks = threading.active_count() == 1 and workers() > 1
        self._child = _fork_for(function, shared) if forks else None
        self._result: R | None = None

    @property
    def pid(self) -> int | None:
        """The process making the result, until it is taken or stopped."""
        return self._child[0] if self._child else None

    def result(self) -> R | None:
        """What the process made (waited for), or None."""
        if self._child is not None:
            pid, reading = self._child
            self._child = None
            try:
                with os.fdopen(reading, "rb") as source:
                    # Made by our own fork a moment ago, through a pipe: never read from a file.
                    self._result = pickle.load(source)
            except (pickle.UnpicklingError, EOFError, ValueError, OSError):
                self._result = None  # it failed: the caller makes it
            finally:
                with suppress(OSError):
                    os.waitpid(pid, 0)
        return self._result

    def close(self) -> None:
        """Stop the process if it still runs."""
        if self._child is not None:
            pid, reading = self._child
            self._child = None
            os.close(reading)
            with suppress(OSError):
                os.kill(pid, signal.SIGTERM)
            with suppress(OSError):
                os.waitpid(pid, 0)


def _fork_for(function: Callable[[Any], Any], shared: object) -> tuple[int, int]:
    """The process making `function(shared)` into a pipe: its pid and the pipe's end to read."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writing)
        return pid, reading
    status = 1
    try:  # the child: nothing but this, and none of the parent's exit handlers
        os.close(reading)
        with os.fdopen(writing, "wb") as out:
            pickle.dump(function(shared), out, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)
