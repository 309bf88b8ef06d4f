"""clean_line and its parts, strip_marks, script conversion: literal snippets of the formats."""

from __future__ import annotations

import pytest

from generator.ingest.clean import (
    Marks,
    clean_line,
    join_paragraphs,
    looks_traditional,
    strip_marks,
    strip_web_boilerplate,
    to_simplified,
)
from generator.ingest.detect import detect_format
from generator.ingest.doubled import is_doubled, undouble
from generator.ingest.pinyin_noise import count_pinyin_annotations, strip_pinyin_annotations
from generator.ingest.spacing import is_letter_spaced
from generator.models import SourceLine


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # annotations, repeated or single, ASCII or full-width parentheses, tones
        ("工(gong)(gong)(gong)(gong)作", "工作"),
        ("全國工業(ye)(ye)企業(ye)(ye)復(fu)(fu)(fu)工", "全國工業企業復工"),
        ("復(fu)產", "復產"),
        ("工（gōng）作", "工作"),
        ("工(gong1)作", "工作"),
        ("綠(lü)色通道", "綠色通道"),
        ("到崗率(lv)64.5%", "到崗率64.5%"),
        # real parentheses survive
        ("(內工信中小字(2020)28號)", "(內工信中小字(2020)28號)"),
        ("自治区《意见》(以下简称《意见》),记者", "自治区《意见》(以下简称《意见》),记者"),
        ("“六到位”。(记者 于海东)", "“六到位”。(记者 于海东)"),
        ("监督举报电话：（0391）3569278", "监督举报电话：（0391）3569278"),
        ("乌达区、海南区(四类地区)实施", "乌达区、海南区(四类地区)实施"),
        ("12個盟市(包括滿洲里、二連)", "12個盟市(包括滿洲里、二連)"),
        ("三项措施(a)和(b)", "三项措施(a)和(b)"),
        ("引进设备(QC)", "引进设备(QC)"),
        ("人工智能(ai)应用", "人工智能(ai)应用"),
        ("世界卫生组织(WHO)", "世界卫生组织(WHO)"),
        ("说明(see above)", "说明(see above)"),
    ],
)
def test_clean_line_pinyin_annotations(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


def test_single_letter_syllable_needs_the_characters_reading() -> None:
    assert strip_pinyin_annotations("啊(a)") == "啊"
    assert strip_pinyin_annotations("方案(a)") == "方案(a)"


def test_misread_syllable_survives_on_a_line_that_is_not_annotated() -> None:
    assert strip_pinyin_annotations("組織(dan)") == "組織(dan)"


def test_annotated_line_tolerates_readings_pypinyin_lacks() -> None:
    # Three confirmed annotations make the line annotated; `(dan)` after 織 is then
    # removed even though it is not that character's reading.
    line = "工(gong)業(ye)企(qi)業組織(dan)"
    assert strip_pinyin_annotations(line) == "工業企業組織"
    assert count_pinyin_annotations(line) == 3


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("阿拉善盟阿拉善盟", "阿拉善盟"),
        ("发放惠企发放惠企““大红包大红包””", "发放惠企“大红包”"),
        ("呼伦贝尔九州通医药有限公司呼伦贝尔九州通医药有限公司", "呼伦贝尔九州通医药有限公司"),
        ("仓库内仓库内，，工人们正在搬运药品工人们正在搬运药品。。", "仓库内，工人们正在搬运药品。"),
        ("确保森林无恙确保森林无恙", "确保森林无恙"),
        ("﹃﹃", "“"),
        ("﹄﹄", "”"),
        ("加速跑加速跑", "加速跑"),
        ("大兴安岭 科学防火大兴安岭 科学防火", "大兴安岭 科学防火"),
        ("ab ab", "ab ab"),
        # quadrupled (drawn four times) halves twice
        ("阿拉善盟阿拉善盟阿拉善盟阿拉善盟", "阿拉善盟"),
        # real repetition is left alone
        ("天天", "天天"),
        ("看看", "看看"),
        ("谢谢谢谢", "谢谢谢谢"),
        ("研究研究", "研究研究"),
        ("两手抓、两不误", "两手抓、两不误"),
        ("确保疫情防控和经济运行两手抓两不误。", "确保疫情防控和经济运行两手抓两不误。"),
        ("复工复产", "复工复产"),
        ("——", "——"),
        ("……", "……"),
        ("看看，看看", "看看，看看"),
    ],
)
def test_clean_line_doubled_glyphs(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


def test_doubled_ellipsis_pairs_are_halved_only_when_quadrupled() -> None:
    assert undouble("…………") == "……"
    assert not is_doubled("……")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" 本报呼伦贝尔 3 月 29 日电 （记者", " 本报呼伦贝尔3月29日电（记者"),
        ("128 家 505.17 万元、工伤保险费 152 家", "128家505.17万元、工伤保险费152家"),
        ("度、精准分配，2 月 13 日、14 日两天", "度、精准分配，2月13日、14日两天"),
        ("规 上 工 业 企 业 19.7% ， 用 工 人 数 达", "规上工业企业19.7%，用工人数达"),
        ("熠 闪 光 ， 党 员 干 部 在 卡 点 值", "熠闪光，党员干部在卡点值"),
        ("紧 盯 安 全 数 据", "紧盯安全数据"),
        ("坚决打赢疫情防控阻击战。 （何国栋）", "坚决打赢疫情防控阻击战。（何国栋）"),
        ("社区 （村庄） 防疫等重点人员", "社区（村庄）防疫等重点人员"),
        ("还引进QC830 冷室压铸系统", "还引进QC830冷室压铸系统"),
        ("直径550 mm的大尺寸", "直径550 mm的大尺寸"),
        ("启动公共卫生事件 Ⅰ 级应急响应", "启动公共卫生事件Ⅰ级应急响应"),
        ("气温 -5 ℃ 左右", "气温-5 ℃左右"),
        ("俄罗斯 Россия 口岸", "俄罗斯 Россия 口岸"),
        ("Inner  Mongolia Daily", "Inner Mongolia Daily"),
        # bylines and headline segments keep their spaces
        ("（记者 郭洪申 见习记者 薛一群）", "（记者 郭洪申 见习记者 薛一群）"),
        ("本报呼和浩特3月29日讯 （记者 刘", "本报呼和浩特3月29日讯（记者 刘"),
        ("众志成城抗疫情 党员战“疫”勇先行", "众志成城抗疫情 党员战“疫”勇先行"),
        ("本报通讯员 乔 楠", "本报通讯员 乔 楠"),
        # leading indentation kept, trailing whitespace removed
        ("  本报讯 记者  ", "  本报讯 记者"),
    ],
)
def test_clean_line_spacing(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("紧 盯 安 全 数 据", True),
        ("盯 安 全 数", True),
        ("本报通讯员 乔 楠", False),
        ("（记者 郭洪申 见习记者 薛一群）", False),
        ("众志成城 党员先行", False),
    ],
)
def test_is_letter_spaced(text: str, expected: bool) -> None:
    assert is_letter_spaced(text) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("﹃加速跑﹄", "“加速跑”"),
        ("﹁引號﹂", "‘引號’"),
        ("︵注︶", "（注）"),
        ("﹐﹑", "，、"),
        ("１２３家ＡＰＰ用户", "123家APP用户"),
        ("增长１２．５％", "增长12.5%"),
        ("全角标点，：；（）！？保留", "全角标点，：；（）！？保留"),
        ("零\u200b宽\ufeff字\u00ad符", "零宽字符"),
        ("控制\x00字\x07符\x1b", "控制字符"),
        ("制表\t符", "制表 符"),
        ("行尾空格　　", "行尾空格"),
    ],
)
def test_clean_line_forms_and_controls(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


def test_clean_line_reveals_doubling_behind_letter_spacing() -> None:
    # Letter-spacing hides a doubled headline; the fixpoint loop undoes both.
    assert clean_line("加 速 跑 加 速 跑") == "加速跑"


@pytest.mark.parametrize(
    ("raw", "text", "continues_to", "continued_from", "end_mark"),
    [
        ("成立企业疫情防控纾困专班，（下转第三版①）", "成立企业疫情防控纾困专班，", "第三版①", None, False),
        ("做群众的贴心人和主心骨。（下转第二版）", "做群众的贴心人和主心骨。", "第二版", None, False),
        ("其他供货渠道，(下转第3版)", "其他供货渠道，", "第3版", None, False),
        ("■上接第1版 涉省界、国界地区要严格落实", "涉省界、国界地区要严格落实", None, "第1版", False),
        ("（上接第一版）会议强调", "会议强调", None, "第一版", False),
        ("口罩的需求难题。①5", "口罩的需求难题。", None, None, True),
        ("确保实现年底建成通车目标。①5", "确保实现年底建成通车目标。", None, None, True),
        ("坚决打赢疫情防控阻击战。②13", "坚决打赢疫情防控阻击战。", None, None, True),
        # not marks: a circled number inside a sentence, digits without punctuation
        ("①5家企业复工", "①5家企业复工", None, None, False),
        ("共有企业①5", "共有企业①5", None, None, False),
        ("转第三版的内容", "转第三版的内容", None, None, False),
        # wire copy's end word, the short jump forms, `紧接` and a bracketed bare `接`
        ("全县春灌用水有了保障。（完）", "全县春灌用水有了保障。", None, None, True),
        ("新建温室大棚四十座。 【全文完】", "新建温室大棚四十座。", None, None, True),
        ("各地要压实责任，（转第3版）", "各地要压实责任，", "第3版", None, False),
        ("牧区道路全线贯通（转第五版②）", "牧区道路全线贯通", "第五版②", None, False),
        ("（紧接第一版）培训班还安排了", "培训班还安排了", None, "第一版", False),
        ("（接第2版）牧民们纷纷表示", "牧民们纷纷表示", None, "第2版", False),
        # not marks: `完` inside words, `接` outside brackets
        ("任务全部完成（完善中）", "任务全部完成（完善中）", None, None, False),
        ("两条公路连接第3版图中的村庄", "两条公路连接第3版图中的村庄", None, None, False),
        # section letters (`A1`), and a bare `下转` closing a line
        ("上接A1版", "", None, "第A1版", False),
        ("下转A4版", "", "第A4版", None, False),
        ("■下转第三版", "", "第三版", None, False),
        ("他说要下转第三版的内容了", "他说要下转第三版的内容了", None, None, False),
    ],
)
def test_strip_marks(raw: str, text: str, continues_to: str | None, continued_from: str | None, end_mark: bool) -> None:
    assert strip_marks(raw) == Marks(text, continues_to, continued_from, end_mark)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全國工業企業復工復產經驗交流電視電話會議", True),
        ("員工返崗人數68.7萬人", True),
        ("全国工业企业复工复产经验交流电视电话会议", False),
        ("乾隆", False),  # one changed character is not enough
        ("", False),
        ("ABC 123", False),
    ],
)
def test_looks_traditional(text: str, expected: bool) -> None:
    assert looks_traditional(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("復工復產", "复工复产"),
        ("員工返崗人數68.7萬人", "员工返岗人数68.7万人"),
        ("已是简体", "已是简体"),
        ("", ""),
    ],
)
def test_to_simplified(text: str, expected: str) -> None:
    assert to_simplified(text) == expected


