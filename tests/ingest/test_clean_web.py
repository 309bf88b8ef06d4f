"""strip_web_boilerplate on three scrapes from different (imaginary) site templates."""

from __future__ import annotations

import pytest

from generator.ingest.clean import strip_web_boilerplate
from generator.ingest.clean_web import header_fields
from generator.models import SourceLine


def _lines(text: str) -> tuple[SourceLine, ...]:
    return tuple(SourceLine(n, t) for n, t in enumerate(text.split("\n"), start=1))


def _texts(lines: tuple[SourceLine, ...]) -> list[str]:
    return [line.text.strip() for line in lines if line.text.strip()]


# Shaped like a regional portal's article page (channel-prefixed title, » breadcrumb).
PORTAL = """当前位置: 首页 » 资讯 » 国内 » 地方资讯 » 山西 » 正文

北方资讯频道:王刚 稳字当头 推动春耕生产

放大字体  缩小字体 发布日期:2021-04-06  来源:新华网
核心提示:原标题:稳字当头推动春耕生产在当前农时关键期,就某县如何落实春耕工作

原标题:稳字当头\u00a0推动春耕生产

在当前农时关键期,记者专访了某县县长王刚。

王刚说,全县坚持稳字当头,统筹抓好春耕备耕各项工作。(记者 李雪)

(责编:张三、李四)

免责声明:本文若有侵权,请联系我们删除!本文仅代表作者个人观点,与本站无关。
\u00a0
[ 资讯搜索 ]  [ ]  [ 告诉好友 ]  [ 打印本文 ]  [ 关闭窗口 ]

3条 [查看全部]  相关评论

推荐图文
推荐资讯
春耕时节农机忙
点击排行
\u00a0
网站首页 | 关于我们 | 联系方式 | 广告服务 | 网站地图 | 隐私政策 | 本站对所有发布的信息不承担任何责任。"""

# A government-site template: title above a labelled header, bracketed font tools.
GOV_SITE = """您的位置：首页 > 新闻中心 > 本地要闻
某市召开春季农业生产工作会议
发布时间：2021年3月5日 10:12  来源：某市日报  作者：赵六  浏览次数：1024
【字体：大 中 小】【打印】【关闭】
3月4日，某市召开春季农业生产工作会议，安排部署全年农业农村重点工作。
会议要求，各地要抓好种子、化肥等农资储备，确保春耕生产顺利进行。
责任编辑：钱七
上一篇：某市开展植树造林活动
下一篇：某县推进高标准农田建设
Copyright © 2021 某市人民政府 版权所有  备案号：某ICP备12345678号"""

# A news-app mirror: menu link list at the top, share tools, related-reading tail.
APP_MIRROR = """首页 | 要闻 | 经济 | 社会 | 文化 | 视频
新闻 > 经济 > 正文
物流企业加快复工复产
2020-02-20 08:30:00 来源：晨报网
分享到： 微信 微博
本报讯 记者从市交通局获悉，全市物流企业复工率已达八成以上。
“我们的车队已经全部出车。”一家物流公司负责人说。
相关阅读
快递小哥返岗记
外卖平台订单回升
返回顶部"""


def test_portal_page_body_and_meta() -> None:
    kept, meta = strip_web_boilerplate(_lines(PORTAL))
    assert _texts(kept) == [
        "在当前农时关键期,记者专访了某县县长王刚。",
        "王刚说,全县坚持稳字当头,统筹抓好春耕备耕各项工作。(记者 李雪)",
    ]
    assert dict(meta) == {
        "date": "2021-04-06",
        "source": "新华网",
        "channel": "北方资讯频道",
        "page_title": "王刚 稳字当头 推动春耕生产",
        "summary": "原标题:稳字当头推动春耕生产在当前农时关键期,就某县如何落实春耕工作",
        "original_title": "稳字当头 推动春耕生产",
        "editors": "张三、李四",
    }


def test_gov_site_body_and_meta() -> None:
    kept, meta = strip_web_boilerplate(_lines(GOV_SITE))
    assert _texts(kept) == [
        "3月4日，某市召开春季农业生产工作会议，安排部署全年农业农村重点工作。",
        "会议要求，各地要抓好种子、化肥等农资储备，确保春耕生产顺利进行。",
    ]
    assert dict(meta) == {
        "page_title": "某市召开春季农业生产工作会议",
        "date": "2021-03-05 10:12",
        "source": "某市日报",
        "author": "赵六",
        "editors": "钱七",
    }


def test_app_mirror_body_and_meta() -> None:
    kept, meta = strip_web_boilerplate(_lines(APP_MIRROR))
    assert _texts(kept) == [
        "本报讯 记者从市交通局获悉，全市物流企业复工率已达八成以上。",
        "“我们的车队已经全部出车。”一家物流公司负责人说。",
    ]
    assert dict(meta) == {
        "page_title": "物流企业加快复工复产",
        "date": "2020-02-20 08:30:00",
        "source": "晨报网",
    }


def test_kept_lines_keep_their_source_numbers() -> None:
    kept, _meta = strip_web_boilerplate(_lines(GOV_SITE))
    assert [line.number for line in kept] == [5, 6]


def test_plain_article_passes_through() -> None:
    text = "本报讯 全市春耕备耕工作有序推进。\n\n各地抓好农资储备，确保不误农时。"
    kept, meta = strip_web_boilerplate(_lines(text))
    assert kept == _lines(text)
    assert meta == ()


