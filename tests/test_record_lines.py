"""generator.record_lines: the build's records read as the union of a merge."""

from __future__ import annotations

from generator.record_lines import record_lines


def test_comments_and_blank_lines_are_skipped_with_numbers_kept() -> None:
    assert list(record_lines("# head\n\n a \nb\n")) == [(3, "a"), (4, "b")]


def test_both_sides_of_a_conflict_are_kept_ours_first() -> None:
    text = "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> other\nd\n"
    assert [line for _, line in record_lines(text)] == ["a", "b", "c", "d"]


def test_the_common_ancestors_section_of_a_diff3_conflict_is_skipped() -> None:
    text = "<<<<<<< ours\nx 2\n||||||| base\nx 1\n=======\nx 3\n>>>>>>> theirs\n"
    assert [line for _, line in record_lines(text)] == ["x 2", "x 3"]


def test_a_line_that_only_begins_like_a_marker_is_content() -> None:
    assert [line for _, line in record_lines("<<<<<<<x\n=======y\n")] == ["<<<<<<<x", "=======y"]
