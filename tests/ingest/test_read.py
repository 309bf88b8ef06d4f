"""read.py: decoding, line splitting, format detection, sidecars, HTML, read_source."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.errors import IngestError
from generator.ingest.detect import measure
from generator.ingest.read import (
    decode,
    detect_format,
    extract_html,
    read_sidecar,
    read_source,
    split_lines,
)
from generator.models import Sidecar, SourceFormat, SourceLine

SIMPLIFIED = "本报讯（记者 王强）2月10日，副省长深入企业调研复工复产情况。\n会议要求，统筹做好疫情防控。\n"
TRADITIONAL = "全區規模以上工業企業復工復產企業達到1792戶，復產率65%。\n員工返崗人數68.7萬人。\n"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
        (SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
        (SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
        (SIMPLIFIED.encode("gb2312"), SIMPLIFIED, "gb18030"),
        (("𠀀字" + SIMPLIFIED).encode("gb18030"), "𠀀字" + SIMPLIFIED, "gb18030"),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
        ("復工復產".encode("big5"), "復工復產", "big5"),
        ("国务院关于做好春耕工作的通知".encode("gbk"), "国务院关于做好春耕工作的通知", "gb18030"),
        (b"plain ascii\n", "plain ascii\n", "utf-8"),
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data, name="a.txt") == (text, encoding)


def test_decode_drops_a_stray_nul() -> None:
    body = ("一" * 600 + "\n") * 3
    data = body.encode("utf-8")
    data = data[:900] + b"\x00" + data[900:]
    assert decode(data, name="a.txt") == (body, "utf-8")


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "empty", None),
        (b"  \r\n\t\n", "only whitespace", None),
        (b"%PDF-1.7\n...", "PDF", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG", None),
        (b"line one\nline two\n" + b"\x00\x01\x02\x03" * 40, "NUL bytes", 3),
        ("第一行\n第二行\n".encode() + b"\x81\xff\xfe\xfd\x80" * 4, "invalid byte 0x81", 3),
        (b"text\n\x01\x02\x03\x04\x05\x06\x07\x08 more control characters than text", "control characters", 2),
    ],
)
def test_decode_refuses(data: bytes, message: str, line: int | None) -> None:
    with pytest.raises(IngestError) as info:
        decode(data, name="dir/a.txt")
    assert info.value.file == "dir/a.txt"
    assert message in info.value.reason
    assert info.value.line == line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("a", ((1, "a"),)),
        ("a\n", ((1, "a"),)),
        ("a\r\nb\rc\nd", ((1, "a"), (2, "b"), (3, "c"), (4, "d"))),
        ("a\n\nb\n", ((1, "a"), (2, ""), (3, "b"))),
        ("\n", ((1, ""),)),
        (" 缩进 \t\n", ((1, " 缩进 \t"),)),
        ("a\u2028b\x0cc", ((1, "a\u2028b\x0cc"),)),  # only CR / LF end lines
    ],
)
def test_split_lines(text: str, expected: tuple[tuple[int, str], ...]) -> None:
    assert split_lines(text) == tuple(SourceLine(n, t) for n, t in expected)


def _numbered(text: str) -> tuple[SourceLine, ...]:
    return split_lines(text)


NEWSPAPER = """本报讯（记者 王强）昨日上午，市委
副书记主持召开会议，研究部署春季
农业生产工作，市领导出席会议。
会议强调，要抓好种子化肥等农资
的调运和储备，确保不误农时，切实
把各项工作落到实处。

市委召开春季农业生产工作会议

本报赤峰4月2日电 （记者 李明）为
帮助中小企业渡过难关，赤峰市日前
出台8项扶持政策，涵盖减租、降费、
贷款贴息等方面，惠及企业两千余家。

赤峰出台扶持中小企业政策
"""

WEB = """您的位置：首页 > 新闻中心 > 本地要闻
某市召开春季农业生产工作会议
发布时间：2021-03-05  来源：某市日报
3月4日，某市召开春季农业生产工作会议，安排部署全年农业农村重点工作。
责任编辑：钱七
网站首页 | 关于我们 | 联系我们 | 网站地图 | 隐私政策"""

ANNOTATED = "全(quan)區(qu)規(gui)模以上工(gong)業(ye)企(qi)業復(fu)工復(fu)產(chan)率(lv)達到65%。\n"

PLAIN = """在当前农时关键期，记者专访了某县县长。县长介绍了全县春耕备耕的总体情况和下一步的工作安排。

