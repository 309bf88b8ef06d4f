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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A headline printed right above its body: narrower than the column.
        (
            "\n".join(
                (
                    "旗医院新建发热门诊",
                    "旗人民医院日前投资三百万元新建的发热门诊",
                    "投入使用，可同时接诊二十名患者。",
                )
            ),
            [
                ("heads", ("旗医院新建发热门诊",)),
                ("text", ("旗人民医院日前投资三百万元新建的发热门诊", "投入使用，可同时接诊二十名患者。")),
            ],
        ),
        # A headline between the end of one body and the next, no blank lines.
        (
            "\n".join(
                (
                    "全镇建成蔬菜大棚三百余座，年产蔬菜",
                    "五千吨。",
                    "南湖公园完成提升改造",
                    "南湖公园提升改造工程日前完工，新增步道",
                    "三公里、绿地两万平方米。",
                )
            ),
            [
                ("text", ("全镇建成蔬菜大棚三百余座，年产蔬菜", "五千吨。")),
                ("heads", ("南湖公园完成提升改造",)),
                ("text", ("南湖公园提升改造工程日前完工，新增步道", "三公里、绿地两万平方米。")),
            ],
        ),
    ],
)
def test_headline_without_blank_lines_is_cut_out(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A full-width line without punctuation inside a paragraph is text.
        "乡镇卫生院为辖区群众建立电子健康档案\n共计四万余份，覆盖率达到九成以上。",
        # A narrow line after a finished sentence, left alone above a column break.
        "全旗牧民人均收入比上年增加八百余元。\n今年全旗计划新建牧区\n\n公路一百公里，惠及牧户三千户。",
        # An enumerated point is the body's own sub-item.
        "会议部署了三项工作。\n（一）加强组织领导\n各单位主要负责人要亲自抓、负总责，确保落实。",
        # Letter-spaced lines are wide without holding more text: the plain line
        # between them fills the column.
        "全镇组织党员干部深入一线开\n展 排 查 宣 传 工 作 和 值 守 。\n"
        "此后党员突击队每天轮流\n值 守 卡 点 ， 守 护 群 众 平 安 。",
        # Text set around a photo: every line is narrow.
        "社区志愿\n者为老人\n测量血压。",
    ],
)
def test_body_lines_are_not_cut_as_headlines(text: str) -> None:
    assert "heads" not in [kind for kind, _texts in _kinds(text)]


def test_headline_closing_the_last_text_of_the_page_is_cut_out() -> None:
    text = "全旗今年新建草原书屋二十个，藏书两万\n册，方便牧民就近借阅。\n草原书屋开进牧区\n\n区域·动态"
    assert _kinds(text)[:2] == [
        ("text", ("全旗今年新建草原书屋二十个，藏书两万", "册，方便牧民就近借阅。")),
        ("heads", ("草原书屋开进牧区",)),
    ]


def test_byline_block_after_a_finished_sentence_opens_a_unit() -> None:
    text = "全市新增就业岗位三千个。\n□本报记者 龚平\n清晨，市场里已是人来人往，\n摊主们忙着摆放新鲜蔬菜。"
    assert [kind for kind, _texts in _kinds(text)] == ["text", "byline", "text"]


def test_byline_wrapped_over_two_lines_closes_the_run() -> None:
    text = "全旗新建草原书屋二十个。（记者 裴\n然）\n某县日前启动春季植树活动，计划造林万亩。"
    units = page_units(tuple(SourceLine(i + 1, t) for i, t in enumerate(text.split("\n"))))
    assert [(u.kind, u.lines[0].number, u.lines[-1].number) for u in units] == [
        (UnitKind.TEXT, 1, 2),
        (UnitKind.TEXT, 3, 3),
    ]
    assert units[0].hard_end


@pytest.mark.parametrize(
    "signature",
    [
        "某市自来水公司\n2021年4月18日",  # organisation and date sign a notice
        "某县人民政府",
        "2021年4月18日",
    ],
)
def test_notice_signature_is_not_a_headline(signature: str) -> None:
    text = f"因管网改造施工，城东片区明日将暂停供水，请广大\n市民提前储水。特此通告。\n{signature}"
    assert "heads" not in [kind for kind, _texts in _kinds(text)]


BODY_LINES = "某旗组织农机手检修农机具三千\n二百台套，为春耕生产做好准备，\n各苏木镇农机站实行预约服务。\n"


@pytest.mark.parametrize(
    ("tail", "following", "kinds"),
    [
        # A narrow headline glued under a finished body, then a blank and a new lead.
        ("某旗农机检修完成\n", " 本报某市3月9日电（记者 阿木）某市新建\n冷库两座。", ["text", "heads", "text"]),
        # The same before a byline block.
        (
            "某旗农机检修完成\n",
            "□本报记者 其其格\n某市新建冷库两座，可储存\n果蔬五千吨，方便错峰销售。",
            ["text", "heads", "byline", "text"],
        ),
        # A full-width line after a finished sentence is a paragraph's first line left
        # alone by a column break, not a headline.
        ("全旗今年计划新增大型农机具\n", " 本报某市3月9日电（记者 阿木）某市新建\n冷库两座。", ["text", "text"]),
        # Nothing opens after the blank: left to the other rules.
        ("某旗农机检修完成\n", "某市新建冷库两座，可储存果蔬五千吨。", ["text", "text"]),
    ],
)
def test_headline_glued_under_a_body_before_an_opener(tail: str, following: str, kinds: list[str]) -> None:
    assert [kind for kind, _texts in _kinds(BODY_LINES + tail + "\n" + following)] == kinds
