"""Dateline leads and bylines, table-driven with literal snippets."""

from __future__ import annotations

import pytest

from generator.ingest.datelines import (
    TrailingByline,
    byline_line_names,
    credit_line_names,
    editor_credit_names,
    is_credit_line,
    is_lead_start,
    is_photo_byline,
    parse_lead,
    photo_credit_names,
    split_names,
    trailing_byline,
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("记者 刘 洋", ("刘洋",)),  # a name wrapped across lines
        ("记者 郭洪 申 见习记者 薛一群", ("郭洪申", "薛一群")),
        ("记者 胡日查 高敏娜", ("胡日查", "高敏娜")),
        ("本报通讯员 乔 楠", ("乔楠",)),
        ("李 新 军", ("李新军",)),  # letter-spaced
        ("刘世凯 张燕茹", ("刘世凯", "张燕茹")),
        ("王芳、赵建国", ("王芳", "赵建国")),
        ("□本报记者 韩继旺 摄影报道", ("韩继旺",)),
        ("记者 周末 摄", ("周末",)),
    ],
)
def test_split_names(text: str, names: tuple[str, ...]) -> None:
    assert split_names(text.lstrip("□")) == names


@pytest.mark.parametrize(
    ("text", "outlet", "place", "month", "day", "names"),
    [
        ("本报锡林郭勒 4 月 2 日电 （记者 白云飞）近日", "本报", "锡林郭勒", 4, 2, ("白云飞",)),
        ("本报讯（记者程立）昨日上午", "本报", None, None, None, ("程立",)),
        ("本报鄂尔多斯5月6日讯 （记者 汪 洋 实习生 高敏）", "本报", "鄂尔多斯", 5, 6, ("汪洋", "高敏")),
        ("新华社南宁6月1日电（记者 黄 凯）", "新华社", "南宁", 6, 1, ("黄凯",)),
        ("本报乌海 3月 9日电 （记者 苏", "本报", "乌海", 3, 9, ()),  # names cut by the wrap
    ],
)
def test_parse_lead(
    text: str,
    outlet: str,
    place: str | None,
    month: int | None,
    day: int | None,
    names: tuple[str, ...],
) -> None:
    lead = parse_lead(text)
    assert lead is not None
    assert (lead.outlet, lead.place, lead.month, lead.day, lead.names) == (
        outlet,
        place,
        month,
        day,
        names,
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("本报讯（记者程立）昨日", True),
        ("本报通辽3月29日电 （记者", True),
        ("新华社北京3月1日电", True),
        ("本报记者日前电话采访了他", False),  # a role, not a lead
        ("互联网电视进入千家万户", False),  # outlet-like word without a date
        ("本报道由市委宣传部提供", False),
        ("他说，本报讯息及时", False),
    ],
)
def test_is_lead_start(line: str, expected: bool) -> None:
    assert is_lead_start(line) is expected


@pytest.mark.parametrize(
    ("line", "text", "names"),
    [
        ("坚决完成全年任务。 （孟庆林）", "坚决完成全年任务。", ("孟庆林",)),
        ("（王晓东）", "", ("王晓东",)),
        ("各项业务。（许 静 马文）", "各项业务。", ("许静", "马文")),
        ("工作落到实处。(记者 邵峰)", "工作落到实处。", ("邵峰",)),
        ("受到欢迎。”（曹阳）", "受到欢迎。”", ("曹阳",)),
    ],
)
def test_trailing_byline(line: str, text: str, names: tuple[str, ...]) -> None:
    found = trailing_byline(line)
    assert found is not None
    assert (found.text, found.names) == (text, names)


