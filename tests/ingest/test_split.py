"""split_document on small synthetic pages (own places, people and topics).

Each page imitates one layout of PDF newspaper dumps: dateline leads without blank
lines between paragraphs and headlines after bodies; trailing bylines, two-deck
headlines, end and continuation marks, a feature with a sub-heading; photo stories
with captions at the page end; and a page that prints headlines before bodies.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest.split import split_document
from generator.models import ArticleKind, RawArticle, Sidecar, SourceDocument, SourceFormat, SourceLine


def _doc(
    text: str,
    fmt: SourceFormat = SourceFormat.NEWSPAPER_PAGE,
    *,
    sidecar: Sidecar | None = None,
    meta: tuple[tuple[str, str], ...] = (),
) -> SourceDocument:
    lines = tuple(SourceLine(i + 1, t) for i, t in enumerate(text.split("\n")))
    return SourceDocument("page.txt", "utf-8", fmt, lines, sidecar=sidecar, meta=meta)


# Leads, no blank lines between paragraphs, headlines after bodies, a kicker,
# a doubled bold headline and page furniture.
LEAD_PAGE = """\
 本报赤峰 4 月 2 日电 （记者 王
明亮）赤峰市日前启动2021年春季植树
行动，全市计划完成造林面积30万亩。
各旗县区已组织干部群众参加义务植
树活动，苗木调运工作基本完成。

赤峰市启动春季植树行动

本报乌兰察布4月2日电 （记者 张
丽 实习生 赵一鸣）乌兰察布市马铃薯
种薯繁育基地日前开始春播，今年计划
繁育种薯5万亩。
基地负责人介绍，新品种抗病性强、
产量高，受到种植户欢迎。

乌兰察布市
马铃薯种薯繁育基地开始春播

 本报锡林郭勒4月2日讯 （记者 白
云飞）锡林郭勒盟日前开通首条冷链物流
专线，牛羊肉当天即可运抵京津市场。
该专线由盟内三家企业联合运营。

冷链专线直通京津冷链专线直通京津

草原·视点

视界
"""


def test_lead_page_articles_titles_and_metadata() -> None:
    articles = split_document(_doc(LEAD_PAGE))
    assert [a.title for a in articles] == [
        "赤峰市启动春季植树行动",
        "马铃薯种薯繁育基地开始春播",
        "冷链专线直通京津",
    ]
    first, second, third = articles
    assert first.byline == ("王明亮",)
    assert second.byline == ("张丽", "赵一鸣")
    assert second.kicker == "乌兰察布市"
    assert [a.dateline_place for a in articles] == ["赤峰", "乌兰察布", "锡林郭勒"]
    assert {a.date for a in articles} == {"2021-04-02"}
    assert (first.line_start, first.line_end) == (1, 7)
    assert (second.line_start, second.line_end) == (9, 17)
    assert third.line_end == 24  # furniture after the last headline is not part of it
    assert all(a.kind is ArticleKind.ARTICLE for a in articles)
    assert all(a.outlet is None for a in articles)  # 本报 names no paper


def test_lead_page_paragraphs_are_rebuilt() -> None:
    first = split_document(_doc(LEAD_PAGE))[0]
    assert first.paragraphs[0].startswith("本报赤峰4月2日电")
    assert first.paragraphs[-1].endswith("苗木调运工作基本完成。")
    assert all("\n" not in p for p in first.paragraphs)


def test_sidecar_outlet_and_date_are_corrections_that_win() -> None:
    sidecar = Sidecar(outlet="北疆日报", date="2021-04-03")
    articles = split_document(_doc(LEAD_PAGE, sidecar=sidecar))
    assert {a.outlet for a in articles} == {"北疆日报"}
    # An editor's sidecar date overrides what the page's datelines say (issue: dates).
    assert {(a.date, a.date_basis) for a in articles} == {("2021-04-03", "sidecar")}


# Trailing bylines, a two-deck headline with a subtitle, an end mark, a feature with
# a byline block, a sub-heading and a continuation mark, then a continued interview.
BYLINE_PAGE = """\
全县各乡镇卫生院日前完成设备更新，
群众就医条件明显改善。县卫健委负责人
表示，今年还将新建村卫生室12个。 （陈志刚）

基层医疗条件持续改善
——某县推进乡村卫生室建设

