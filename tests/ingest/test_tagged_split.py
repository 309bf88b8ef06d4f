"""The pipeline's splitter (line model + assembler + field rules) on small invented pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import pytest

from generator.ingest.line_features import PageLine
from generator.ingest.read import split_lines
from generator.ingest.roles import Boundary, LineRole
from generator.ingest.split import split_document
from generator.ingest.tagger import LineTagger, load_tagger
from generator.models import DateBasis, SourceDocument, SourceFormat


@pytest.fixture(scope="module")
def tagger() -> LineTagger:
    return load_tagger()


def _doc(text: str, fmt: SourceFormat = SourceFormat.NEWSPAPER_PAGE, name: str = "page.txt") -> SourceDocument:
    return SourceDocument(name=name, encoding="utf-8", format=fmt, lines=split_lines(text))


ONE_LINE_PAGE = (
    "本报讯（记者 张明远）日前，东山县举行春季植树活动，机关干部和群众共栽下各类苗木三万余株，绿化荒山两百亩。\n"
    "本报讯（记者 李秋华）近日，西河镇农产品展销会开幕，六十多家合作社带来特色农产品，首日销售额超过八十万元。\n"
    "本报讯（通讯员 王晓东）为方便群众办事，南湖街道便民服务中心推出延时服务，工作日晚间延长服务两小时。\n"
)


def test_a_page_of_one_line_reports_gives_one_article_each(tagger: LineTagger) -> None:
    articles = split_document(_doc(ONE_LINE_PAGE), tagger=tagger)
    assert [(a.line_start, a.line_end) for a in articles] == [(1, 1), (2, 2), (3, 3)]
    assert [a.byline for a in articles] == [("张明远",), ("李秋华",), ("王晓东",)]


WEB_PAGE = (
    "东山新闻网\n首页 | 新闻 | 政务 | 视频 | 专题\n您现在的位置：首页 > 新闻中心 > 正文\n\n"
    "东山县春季植树活动启动\n\n"
    "发布时间：2021-03-12 09:30　来源：东山日报　作者：张明远\n"
    "【字体：大 中 小】【打印】【关闭】\n\n"
    "日前，东山县举行春季植树活动，机关干部和群众共栽下各类苗木三万余株，绿化荒山两百亩。\n\n"
    "据了解，今年全县计划完成造林一万亩，目前各乡镇正抓住有利时机开展植树造林。\n\n"
    "责任编辑：赵一鸣\n"
    "版权所有 东山新闻网 备案号：示例ICP备00000000号\n"
)


def test_web_page_header_fields_become_metadata_not_text(tagger: LineTagger) -> None:
    (article,) = split_document(_doc(WEB_PAGE, SourceFormat.WEB_PAGE), tagger=tagger)
    assert article.title == "东山县春季植树活动启动"
    assert (article.date, article.date_basis) == ("2021-03-12", DateBasis.ISSUE)
    assert article.outlet == "东山日报"
    assert "张明远" in article.byline and "赵一鸣" not in article.byline  # editors are not authors
    body = article.body
    for furniture in ("发布时间", "来源", "字体", "责任编辑", "版权所有", "首页"):
        assert furniture not in body


PLAIN_WIRE = (
    "西部农村公路建设提速\n"
    "新华社成都3月5日电（记者 周文涛）记者从四川省交通运输厅获悉，今年全省将新建改建农村公路一万公里，"
    "进一步方便群众出行。\n"
    "据介绍，新建公路将优先连接产业园区和旅游景点。\n"
)


def test_plain_file_headline_above_a_wire_lead_gets_title_and_date(tagger: LineTagger) -> None:
    (article,) = split_document(_doc(PLAIN_WIRE, SourceFormat.PLAIN), default_year=2021, tagger=tagger)
    assert article.title == "西部农村公路建设提速"
    assert (article.date, article.date_basis) == ("2021-03-05", DateBasis.DATELINE)
    assert article.outlet == "新华社"
    assert article.byline == ("周文涛",)


class _AllFurniture:
    """A line model that calls every line site furniture (the failure the fallback is for)."""

    def tag(self, lines: Sequence[PageLine], *, layout: str | None = None) -> tuple[tuple[Boundary, LineRole], ...]:
        return tuple((Boundary.OUTSIDE, LineRole.FURNITURE) for _ in lines)


def test_prose_the_model_calls_furniture_is_still_an_article() -> None:
    sentence = "日前，东山县举行春季植树活动，机关干部和群众共栽下各类苗木三万余株。"
    text = f"东山县春季植树活动启动\n{sentence * 20}\n"
    (article,) = split_document(_doc(text, SourceFormat.WEB_PAGE), tagger=_AllFurniture())  # type: ignore[arg-type]
    assert article.title == "东山县春季植树活动启动" and "三万余株" in article.body


def test_a_page_of_chrome_alone_still_gives_no_article() -> None:
    text = "东山新闻网\n首页 | 新闻 | 政务\n版权所有 东山新闻网\n"
    assert split_document(_doc(text, SourceFormat.WEB_PAGE), tagger=_AllFurniture()) == ()  # type: ignore[arg-type]


def test_a_web_page_that_prints_its_address_links_to_it(tagger: LineTagger) -> None:
    address = "http://www.dongshan.example.cn/xw/202103/t20210312_4455.html"
    page = WEB_PAGE.replace("责任编辑：赵一鸣\n", f"责任编辑：赵一鸣\n{address}\n")
    (article,) = split_document(_doc(page, SourceFormat.WEB_PAGE), tagger=tagger)
    assert article.url == address and address not in article.body


def test_a_newspaper_pages_address_is_no_storys_original(tagger: LineTagger) -> None:
    page = ONE_LINE_PAGE + "http://epaper.example.cn/html/2021-03/12/node_4455.htm\n"
    assert all(a.url is None for a in split_document(_doc(page), tagger=tagger))


class _FixedTagger:
    """Gives the labels it was made with: tests of what the assembler and the field rules make
    of labels, whatever the trained model would say."""

    def __init__(self, labels: Sequence[tuple[Boundary, LineRole]]) -> None:
        self._labels = tuple(labels)

    def tag(self, lines: Sequence[PageLine], *, layout: str | None = None) -> tuple[tuple[Boundary, LineRole], ...]:
        assert len(lines) == len(self._labels)
        return self._labels


def _split_with(text: str, labels: Sequence[tuple[Boundary, LineRole]], fmt: SourceFormat = SourceFormat.PLAIN):
    return split_document(_doc(text, fmt), tagger=cast(LineTagger, _FixedTagger(labels)))


B, I = Boundary.BEGIN, Boundary.INSIDE  # noqa: E741


def test_a_headline_with_prose_punctuation_is_not_printed_again_as_the_body() -> None:
    text = (
        "美哉,青海!壮哉,青海!——两岸记者青海参访纪行\n\n"
        "新华社西宁6月28日电(记者齐湘辉 李琳海)全程近3000公里,途经7个市州、17个县。\n\n"
        "“一路上可以说是惊喜连连。”台湾记者李光大感慨。\n"
    )
    (article,) = _split_with(text, [(B, LineRole.TITLE), (I, LineRole.BODY), (I, LineRole.BODY)])
    assert article.title == "美哉,青海!壮哉,青海!——两岸记者青海参访纪行"
    assert article.paragraphs[0].startswith("新华社西宁6月28日电")
    assert article.byline == ("齐湘辉", "李琳海")
    assert article.dateline_place == "西宁"


def test_a_credit_line_is_never_the_title() -> None:
    text = "新华社记者 范培珅 摄\n草原上的牧民赶着羊群转场，一路向北，走了整整三天。\n"
    (article,) = _split_with(text, [(B, LineRole.TITLE), (I, LineRole.BODY)])
    assert article.title is None


def test_a_sentence_the_model_reads_into_the_headline_is_a_caption() -> None:
    text = (
        "台风过境东岛 多地出现大风\n"
        "东岛许多溪流溪水暴涨。（东岛社）\n"
        "本报讯（记者 林小红）受台风影响，东岛一度出现十七级阵风，多地停电，目前已陆续恢复供电。\n"
    )
    labels = [(B, LineRole.TITLE), (I, LineRole.TITLE), (I, LineRole.BODY)]
    (article,) = _split_with(text, labels, SourceFormat.NEWSPAPER_PAGE)
    assert article.title == "台风过境东岛 多地出现大风"
    assert article.byline == ("林小红",)  # the lead still opens the body
    assert "东岛许多溪流溪水暴涨" in " ".join(article.captions)


def test_a_page_jump_the_model_calls_a_credit_names_no_reporter() -> None:
    text = "本报讯（记者 林小红）受台风影响，东岛一度出现十七级阵风，多地停电，目前已陆续恢复供电。\n（下转第三版）\n"
    (article,) = _split_with(text, [(B, LineRole.BODY), (I, LineRole.BYLINE)], SourceFormat.NEWSPAPER_PAGE)
    assert article.byline == ("林小红",)


def test_a_mark_or_a_label_is_never_the_title() -> None:
    text = "上接A1版\n延安苹果，红了\n苹果红了，果农在摘苹果，国家级洛川苹果批发市场一片繁忙。\n"
    (article,) = _split_with(
        text, [(B, LineRole.TITLE), (I, LineRole.TITLE), (I, LineRole.BODY)], SourceFormat.NEWSPAPER_PAGE
    )
    assert article.title == "延安苹果，红了"
    assert article.continued_from == "第A1版"


@pytest.mark.parametrize("label", ["第05版:天下", "第02版：时政", "04·深度"])
def test_a_page_label_with_its_section_is_never_the_title(label: str) -> None:
    text = f"{label}\n延安苹果，红了\n苹果红了，果农在摘苹果，国家级洛川苹果批发市场一片繁忙。\n"
    labels = [(B, LineRole.TITLE), (I, LineRole.TITLE), (I, LineRole.BODY)]
    (article,) = _split_with(text, labels, SourceFormat.NEWSPAPER_PAGE)
    assert article.title == "延安苹果，红了"


def test_a_month_day_lead_under_a_web_pages_own_date_takes_that_year() -> None:
    text = (
        "中国发布疫情信息纪事\n"
        "发布时间：2020-04-06 10:00\n"
        "新华社北京4月6日电 国务院新闻办公室6日发布白皮书。\n"
        "相关报道：2024年的新进展回顾\n"
    )
    labels = [(B, LineRole.TITLE), (I, LineRole.META), (I, LineRole.BODY), (Boundary.OUTSIDE, LineRole.FURNITURE)]
    (article,) = _split_with(text, labels, SourceFormat.WEB_PAGE)
    assert article.date == "2020-04-06"
