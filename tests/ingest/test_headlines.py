"""Headline lines, furniture and the kicker / title / subtitle composition."""

from __future__ import annotations

import pytest

from generator.ingest.headlines import (
    Headline,
    compose_headline,
    is_balanced,
    is_furniture,
    is_headline_line,
    is_interview_deck,
    is_intro_deck,
    join_decks,
    merge_quote_lines,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("春耕备耕有序推进", True),
        ("抗旱保苗 共克时艰", True),
        ("——某县推进乡村卫生室建设", True),
        ("——记者走访，看到了变化", True),  # subtitles may carry a comma
        ("城区：“菜篮子”稳“果盘子”丰", True),
        ("“", True),
        ("新品种抗病性强、产量高", False),  # clause punctuation
        ("具体政策举措为：免收承租国有资产", True),  # alone it looks like one; context decides
        ("及早安排部署，领导带", False),  # a wrapped sub-heading with a comma
        ("本报讯（记者程立）昨日", False),
        ("本报记者 钱进", False),
        ("（陈志刚）", False),
        ("这是一段很长很长的正文文字没有标点但是超过了标题应有的长度限制所以不是标题", False),
        ("2020", False),
        ("记者：请谈谈下一步打算", False),  # a Q&A label
        ("问：如何保障物资运输", False),
    ],
)
def test_is_headline_line(line: str, expected: bool) -> None:
    assert is_headline_line(line) is expected


@pytest.mark.parametrize(
    ("lines", "at_edge", "expected"),
    [
        (("盟市·风景线",), False, True),
        (("第3版",), False, True),
        (("责任编辑：李四",), False, True),
        (("视界",), True, True),
        (("视界",), False, False),  # between articles a short line may be a title
        (("春耕备耕有序推进",), True, False),
        (("兴安盟", "为企业纾困"), True, False),
        # Edition and section labels stacked without a blank line, anywhere.
        (("第6版", "综合新闻"), True, True),
        (("第6版", "综合新闻"), False, True),
        (("第6版", "草原书屋开进牧民家"), True, False),
        # Masthead: the issue date with its weekday (lunar date after it), edition count.
        (("2021年4月9日 星期五",), False, True),
        (("4月9日 周五 农历二月廿八",), True, True),
        (("今日8版",), False, True),
        (("2021年4月9日 星期五", "今日8版"), True, True),
        (("4月9日起实行错峰上班",), False, False),
    ],
)
def test_is_furniture(lines: tuple[str, ...], at_edge: bool, expected: bool) -> None:
    assert is_furniture(lines, at_edge=at_edge) is expected


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (("抗旱保苗 共克时艰",), "抗旱保苗 共克时艰"),
        (("城市更新提速增效", "民生工程惠及万家"), "城市更新提速增效 民生工程惠及万家"),
        (("省领导检查乌海市", "安全生产及“双随机”工作"), "省领导检查乌海市安全生产及“双随机”工作"),
        (("春潮", "“涌动”"), "春潮“涌动”"),
        (("视 界",), "视界"),
    ],
)
def test_join_decks(lines: tuple[str, ...], joined: str) -> None:
    assert join_decks(lines) == joined


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“菜篮子”稳“果盘子”丰", True),
        ("落实《意见》要求", True),
        ("再次强调“三不一优先”要求和“绿色", False),  # cut by the column width
        ("（扩大）会议暨第五", True),
        ("会议暨（扩大", False),
    ],
)
def test_is_balanced(text: str, expected: bool) -> None:
    assert is_balanced(text) is expected


