"""The preview prints the warnings a rebuild adds, not all of them again."""

from __future__ import annotations

from hubgen.errors import Problem
from hubgen.serve.new_warnings import WarningLog, new_warnings

SOURCE = "content/news/x.md"


def glossary(line: int, variant: str = "Energie-Wende") -> Problem:
    return Problem(SOURCE, line, "body", f"'{variant}' is a variant of 'Energiewende'",
                   "write 'Energiewende'", "warning")


def test_a_new_warning_is_new_and_the_old_ones_are_not() -> None:
    before = [glossary(12)]
    assert new_warnings(before, [glossary(12), glossary(14, "Energie-wende")]) == [
        glossary(14, "Energie-wende")]


def test_a_warning_moved_by_a_line_typed_above_it_is_not_new() -> None:
    assert new_warnings([glossary(12)], [glossary(13)]) == []


def test_a_second_of_the_same_kind_is_new_at_its_own_line() -> None:
    assert new_warnings([glossary(12)], [glossary(12), glossary(20)]) == [glossary(20)]
    assert new_warnings([glossary(20)], [glossary(12), glossary(20)]) == [glossary(12)]


def test_errors_are_not_warnings() -> None:
    error = Problem(SOURCE, 3, "date", "bad date")
    assert new_warnings([], [error]) == []


def test_the_log_tells_what_is_new_and_what_was_fixed() -> None:
    log = WarningLog()
    assert log.update([glossary(12)]) == ([glossary(12)], 1, 0)
    assert log.update([glossary(12)]) == ([], 1, 0)
    other = glossary(30, "Energie-wende")
    assert log.update([other]) == ([other], 1, 1)
    assert log.update([]) == ([], 0, 1)