@pytest.mark.parametrize(
    "line",
    [
        "二是要守好社区（嘎查村）",  # parenthesis inside a sentence
        "召开视频会议（2月12日下午）",  # a date, not a name
        "覆盖各县（市、区）",
        "会议强调 （讨论稿）",  # no finished sentence before it
    ],
)
def test_trailing_byline_rejects_text(line: str) -> None:
    assert trailing_byline(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("本报记者 钱 进", ("钱进",)),
        ("本报通讯员 孙晓梅", ("孙晓梅",)),
        ("□本报记者 周立新 摄影报道", ("周立新",)),
        ("实习生 陈可 摄影报道", ("陈可",)),
        ("锡林郭勒盟", None),  # a kicker, no role
        ("记者节表彰大会召开", None),
    ],
)
def test_byline_line_names(line: str, names: tuple[str, ...] | None) -> None:
    assert byline_line_names(line) == names


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("□本报记者 周立新", "实习生 陈可 摄影报道"), True),
        (("本报记者 钱进",), False),
        (("记者 黄凯 摄",), True),
    ],
)
def test_is_photo_byline(lines: tuple[str, ...], expected: bool) -> None:
    assert is_photo_byline(lines) is expected


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("守护草原生态。（额尔德木图）", ("额尔德木图",)),  # long transliterated name
        ("受到欢迎。（记者 阿依古丽·买买提）", ("阿依古丽·买买提",)),
        ("会议结束。（新华社）", None),  # an agency credit, not a name
        ("会议结束。（综合）", None),
        ("会议结束。（完）", None),
    ],
)
def test_trailing_byline_names_and_credits(line: str, names: tuple[str, ...] | None) -> None:
    found = trailing_byline(line)
    assert (found.names if found else None) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("本报记者董柏生", ("董柏生",)),
        ("□记者王丽", ("王丽",)),
        ("记者 王丽", ("王丽",)),
        ("记者走基层", None),  # a column title
        ("通讯员风采", None),
    ],
)
def test_byline_line_needs_the_papers_form(line: str, names: tuple[str, ...] | None) -> None:
    assert byline_line_names(line) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A role word ends the name before it, even when a wrap split the next name.
        ("记者贺兰 通讯员孟 凡星", ("贺兰", "孟凡星")),
        ("记者 乔木 实习生 石 磊", ("乔木", "石磊")),
        # The role itself cut by a line wrap and joined with a space.
        ("记 者 邵立新", ("邵立新",)),
        ("通讯 员 韦青", ("韦青",)),
        # Traditional forms of the roles.
        ("記者 馮遠", ("馮遠",)),
        ("見習記者 蘇雅 實習生 衛東", ("蘇雅", "衛東")),
        ("本報通訊員 鍾 靈", ("鍾靈",)),
    ],
)
def test_split_names_roles_separate_and_wrap(text: str, names: tuple[str, ...]) -> None:
    assert split_names(text) == names


