"""The garbage collector during a build: quiet inside it, as it was after it."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from conftest import SiteDir

from hubgen.pipeline import BuildOptions, build
from hubgen.pipeline.collector import settle, settling


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    yield
    gc.enable()
    gc.unfreeze()


def test_settling_stops_automatic_collection_and_restores_it() -> None:
    assert gc.isenabled()
    with settling():
        assert not gc.isenabled()
        with settling():  # nested: the outer one restores
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_settle_freezes_what_stays_and_the_end_of_the_build_lets_its_garbage_go() -> None:
    class Node:
        partner: object = None

    with settling():
        gc.collect()  # what the test run made before is not ours to count
        gc.freeze()
        before = gc.get_freeze_count()
        kept = [Node() for _ in range(10)]
        cycle = Node()
        cycle.partner = cycle
        dead = weakref.ref(cycle)
        del cycle
        settle()
        assert gc.get_freeze_count() >= before + len(kept)
        assert dead() is not None  # frozen with the rest: looking for a few cost seconds
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()
    gc.collect()
    assert dead() is None


def test_settle_outside_a_build_does_nothing() -> None:
    settle()
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_a_build_leaves_the_collector_as_it_found_it(site: SiteDir) -> None:
    build(BuildOptions(site.root))
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    gc.disable()
    build(BuildOptions(site.root, clean=True))
    assert not gc.isenabled()
