from __future__ import annotations

import pytest

from generator.models import Figure, Region
from generator.render.views import (
    built_rel,
    entry,
    first_sentence,
    format_date,
    format_figure,
    format_month,
    format_number_zh,
    newest_first,
    reading_minutes,
    region_chain,
    rel,
    short_date,
    short_month,
    title,
)
from tests.render.factories import ARUN, HULUNBUIR, TAXONOMY, make_article

T_EN = {"untitled": "Untitled", "untitled_en": "Untitled report, {where}, {date}", "no_region": "Region not identified",
        "unknown": "unknown", "date_unknown": "date unknown"}  # fmt: skip
T_ZH = {**T_EN, "untitled": "无标题"}
TOPICS = {topic.code: topic for topic in TAXONOMY}


@pytest.mark.parametrize(
    ("iso", "lang", "expected"),
    [
        ("2020-03-29", "en", "29 March 2020"),
        ("2020-03-29", "zh", "2020年3月29日"),
        ("2020-12-01", "en", "1 December 2020"),
        (None, "en", "?"),
        ("2020-03", "zh", "2020-03"),  # not a full date: shown as it is
    ],
)
def test_format_date(iso: str | None, lang: str, expected: str) -> None:
    assert format_date(iso, lang, unknown="?") == expected


@pytest.mark.parametrize(
    ("month", "lang", "expected"), [("2020-03", "en", "March 2020"), ("2020-03", "zh", "2020年3月")]
)
def test_format_month(month: str, lang: str, expected: str) -> None:
    assert format_month(month, lang) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2e8, "2亿"),
        (2e7, "2000万"),
        (15000, "1.5万"),
        (12345, "1.2345万"),
        (3.5, "3.5"),
        (50, "50"),
        (1.39e8, "1.39亿"),
        (12345.6, "12346"),
    ],
)
def test_format_number_zh_never_uses_exponents(value: float, expected: str) -> None:
    assert format_number_zh(value) == expected


@pytest.mark.parametrize(
    ("figure", "lang", "expected"),
    [
        (Figure(2e8, "元", "放大2亿元", "yuan", "200 million yuan"), "zh", "2亿元"),
        (Figure(2e8, "元", "放大2亿元", "yuan", "200 million yuan"), "en", "200 million yuan"),
        (Figure(50, "%", "下降50%", None, None), "en", "50 %"),
        (Figure(5, "人", "就业5人", "people", None), "en", "5 people"),
    ],
)
def test_format_figure(figure: Figure, lang: str, expected: str) -> None:
    assert format_figure(figure, lang) == expected


@pytest.mark.parametrize(
    ("region", "codes"),
    [
        (ARUN, ["150000", "150700", "150721"]),
        (HULUNBUIR, ["150000", "150700"]),
        (Region("河南省", None, "济源市", "Henan Province", None, "Jiyuan City", "419001"), ["410000", "419001"]),
        (Region(), []),
    ],
)
def test_region_chain_follows_the_code_prefixes(region: Region, codes: list[str]) -> None:
    assert [code for code, _, _ in region_chain(region)] == codes


def test_rel_climbs_out_of_the_page_folder() -> None:
    assert rel("regions/150700.md", "articles/x.md") == "../articles/x.md"
    assert rel("index.md", "articles/x.md") == "articles/x.md"


def test_english_title_prefers_translation_then_headline_then_an_english_label() -> None:
    assert title(make_article("a", title_en="Plants reopen"), "en", T_EN) == "Plants reopen"
    assert title(make_article("a", title="企业复工"), "en", T_EN) == "企业复工"
    untitled = title(make_article("a", title=None, region=ARUN), "en", T_EN)
    assert untitled.startswith("Untitled report, Arun Banner, 29 March 2020")
    # Two untitled reports of one place and day never share a label.
    other = title(make_article("b", title=None, region=ARUN), "en", T_EN)
    assert other.startswith("Untitled report, Arun Banner, 29 March 2020") and other != untitled
    assert "date unknown" in title(make_article("a", title=None, date=None), "en", T_EN)
    assert title(make_article("a", title=None), "zh", T_ZH).startswith("无标题：企业复工复产")


def test_entry_links_the_most_specific_region_and_known_topics() -> None:
    e = entry(make_article("a", region=ARUN, secondary=("no-such-topic",)), "en", T_EN, TOPICS)
    assert (e.region, e.region_page) == ("Arun Banner", "regions/150721.md")
    assert e.topics == (("Resumption of work", "topics/work-resumption.md"),)
    unplaced = entry(make_article("b", region=Region()), "en", T_EN, TOPICS)
    assert unplaced.region_page == "regions/unknown.md"


def test_newest_first_puts_undated_last_and_breaks_ties_by_id() -> None:
    entries = [
        entry(make_article(i, date=d), "zh", T_ZH, TOPICS)
        for i, d in (("a", "2020-03-01"), ("b", None), ("c", "2020-03-29"), ("d", "2020-03-29"))
    ]
    assert [e.id for e in newest_first(entries)] == ["d", "c", "a", "b"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("截至目前，全盟已退费。预计今年发放800万元以上。", "zh", "截至目前，全盟已退费。"),
        ("“奈曼人，别远走了！”他说。", "zh", "“奈曼人，别远走了！”他说。"),
        ("Output rose 3.5 per cent. Firms reopened.", "en", "Output rose 3.5 per cent."),
        ("One sentence only", "en", "One sentence only"),
        ("", "en", ""),
    ],
)
def test_first_sentence(text: str, lang: str, expected: str) -> None:
    assert first_sentence(text, lang) == expected


def test_reading_minutes_counts_characters_and_is_at_least_one() -> None:
    assert reading_minutes(["短文"]) == 1
    assert reading_minutes(["字" * 600, "字 " * 600]) == 3


def test_short_axis_labels() -> None:
    assert short_date("2020-03-23", "zh") == "3月23日" and short_date("2020-03-23", "en") == "23 Mar"
    assert short_month("2020-03", "zh") == "2020年3月" and short_month("2020-03", "en") == "Mar 2020"


def test_built_rel_links_to_the_built_page_keeping_the_anchor() -> None:
    assert built_rel("articles/a.md", "articles/b.md") == "../articles/b.html"
    assert built_rel("articles/a.md", "timeline.md#m-2020-03") == "../timeline.html#m-2020-03"
    assert built_rel("index.md", "assets/feed.xml") == "assets/feed.xml"
