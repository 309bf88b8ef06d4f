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
