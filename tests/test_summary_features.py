"""Tests for generator.summary_features: fact, boilerplate and rhetoric signals."""

from __future__ import annotations

import pytest

from generator.summary_features import (
    fact_count,
    fact_score,
    is_question,
    is_rhetorical_quote,
    opens_with_anaphor,
    preamble_share,
    rhetoric_density,
    starts_with_preamble,
    without_linking_opening,
)


@pytest.mark.parametrize(
    ("richer", "poorer"),
    [
        ("全盟已为393家企业退回社保费592.42万元。", "全盟积极落实社保费减免政策。"),
        ("复产率65%，返岗68.7万人。", "复工复产有序推进。"),
        ("印发《专项考核实施方案》。", "印发考核方案。"),
        ("开辟“绿色通道”。", "开辟便捷通道。"),
        ("成立三个工作组。", "成立工作组。"),
    ],
)
def test_facts_raise_the_score(richer: str, poorer: str) -> None:
    assert fact_score(richer) > fact_score(poorer)
    assert 0.0 <= fact_score(richer) <= 1.0


@pytest.mark.parametrize(
    "text",
    ["会议强调，一要站位发展全局。", "要立足大局，服从格局。", "坚持以人民为中心。"],
)
def test_words_ending_like_organisations_are_not_facts(text: str) -> None:
    assert fact_count(text) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("为深入贯彻落实总书记重要指示精神，某局迅速行动。", True),
        ("连日来，疫情牵动着全国人民的心。", True),
        ("在疫情防控的关键时期，某市出台新规。", True),
        ("某市高度重视，第一时间提出45项措施。", True),
        ("谢谢您的提问。", True),
        ("当前黄河防凌工作要突出抓好以下几项工作。", True),
        ("截至2月17日，全区生产煤矿达到153处。", False),
        ("呼伦贝尔市日前出台10项支持中小微企业的政策举措。", False),
        ("为了帮助中小微企业，某市出台10项措施。", False),
    ],
)
def test_starts_with_preamble(text: str, expected: bool) -> None:
    assert starts_with_preamble(text) is expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("为深入贯彻落实上级部署要求，某局出台3项措施。", 0.4, 0.8),
        ("某局出台3项措施，为企业减负120万元。", 0.0, 0.0),
        ("", 0.0, 0.0),
    ],
)
def test_preamble_share(text: str, low: float, high: float) -> None:
    assert low <= preamble_share(text) <= high


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("申报期会顺延吗？", True),
        ("“跨区预缴要怎么处理呢？”", True),
        ("复工率达到70%?", True),
        ("这是问题所在。", False),
        ("问：怎么办", False),
    ],
)
def test_is_question(text: str, expected: bool) -> None:
    assert is_question(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“一方有难，八方支援，我们义不容辞。”", True),
        ("“一天做400件没问题，一年能挣3万元。”", False),
        ("他说“好”，然后走了。", False),
    ],
)
def test_is_rhetorical_quote(text: str, expected: bool) -> None:
    assert is_rhetorical_quote(text) is expected


def test_rhetoric_density_separates_pledges_from_reports() -> None:
    pledge = "坚决打赢阻击战，切实扛起责任，全力以赴、扎实认真做好各项工作。"
    report = "截至2月17日，全区生产煤炭183万吨，较2月1日增加29万吨。"
    assert rhetoric_density(pledge) > 0.5 > rhetoric_density(report) == 0.0
    assert rhetoric_density("") == 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("该局为企业减税1.6亿元。", True),
        ("这项技术填补了国内空白。", True),
        ("此次考核聚焦三个方面。", True),
        ("对此，市场监管部门立即调查。", True),
        ("其中，新增就业岗位2000个。", True),
        ("同时，该局组织党员先锋队。", True),  # the connective goes, 该局 stays
        ("同时，市商务局投放储备猪肉300吨。", False),  # only a connective: droppable
        ("此外", False),
        ("全市80家银行全部营业。", False),
        ("该市", True),
        ("“这些天我们一直在加班。”", True),
    ],
)
def test_opens_with_anaphor(text: str, expected: bool) -> None:
    assert opens_with_anaphor(text) is expected


def test_without_linking_opening() -> None:
    assert without_linking_opening("同时，市商务局投放储备猪肉。") == "市商务局投放储备猪肉。"
    assert without_linking_opening("与此同时,企业复工。") == "企业复工。"
    assert without_linking_opening("同时期的数据显示增长。") == "同时期的数据显示增长。"
