"""ingest_seeds: file listing, per-file problems, strict mode (I/O on tmp_path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import IngestError
from generator.ingest import IngestResult, ingest_seeds, seed_paths
from generator.models import ArticleKind, SourceFormat

PAGE = """\
 本报赤峰 4 月 2 日电 （记者 王明亮）赤峰市日前
启动2021年春季植树行动，全市计划完成造林
面积30万亩。

赤峰市启动春季植树行动

本报讯（记者 何丽）城区五条道路改造工程
日前开工，预计年底完工。①2

城区道路改造工程开工
"""

WEB = """\
当前位置: 首页 » 新闻 » 正文

发布日期:2021-05-06  来源:北疆网

原标题:牧区小学开学

连日来,各地牧区小学陆续开学,返校学生已达九成。(记者 苏和)
"""


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_seed_paths_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "sub/c.txt", "a.txt.yml", "notes.md"):
        _write(tmp_path, name, b"x")
    assert [p.relative_to(tmp_path).as_posix() for p in seed_paths(tmp_path)] == [
        "a.html",
        "b.txt",
        "sub/c.txt",
    ]


def test_ingest_reads_splits_and_keeps_order(tmp_path: Path) -> None:
    _write(tmp_path, "001_page.txt", PAGE.encode("utf-8"))
    _write(tmp_path, "002_web.txt", WEB.encode("gb18030"))
    result = ingest_seeds(tmp_path)
    assert isinstance(result, IngestResult)
    assert result.problems == ()
    assert [(a.source_file, a.title) for a in result.articles] == [
        ("001_page.txt", "赤峰市启动春季植树行动"),
        ("001_page.txt", "城区道路改造工程开工"),
        ("002_web.txt", "牧区小学开学"),
    ]
    first, second, web = result.articles
    assert first.format is SourceFormat.NEWSPAPER_PAGE
    assert first.date == "2021-04-02"
    assert second.date == "2021-04-02"  # no dateline of its own: the page's date
    assert web.date == "2021-05-06"
    assert web.outlet == "北疆网"
    assert web.kind is ArticleKind.ARTICLE


def test_sidecar_reaches_articles(tmp_path: Path) -> None:
    _write(tmp_path, "p.txt", PAGE.encode("utf-8"))
    _write(tmp_path, "p.txt.yml", "outlet: 北疆日报\ndate: 2021-04-03\n".encode())
    result = ingest_seeds(tmp_path)
    assert {a.outlet for a in result.articles} == {"北疆日报"}


def test_sidecar_wins_over_what_was_detected(tmp_path: Path) -> None:
    # The web page names 北疆网 and prints 2021-05-06; the editor's sidecar says otherwise.
    _write(tmp_path, "w.txt", WEB.encode("utf-8"))
    sidecar = "outlet: 内蒙古日报\ndate: 2021-05-07\npage: A2\nurl: https://example.org/a?x=1&y=2\n"
    _write(tmp_path, "w.yml", sidecar.encode())
    (article,) = ingest_seeds(tmp_path).articles
    assert (article.outlet, article.date, article.date_basis.value) == ("内蒙古日报", "2021-05-07", "sidecar")
    assert (article.page, article.url) == ("A2", "https://example.org/a?x=1&y=2")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        ("\n\n镜观\n".encode(), "no article"),
    ],
)
def test_bad_file_is_a_problem_and_others_build(tmp_path: Path, data: bytes, reason: str) -> None:
    _write(tmp_path, "000_bad.txt", data)
    _write(tmp_path, "001_page.txt", PAGE.encode("utf-8"))
    result = ingest_seeds(tmp_path)
    assert len(result.articles) == 2
    assert [p.file for p in result.problems] == ["000_bad.txt"]
    assert reason in str(result.problems[0])


def test_strict_raises_first_problem(tmp_path: Path) -> None:
    _write(tmp_path, "000_bad.txt", b"")
    _write(tmp_path, "001_page.txt", PAGE.encode("utf-8"))
    with pytest.raises(IngestError) as info:
        ingest_seeds(tmp_path, strict=True)
    assert info.value.file == "000_bad.txt"


YEARLESS_PAGE = """\
本报集宁4月12日电（记者 乔木）集宁区日前启动春季植树
活动，各单位分片包干，确保苗木成活。

集宁区启动春季植树活动

本报讯（记者 龚平）城区三条道路改造工程
日前开工，预计年底完工。①2

城区道路改造工程开工
"""


def test_page_without_a_year_takes_the_corpus_year(tmp_path: Path) -> None:
    _write(tmp_path, "001_page.txt", PAGE.encode("utf-8"))  # writes 2021
    _write(tmp_path, "002_yearless.txt", YEARLESS_PAGE.encode("utf-8"))
    result = ingest_seeds(tmp_path)
    dates = {a.title: a.date for a in result.articles}
    assert dates["集宁区启动春季植树活动"] == "2021-04-12"


def test_yearless_page_alone_stays_undated(tmp_path: Path) -> None:
    _write(tmp_path, "002_yearless.txt", YEARLESS_PAGE.encode("utf-8"))
    articles = ingest_seeds(tmp_path).articles
    assert len(articles) == 2
    assert all(a.date is None for a in articles)


def test_html_seed_becomes_an_article_with_its_metadata(tmp_path: Path) -> None:
    from tests.ingest.test_read import HTML

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.html").write_text(HTML, encoding="utf-8")
    result = ingest_seeds(seeds)
    assert result.problems == ()
    (article,) = result.articles
    assert article.format.value == "html"
    assert article.title == "某市召开春耕会议"
    assert article.date == "2021-03-05"
    assert article.paragraphs[0].startswith("3月4日，某市召开春季农业生产工作会议")
    assert not any("关于我们" in p for p in article.paragraphs)
    assert article.url == "https://news.example.org/2021/0305/1.html"  # the page's canonical address
