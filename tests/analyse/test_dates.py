from __future__ import annotations

import pytest

from generator.analyse.dates import dates_mentioned, dominant_year, find_dates


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("2020年3月29日，记者获悉", None, ["2020-03-29"]),
        ("发布日期:2020-03-12 来源", None, ["2020-03-12"]),
        ("3月29日电", "2020-03-30", ["2020-03-29"]),
        ("2月13日、14日两天已统购口罩", "2020-02-15", ["2020-02-13", "2020-02-14"]),
        ("2月10日、11 日，副省长", "2020-02-12", ["2020-02-10", "2020-02-11"]),
        ("昨日上午，市委副书记", "2020-02-15", ["2020-02-14"]),
        ("今天起实行", "2020-02-15", ["2020-02-15"]),
        ("12月30日召开会议", "2020-01-05", ["2019-12-30"]),
        ("财政部税务总局2020年第8号公告", "2020-02-15", []),
        ("围绕2020年确定的重点项目计划", "2020-02-15", []),
        ("3月29日电", None, []),  # no year to give it
        ("2月30日", "2020-02-15", []),  # not a date
        ("1 月 25 日 （大年初一）", "2020-02-12", ["2020-01-25"]),
    ],
)
def test_dates_table(text: str, reference: str | None, expected: list[str]) -> None:
    assert [d.iso for d in find_dates(text, reference=reference)] == expected


def test_mentions_keep_their_text_and_order() -> None:
    found = find_dates("截至2月17日，较2月1日增加", reference="2020-02-18")
    assert [(d.text, d.iso) for d in found] == [("2月17日", "2020-02-17"), ("2月1日", "2020-02-01")]


def test_dates_mentioned_is_sorted_and_distinct() -> None:
    assert dates_mentioned("2月17日、2月1日、2月17日", reference="2020-02-18") == ("2020-02-01", "2020-02-17")


def test_undated_articles_use_the_pages_year() -> None:
    assert dates_mentioned("2月11日召开会议", year=2020) == ("2020-02-11",)
    assert dates_mentioned("昨日召开会议", year=2020) == ()  # relative words need the article date


def test_dominant_year_ignores_document_numbers() -> None:
    assert dominant_year(["2020年第8号公告", "围绕2020年确定的项目", "2019年底产能，2020年计划"]) == 2020
    assert dominant_year(["没有年份"]) is None