def test_body_line_with_a_time_label_after_the_body_started_is_kept() -> None:
    text = "会议通知如下，请各单位认真做好参会准备工作，按时参加会议，不得缺席。\n时间：3月5日上午9时"
    kept, _meta = strip_web_boilerplate(_lines(text))
    assert len(kept) == 2


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("发布日期:2020-03-12  来源:人民网", (("date", "2020-03-12"), ("source", "人民网"))),
        ("时间：2019/12/1  作者：张三", (("date", "2019-12-01"), ("author", "张三"))),
        ("来源：本报 编辑：王五", (("source", "本报"),)),
        ("会议时间：上午九时开始。", ()),  # a sentence, not a header
        ("(作者:范吉存)", (("author", "范吉存"),)),  # a field set in parentheses
        ("来源：新华网(北京)", (("source", "新华网"),)),
        # The writer under its own label: `记者：`, `文：`, `通讯员：` (not `本报记者：`, `原文：`).
        ("记者：孙欣", (("author", "孙欣"),)),
        (
            "时间：2024/09/22 记者：周明 李华 信息来源：新华社",
            (("date", "2024-09-22"), ("author", "周明 李华"), ("source", "新华社")),
        ),
        ("来源:某区人民政府　文：吴文　阅读：303", (("source", "某区人民政府"), ("author", "吴文"))),
        ("作者：张三 通讯员：李四", (("author", "张三"), ("author", "李四"))),
        ("原文：某某网", ()),
        ("本报记者：张三", ()),
        # An interviewer's question wrapped before its end is no header.
        ("记者：近期国家和自治区对做好疫情防控，推动企业复工复产", ()),
    ],
)
def test_header_fields(line: str, expected: tuple[tuple[str, str], ...]) -> None:
    assert header_fields(line) == expected


# A template that prints the site's name and a date/weather strip above the headline.
SITE_NAME_FIRST = """河套资讯网
2021年4月8日 星期四 天气：晴
新闻中心 > 本地
某旗举办农牧民电商培训班
【来源：某旗融媒体中心】【发布时间：2021-04-08 09:30】【作者：高山】
4月7日，某旗举办农牧民电商培训班，一百余名农牧民参加培训。
培训结束后，学员们纷纷表示收获很大。
热点排行
1. 某市启动春季植树活动
2. 某县新建文化广场
网友评论
请自觉遵守互联网相关法律法规，文明上网，理性发言。
登录后才能发表评论"""


def test_headline_is_the_last_short_line_above_the_header() -> None:
    kept, meta = strip_web_boilerplate(_lines(SITE_NAME_FIRST))
    assert dict(meta)["page_title"] == "某旗举办农牧民电商培训班"
    # The site name and date strip above the headline are the site's, not the article's.
    assert _texts(kept) == [
        "4月7日，某旗举办农牧民电商培训班，一百余名农牧民参加培训。",
        "培训结束后，学员们纷纷表示收获很大。",
    ]


def test_boxed_header_fields_stop_at_their_brackets() -> None:
    _kept, meta = strip_web_boilerplate(_lines(SITE_NAME_FIRST))
    assert dict(meta)["source"] == "某旗融媒体中心"
    assert dict(meta)["author"] == "高山"
    assert dict(meta)["date"] == "2021-04-08 09:30"


@pytest.mark.parametrize(
    ("tail", "kept_tail"),
    [
        # A comment prompt is a sentence, but the site's.
        ("相关阅读\n某县新建文化广场\n请遵守法律法规，文明发言。", []),
        ("推荐阅读\n某县新建文化广场\n注册后即可发表评论。", []),
        # A ranked list once the text has started.
        ("24小时排行榜\n某县新建文化广场\n某市启动春季植树活动", []),
        # Real text after a list still comes back.
        (
            "相关阅读\n某县新建文化广场\n记者了解到，今年全旗计划培训农牧民两千人次，覆盖所有苏木镇。",
            ["记者了解到，今年全旗计划培训农牧民两千人次，覆盖所有苏木镇。"],
        ),
    ],
)
def test_tail_furniture_after_the_text(tail: str, kept_tail: list[str]) -> None:
    body = "4月7日，某旗举办农牧民电商培训班，一百余名农牧民参加培训。"
    kept, _meta = strip_web_boilerplate(_lines(f"{body}\n{tail}"))
    assert _texts(kept) == [body, *kept_tail]


def test_ranking_label_above_the_text_does_not_swallow_the_page() -> None:
    text = "排行榜\n4月7日，某旗举办农牧民电商培训班，一百余名农牧民参加培训。"
    kept, _meta = strip_web_boilerplate(_lines(text))
    assert "4月7日，某旗举办农牧民电商培训班，一百余名农牧民参加培训。" in _texts(kept)


def test_date_strip_between_headline_and_header_is_not_the_title() -> None:
    text = (
        "河套资讯网\n某旗举办农牧民电商培训班\n2021年4月8日 星期四\n"
        "来源：某旗融媒体中心\n4月7日，某旗举办农牧民电商培训班，一百余名农牧民参加培训。"
    )
    _kept, meta = strip_web_boilerplate(_lines(text))
    assert dict(meta)["page_title"] == "某旗举办农牧民电商培训班"


@pytest.mark.parametrize(
    ("line", "editors"),
    [
        ("编辑：白云　　审核：青山", "白云、青山"),
        ("(责编:白云、青山)", "白云、青山"),
        ("责任编辑：白云", "白云"),
    ],
)
def test_editor_credits_keep_names_only(line: str, editors: str) -> None:
    text = f"4月7日，某旗举办农牧民电商培训班，一百余名农牧民参加培训。\n{line}"
    _kept, meta = strip_web_boilerplate(_lines(text))
    assert dict(meta)["editors"] == editors
