"""Keeping Python's cyclic garbage collector from going over a build's results again and again.

A build at 10,000 messages holds millions of objects (messages, snippets, views, rendered
pages), made once and kept to the end, almost none of them garbage in a cycle. The collector
went over all of them each time the heap had grown by a quarter: a quarter of an edit build.
Inside `settling()` it does not run; `settle()`, after each phase, moves what the phase made
out of its sight (`gc.freeze`); at the end all is as it was. It does not collect first: a phase
leaves a few hundred objects in cycles among millions (after the message pass of an edit build
at 10,000 messages, 18 among 1.3 million), and looking for them took 0.6 s. Forked workers,
which do collect their own garbage (`parallel`), leave what was frozen before the fork alone:
the collector writes to no page they share with the parent (the pattern `gc.freeze`'s
documentation gives)."""

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
    """Inside `settling()`: the objects made since the last settle are left alone by the
    collector from now on."""
    if _depth:
        gc.freeze()
