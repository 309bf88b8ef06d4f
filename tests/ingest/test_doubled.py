"""Bold-font doubling undone chunk by chunk (`generator.ingest.doubled`)."""

from __future__ import annotations

import pytest

from generator.ingest.doubled import is_doubled, undouble


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Spans of a headline drawn twice one after the other, without punctuation.
        ("夜市开张夜市开张添烟火添烟火", "夜市开张添烟火"),
        ("田间地头田间地头话春耕话春耕", "田间地头话春耕"),
        ("果园果园剪枝忙剪枝忙", "果园剪枝忙"),
        # Chunks next to doubled punctuation.
        ("冬储菜冬储菜““进社区进社区””", "冬储菜“进社区”"),
    ],
)
def test_headline_doubled_chunk_by_chunk_is_repaired(raw: str, expected: str) -> None:
    assert undouble(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Reduplicated verbs and AABB words in prose.
        "大家商量商量",
        "商量商量办法",
        "休息休息再走",
        "高高兴兴",
        "大大小小",
        "天天看看",
        "两手抓、两不误",
        # Too short to be a headline fragment drawn twice.
        "走走看看",
        # One chunk not doubled spoils the whole run.
        "夜市开张夜市开张添烟火",
        # Many ways to tile the start, none for the end (must not be searched at length).
        "春耕" * 39 + "秋收",
    ],
)
def test_real_repetition_is_not_undoubled(text: str) -> None:
    assert not is_doubled(text)
    assert undouble(text) == text