def test_clean_line_handles_a_long_line() -> None:
    # Bait for backtracking: many parentheses, spaces, near-doubled text. It must finish
    # and give the expected result, not hang (300k characters: quadratic would not end).
    line = "工(gong) 业 " * 15_000 + "(((" + "阿拉善阿拉善" * 25_000 + " " * 1000
    cleaned = clean_line(line)
    # Single characters between spaces: a letter-spaced line, so the spaces go.
    assert cleaned.startswith("工业工业")
    assert cleaned.endswith("阿拉善阿拉善")


@pytest.mark.parametrize(
    "line",
    [
        "甲" + " " * 100_000 + "乙",
        "1" * 100_000 + "条",
        "。" + "”" * 100_000,
        "（" * 50_000 + " " * 50_000 + "下转",
        "|" + " " * 100_000 + "x",
        "责编：" + " " * 100_000 + "x",
    ],
)
def test_text_functions_are_linear_on_adversarial_lines(line: str) -> None:
    # Each of these made a quadratic (or worse) pattern crawl; they must simply finish.
    lines = (SourceLine(1, line), SourceLine(2, "正文。"))
    assert clean_line(line) is not None
    assert strip_marks(line).text is not None
    assert join_paragraphs([line, "正文。"])
    assert strip_web_boilerplate(lines) is not None
    assert detect_format("a.txt", lines) is not None
