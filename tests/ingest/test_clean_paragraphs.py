"""join_paragraphs on the line shapes of the three dump layouts (snippets shaped like the seeds)."""

from __future__ import annotations

import pytest

from generator.ingest.clean import join_paragraphs
from generator.ingest.paragraphs import ends_sentence, starts_item, typical_width

# Blank-line paragraphs with a PDF column break (blank line) in mid-sentence.
BLANK_LINE_LAYOUT = [
    "水务局充分发挥党支部和党员的模范带头作",
    "用，投入到防汛工作第一线。党员干部在做好自身",
    "防护的基础上，积极参与责任片区隐患排查，同时，由",
    "",
    "该局12名老党员组成党员先锋队，每人负责一段堤",
    "防的巡查工作。",
    "",
    "汛期在前，无人后退。全体党员干部将严格落实上级",
    "部署，坚决打赢防汛抗洪这场硬仗。（张明）",
]

# No blank lines: a paragraph ends on a short line closing a sentence.
NO_BLANK_LAYOUT = [
    "本报赤峰4月2日电（记者 王强）为帮助中小",
    "企业渡过难关，赤峰市日前出台8项扶持政策，",
    "涵盖减租、降费、贷款贴息等方面。",
    "具体措施为：免收承租国有资产类经营用房",
    "的中小企业3个月房租，对受影响企业延期缴",
    "纳社保费用，免收滞纳金。",
    "“政策来得很及时。”一家企业负责人说。",
]

# One paragraph per line (scrapes): lines far wider than any column.
ONE_PER_LINE = [
    "在当前疫情防控形势下，就某市如何落实好自治区的分类指导意见，记者专访了该市市长。市长介绍了全市复工复产的总体情况和下一步的工作安排，并回答了记者的提问。",
    "一是分区分类、精准防控。自治区意见下发以后，该市高度重视，第一时间结合实际提出了具体工作措施，明确了任务书和路线图，确保要求落到实处，并逐项抓好落实",
    "二是高位推动、明规定则。该市成立由市长任组长的企业复工复产领导小组，明确各区区长主抓辖区企业复工复产和重点项目建设，层层推动工作走深走实走细。",
]


def test_blank_line_layout_joins_column_breaks() -> None:
    assert join_paragraphs(BLANK_LINE_LAYOUT) == (
        "水务局充分发挥党支部和党员的模范带头作用，投入到防汛工作第一线。党员干部在做好自身"
        "防护的基础上，积极参与责任片区隐患排查，同时，由该局12名老党员组成党员先锋队，每人负责一段堤"
        "防的巡查工作。",
        "汛期在前，无人后退。全体党员干部将严格落实上级部署，坚决打赢防汛抗洪这场硬仗。（张明）",
    )


def test_no_blank_layout_breaks_after_short_sentence_end() -> None:
    assert join_paragraphs(NO_BLANK_LAYOUT) == (
        "本报赤峰4月2日电（记者 王强）为帮助中小企业渡过难关，赤峰市日前出台8项扶持政策，"
        "涵盖减租、降费、贷款贴息等方面。",
        "具体措施为：免收承租国有资产类经营用房的中小企业3个月房租，对受影响企业延期缴纳社保费用，免收滞纳金。",
        "“政策来得很及时。”一家企业负责人说。",
    )


def test_paragraph_first_line_extracted_apart_starts_a_paragraph() -> None:
    # PDF artifact: an indented first line comes out as its own chunk, then a blank line.
    lines = [
        "本报通辽4月2日电（记者 刘宏）全旗已认",
        "定扶贫车间12家，吸纳贫困户就业三百余人。",
        "在明瑞制衣扶贫车间，贫困户高艳玲熟练地",
        "",
        "操作缝纫机，几分钟就完成了一道工序，一天",
        "能做四百件，收入比外出打工还要稳定。",
    ]
    assert join_paragraphs(lines) == (
        "本报通辽4月2日电（记者 刘宏）全旗已认定扶贫车间12家，吸纳贫困户就业三百余人。",
        "在明瑞制衣扶贫车间，贫困户高艳玲熟练地操作缝纫机，几分钟就完成了一道工序，一天能做四百件，收入比外出打工还要稳定。",
    )


def test_one_paragraph_per_line_even_without_final_punctuation() -> None:
    assert join_paragraphs(ONE_PER_LINE) == tuple(ONE_PER_LINE)