县长说，全县坚持稳字当头，统筹抓好春耕备耕各项工作，确保粮食播种面积稳定在一百万亩以上。
"""


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("page.txt", NEWSPAPER, SourceFormat.NEWSPAPER_PAGE),
        ("page.txt", WEB, SourceFormat.WEB_PAGE),
        ("page.txt", ANNOTATED, SourceFormat.ANNOTATED),
        ("page.txt", PLAIN, SourceFormat.PLAIN),
        ("page.HTML", PLAIN, SourceFormat.HTML),
        ("page.htm", "", SourceFormat.HTML),
        ("page.txt", "<!DOCTYPE html>\n<html><body><p>正文</p></body></html>", SourceFormat.HTML),
        ("page.txt", "", SourceFormat.PLAIN),
    ],
)
def test_detect_format(name: str, text: str, expected: SourceFormat) -> None:
    assert detect_format(name, _numbered(text)) is expected


def test_hard_wrapped_single_article_without_page_cues_is_plain() -> None:
    wrapped = (
        "为帮助中小企业渡过难关，某市日前出台8项扶持政策，涵\n"
        "盖减租、降费、贷款贴息等方面，惠及全市企业两千余家。\n"
        "具体措施包括：免收承租国有资产类经营用房的中小企业\n"
        "3个月房租；对受影响企业延期缴纳社保费用，免收滞纳\n"
        "金；鼓励金融机构对到期贷款给予展期续贷，顺延期限不\n"
        "少于3个月。\n"
    )
    assert detect_format("a.txt", _numbered(wrapped)) is SourceFormat.PLAIN


def test_one_web_word_in_prose_is_not_a_web_page() -> None:
    prose = "消息来源：市政府新闻办。会议指出，要抓好春耕生产，确保粮食安全，促进农民增收。\n"
    assert detect_format("a.txt", _numbered(prose)) is SourceFormat.PLAIN


def test_format_features() -> None:
    features = measure(_numbered(NEWSPAPER))
    assert features.datelines == 2
    assert features.headline_like == 2
    assert features.similar_width_share > 0.8
    assert measure(_numbered(ANNOTATED)).annotations == 10


# --- sidecars ---------------------------------------------------------------------------


def _seed(tmp_path: Path, sidecar_name: str | None, sidecar_text: str = "") -> Path:
    seed = tmp_path / "a.txt"
    seed.write_text("正文", encoding="utf-8")
    if sidecar_name:
        (tmp_path / sidecar_name).write_text(sidecar_text, encoding="utf-8")
    return seed


@pytest.mark.parametrize("sidecar_name", ["a.txt.yml", "a.yml"])
def test_read_sidecar_both_names(tmp_path: Path, sidecar_name: str) -> None:
    seed = _seed(
        tmp_path,
        sidecar_name,
        "outlet: 内蒙古日报\ndate: 2020-03-30\npage: 3\nurl: https://example.org/a\n",
    )
    assert read_sidecar(seed, name="a.txt") == Sidecar(
        outlet="内蒙古日报", date="2020-03-30", page="3", url="https://example.org/a"
    )


def test_read_sidecar_absent_and_empty(tmp_path: Path) -> None:
    assert read_sidecar(_seed(tmp_path, None), name="a.txt") is None
    assert read_sidecar(_seed(tmp_path, "a.yml", ""), name="a.txt") == Sidecar()


def test_read_sidecar_quoted_date_and_null(tmp_path: Path) -> None:
    seed = _seed(tmp_path, "a.yml", "date: '2020-03-30'\npage: ~\n")
    assert read_sidecar(seed, name="a.txt") == Sidecar(date="2020-03-30")


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("outlet: 日报\nedition: 2\n", "unknown key `edition`", 2),
        ("outlet: 日报\n\ndate: 30.03.2020\n", "ISO date", 3),
        ("outlet: [a, b]\n", "single value", 1),
        ("outlet: 12\n", "must be text", 1),
        ("url: example.org\n", "http", 1),
        ("page: 2020-01-01\n", "text or a number", 1),
        ("outlet: 日报\noutlet: 晚报\n", "twice", 2),
        ("outlet: 日报\n  date: [\n", "invalid YAML", 2),
        ("- a\n- b\n", "mapping", 1),
    ],
)
def test_read_sidecar_errors_name_file_and_line(tmp_path: Path, text: str, message: str, line: int) -> None:
    (tmp_path / "sub").mkdir()
    seed = tmp_path / "sub" / "a.txt"
    seed.write_text("正文", encoding="utf-8")
    (tmp_path / "sub" / "a.txt.yml").write_text(text, encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_sidecar(seed, name="sub/a.txt")
    assert info.value.file == "sub/a.txt.yml"
    assert message in info.value.reason
    assert info.value.line == line


def test_two_sidecars_for_one_seed_is_an_error(tmp_path: Path) -> None:
    seed = _seed(tmp_path, "a.yml", "outlet: 日报\n")
    (tmp_path / "a.txt.yml").write_text("outlet: 晚报\n", encoding="utf-8")
    with pytest.raises(IngestError, match="two sidecars"):
        read_sidecar(seed, name="a.txt")


# --- HTML and read_source ---------------------------------------------------------------

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>某市召开春耕会议 - 某市新闻网</title>
<meta property="og:site_name" content="某市新闻网">
<meta name="date" content="2021-03-05">
<link rel="canonical" href="https://news.example.org/2021/0305/1.html"></head>
<body><div class="nav">首页 &gt; 新闻</div>
<article><h1>某市召开春耕会议</h1>
<p>3月4日，某市召开春季农业生产工作会议，安排部署全年农业农村重点工作。</p>
<p>会议要求，各地要抓好种子、化肥等农资储备，确保春耕生产顺利进行，不误农时。</p>
</article><footer>网站首页 | 关于我们 | 联系我们</footer></body></html>"""