本报讯（记者林海燕）昨日，市图书馆
新馆正式开放，馆藏图书80万册，设有
少儿阅览区和数字阅读区。①3

市图书馆新馆开放

本报记者 钱 进
本报通讯员 孙晓梅

三月的江南，春意盎然。记者走进
村里，看到村民正在忙着采茶。

茶园管理有新招

今年，村里引进了新的管理技术，
茶叶产量提高两成。（下转第四版）

茶香飘满山村
——记某村茶产业发展

■上接第2版 会议要求，各部门要加
强协作，确保各项工作落实到位。

记者：今年有哪些重点工作？

周建华：主要抓好三个方面的工作。

（宋雨）

访市发改委主任周建华
"""


def test_byline_page_segments() -> None:
    articles = split_document(_doc(BYLINE_PAGE))
    assert [a.title for a in articles] == [
        "基层医疗条件持续改善",
        "市图书馆新馆开放",
        "茶香飘满山村",
        "访市发改委主任周建华",
    ]
    health, library, _feature, _tail = articles
    assert health.subtitle == "某县推进乡村卫生室建设"
    assert health.byline == ("陈志刚",)
    assert health.paragraphs[-1].endswith("村卫生室12个。")  # byline taken off the text
    assert library.byline == ("林海燕",)
    assert not any("①" in p for p in library.paragraphs)


def test_feature_keeps_its_sub_heading() -> None:
    feature = split_document(_doc(BYLINE_PAGE))[2]
    assert feature.byline == ("钱进", "孙晓梅")
    assert feature.subtitle == "记某村茶产业发展"
    assert feature.continues_to == "第四版"
    assert "茶园管理有新招" in feature.paragraphs
    assert (feature.line_start, feature.line_end) == (14, 26)


def test_continuation_is_marked() -> None:
    tail = split_document(_doc(BYLINE_PAGE))[3]
    assert tail.kind is ArticleKind.CONTINUATION
    assert tail.continued_from == "第2版"
    assert tail.paragraphs[0].startswith("会议要求")
    assert tail.byline == ("宋雨",)


# Photo stories with the captions printed at the end of the page.
PHOTO_PAGE = """\
□本报记者 周立新
实习生 陈可 摄影报道

连日来，通辽市各地农民抢抓农时，
播种玉米。在科尔沁区农机合作社，
十几台播种机正在田间作业。

春播
﹃﹃
正当时正当时
﹄﹄

本报讯（记者 黄凯）市区新建的三座
口袋公园日前向市民开放。

口袋公园开放

科尔沁区农机
合作社的播种
机正在作业。

乌兰牧骑·专版
"""


def test_photo_story_gets_title_and_captions() -> None:
    articles = split_document(_doc(PHOTO_PAGE))
    assert len(articles) == 2
    story, park = articles
    assert story.kind is ArticleKind.PHOTO_STORY
    assert story.byline == ("周立新", "陈可")
    assert story.title == "春播“正当时”"
    assert story.captions == ("科尔沁区农机合作社的播种机正在作业。",)
    assert park.title == "口袋公园开放"
    assert park.captions == ()


# Headlines before bodies throughout (the page starts with one and ends with text).
HEADLINE_FIRST_PAGE = """\
春耕备耕有序推进

本报讯（记者 马小军）连日来，各地抓住
有利时机开展春耕备耕。

城区道路改造工程开工

本报讯（记者 何丽）城区五条道路改造
工程日前开工，预计年底完工。
"""


def test_headline_first_page() -> None:
    articles = split_document(_doc(HEADLINE_FIRST_PAGE))
    assert [(a.title, a.byline) for a in articles] == [
        ("春耕备耕有序推进", ("马小军",)),
        ("城区道路改造工程开工", ("何丽",)),
    ]
    assert [(a.line_start, a.line_end) for a in articles] == [(1, 4), (6, 9)]


NOTICE_PAGE = """\
请广大市民对各类违规行为予以监督。
举报电话：（0476）1234567。
 本报讯（记者 高原）昨日，市政务服务中心
推出周末延时服务。

政务服务周末不打烊
"""


def test_notice_without_headline() -> None:
    notice, report = split_document(_doc(NOTICE_PAGE))
    assert notice.kind is ArticleKind.NOTICE
    assert notice.title is None
    assert (notice.line_start, notice.line_end) == (1, 2)
    assert report.title == "政务服务周末不打烊"


def test_web_page_uses_header_metadata() -> None:
    text = """\
