"""Keeping Python's cyclic garbage collector from going over a build's results again and again.

A build at 10,000 messages holds millions of objects (messages, snippets, views, rendered
pages), made once and kept to the end, almost none of them garbage in a cycle. The collector
went over all of them each time the heap had grown by a quarter: a quarter of an edit build.
Inside `settling()` it does not run by itself; `settle()`, after each phase, collects what the
phase made once and moves the rest out of its sight (`gc.freeze`); at the end all is as it was.
Forked workers gain too: the collector no longer writes to the pages they share with the parent
(the pattern `gc.freeze`'s documentation gives)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["settle", "settling"]

_depth = 0


@contextmanager
def settling() -> Iterator[None]:
    """Where `settle()` acts: a build, not a long-running preview, whose renders would keep
    what they froze."""
    global _depth
    collecting = gc.isenabled()
    gc.disable()
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if not _depth:
            gc.unfreeze()
            if collecting:
                gc.enable()


def settle() -> None:
    """Inside `settling()`: garbage in cycles made since the last settle is collected, and the
    objects that stay are left alone by the collector from now on."""
    if _depth:
        gc.collect(0)
        gc.freeze()
