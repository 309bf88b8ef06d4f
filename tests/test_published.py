"""The record of published ids: its file format, how it grows, what each gone id's page is."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.published import (
    Gone,
    Record,
    dated_id_moves,
    format_record,
    gone_pages,
    parse_record,
    read_record,
    with_current,
    with_moves,
)

TEXT = """# a comment
b-0123456789
a-9876543210
2020-03-12-0123456789 -> b-0123456789
"""


def test_parse_reads_ids_and_moves() -> None:
    record = parse_record(TEXT)
    assert record.ids == {"a-9876543210", "b-0123456789", "2020-03-12-0123456789"}
    assert dict(record.moved) == {"2020-03-12-0123456789": "b-0123456789"}


def test_format_is_sorted_and_round_trips_byte_for_byte() -> None:
    text = format_record(parse_record(TEXT))
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert body == ["2020-03-12-0123456789 -> b-0123456789", "a-9876543210", "b-0123456789"]
    assert format_record(parse_record(text)) == text
    assert text.endswith("\n") and not text.endswith("\n\n")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("../etc/passwd", "not an article id"),
        ("<b>x</b>", "not an article id"),
        ("a-1 -> ../b", "not an article id"),
        ("Upper-Case", "not an article id"),
    ],
)
def test_a_bad_line_is_named_with_its_number(line: str, message: str) -> None:
    with pytest.raises(BuildError, match=rf"published-ids.txt:2: {message}"):
        parse_record(f"ok-1\n{line}\n")


def test_one_id_cannot_move_to_two_places() -> None:
    with pytest.raises(BuildError, match="moved twice"):
        parse_record("a -> b\na -> c\n")


def test_the_record_only_grows() -> None:
    record = with_current(parse_record("a\nb\n"), ["b", "c"])
    assert record.ids == {"a", "b", "c"}
    assert with_current(record, []) == record


def test_removed_and_moved_ids_get_pages_current_ones_do_not() -> None:
    record = with_moves(Record(ids=frozenset({"gone", "here"})), {"old": "here"})
    assert gone_pages(record, ["here"]) == (Gone("gone", None), Gone("old", "here"))


def test_a_redirect_goes_to_the_end_of_its_chain() -> None:
    record = parse_record("a -> b\nb -> c\nc\n")
    assert gone_pages(record, ["c"]) == (Gone("a", "c"), Gone("b", "c"))
    # An id that came back shows its article and stops the walk; one that moved to a
    # removed id leads to that one's notice.
    assert gone_pages(record, ["b"]) == (Gone("a", "b"), Gone("c", None))


def test_moves_in_a_circle_are_refused() -> None:
    with pytest.raises(BuildError, match="circle"):
        gone_pages(parse_record("a -> b\nb -> a\n"), [])


def test_a_folder_without_a_record_has_no_history(tmp_path: Path) -> None:
    assert read_record(tmp_path) == Record()
    (tmp_path / "published-ids.txt").write_text("x-1\n", encoding="utf-8")
    assert read_record(tmp_path).ids == {"x-1"}


def test_dated_ids_move_to_the_new_id_with_the_same_hash() -> None:
    old = ["2020-03-12-0c94f240e4", "undated-1a0a159350", "undated-1a0a159350-2", "undated-ffffffffff"]
    new = ["003-0c94f240e4", "002-x-1a0a159350", "002-x-1a0a159350-2", "0123456789"]
    assert dated_id_moves(old, new) == {
        "2020-03-12-0c94f240e4": "003-0c94f240e4",
        "undated-1a0a159350": "002-x-1a0a159350",
        "undated-1a0a159350-2": "002-x-1a0a159350-2",
    }


def test_an_ambiguous_or_new_style_id_is_not_moved() -> None:
    assert dated_id_moves(["undated-0c94f240e4"], ["a-0c94f240e4", "b-0c94f240e4"]) == {}
    assert dated_id_moves(["a-0c94f240e4"], ["b-0c94f240e4"]) == {}


def test_a_record_left_with_merge_conflict_markers_is_the_union_of_both_sides() -> None:
    text = "a-1\n<<<<<<< HEAD\nb-2\n=======\nc-3\nd-4 -> c-3\n>>>>>>> pr-2\n"
    record = parse_record(text)
    assert record.ids == {"a-1", "b-2", "c-3", "d-4"} and dict(record.moved) == {"d-4": "c-3"}
