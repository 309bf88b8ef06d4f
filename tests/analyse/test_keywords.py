"""Keywords: TF-IDF over our segmenter, stop list, whole compounds, determinism."""

from __future__ import annotations

import pytest

from generator.analyse.keywords import (
    extract_keywords,
    load_stopwords,
    parse_idf,
    parse_stopwords,
    select_keywords,
)

ARTICLES = (
    (
        "呼伦贝尔市出台10项举措支持中小微企业",
        "为了切实帮助中小微企业解决生产经营困难，大力支持中小微企业尽快复工复产，呼伦贝尔市日前出台10项支持"
        "中小微企业的政策举措，包括免租金、减税费、强信贷等方面。鼓励金融机构对中小微企业给予展期续贷。",
    ),
    (
        "复工复产“加速跑”",
        "连日来，呼伦贝尔市积极落实各项措施，切实加强疫情防控，全面推进企业复工复产工作。截至目前，规模以上"
        "工业企业开复工率达80.4%，其中煤炭开采和洗选业开工率达100%。",
    ),
    (
        "通辽市畅通就业扶贫渠道",
        "本报通辽3月29日电（记者 郭洪申 见习记者 薛一群）通辽市奈曼旗鼓励扶贫车间吸纳贫困户就近就业，"
        "进一步加强就业帮扶，积极开展技能培训。符合条件的扶贫车间，每安置一名贫困户就业给予补贴。",
    ),
)


@pytest.mark.parametrize(
    ("index", "compound"),
    [(0, "中小微企业"), (0, "呼伦贝尔市"), (1, "复工复产"), (2, "扶贫车间")],
)
def test_compound_terms_come_out_whole(index: int, compound: str) -> None:
    keywords = extract_keywords(*ARTICLES[index])
    assert compound in keywords
    halves = {compound[:2], compound[2:]}
    assert not halves & set(keywords)


@pytest.mark.parametrize(("title", "body"), ARTICLES)
def test_stop_words_never_come_out(title: str, body: str) -> None:
    stop = load_stopwords()
    assert {"积极", "切实", "全面", "进一步", "工作", "落实", "加强", "开展"} <= stop
    keywords = extract_keywords(title, body, limit=30)
    assert keywords
    assert not set(keywords) & stop


def test_reporter_names_and_numbers_are_not_keywords() -> None:
    keywords = extract_keywords(*ARTICLES[2], limit=30)
    assert "郭洪申" not in keywords and "薛一群" not in keywords
    assert not [k for k in extract_keywords(*ARTICLES[1], limit=30) if any(ch.isdigit() for ch in k)]


def test_title_terms_are_boosted() -> None:
    body = "会议研究了防汛工作和供暖工作，防汛责任要落实。"
    assert extract_keywords("", body, limit=1) == ("防汛",)
    assert extract_keywords("供暖季平稳结束", body, limit=1) == ("供暖",)


def test_limit_and_determinism() -> None:
    title, body = ARTICLES[0]
    first = extract_keywords(title, body, limit=5)
    assert len(first) == 5
    assert first == extract_keywords(title, body, limit=5)
    assert extract_keywords(title, body, limit=0) == ()
    assert extract_keywords("", "") == ()


def test_select_skips_words_inside_better_ones() -> None:
    ranked = (("呼伦贝尔市", 3.0), ("呼伦贝尔", 2.5), ("复工复产", 2.0), ("复工", 1.0), ("奶牛", 0.5))
    assert select_keywords(ranked, 3) == ("呼伦贝尔市", "复工复产", "奶牛")


def test_select_breaks_ties_by_word_via_rank_order() -> None:
    ranked = (("甲乙", 1.0), ("丙丁", 1.0))
    assert select_keywords(ranked, 1) == ("甲乙",)


def test_parsers() -> None:
    table = parse_idf("复工 9.5\n劳动 7.0\n坏行\n企业 3.0\n")
    assert dict(table.idf) == {"复工": 9.5, "劳动": 7.0, "企业": 3.0}
    assert table.median == 7.0
    assert parse_stopwords("# c\n积极\n\n切实 # why\n") == frozenset({"积极", "切实"})
