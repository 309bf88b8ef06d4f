"""Bounds of a scraped page's article: its headline line and where the site takes over."""

from __future__ import annotations

import pytest

from generator.ingest.web_article import article_end, bound_article, headline_line, headline_text
from generator.models import SourceLine


def _lines(text: str) -> tuple[SourceLine, ...]:
    return tuple(SourceLine(i + 1, t) for i, t in enumerate(text.split("\n")))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # Site name, menu and breadcrumb first; the headline right above the header.
        (
            "塞上资讯网\n首页 | 要闻 | 民生\n首页 > 要闻\n丰镇市新建污水处理厂\n"
            "发布时间：2021-04-16　来源：丰镇日报\n丰镇市新建污水处理厂日前投入运行，日处理污水两万吨。",
            4,
        ),
        # The header above the headline.
        (
            "塞上资讯网\n发布时间：2021-04-16　来源：丰镇日报\n丰镇市新建污水处理厂\n"
            "丰镇市新建污水处理厂日前投入运行，日处理污水两万吨。",
            3,
        ),
        # A `——` deck under the headline is not the headline; tool links are skipped.
        (
            "丰镇市新建污水处理厂\n——日处理污水两万吨\n【打印】【关闭】\n"
            "丰镇市新建污水处理厂日前投入运行，日处理污水两万吨。",
            1,
        ),
        # No headline-like line before the text.
        ("首页 > 要闻\n丰镇市新建污水处理厂日前投入运行，日处理污水两万吨。", None),
        # Text hard-wrapped at a column: the full lines above the first sentence end are
        # text, the narrower line above them is the headline.
        (
            "塞上资讯网\n丰镇市污水厂投运\n丰镇市新建污水处理厂日\n前投入运行，日处理污水\n两万吨。今年还将新建管\n网十公里。",
            2,
        ),
        # A wrapped headline as wide as the column cannot be told from text: the line
        # above it is taken (here the site's name), never a line of the text.
        (
            "塞上资讯网\n丰镇市新建污水处理厂日\n前投入运行，日处理污水\n两万吨。",
            1,
        ),
    ],
)
def test_headline_line(text: str, number: int | None) -> None:
    found = headline_line(_lines(text))
    assert (found.number if found else None) == number


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("乌兰察布频道:丰镇市新建污水处理厂", "丰镇市新建污水处理厂"),
        # A bracketed column label before the headline.
        ("【春耕一线】某旗农机手抢修播种机", "某旗农机手抢修播种机"),
        # Brackets inside the headline stay.
        ("某旗农机手抢修播种机【图】", "某旗农机手抢修播种机【图】"),
    ],
)
def test_headline_text_drops_a_channel_prefix(line: str, title: str) -> None:
    assert headline_text(SourceLine(1, line)) == title


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("正文第一段写完了，这是一个句子。\n编辑：龚平　审核：鲁阳\n相关新闻", 2),
        ("正文第一段写完了，这是一个句子。\n(责编:龚平)\n", 2),
        ("正文第一段写完了，这是一个句子。\n\n上一篇：丰镇市启动道路工程\n", 3),
        ("正文第一段写完了，这是一个句子。（记者 乔木）\n来源：丰镇日报\n", 2),
        # A credit above the text is not its end.
        ("编辑：龚平\n正文第一段写完了，这是一个句子。\n", None),
    ],
)
def test_article_end(text: str, number: int | None) -> None:
    assert article_end(_lines(text)) == number


def test_bound_article_keeps_lines_strictly_between() -> None:
    lines = _lines("a\nb\nc\nd")
    assert [line.number for line in bound_article(lines, after=1, before=4)] == [2, 3]
    assert [line.number for line in bound_article(lines, after=None, before=None)] == [1, 2, 3, 4]