当前位置: 首页 » 新闻 » 正文

发布日期:2021-05-06  来源:北疆网

原标题:牧区小学开学 返校学生达九成

连日来,各地牧区小学陆续开学,记者专访了盟教育局局长刘平。
刘平说,返校学生已达九成。(记者 苏和)
"""
    (article,) = split_document(_doc(text, SourceFormat.WEB_PAGE))
    assert article.title == "牧区小学开学 返校学生达九成"
    assert article.date == "2021-05-06"
    assert article.outlet == "北疆网"
    assert article.byline == ("苏和",)
    assert article.kind is ArticleKind.INTERVIEW
    assert (article.line_start, article.line_end) == (5, 8)  # from the headline line


def test_traditional_source_keeps_original() -> None:
    text = "自治區工(gong)信廳召開會議,部署復工復產工作。\n會議要求各地做好服務保障。"
    (article,) = split_document(_doc(text, SourceFormat.ANNOTATED))
    assert article.title is None
    assert article.paragraphs[0].startswith("自治区工信厅召开会议")
    assert article.paragraphs_original[0].startswith("自治區工信廳召開會議")
    assert "(gong)" not in article.paragraphs_original[0]


def test_plain_file_with_leading_headline() -> None:
    text = "草原书屋开进牧民家\n\n今年，全旗新建草原书屋20个，藏书两万册。\n"
    (article,) = split_document(_doc(text, SourceFormat.PLAIN))
    assert article.title == "草原书屋开进牧民家"
    assert article.paragraphs == ("今年，全旗新建草原书屋20个，藏书两万册。",)
    assert (article.line_start, article.line_end) == (1, 3)


def test_empty_document_has_no_articles() -> None:
    assert split_document(_doc("\n\n镜观\n")) == ()


def test_every_article_keeps_provenance() -> None:
    for page in (LEAD_PAGE, BYLINE_PAGE, PHOTO_PAGE, HEADLINE_FIRST_PAGE, NOTICE_PAGE):
        articles: tuple[RawArticle, ...] = split_document(_doc(page))
        spans = [(a.line_start, a.line_end) for a in articles]
        assert all(1 <= s <= e for s, e in spans)
        assert spans == sorted(spans)
        assert all(e1 < s2 for (_, e1), (s2, _) in pairwise(spans))  # no overlap
        assert all(a.source_file == "page.txt" for a in articles)


def test_html_meta_gives_title_date_outlet_and_author() -> None:
    meta = (("title", "草原书屋开进牧民家"), ("date", "2021-06-01"), ("sitename", "北疆网"), ("author", "苏和"))
    text = "今年，全旗新建草原书屋20个，藏书两万册。\n牧民在家门口就能借书。"
    (article,) = split_document(_doc(text, SourceFormat.HTML, meta=meta))
    assert (article.title, article.date, article.outlet, article.byline) == (
        "草原书屋开进牧民家",
        "2021-06-01",
        "北疆网",
        ("苏和",),
    )


def test_page_opening_mid_sentence_is_a_continuation() -> None:
    text = "，确保各项工作落实到位。\n\n本报讯（记者 何丽）城区五条道路改造工程日前开工。\n\n城区道路改造工程开工\n"
    tail, report = split_document(_doc(text))
    assert tail.kind is ArticleKind.CONTINUATION
    assert tail.continued_from is None
    assert report.kind is ArticleKind.ARTICLE


_PIECES = st.sampled_from(
    [
        "",
        "本报讯（记者 林海）",
        "本报通辽4月2日电 （记者 王",
        "明亮）",
        "市区新建三座口袋公园。",
        "各地抓住有利时机开展春耕备耕，",
        "口袋公园开放",
        "——副题",
        "（陈志刚）",
        "①3",
        "（下转第二版）",
        "■上接第1版",
        "□本报记者 周立新 摄影报道",
        "“",
        "”",
        "镜观",
        "记者：问？",
        "张三：答。",
    ]
)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=3).map("".join), max_size=30))
def test_any_page_splits_into_sane_articles(lines: list[str]) -> None:
    articles = split_document(_doc("\n".join(lines)))
    spans = [(a.line_start, a.line_end) for a in articles]
    assert all(1 <= s <= e <= max(1, len(lines)) for s, e in spans)
    assert all(e1 < s2 for (_, e1), (s2, _) in pairwise(spans))
    assert all(a.paragraphs and all(p.strip() for p in a.paragraphs) for a in articles)


def test_traditional_headline_and_byline_come_out_simplified() -> None:
    text = (
        "烏(wu)海(hai)市(shi)擴(kuo)大(da)濕(shi)地(di)保(bao)護(hu)範(fan)圍\n"
        "烏海市日前將黃河沿岸三處濕地納入保護範圍,新增保護面積兩千公頃,並設立專職管護隊伍。\n"
        "管護隊伍將開展日常巡查,嚴厲打擊破壞濕地的行為。(見習記者 馮遠 通訊員 鍾 靈)"
    )
    (article,) = split_document(_doc(text, SourceFormat.ANNOTATED))
    assert article.title == "乌海市扩大湿地保护范围"
    assert article.byline == ("冯远", "钟灵")
    assert (article.line_start, article.line_end) == (1, 3)


@pytest.mark.parametrize(
    ("text", "title", "subtitle"),
    [
        # One paragraph per line: the headline stands right above the first paragraph.
        (
            "集宁区新建三所幼儿园\n集宁区今年投资八千万元新建三所公办幼儿园,可新增学位一千余个,缓解入园难问题。\n"
            "三所幼儿园计划于九月投入使用。",
            "集宁区新建三所幼儿园",
            None,
        ),
        (
            "丰镇市启动农村道路提升工程\n——今年改造农村公路一百二十公里\n"
            "丰镇市日前启动农村道路提升工程,今年计划改造农村公路一百二十公里,惠及村民三万余人。",
            "丰镇市启动农村道路提升工程",
            "今年改造农村公路一百二十公里",
        ),
        # Hard-wrapped text: the headline is narrower than the column under it.
        (
            "卓资县新建三座冷库\n卓资县今年投资两千万元新建三座农产品冷\n库，可储存蔬菜一万吨，方便农户错峰销售。",
            "卓资县新建三座冷库",
            None,
        ),
        # A first line as wide as the next is hard-wrapped text, not a headline.
        (
            "丰镇市日前启动农村道路提升工程今年计划改造农村\n公路一百二十公里,惠及沿线村民三万余人。",
            None,
            None,
        ),
    ],
)
def test_plain_headline_without_blank_line(text: str, title: str | None, subtitle: str | None) -> None:
    (article,) = split_document(_doc(text, SourceFormat.PLAIN))
    assert (article.title, article.subtitle) == (title, subtitle)


WEB_SITE_NAME_PAGE = """\
塞上资讯网
首页 | 要闻 | 民生 | 文化 | 图片
首页 > 要闻 > 正文

