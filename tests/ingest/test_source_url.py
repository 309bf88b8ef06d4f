"""generator.ingest.source_url: the original's address a page prints, and nothing else."""

from __future__ import annotations

import pytest

from generator.ingest.source_url import addresses_by_article, document_address, labelled_address, web_address


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "原文链接：http://www.example.gov.cn/xw/202003/t20200312_123456.html",
            "http://www.example.gov.cn/xw/202003/t20200312_123456.html",
        ),
        (
            "【本文地址: https://news.example.com/a/2020-03-12/8842.shtml】",
            "https://news.example.com/a/2020-03-12/8842.shtml",
        ),
        ("URL: https://example.org/story?id=99", "https://example.org/story?id=99"),
        ("原文链接：javascript:alert(1)", None),
        ('原文链接：http://example.com/a" onmouseover="x', None),
        ("相关链接：更多新闻请访问本网", None),
    ],
)
def test_a_labelled_address(line: str, expected: str | None) -> None:
    assert labelled_address(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("http://www.example.gov.cn/xw/202003/t20200312_123456.html", True),
        ("  https://example.com/news/12345/  ", True),
        ("https://example.com/news/story.shtml", True),
        ("http://www.example.gov.cn/", False),  # the site, not a story
        ("http://www.example.gov.cn/xwzx/", False),  # a section
        ("see http://example.com/1234.html", False),  # not on a line of its own
        ("http://localhost/12345.html", False),  # no host name with a dot
    ],
)
def test_a_lone_address_counts_only_when_it_names_one_document(line: str, expected: bool) -> None:
    assert (document_address(line) is not None) is expected


def test_an_address_must_be_whole_and_not_too_long() -> None:
    assert web_address(" https://example.com/a/1.html ") == "https://example.com/a/1.html"
    assert web_address("https://example.com/a b") is None
    assert web_address("https://example.com/" + "a" * 600) is None
    assert web_address(None) is None


def test_each_article_takes_the_addresses_below_its_start_labelled_first() -> None:
    lines = [
        (1, "某网站"),
        (2, "第一篇标题"),
        (5, "http://example.com/news/11111.html"),
        (6, "原文链接：http://example.com/news/22222.html"),
        (9, "第二篇标题"),
        (12, "http://example.com/news/33333.html"),
        (20, "第三篇标题"),
    ]
    assert addresses_by_article(lines, [2, 9, 20]) == (
        "http://example.com/news/22222.html",
        "http://example.com/news/33333.html",
        None,
    )
    assert addresses_by_article(lines, []) == ()