@pytest.mark.parametrize(
    ("text", "outlet", "place", "month", "day", "names"),
    [
        # Lead lines joined with a space at the wrap: inside a name, inside a role.
        ("本报集宁5月3日电（记者贺兰 通讯员孟 凡星）集宁区", "本报", "集宁", 5, 3, ("贺兰", "孟凡星")),
        ("本报讯（记 者 邵立新）近日", "本报", None, None, None, ("邵立新",)),
        # Traditional leads: 本報 / 訊 / 電.
        ("本報訊（記者 馮遠）近日", "本報", None, None, None, ("馮遠",)),
        ("新華社太原6月2日電（記者 衛東）", "新華社", "太原", 6, 2, ("衛東",)),
    ],
)
def test_parse_lead_wrapped_and_traditional(
    text: str, outlet: str, place: str | None, month: int | None, day: int | None, names: tuple[str, ...]
) -> None:
    lead = parse_lead(text)
    assert lead is not None
    assert (lead.outlet, lead.place, lead.month, lead.day, lead.names) == (outlet, place, month, day, names)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("本报记者 龚平 摄", ("龚平",)),  # a photographer's credit with a bare 摄
        ("記者 馮遠 攝", ("馮遠",)),
        ("本报记者 龚平", ("龚平",)),
        ("中青网记者 王嘉兴/摄", ("王嘉兴",)),  # the slash before 摄 is the credit's, not the name's
    ],
)
def test_byline_line_photo_credit(line: str, names: tuple[str, ...] | None) -> None:
    assert byline_line_names(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("各項工作有序推進。（記者 馮遠）", ("馮遠",)),
        ("會議結束。（新華社）", None),  # Traditional agency credit
    ],
)
def test_trailing_byline_traditional(line: str, names: tuple[str, ...] | None) -> None:
    found = trailing_byline(line)
    assert (found.names if found else None) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("本报首席记者 裴然", ("裴然",)),  # 本报 before another role
        ("文/本报记者 裴然", ("裴然",)),
        ("本報記者馮遠", ("馮遠",)),  # the paper's own form, Traditional
        ("本报评论员", None),  # a column credit, not a person
        ("本报道由市委宣传部提供", None),
    ],
)
def test_byline_line_role_prefixes(line: str, names: tuple[str, ...] | None) -> None:
    assert byline_line_names(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # A words-and-pictures credit in either order, with a slash or a middle dot.
        ("图/文 本报记者 罗 青", ("罗青",)),
        ("文·图/本报记者 罗青", ("罗青",)),
        ("图／本报记者 罗青", ("罗青",)),
        ("文/图 罗青", ("罗青",)),
        # Not a credit.
        ("图文并茂", None),
    ],
)
def test_byline_line_words_and_pictures(line: str, names: tuple[str, ...] | None) -> None:
    assert byline_line_names(line) == names


@pytest.mark.parametrize(
    ("text", "outlet", "place", "month", "day", "names"),
    [
        ("央视网消息(新闻联播):夏粮丰收", "央视网", None, None, None, ()),
        ("大皖新闻讯 1月16日上午，会议召开", "大皖新闻", None, None, None, ()),
        ("中國僑網三亞5月21電(記者韓輝)“在海南", "中國僑網", "三亞", 5, 21, ("韓輝",)),
        ("東南網2月2日廈門訊(本網記者 劉瑋)春節臨近", "東南網", "廈門", 2, 2, ("劉瑋",)),
        # The reporter glued to the place: three characters of name, the rest the place.
        ("(中央社記者盧太城台東縣21日電)台東連續下雨", "中央社", "台東縣", None, 21, ("盧太城",)),
        ("(中央社記者王磊台北21日電)台北", "中央社", "台北", None, 21, ("王磊",)),
        # Reporters after the lead without brackets.
        ("本报讯 记者 焦隆 王彤 当日是正月初八", "本报", None, None, None, ("焦隆", "王彤")),
        ("江西网/头条客户端讯 通讯员李浩报道:3月4日晚", "江西网/头条客户端", None, None, None, ("李浩",)),
        ("本报讯 记者从市教育局获悉，今年", "本报", None, None, None, ()),
        ("本报讯 记者 近日从市教育局获悉，今年", "本报", None, None, None, ()),
        ("【記者林紫馨、賴玟茹/臺北報導】蘭嶼", "本报", "臺北", None, None, ("林紫馨", "賴玟茹")),
        ("据皖西日报报道 1月14日上午", "皖西日报", None, None, None, ()),
    ],
)
def test_leads_of_sites_apps_and_brackets(
    text: str, outlet: str, place: str | None, month: int | None, day: int | None, names: tuple[str, ...]
) -> None:
    lead = parse_lead(text)
    assert lead is not None
    assert (lead.outlet, lead.place, lead.month, lead.day) == (outlet, place, month, day)
    assert lead.names == names