def test_merge_quote_lines_attaches_vertical_quotes() -> None:
    assert merge_quote_lines(("春耕", "“", "加油干", "”")) == ("春耕", "“加油干”")


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        (
            (("基层医疗条件持续改善", "——某县推进乡村卫生室建设"),),
            Headline(title="基层医疗条件持续改善", subtitle="某县推进乡村卫生室建设"),
        ),
        (
            (("乌兰察布市", "马铃薯种薯繁育基地开始春播"),),
            Headline(title="马铃薯种薯繁育基地开始春播", kicker="乌兰察布市"),
        ),
        ((("赤峰市农牧局",), ("全面推进春季动物防疫",)), Headline(title="全面推进春季动物防疫", kicker="赤峰市农牧局")),
        (
            (("王副市长在调研时强调",), ("扎实做好春耕备耕",)),
            Headline(title="扎实做好春耕备耕", kicker="王副市长在调研时强调"),
        ),
        (
            (("省领导调研赤峰市", "春季森林草原防灭火工作"),),
            Headline(title="省领导调研赤峰市春季森林草原防灭火工作"),
        ),  # a verb: not a kicker name
        (
            (("春耕",), ("“", "加油干", "”")),
            Headline(title="“加油干”", kicker="春耕"),
        ),  # separate groups: kicker over title
        ((), Headline(title=None)),
    ],
)
def test_compose_headline(groups: tuple[tuple[str, ...], ...], expected: Headline) -> None:
    assert compose_headline(groups) == expected


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        # A long organisation name above the title is still a kicker.
        (
            (("内蒙古自治区农牧业科学院", "新品种燕麦通过审定"),),
            Headline(title="新品种燕麦通过审定", kicker="内蒙古自治区农牧业科学院"),
        ),
        # A first deck that acts (a verb) is part of the title, however it ends.
        (
            (("副市长走访察看经济开发区", "企业复产情况"),),
            Headline(title="副市长走访察看经济开发区企业复产情况"),
        ),
    ],
)
def test_compose_headline_long_organisation_kicker(groups: tuple[tuple[str, ...], ...], expected: Headline) -> None:
    assert compose_headline(groups) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2021年4月18日", False),  # a date signs a notice
        ("4月18日", False),
        ("4月18日起城区恢复供水", True),
    ],
)
def test_date_alone_is_not_a_headline(line: str, expected: bool) -> None:
    assert is_headline_line(line) is expected


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        # Two decks of one length are a parallel pair, whatever the first deck ends with.
        (
            (("暖风吹绿沙湾村", "新枝染透戈壁滩"),),
            Headline(title="暖风吹绿沙湾村 新枝染透戈壁滩"),
        ),
        (
            (("花开北山区", "人醉春风里"),),
            Headline(title="花开北山区 人醉春风里"),
        ),
        # A particle or light verb makes a name-like deck a phrase: part of the title.
        (
            (("春风送到湖畔村", "果树育苗忙不停的时节"),),
            Headline(title="春风送到湖畔村果树育苗忙不停的时节"),
        ),
        # A name over a title wrapped on two lines: the name is compared with the whole title.
        (
            (("呼伦贝尔市", "森林草原防火", "进入关键期"),),
            Headline(title="森林草原防火 进入关键期", kicker="呼伦贝尔市"),
        ),
        # Short decks are not judged parallel: a three-character name stays a kicker.
        (
            (("青石县", "春耕正忙"),),
            Headline(title="春耕正忙", kicker="青石县"),
        ),
        # A bare name clearly shorter than the deck under it is still the kicker.
        (
            (("青石县", "果树育苗忙不停"),),
            Headline(title="果树育苗忙不停", kicker="青石县"),
        ),
    ],
)
def test_compose_headline_parallel_decks_and_phrases(groups: tuple[tuple[str, ...], ...], expected: Headline) -> None:
    assert compose_headline(groups) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("专访某县县长李华",), True),
        (("对话返乡创业青年",), True),
        (("记者手记",), True),
        (("独家专访", "某市疾控中心主任"), True),
        (("春耕备耕正当时",), False),
        (("某县召开专访工作座谈会",), False),
        ((), False),
    ],
)
def test_is_intro_deck(lines: tuple[str, ...], expected: bool) -> None:
    assert is_intro_deck(lines) is expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("——访某县种粮大户王林",), True),
        (("—— 专访某市疾控中心主任",), True),
        (("——返青率达九成以上",), False),
        (("访某县种粮大户",), False),
    ],
)
def test_is_interview_deck(lines: tuple[str, ...], expected: bool) -> None:
    assert is_interview_deck(lines) is expected


def test_a_kicker_the_headline_repeats_is_printed_once() -> None:
    assert join_decks(("新华全媒+", "新华全媒+丨河曲草原上的黄河牧歌")) == "新华全媒+丨河曲草原上的黄河牧歌"
    assert join_decks(("黄河牧歌", "黄河牧歌")) == "黄河牧歌 黄河牧歌"  # equal lines are two decks
