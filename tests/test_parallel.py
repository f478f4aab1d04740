"""parallel_map: the same results as a plain loop, in order, computed by worker processes;
forked from a single-threaded build, from a fork server where threads run (the preview)."""

from __future__ import annotations

import os
import threading

import pytest

from hubgen.parallel import MIN_BATCH, parallel_map


def scaled(shared: int, item: int) -> tuple[int, int]:
    return shared * item, os.getpid()


@pytest.fixture(autouse=True)
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBGEN_WORKERS", "2")


def check(items: list[int]) -> None:
    results = parallel_map(scaled, items, 3)
    assert [value for value, _ in results] == [3 * i for i in items]
    assert os.getpid() not in {pid for _, pid in results}


@pytest.mark.parametrize("threads", [1, 3])
def test_workers_are_other_processes_forked_or_from_the_fork_server(
        monkeypatch: pytest.MonkeyPatch, threads: int) -> None:
    # One thread: `hubgen build`, which forks; more: the preview, which uses the fork server.
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    check(list(range(MIN_BATCH * 3)))


def test_small_batches_stay_in_the_process() -> None:
    results = parallel_map(scaled, [1, 2], 3)
    assert results == [(3, os.getpid()), (6, os.getpid())]