@pytest.mark.parametrize("text", ["农网改造让村民用上放心电", "互联网电视进入千家万户", "网友消息显示，今天很热。"])
def test_sentences_that_look_like_leads_are_not(text: str) -> None:
    assert parse_lead(text) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("新华社发(卢启建摄)", ("卢启建",)),
        ("…茶叶收入占比达40%以上。陈颖摄", ("陈颖",)),
        ("开学第一课。记者张仰强 陈婧/摄", ("张仰强", "陈婧")),
        ("有些为提前复工复产。新华社记者 王建威 摄粉红、条红", ("王建威",)),
        ("他们拍摄了照片。记者去拍摄了", ()),
    ],
)
def test_photo_credits(text: str, names: tuple[str, ...]) -> None:
    assert photo_credit_names(text) == names


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        ("青岛日报/青报网记者 孙欣 通讯员 梁孝鹏", ("孙欣", "梁孝鹏"), None),
        ("作者:骆学峰/摄", ("骆学峰",), None),
        ("文/申均明", ("申均明",), None),
        ("(作者:范吉存)", ("范吉存",), None),
        ("（责编:陈悦、袁勃）", None, ("陈悦", "袁勃")),
        ("编辑 王云 审核 李四", None, ("王云", "李四")),
        # the outlet glued before the role is whom the reporter works for
        ("大皖新闻记者 项磊", ("项磊",), None),
        ("记者张三通讯员李四", ("张三", "李四"), None),
        # letter-spaced names: two-character pairs, a photo credit glued to the last
        ("鲜 敢 赵 耀摄影报道", ("鲜敢", "赵耀"), None),
        ("本报记者 贺 勇摄", ("贺勇",), None),
        ("本报记者 刘 洋", ("刘洋",), None),
        # the agency that sent the picture; a site's tag before an editor; layout editors
        ("新华网发 邓兴东 摄", ("邓兴东",), None),
        ("【纠错】 责任编辑: 吴咏玲", None, ("吴咏玲",)),
        ("版式设计:蔡华伟", None, ("蔡华伟",)),
        (" 本报讯（记者孟晓丽 通讯员", None, None),  # a lead cut by the wrap, not a credit line
        ("今天我们去看了。", None, None),
    ],
)
def test_credit_lines(line: str, authors: tuple[str, ...] | None, editors: tuple[str, ...] | None) -> None:
    assert credit_line_names(line) == authors
    assert editor_credit_names(line) == editors


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("工人在岗位上。庄文斌摄(人民视觉)", ("庄文斌",)),
        ("展示特色农产品。茅晖晖郑嵇平何伟卫摄影报道", ("茅晖晖", "郑嵇平", "何伟卫")),
        ("村民在田间劳作。本报记者 王芳 摄", ("王芳",)),
        ("张 笑摄(人民视觉)", ("张笑",)),
        ("(央视记者刘璇)", ()),  # a closing byline, not a photo credit
    ],
)
def test_photo_credits_with_an_agency_after_them_or_names_run_together(text: str, names: tuple[str, ...]) -> None:
    assert photo_credit_names(text) == names


def test_an_outlet_before_the_role_is_not_a_name() -> None:
    assert trailing_byline("他说。(央视记者刘璇)") == TrailingByline("他说。", ("刘璇",))


def test_a_long_transliterated_name_is_not_cut() -> None:
    assert split_names("记者 乌力吉巴雅尔") == ("乌力吉巴雅尔",)
    assert split_names("王芳李明华") == ("王芳", "李明华")


@pytest.mark.parametrize(
    "line",
    [
        "新华社记者 范培珅 摄",
        "[责任编辑：苏倩]",
        "版式设计:蔡华伟 责编：宋蓉凯",
        "甘肃广电总台全媒体记者:刘欣 定西融媒 王金生",
        "新华社 图/文",
        "本报记者 董柏生",
        "新渝报记者黄舒摄",
        "王勇/摄",
        "文/张三",
    ],
)
def test_lines_that_only_credit_people(line: str) -> None:
    assert is_credit_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "初春农忙",
        "服务冬奥,我们准备好了!",
        "记者走基层",  # a column name, not a reporter called 走基层
        "设计师的春天",
        "对话记者：一线的声音",
        "北京冬奥会志愿者在延庆冬奥村合影。新华社记者 张三 摄",  # a caption with its credit
        "",
    ],
)
def test_lines_that_are_not_credits(line: str) -> None:
    assert not is_credit_line(line)
