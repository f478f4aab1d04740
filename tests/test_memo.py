"""The memo: fingerprints change with any input, hits replay their problems."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hubgen.errors import Problem, Report
from hubgen.memo import Kept, Memo, Namespace, each, fingerprint, seal, secret_key


@dataclass(frozen=True)
class Item:
    title: str
    tags: tuple[str, ...]
    when: datetime


BASE = Item("Solar", ("a", "b"), datetime(2026, 3, 12, 9, tzinfo=UTC))


@pytest.mark.parametrize("other", [
    Item("Solar!", ("a", "b"), BASE.when),
    Item("Solar", ("b", "a"), BASE.when),
    Item("Solar", ("a", "b"), datetime(2026, 3, 12, 10, tzinfo=UTC)),
    {"title": "Solar"},
    ["Solar"],
    "Solar",
    Path("Solar"),
])
def test_fingerprint_differs_for_other_data(other: object) -> None:
    assert fingerprint(BASE) != fingerprint(other)


def test_fingerprint_is_stable_and_ignores_callables() -> None:
    copy = Item("Solar", ("a", "b"), BASE.when)
    assert fingerprint(BASE) == fingerprint(copy)
    assert fingerprint({"x": BASE, "f": len}) == fingerprint({"x": copy, "f": print})
    assert fingerprint("ab", "c") != fingerprint("a", "bc")


def test_memo_makes_once_and_replays_problems() -> None:
    memo = Memo()
    calls = []

    def make(position: int, report: Report) -> int:
        calls.append(position)
        report.error("content/x.md", 3, "date", "bad date")
        return 42

    first, second = Report(), Report()
    assert memo.map(Namespace.MESSAGE, ["k"], first, each(make)) == [42]
    assert memo.map(Namespace.MESSAGE, ["k"], second, each(make)) == [42]
    assert calls == [0] and (memo.hits, memo.misses) == (1, 1)
    assert second.problems == [Problem("content/x.md", 3, "date", "bad date")]


def test_map_makes_only_the_missing_keys_at_once_in_their_order() -> None:
    memo = Memo()
    memo.map(Namespace.SNIPPETS, ["b"], Report(), each(lambda _, __: "B"))
    asked: list[list[int]] = []

    def make(positions: list[int]) -> list[tuple[str, tuple[Problem, ...]]]:
        asked.append(positions)
        return [("ACD"[positions.index(i)], (Problem(f"{i}.md", 1, "f", "m"),)) for i in positions]

    report = Report()
    assert memo.map(Namespace.SNIPPETS, ["a", "b", "c", "d"], report, make) == ["A", "B", "C", "D"]
    assert asked == [[0, 2, 3]]
    assert [p.path for p in report.problems] == ["0.md", "2.md", "3.md"]


def test_map_calls_reading_now_and_then_while_it_reads_stored_results() -> None:
    """The preview stops a rebuild there: reading ten thousand passes takes seconds."""
    memo, keys = Memo(), [str(n) for n in range(1000)]
    memo.map(Namespace.SNIPPETS, keys, Report(), each(lambda i, _: i))
    calls: list[int] = []
    assert memo.map(Namespace.SNIPPETS, keys, Report(), each(lambda i, _: -1),
                    lambda: calls.append(1)) == list(range(1000))
    assert 4 <= len(calls) <= 20


class Stop(Exception):
    pass


def test_a_reading_that_raises_stops_the_map() -> None:
    memo, keys = Memo(), [str(n) for n in range(1000)]

    def stop() -> None:
        raise Stop

    with pytest.raises(Stop):
        memo.map(Namespace.SNIPPETS, keys, Report(), each(lambda i, _: i), stop)


def test_namespaces_are_apart() -> None:
    memo = Memo()
    memo.map(Namespace.SNIPPETS, ["k"], Report(), each(lambda _, __: "view"))
    assert memo.map(Namespace.PAGE, ["k"], Report(), each(lambda _, __: b"page")) == [b"page"]


def test_forget_unused_drops_entries_of_the_last_build() -> None:
    memo = Memo()
    memo.map(Namespace.PAGE, ["old"], Report(), each(lambda _, __: 1))
    memo.forget_unused()
    memo.map(Namespace.PAGE, ["new"], Report(), each(lambda _, __: 2))
    memo.forget_unused()
    memo.map(Namespace.PAGE, ["old"], Report(), each(lambda _, __: 3))
    assert memo.misses == 3


class Shelf:
    """What an earlier run kept, as the build cache offers it."""

    def __init__(self, entries: dict[tuple[Namespace, str], object], writing: bool = False) -> None:
        self.entries, self.asked, self.closed = entries, [], False
        self.writing, self.put_rows, self.flushes = writing, [], 0

    def take(self, namespace: Namespace, key: str) -> tuple[object, tuple[Problem, ...]] | None:
        self.asked.append((namespace, key))
        found = self.entries.get((namespace, key))
        return None if found is None else (found, ())

    def close(self) -> None:
        self.closed = True

    def writes(self) -> bool:
        return self.writing

    def put(self, namespace: Namespace, key: str, data: bytes) -> None:
        self.put_rows.append((namespace, key, data))

    def flush(self) -> None:
        self.flushes += 1


def test_kept_namespaces_are_looked_up_on_disk_until_the_first_build_ends() -> None:
    shelf = Shelf({(Namespace.PAGE, "p"): b"kept", (Namespace.KIT, "k"): "kept"})
    memo = Memo(shelf)
    assert memo.map(Namespace.PAGE, ["p"], Report(), each(lambda _, __: b"made")) == [b"kept"]
    assert memo.map(Namespace.KIT, ["k"], Report(), each(lambda _, __: "made")) == ["made"]
    assert shelf.asked == [(Namespace.PAGE, "p")]  # the kit namespace is not kept
    assert set(memo.to_keep()) == {(Namespace.PAGE, "p")}
    memo.forget_unused()
    assert shelf.closed
    assert memo.map(Namespace.PAGE, ["q"], Report(), each(lambda _, __: b"made")) == [b"made"]
    assert len(shelf.asked) == 1


def test_results_made_with_their_rows_are_put_as_they_come_and_flushed_once() -> None:
    shelf = Shelf({(Namespace.PASS, "old"): "kept"}, writing=True)
    memo = Memo(shelf)
    assert memo.writes(Namespace.PASS) and not memo.writes(Namespace.KIT)
    given: list[str] = []

    def make(positions: list[int]) -> Iterator[Kept[str]]:
        for position in positions:
            assert shelf.put_rows == [(Namespace.PASS, k, k.encode()) for k in given if k != "c"]
            given.append("abc"[position - 1])
            yield Kept((given[-1], ()), None if given[-1] == "c" else given[-1].encode())

    assert memo.map(Namespace.PASS, ["old", "a", "b", "c"], Report(), make) == ["kept", "a", "b", "c"]
    assert [row[1] for row in shelf.put_rows] == ["a", "b"]  # "c" came without a row
    assert shelf.flushes == 1
    assert memo.map(Namespace.PASS, ["a"], Report(), make) == ["a"]  # nothing made: no flush
    assert shelf.flushes == 1
    assert not Memo(Shelf({})).writes(Namespace.PASS)


def test_kept_namespaces_are_declared_once() -> None:
    kept = {namespace.label for namespace in Namespace if namespace.kept}
    assert kept == {"message", "pass", "snippets", "checks", "references", "page", "ics", "share"}
    assert len({namespace.label for namespace in Namespace}) == len(Namespace)


def test_seals_bind_every_part_and_the_key() -> None:
    key = b"k" * 32
    assert seal(key, b"ab", b"c") == seal(key, b"ab", b"c")
    assert seal(key, b"ab", b"c") != seal(key, b"a", b"bc")
    assert seal(key, b"ab", b"c") != seal(b"j" * 32, b"ab", b"c")


def test_the_key_lives_outside_the_site_and_is_made_once(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUBGEN_CACHE_KEY", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    key = secret_key()
    path = tmp_path / "cache/hubgen/cache-key"
    assert path.read_bytes() == key and len(key) == 32
    assert path.stat().st_mode & 0o077 == 0  # the user's own
    assert secret_key() == key
    monkeypatch.setenv("HUBGEN_CACHE_KEY", "shared between CI runners")
    assert secret_key() not in (key, b"")
