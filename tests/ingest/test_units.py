"""Typed units of a page: text runs, headline groups, bylines, furniture."""

from __future__ import annotations

import pytest

from generator.ingest.units import UnitKind, page_units
from generator.models import SourceLine


def _kinds(text: str) -> list[tuple[str, tuple[str, ...]]]:
    lines = tuple(SourceLine(i + 1, t) for i, t in enumerate(text.split("\n")))
    return [(u.kind.value, u.texts) for u in page_units(lines)]


def test_run_is_cut_before_a_lead_and_after_an_end_mark() -> None:
    text = "缓解了口罩需求难题。①5\n 本报讯（记者 林海）昨日上午，\n市长主持召开会议。"
    assert _kinds(text) == [
        ("text", ("缓解了口罩需求难题。①5",)),
        ("text", ("本报讯（记者 林海）昨日上午，", "市长主持召开会议。")),
    ]


def test_byline_block_is_split_off_the_body() -> None:
    text = "□本报记者 周立新 摄影报道\n连日来，各地农民抢抓农时。"
    units = page_units(tuple(SourceLine(i + 1, t) for i, t in enumerate(text.split("\n"))))
    assert [u.kind for u in units] == [UnitKind.BYLINE, UnitKind.TEXT]
    assert units[0].photo


def test_closing_byline_alone_on_its_line() -> None:
    assert _kinds("投入到战斗中去。”\n\n（王晓东）") == [
        ("text", ("投入到战斗中去。”",)),
        ("closer", ("（王晓东）",)),
    ]


def test_quote_lines_glue_a_vertical_title() -> None:
    assert _kinds("各行业开工率达100%。\n\n春播\n\n“\n正当时\n\n”\n") == [
        ("text", ("各行业开工率达100%。",)),
        ("heads", ("春播", "“", "正当时", "”")),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("要闻\n\n全市开展春季植树。\n\n植树忙", ["furniture", "text", "heads"]),
        ("视界\n\n植树忙\n\n全市开展春季植树。", ["furniture", "heads", "text"]),
        ("全市开展春季植树。\n\n植树忙\n\n草原·视点\n\n视界", ["text", "heads", "furniture", "furniture"]),
    ],
)
def test_furniture_at_page_edges(text: str, expected: list[str]) -> None:
    assert [kind for kind, _ in _kinds(text)] == expected


def test_headline_without_blank_lines_before_a_lead_is_split_off() -> None:
    text = "通过就业扶贫实现就业2920人。\n奈曼旗畅通就业渠道\n本报讯（记者 林海）昨日上午，市长主持召开会议。"
    assert [kind for kind, _ in _kinds(text)] == ["text", "heads", "text"]


def test_short_line_with_an_open_quote_is_text() -> None:
    text = "全力做好复工复产工作。\n\n各地落实“绿色\n\n通道”政策，保障运输。"
    assert [kind for kind, _ in _kinds(text)] == ["text", "text", "text"]