集宁区老旧小区改造全面开工

发布时间：2021-04-16 09:10　来源：乌兰察布日报
近日，集宁区老旧小区改造工程全面开工，今年计划改造小区四十个，惠及居民一万二千户。
改造内容包括外墙保温、管网更新、道路硬化等。（记者 乔木）
编辑：龚平　审核：鲁阳
上一篇：丰镇市启动农村道路提升工程
请文明上网，理性发言。
"""

WEB_HEADER_FIRST_PAGE = """\
察右前旗融媒体中心
发布日期：2021-05-02　来源：察右前旗融媒体中心
察右前旗举办春季农民技能培训班
本报讯（记者 韦青）察右前旗日前举办春季农民技能培训班，两百余名农民参加培训。
培训内容涵盖设施农业、畜牧养殖等。
【责任编辑：苗青】
"""


@pytest.mark.parametrize(
    ("text", "title", "byline", "span"),
    [
        # The site's name comes first; the headline is the last headline line before the text.
        (WEB_SITE_NAME_PAGE, "集宁区老旧小区改造全面开工", ("乔木",), (5, 9)),
        # The header may stand above the headline.
        (WEB_HEADER_FIRST_PAGE, "察右前旗举办春季农民技能培训班", ("韦青",), (3, 5)),
    ],
)
def test_web_page_headline_and_end(text: str, title: str, byline: tuple[str, ...], span: tuple[int, int]) -> None:
    (article,) = split_document(_doc(text, SourceFormat.WEB_PAGE))
    assert article.title == title
    assert article.byline == byline
    assert (article.line_start, article.line_end) == span
    assert not any("文明" in p for p in article.paragraphs)


@pytest.mark.parametrize(
    ("default_year", "date"),
    [(2021, "2021-04-12"), (None, None)],
)
def test_page_without_a_year_takes_the_default_year(default_year: int | None, date: str | None) -> None:
    text = "本报集宁4月12日电（记者 乔木）集宁区日前启动植树活动。\n"
    (article,) = split_document(_doc(text), default_year=default_year)
    assert article.date == date


def test_year_written_on_the_page_wins_over_the_default() -> None:
    text = "本报集宁4月12日电（记者 乔木）集宁区2019年以来累计植树百万株。\n"
    (article,) = split_document(_doc(text), default_year=2021)
    assert article.date == "2019-04-12"


@pytest.mark.parametrize(
    ("text", "byline", "kind"),
    [
        (
            "牧区小学迎来返校季\n\n本报记者 乔木 实习生 石磊\n\n连日来，全旗牧区小学陆续开学。\n\n返校学生已达九成。",
            ("乔木", "石磊"),
            ArticleKind.ARTICLE,
        ),
        (
            "春播时节农事忙\n\n□本报记者 龚平 摄影报道\n\n连日来，各地农民抢抓农时开展春播。",
            ("龚平",),
            ArticleKind.PHOTO_STORY,
        ),
    ],
)
def test_single_article_byline_block_above_the_text(text: str, byline: tuple[str, ...], kind: ArticleKind) -> None:
    (article,) = split_document(_doc(text, SourceFormat.PLAIN))
    assert (article.byline, article.kind) == (byline, kind)
    assert not any("记者" in p for p in article.paragraphs)


@pytest.mark.parametrize(
    ("tail", "byline"),
    [
        ("（记者 裴\n然 通讯员 韦青）", ("裴然", "韦青")),
        ("（鲁\n阳）", ("鲁阳",)),
    ],
)
def test_trailing_byline_wrapped_over_two_lines(tail: str, byline: tuple[str, ...]) -> None:
    text = f"某旗林草局日前组织防火演练，检验扑火队伍的应急处\n置能力。{tail}\n\n防火演练检验应急能力\n"
    (article,) = split_document(_doc(text))
    assert article.byline == byline
    assert article.paragraphs[-1].endswith("置能力。")


# Two photo stories; their captions at the page foot, under them a section label.
TWO_PHOTOS_PAGE = """\
□本报记者 青松 摄影报道

