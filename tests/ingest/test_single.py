"""Headline, byline block and title helpers for one-article files."""

from __future__ import annotations

import pytest

from generator.ingest.single import PAGE_HEADLINE, author_names, byline_block, leading_headline_block, web_title
from generator.models import SourceLine


def _lines(text: str) -> tuple[SourceLine, ...]:
    return tuple(SourceLine(i + 1, t) for i, t in enumerate(text.split("\n")))


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        ("卓资县冷库建成\n\n卓资县新建冷库三座，可储存蔬菜一万吨。", ("卓资县冷库建成",)),
        # One paragraph per line, no blank line under the headline.
        ("卓资县冷库建成\n卓资县今年新建农产品冷库三座，可储存蔬菜一万吨，方便农户错峰销售。", ("卓资县冷库建成",)),
        # A kicker and a deck above the text.
        (
            "卓资县\n新建冷库三座\n——可储存蔬菜一万吨\n卓资县今年新建农产品冷库三座，可储存蔬菜一万吨，方便农户错峰销售。",
            ("卓资县", "新建冷库三座", "——可储存蔬菜一万吨"),
        ),
        # The text itself opens the file.
        ("卓资县今年新建农产品冷库三座，可储存蔬菜一万吨。\n方便农户错峰销售。", ()),
    ],
)
def test_leading_headline_block(text: str, heads: tuple[str, ...]) -> None:
    found, _rest = leading_headline_block(_lines(text))
    assert found == heads


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("本报记者 裴然\n本报通讯员 韦青\n\n清晨，牧场里一片忙碌。", (1, 2)),
        ("清晨，牧场里一片忙碌。\n本报记者 裴然", ()),
        ("本报记者 裴然", ()),  # nothing under it: not a block over a text
    ],
)
def test_byline_block(text: str, numbers: tuple[int, ...]) -> None:
    block, _rest = byline_block(_lines(text))
    assert tuple(line.number for line in block) == numbers


@pytest.mark.parametrize(
    ("meta", "title"),
    [
        ((("page_title", "塞上资讯网"), (PAGE_HEADLINE, "卓资县冷库建成")), "卓资县冷库建成"),
        ((("original_title", "冷库建成"), (PAGE_HEADLINE, "卓资县冷库建成")), "冷库建成"),
        ((("page_title", "乌兰察布频道:卓资县冷库建成"),), "卓资县冷库建成"),
        ((), None),
    ],
)
def test_web_title(meta: tuple[tuple[str, str], ...], title: str | None) -> None:
    assert web_title(meta) == title


@pytest.mark.parametrize(
    ("text", "heads", "credits"),
    [
        # Decks and the credit line in one block above the text.
        (
            "山乡春早\n——某镇果农忙剪枝\n图/文 本报记者 罗 青\n\n某镇三千亩果园进入剪枝季，果农在枝头忙碌。",
            ("山乡春早", "——某镇果农忙剪枝"),
            (3,),
        ),
        (
            "山乡春早\n文/本报记者 罗青 通讯员 苏亮\n\n某镇三千亩果园进入剪枝季，果农在枝头忙碌。",
            ("山乡春早",),
            (2,),
        ),
        # No text after the block: nothing to head.
        ("山乡春早\n图/文 本报记者 罗 青", (), ()),
    ],
)
def test_headline_block_with_credits_under_it(text: str, heads: tuple[str, ...], credits: tuple[int, ...]) -> None:
    found, rest = leading_headline_block(_lines(text))
    assert found == heads
    block, _body = byline_block(rest)
    assert tuple(line.number for line in block) == credits


def test_author_names_gathers_every_author_field() -> None:
    meta = (("date", "2024-09-22"), ("author", "张三 李四"), ("source", "新华社"), ("author", "王五"))
    assert author_names(meta) == ("张三", "李四", "王五")
