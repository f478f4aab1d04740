"""Work spread over every core, for batches large enough to repay starting processes."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

__all__ = ["MIN_BATCH", "Phased", "Progress", "parallel_map", "per_worker"]

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
    inherit `shared` instead of unpickling it. A process that runs threads (the preview's
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
        pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"))
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
