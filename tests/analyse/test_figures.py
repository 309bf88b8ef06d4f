"""Key figures: values in base units, English rendering, exclusions, ranking."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.analyse.figures import MAX_FIGURES, extract_figures, find_figures, format_number


def _only(text: str) -> tuple[float, str, str | None, str | None]:
    found = find_figures(text)
    assert len(found) == 1, found
    f = found[0].figure
    return f.value, f.unit_zh, f.unit_en, f.text_en


@pytest.mark.parametrize(
    ("text", "value", "unit_zh", "text_en"),
    [
        ("减免社保费1.39亿元", 139_000_000, "元", "139 million yuan"),
        ("退回社保费592.42万元", 5_924_200, "元", "5,924,200 yuan"),
        ("安排3000万元专项资金", 30_000_000, "元", "30 million yuan"),
        ("种植面积15.8万亩", 158_000, "亩", "158,000 mu"),
        ("开复工率达80.4%，", 80.4, "%", "80.4%"),
        ("动力煤坑口均价290元/吨", 290, "元/吨", "290 yuan per tonne"),
        ("可领取2—3个月发票用量", 2, "个月", "2–3 months"),
        ("给予1000——2000元的无股分红", 1000, "元", "1,000–2,000 yuan"),
        ("生产消毒剂1373.5吨", 1373.5, "吨", "1,373.5 tonnes"),
        ("用工人数达48773人", 48773, "人", "48,773 people"),
        ("建立1,544 人的台账", 1544, "人", "1,544 people"),
        ("累计投放贷款238笔", 238, "笔", "238 transactions"),
        ("检测点总量为257处", 257, "处", "257 sites"),
        ("一千头奶牛落户", 1000, "头", "1,000 head"),
        ("指导验收十条标准", 10, "条", "10 items"),
        ("解决问题350多件", 350, "件", "more than 350 pieces"),
        ("发放补贴800万元以上", 8_000_000, "元", "more than 8 million yuan"),
        ("一年能挣3万来块钱", 30_000, "元", "about 30,000 yuan"),
        ("协调原材料近50吨", 50, "吨", "nearly 50 tonnes"),
        ("复工率达到70%左右", 70, "%", "about 70%"),
        ("由16名老党员组成", 16, "人", "16 Party members"),  # the noun counted, not "people"
        ("共有16名参与", 16, "人", "16 people"),
        ("担保费率下降0.5个百分点", 0.5, "个百分点", "0.5 percentage points"),
        ("仅用1天时间", 1, "天", "1 day"),
    ],
)
def test_value_unit_and_english(text: str, value: float, unit_zh: str, text_en: str) -> None:
    got_value, got_unit, unit_en, got_en = _only(text)
    assert got_value == pytest.approx(value)
    assert got_unit == unit_zh
    assert unit_en
    assert got_en == text_en


def test_two_figures_in_one_phrase_share_its_context() -> None:
    found = find_figures("党员先锋队，对555户1544人进行摸排，工作量大")
    assert [(f.figure.value, f.figure.unit_zh) for f in found] == [(555, "户"), (1544, "人")]
    assert {f.figure.context_zh for f in found} == {"对555户1544人进行摸排"}
    assert [f.figure.unit_en for f in found] == ["households", "people"]


def test_households_of_enterprises_are_firms() -> None:
    (match,) = find_figures("规模以上工业企业153户")
    assert match.figure.unit_en == "firms"


@pytest.mark.parametrize(
    "text",
    [
        "2020年上半年存量贷款",  # year
        "3月29日电",  # date
        "截至昨日12时",  # clock time
        "财政部税务总局2020年第8号公告",  # document number
        "内工信中小字（2020）28号",  # document number
        "监督举报电话：（0391）3569278、3569290。",  # phone numbers
        "第一时间启动应急响应",  # ordinal
        "一是召开视频会议，二是下拨物资",  # enumeration
        "由一名贫困户带头",  # 一 as an article
        "树牢“四个意识”、做到“两个维护”",  # slogans
        "在我市唯一一家",  # 唯一 is not a numeral
        "引进QC830冷室压铸系统",  # model name
        "预计2至6月可为企业减负",  # a span of months, not a count
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == ()


@pytest.mark.parametrize(
    ("text", "unit_zh"),
    [
        ("推荐4个项目进入项目库", "个"),  # 个 counted, 项目 not read as 项
        ("在2019年底前完成3年规划", "年"),  # 3年 a duration, 2019年底 not
    ],
)
def test_unit_is_not_the_start_of_another_word(text: str, unit_zh: str) -> None:
    found = find_figures(text)
    assert [f.figure.unit_zh for f in found] == [unit_zh]


def test_context_is_trimmed_to_the_clause() -> None:
    text = "为进一步营造良好的营商环境，全盟已为393家企业退回社保费592.42万元。其中养老保险费"
    for match in find_figures(text):
        assert match.figure.context_zh == "全盟已为393家企业退回社保费592.42万元"


def test_long_clause_is_cut_to_at_most_forty_characters() -> None:
    text = (
        "这是一个非常长的句子没有任何标点符号用来测试截取功能是否正常工作并且数字出现在中间位置"
        "共有1267家企业享受到了减免政策的实惠而且还有更多的企业正在申请之中"
    )
    (match,) = find_figures(text)
    assert len(match.figure.context_zh) <= 40
    assert "1267家" in match.figure.context_zh


def test_extract_ranks_money_before_durations_and_dedupes() -> None:
    text = "顺延期限不少于3个月。全市安排3000万元专项资金，惠及2000人。再次强调安排3000万元专项资金。"
    figures = extract_figures(text)
    assert figures[0].unit_zh == "元"
    assert figures[-1].unit_zh == "个月"
    assert sum(f.unit_zh == "元" for f in figures) == 1


def test_extract_keeps_at_most_the_limit() -> None:
    text = "，".join(f"第{i}组生产口罩{i * 100 + 7}个" for i in range(1, 20))
    assert len(extract_figures(text)) == MAX_FIGURES
    assert len(extract_figures(text, limit=3)) == 3
    assert extract_figures("") == ()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("139000000", "139 million"),
        ("1580000000", "1.58 billion"),
        ("5924200", "5,924,200"),
        ("158000", "158,000"),
        ("1373.50", "1,373.5"),
        ("0.5", "0.5"),
    ],
)
def test_format_number(value: str, text: str) -> None:
    assert format_number(Decimal(value)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新增2000个就业岗位", "2,000 jobs"),
        ("捐赠8000只口罩", "8,000 masks"),
        ("全市80家银行全部营业", "80 banks"),
        ("为393家企业退回社保费", "393 firms"),
        ("规模以上工业企业153户", "153 firms"),
        ("走访555户1544人", "555 households"),
        ("发放5000张消费券", "5,000 pieces"),  # no known noun: the classifier's own English
    ],
)
def test_a_classifier_takes_the_noun_it_counts(text: str, expected: str) -> None:
    (figure, *_) = extract_figures(text)
    assert figure.text_en == expected


def test_a_shortened_context_never_splits_a_word() -> None:
    from generator.analyse.segment import load_segmenter

    text = "记者从包头稀土研究院了解到这家单位今年投入研发经费合计达到了3000万元并将继续加大投入力度推进新材料产业化"
    starts = tuple(sorted(t.start for t in load_segmenter().tokens(text)))
    (figure, *_) = extract_figures(text, word_starts=starts)
    assert len(figure.context_zh) <= 40
    assert not figure.context_zh.startswith("头")
    cut = text.index(figure.context_zh)
    assert cut in starts and (cut + len(figure.context_zh) == len(text) or cut + len(figure.context_zh) in starts)
