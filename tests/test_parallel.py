"""parallel_map: the same results as a plain loop, in order, computed by worker processes;
forked from a single-threaded build, from a fork server where threads run (the preview).
Background: work made by a forked process while the caller goes on."""

from __future__ import annotations

import gc
import os
import threading
import time

import pytest

from hubgen.parallel import MIN_BATCH, Background, parallel_map, shared_map
from hubgen.pipeline.collector import settling


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


def collecting(_: None, item: int) -> bool:
    return gc.isenabled()


def test_forked_workers_collect_their_garbage(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build runs with the collector off (`pipeline.collector`); its workers would keep
    every cycle they make."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    with settling():
        assert all(parallel_map(collecting, list(range(MIN_BATCH))))
        assert not gc.isenabled()


def test_shared_map_makes_the_first_part_here_the_rest_in_forked_processes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    items = list(range(MIN_BATCH * 2))
    results = shared_map(scaled, items, 3)
    assert [value for value, _ in results] == [3 * i for i in items]
    here = [pid == os.getpid() for _, pid in results]
    assert here == [True] * MIN_BATCH + [False] * MIN_BATCH  # in order, each part in one place


def test_shared_map_makes_a_part_itself_when_its_process_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    parent = os.getpid()

    def dying_elsewhere(shared: int, item: int) -> int:
        if os.getpid() != parent:
            os._exit(3)
        return shared * item

    items = list(range(MIN_BATCH * 2))
    assert shared_map(dying_elsewhere, items, 3) == [3 * i for i in items]


def test_shared_map_stays_here_with_threads_or_few_items(monkeypatch: pytest.MonkeyPatch) -> None:
    assert {pid for _, pid in shared_map(scaled, [1, 2], 3)} == {os.getpid()}
    monkeypatch.setattr(threading, "active_count", lambda: 3)  # the preview: forking could copy a lock
    assert {pid for _, pid in shared_map(scaled, list(range(MIN_BATCH * 2)), 3)} == {os.getpid()}


def made_where(shared: bytes) -> tuple[bytes, int]:
    return shared * 2, os.getpid()


def failing(_: object) -> None:
    raise ValueError("broken")


def sleeping(seconds: float) -> None:
    time.sleep(seconds)


@pytest.fixture
def single_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build's process, whatever threads earlier tests in this one left running."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)


@pytest.mark.usefixtures("single_threaded")
def test_background_work_is_made_by_a_forked_process() -> None:
    large = b"x" * 3_000_000  # more than a pipe holds: the process waits to be read
    background = Background(made_where, large)
    assert background.pid is not None
    made = background.result()
    assert made is not None and made[0] == large * 2 and made[1] not in (None, os.getpid())
    assert background.result() is made  # taken once, kept


@pytest.mark.parametrize("setting", ["threads", "one core"])
def test_background_work_is_left_to_the_caller_with_threads_or_one_core(
        monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    if setting == "threads":
        monkeypatch.setattr(threading, "active_count", lambda: 3)  # forking could copy a lock
    else:
        monkeypatch.setenv("HUBGEN_WORKERS", "1")
    background = Background(made_where, b"x")
    assert background.pid is None and background.result() is None


@pytest.mark.usefixtures("single_threaded")
def test_failed_background_work_is_left_to_the_caller() -> None:
    background = Background(failing, None)
    assert background.result() is None


@pytest.mark.usefixtures("single_threaded")
def test_background_work_stopped_leaves_no_process() -> None:
    started = time.monotonic()
    background = Background(sleeping, 60)
    pid = background.pid
    background.close()
    assert pid is not None and time.monotonic() - started < 30
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    assert background.result() is None

