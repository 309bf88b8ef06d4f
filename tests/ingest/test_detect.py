"""Format detection cues for scraped web pages (`generator.ingest.detect`)."""

from __future__ import annotations

import pytest

from generator.ingest.detect import detect_format, measure
from generator.models import SourceFormat, SourceLine


def _numbered(text: str) -> tuple[SourceLine, ...]:
    return tuple(SourceLine(i + 1, t) for i, t in enumerate(text.split("\n")))


BODY = "3月8日，某区图书馆恢复开放，读者须预约入馆，每日限流三百人。\n馆内座位间隔一米以上，每两小时消毒一次。\n"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # A short site menu (three items) and a bare editor credit, no breadcrumb.
        (
            "首页｜资讯｜服务\n某区图书馆恢复开放\n发布时间：2020-03-08\n" + BODY + "编辑：林木\n",
            {"links", "credit", "header"},
        ),
        ("网站首页 | 本地 | 视频\n某区图书馆恢复开放\n" + BODY + "审核：方圆\n", {"links", "credit"}),
        # Previous / next links under the text.
        ("某区图书馆恢复开放\n来源：某区融媒体中心\n" + BODY + "上一条：某区开展植树活动\n", {"header", "comments"}),
    ],
)
def test_small_web_pages_are_web_pages(text: str, kinds: set[str]) -> None:
    assert kinds <= set(measure(_numbered(text)).web_kinds)
    assert detect_format("a.txt", _numbered(text)) is SourceFormat.WEB_PAGE


@pytest.mark.parametrize(
    "text",
    [
        # A `|` inside prose is not a menu; `本版编辑：` is newspaper furniture.
        "某区图书馆恢复开放\n" + BODY + "读者可选择 A|B 两种预约方式，预约成功后凭短信入馆。\n本版编辑：林木\n",
        # Two items are not a menu.
        "首页 | 资讯\n某区图书馆恢复开放\n" + BODY,
    ],
)
def test_prose_with_stray_cues_is_not_a_web_page(text: str) -> None:
    assert detect_format("a.txt", _numbered(text)) is not SourceFormat.WEB_PAGE


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A breadcrumb without `首页`, a bracketed editor credit, a "scan to open" tool.
        ("某某网 > 要闻\n某区图书馆恢复开放\n" + BODY, "breadcrumb"),
        ("某区图书馆恢复开放\n" + BODY + "（编辑：林木 审核：方圆）\n", "credit"),
        ("某区图书馆恢复开放\n" + BODY + "扫一扫在手机打开当前页\n", "tools"),
    ],
)
def test_more_web_furniture_cues(text: str, kind: str) -> None:
    assert kind in measure(_numbered(text)).web_kinds


@pytest.mark.parametrize("line", ["价格从3 > 2变为2 > 1。", "成本>收益的项目要慎重。"])
def test_comparison_in_prose_is_not_a_breadcrumb(line: str) -> None:
    assert "breadcrumb" not in measure(_numbered("某区图书馆恢复开放\n" + line + "\n")).web_kinds
