"""Per-article metadata cascades: year, date, outlet, kind."""

from __future__ import annotations

import pytest

from generator.ingest.metadata import (
    article_date,
    article_kind,
    article_outlet,
    infer_year,
    is_interview,
    is_notice,
    iso_date,
    outlet_from_meta,
    page_date,
    parse_iso_date,
    years_in_text,
)
from generator.models import ArticleKind


@pytest.mark.parametrize(
    ("year", "month", "day", "expected"),
    [
        (2021, 4, 2, "2021-04-02"),
        (2021, 2, 30, None),  # no such day
        (None, 4, 2, None),
        (2019, 12, None, None),
    ],
)
def test_iso_date(year: int | None, month: int | None, day: int | None, expected: str | None) -> None:
    assert iso_date(year, month, day) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布日期:2021-05-06", "2021-05-06"),
        ("2019/7/1", "2019-07-01"),
        ("2018年10月9日 来源：某某网", "2018-10-09"),
        ("昨日", None),
        (None, None),
    ],
)
def test_parse_iso_date(text: str | None, expected: str | None) -> None:
    assert parse_iso_date(text) == expected


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2019年度考核，2021年计划", (2019, 2021)),
        ("财金〔2020〕5号、内政发电［2020］1号", (2020, 2020)),
        ("内工信中小字(2018)28号", (2018,)),
        ("电话3569278，销售2000吨", ()),  # numbers that are no years
        ("1000——2000元", ()),
        ("截至2020年底，到2025年建成，至2030年", (2020,)),  # targets are not the issue year
    ],
)
def test_years_in_text(text: str, years: tuple[int, ...]) -> None:
    assert years_in_text(text) == years


@pytest.mark.parametrize(
    ("known", "texts", "year"),
    [
        (("2022-01-05", None), ("2019年",), 2022),  # a stated full date wins
        ((None, "2021-03-30"), ("2020年",), 2021),  # sidecar issue date
        ((None, None), ("2019年度", "2021年上半年", "2020年"), 2021),  # most recent mention
        ((None, None), ("没有年份",), None),
    ],
)
def test_infer_year(known: tuple[str | None, ...], texts: tuple[str, ...], year: int | None) -> None:
    assert infer_year(known_dates=known, texts=texts) == year


def test_page_date_is_most_common_then_latest() -> None:
    assert page_date(["2021-04-02", "2021-04-02", "2021-04-01", None]) == "2021-04-02"
    assert page_date(["2021-04-01", "2021-04-02"]) == "2021-04-02"
    assert page_date([None]) is None


@pytest.mark.parametrize(
    ("dateline", "header", "sidecar", "page", "expected"),
    [
        ("2021-04-02", "2021-04-05", "2021-04-03", "2021-04-01", ("2021-04-03", "sidecar")),
        ("2021-04-02", "2021-04-05", None, "2021-04-01", ("2021-04-02", "dateline")),
        (None, "发布日期:2021-04-05", None, None, ("2021-04-05", "issue")),
        (None, None, "2021-04-03", "2021-04-01", ("2021-04-03", "sidecar")),
        (None, None, None, "2021-04-01", ("2021-04-01", "issue")),
        (None, None, None, None, (None, "none")),
    ],
)
def test_article_date_cascade(
    dateline: str | None, header: str | None, sidecar: str | None, page: str | None, expected: tuple[str | None, str]
) -> None:
    got = article_date(dateline=dateline, header_date=header, sidecar_date=sidecar, page=page)
    assert got == expected


@pytest.mark.parametrize(
    ("lead", "meta", "sidecar", "expected"),
    [
        ("新华社", "某某网", "某日报", "某日报"),  # the editor's sidecar wins
        ("新华社", "某某网", None, "新华社"),
        ("本报", None, "赤峰日报", "赤峰日报"),  # 本报 names no one
        ("本报", None, None, None),
        (None, "央视网", None, "央视网"),
    ],
)
def test_article_outlet(lead: str | None, meta: str | None, sidecar: str | None, expected: str | None) -> None:
    assert article_outlet(lead_outlet=lead, meta_outlet=meta, sidecar_outlet=sidecar) == expected


def test_outlet_from_meta() -> None:
    assert outlet_from_meta([("date", "2021-01-01"), ("source", "中国新闻网")]) == "中国新闻网"
    assert outlet_from_meta([("source", "来源：央广网")]) == "央广网"
    assert outlet_from_meta([("title", "x")]) is None


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (("记者：今年有哪些重点工作？", "周建华：主要抓好三个方面。"), True),
        (("围绕春耕生产，记者专访了市农牧局局长赵刚。", "赵刚说，……"), True),
        (("一是：加强领导。", "二是：落实责任。"), False),  # enumerations, no question
        (("会议指出，要加强协作。",), False),
    ],
)
def test_is_interview(paragraphs: tuple[str, ...], expected: bool) -> None:
    assert is_interview(paragraphs) is expected


@pytest.mark.parametrize(
    ("paragraphs", "has_title", "has_byline", "expected"),
    [
        (("欢迎广大市民监督。", "举报电话：12345。"), False, False, True),
        (("欢迎广大市民监督。", "举报电话：12345。"), True, False, False),
        (("市图书馆新馆昨日开放，馆藏图书80万册。",), False, False, False),
        (("举报电话：12345。" * 60,), False, False, False),  # too long for a notice
    ],
)
def test_is_notice(paragraphs: tuple[str, ...], has_title: bool, has_byline: bool, expected: bool) -> None:
    assert is_notice(paragraphs, has_title=has_title, has_byline=has_byline) is expected


@pytest.mark.parametrize(
    ("paragraphs", "continued_from", "photo", "has_title", "expected"),
    [
        (("记者：问？", "张三：答。"), "第1版", False, True, ArticleKind.CONTINUATION),
        (("连日来，工厂一片繁忙。",), None, True, True, ArticleKind.PHOTO_STORY),
        (("记者：问？", "张三：答。"), None, False, True, ArticleKind.INTERVIEW),
        (("咨询电话：12345。",), None, False, False, ArticleKind.NOTICE),
        (("连日来，工厂一片繁忙。",), None, False, True, ArticleKind.ARTICLE),
    ],
)
def test_article_kind(
    paragraphs: tuple[str, ...],
    continued_from: str | None,
    photo: bool,
    has_title: bool,
    expected: ArticleKind,
) -> None:
    kind = article_kind(paragraphs, continued_from=continued_from, photo=photo, has_title=has_title, has_byline=False)
    assert kind is expected
