"""generator.changelog: updates from content hashes, the files' round trip, no clock."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.changelog import (
    History,
    Update,
    content_hash,
    format_changes,
    format_hashes,
    next_history,
    parse_history,
)
from generator.errors import BuildError
from tests.render.factories import make_article


def test_first_build_adds_everything_and_a_rebuild_adds_nothing() -> None:
    first = next_history(History(), {"b": "2", "a": "1"})
    assert first.updates == (Update(1, added=("a", "b")),)
    again = next_history(first, {"a": "1", "b": "2"})
    assert again == first
    assert format_changes(again) == format_changes(first) and format_hashes(again) == format_hashes(first)


def test_an_update_lists_added_corrected_and_removed_ids() -> None:
    history = next_history(History(), {"a": "1", "b": "2", "c": "3"})
    later = next_history(history, {"a": "1", "b": "changed", "d": "4"})
    assert later.updates[-1] == Update(2, added=("d",), corrected=("b",), removed=("c",))
    assert dict(later.hashes) == {"a": "1", "b": "changed", "d": "4"}


def test_the_files_round_trip() -> None:
    history = next_history(next_history(History(), {"a": "1", "b": "2"}), {"a": "9", "c": "3"})
    assert parse_history(format_changes(history), format_hashes(history)) == history
    assert format_changes(history).splitlines()[2:] == ["update 1", "+ a", "+ b", "update 2", "+ c", "~ a", "- b"]


@pytest.mark.parametrize(
    ("changes", "hashes", "expected"),
    [
        ("update 2\n+ a\n", "", "changes.txt:1: expected `update 1`"),
        ("+ a\n", "", "changes.txt:1:"),
        ("update 1\n* a\n", "", "changes.txt:2:"),
        ("", "a\n", "content-hashes.txt:1: not an `id hash` line"),
    ],
)
def test_a_broken_file_names_its_line(changes: str, hashes: str, expected: str) -> None:
    with pytest.raises(BuildError, match=expected):
        parse_history(changes, hashes, where="docs")


def test_the_hash_follows_what_readers_see_not_the_analysis_of_others() -> None:
    loc = make_article("a-1")
    same = replace(loc, article=replace(loc.article, keywords=("别的",)))  # keywords: analysis, not content
    retitled = replace(loc, article=replace(loc.article, raw=replace(loc.article.raw, title="新标题")))
    moved = replace(loc, article=replace(loc.article, raw=replace(loc.article.raw, page="2")))
    assert content_hash(loc) == content_hash(same)
    assert len({content_hash(loc), content_hash(retitled), content_hash(moved)}) == 3


# Two pull requests, each adding one article after update 1, merged one after the other.
_MERGED_BY_UNION = "update 1\n+ a\nupdate 2\n+ b\nupdate 2\n+ c\n"
_MERGED_WITH_MARKERS = "update 1\n+ a\n<<<<<<< HEAD\nupdate 2\n+ b\n=======\nupdate 2\n+ c\n>>>>>>> pr-2\n"


@pytest.mark.parametrize("changes", [_MERGED_BY_UNION, _MERGED_WITH_MARKERS])
def test_two_merged_updates_with_one_number_are_one_update(changes: str) -> None:
    hashes = "a 1\n<<<<<<< HEAD\nb 2\n=======\nc 3\n>>>>>>> pr-2\n"
    history = parse_history(changes, hashes)
    assert history.updates == (Update(1, added=("a",)), Update(2, added=("b", "c")))
    assert dict(history.hashes) == {"a": "1", "b": "2", "c": "3"}
    # The next build writes it back in the plain form and, with nothing else changed, adds nothing.
    again = next_history(history, {"a": "1", "b": "2", "c": "3"})
    assert format_changes(again).splitlines()[2:] == ["update 1", "+ a", "update 2", "+ b", "+ c"]


def test_an_update_number_beyond_the_next_is_still_an_error() -> None:
    with pytest.raises(BuildError, match=r"changes\.txt:3: expected `update 2`"):
        parse_history("update 1\n+ a\nupdate 3\n+ b\n", "", where="docs")