def test_extract_html() -> None:
    lines, meta = extract_html(HTML, name="a.html")
    texts = [line.text for line in lines]
    assert "3月4日，某市召开春季农业生产工作会议，安排部署全年农业农村重点工作。" in texts
    assert not any("关于我们" in t for t in texts)
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))
    assert dict(meta)["date"] == "2021-03-05"
    assert dict(meta)["url"] == "https://news.example.org/2021/0305/1.html"
    assert dict(meta)["sitename"] == "某市新闻网"


def test_extract_html_without_text_is_an_error() -> None:
    with pytest.raises(IngestError, match="no main text"):
        extract_html("<html><body></body></html>", name="a.html")


def test_read_source_text_file(tmp_path: Path) -> None:
    seed = tmp_path / "a.txt"
    seed.write_bytes(NEWSPAPER.encode("gbk"))
    (tmp_path / "a.yml").write_text("outlet: 某日报\n", encoding="utf-8")
    document = read_source(seed, name="a.txt")
    assert document.name == "a.txt"
    assert document.encoding == "gb18030"
    assert document.format is SourceFormat.NEWSPAPER_PAGE
    assert document.lines == split_lines(NEWSPAPER)
    assert document.sidecar == Sidecar(outlet="某日报")
    assert document.meta == ()


def test_read_source_html_file(tmp_path: Path) -> None:
    seed = tmp_path / "a.html"
    seed.write_text(HTML, encoding="utf-8")
    document = read_source(seed, name="a.html")
    assert document.format is SourceFormat.HTML
    assert dict(document.meta)["sitename"] == "某市新闻网"
    assert document.sidecar is None


def test_read_source_refuses_files_above_the_limit(tmp_path: Path) -> None:
    seed = tmp_path / "big.txt"
    seed.write_bytes(b"a" * 2048)
    with pytest.raises(IngestError, match="above the"):
        read_source(seed, name="big.txt", max_bytes=1024)


def test_read_source_long_line_is_linear(tmp_path: Path) -> None:
    # A 200k-character line (600 kB) with backtracking bait (parentheses, spaces) must
    # come back; a catastrophic regex would not finish.
    seed = tmp_path / "long.txt"
    seed.write_text("工(gong) 业 " * 20_000 + "((((((" + " " * 1000 + "\n", encoding="utf-8")
    document = read_source(seed, name="long.txt")
    assert len(document.lines) == 1


def test_broken_utf16_names_the_line_of_the_bad_unit() -> None:
    # "上" is 0A 4E in UTF-16 LE: counting 0x0A bytes would give the wrong line.
    data = codecs.BOM_UTF16_LE + "上上\n第二行\n".encode("utf-16-le") + b"\x00\xdc"
    with pytest.raises(IngestError) as info:
        decode(data, name="a.txt")
    assert info.value.line == 3