4月3日，某县一处苗圃里，工人们正在
起苗装车，准备运往各植树点。

苗圃起苗忙

□本报记者 白桦 摄影报道

4月2日，某市一所小学的学生在老师带领下
参加义务植树活动。

小树苗伴我成长

工人在某县一
处苗圃里起苗
装车。

小学生在老师
带领下植树。

盟市新闻
"""


def test_captions_above_a_section_label_are_not_an_article() -> None:
    articles = split_document(_doc(TWO_PHOTOS_PAGE))
    assert [a.title for a in articles] == ["苗圃起苗忙", "小树苗伴我成长"]
    assert articles[0].captions == ("工人在某县一处苗圃里起苗装车。",)
    assert articles[1].captions == ("小学生在老师带领下植树。",)


# A photo story whose caption is printed right under its headline, mid-page.
MID_CAPTION_PAGE = """\
□本报记者 青松 摄影报道

4月3日，某县一处苗圃里，工人们正在
起苗装车，准备运往各植树点。

苗圃起苗忙

工人在苗圃里
起苗装车。

本报讯（记者 白桦）某市图书馆日前推出线上借阅服务，
读者足不出户即可借阅电子图书。

图书馆推出线上借阅
"""


@pytest.mark.parametrize(
    ("caption", "articles_expected", "captions_expected"),
    [
        # It repeats the story's words: the photo's caption, not an article.
        ("工人在苗圃里\n起苗装车。", 2, ("工人在苗圃里起苗装车。",)),
        # A short block about something else is not taken as the caption.
        ("市民可拨打热线\n咨询办事流程。", 3, ()),
    ],
)
def test_caption_under_a_photo_story_mid_page(
    caption: str, articles_expected: int, captions_expected: tuple[str, ...]
) -> None:
    page = MID_CAPTION_PAGE.replace("工人在苗圃里\n起苗装车。", caption)
    articles = split_document(_doc(page))
    assert len(articles) == articles_expected
    assert articles[0].title == "苗圃起苗忙"
    assert articles[0].captions == captions_expected
    assert articles[-1].title == "图书馆推出线上借阅"