def test_intertitle_between_blank_lines_stays_apart() -> None:
    lines = [
        "各级党员干部的初心和使命担",
        "当，在抗疫一线得到了彰显。",
        "",
        "及早安排部署，领导带",
        "头指导督导在一线",
        "",
        "新春伊始，一场突如其来的",
        "疫情给群众生活带来了影响。",
    ]
    assert join_paragraphs(lines) == (
        "各级党员干部的初心和使命担当，在抗疫一线得到了彰显。",
        "及早安排部署，领导带头指导督导在一线",
        "新春伊始，一场突如其来的疫情给群众生活带来了影响。",
    )


def test_enumerators_and_speakers_start_paragraphs() -> None:
    lines = [
        "记者：请问今年的春耕备耕工作有哪些新举措",
        "和新变化？",
        "李华：谢谢您的提问。今年我们主要做了三方面",
        "的工作，概括起来如下：",
        "一是强化服务，建立重点企业联系制度，开通热线",
        "电话和直通车，协调解决困难和问题。",
        "二是加大投入，统筹安排专项资金用于种子、化肥",
        "和农机具补贴，确保春耕物资供应。",
        "（一）资金保障到位。",
        "1.种子供应充足。",
    ]
    assert join_paragraphs(lines) == (
        "记者：请问今年的春耕备耕工作有哪些新举措和新变化？",
        "李华：谢谢您的提问。今年我们主要做了三方面的工作，概括起来如下：",
        "一是强化服务，建立重点企业联系制度，开通热线电话和直通车，协调解决困难和问题。",
        "二是加大投入，统筹安排专项资金用于种子、化肥和农机具补贴，确保春耕物资供应。",
        "（一）资金保障到位。",
        "1.种子供应充足。",
    )


def test_enumerator_word_inside_a_sentence_does_not_break() -> None:
    lines = ["我们要坚持统筹推进疫情防控和经济社会发展", "一是一、二是二，决不含糊。"]
    assert join_paragraphs(lines) == ("我们要坚持统筹推进疫情防控和经济社会发展一是一、二是二，决不含糊。",)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["the Inner", "Mongolia Daily reported"], ("the Inner Mongolia Daily reported",)),
        (["个人所得税APP", "等方式办理"], ("个人所得税APP等方式办理",)),
        (["区财政资金100", "万元支持复工"], ("区财政资金100万元支持复工",)),
        (["较2", "月1日增加29万吨"], ("较2月1日增加29万吨",)),
    ],
)
def test_joining_inserts_space_only_between_latin_words(lines: list[str], expected: tuple[str, ...]) -> None:
    assert join_paragraphs(lines) == expected


def test_indentation_marks_paragraph_starts_when_rare() -> None:
    lines = [
        "  本报讯 市政府昨日召开常务会议，研究部署春",
        "季农业生产工作。会议由市长主持。",
        "  会议指出，要抓好种子化肥等农资的调运和",
        "储备，确保不误农时。",
    ]
    assert join_paragraphs(lines) == (
        "本报讯 市政府昨日召开常务会议，研究部署春季农业生产工作。会议由市长主持。",
        "会议指出，要抓好种子化肥等农资的调运和储备，确保不误农时。",
    )


@pytest.mark.parametrize("lines", [[], [""], ["", "   ", ""]])
def test_nothing_in_nothing_out(lines: list[str]) -> None:
    assert join_paragraphs(lines) == ()


def test_rejects_a_bare_string() -> None:
    with pytest.raises(TypeError):
        join_paragraphs("一行文字")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚决打赢疫情防控阻击战。", True),
        ("“跨区预缴要怎么处理呢？”", True),
        ("下面我逐一回答：", True),
        ("坚决打赢疫情防控阻击战。 （何国栋）", True),
        ("此次考核主要聚焦脱贫攻坚“三落实”", False),
        ("区后设立车辆检查卡，派驻专人实时登记信息。同时，由", False),
        ("响生产经营困难的民营中小微企业账款；", False),
    ],
)
def test_ends_sentence(text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一是摸清底数，建立台账。", True),
        ("二、力促实现“保安全、能办事”。", True),
        ("（三）强化服务", True),
        ("3.加强协调", True),
        ("张德：按照要求", True),
        ("记者：请问", True),
        ("具体政策举措为：免收承租", False),
        ("2.24万人", False),
        ("一些品牌连锁便利店", False),
    ],
)
def test_starts_item(text: str, expected: bool) -> None:
    assert starts_item(text) is expected


def test_typical_width_is_a_high_percentile_in_display_columns() -> None:
    lines = ["一二三四五"] * 8 + ["一二"] + ["一" * 40]
    assert typical_width(lines) == 10
    assert typical_width(["abc", "", "ab"]) == 3
    assert typical_width([]) == 0
