"""Bad seed files: a correct build or a clear error naming the file; the rest still builds."""

from __future__ import annotations

import os
from pathlib import Path

import opencc
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import IngestError
from generator.ingest import ingest_seeds

GOOD = (
    "本报讯（记者 王五）为做好春耕备耕工作，某旗农牧局组织技术人员深入嘎查村，指导农牧民做好种子、化肥等农资储备。\n"
    "截至目前，全旗已储备化肥1.2万吨、种子800吨，能够满足春播需要。\n"
    "\n"
    "某旗扎实做好春耕备耕\n"
)


def _seeds(tmp_path: Path, files: dict[str, bytes]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_bytes(GOOD.encode("utf-8"))
    for name, data in files.items():
        (seeds / name).write_bytes(data)
    return seeds


def _bodies(seeds: Path) -> dict[str, list[str]]:
    result = ingest_seeds(seeds)
    bodies: dict[str, list[str]] = {}
    for article in result.articles:
        bodies.setdefault(article.source_file, []).append(article.body)
    return bodies


READABLE = {
    "utf8-bom.txt": b"\xef\xbb\xbf" + GOOD.encode("utf-8"),
    "gbk.txt": GOOD.encode("gb18030"),
    # Taiwan-standard Traditional (s2tw): every character exists in Big5.
    "big5.txt": opencc.OpenCC("s2tw").convert(GOOD).encode("big5"),
    "utf16.txt": GOOD.encode("utf-16"),
    "utf16le-nobom.txt": GOOD.encode("utf-16-le"),
    "crlf.txt": GOOD.replace("\n", "\r\n").encode("utf-8"),
    "lone-cr.txt": GOOD.replace("\n", "\r").encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(READABLE))
def test_readable_variants_give_the_same_article(tmp_path: Path, name: str) -> None:
    seeds = _seeds(tmp_path, {name: READABLE[name]})
    bodies = _bodies(seeds)
    assert bodies.get(name) == bodies["good.txt"], bodies


def test_nul_bytes_give_the_article_or_an_error_naming_file_and_line(tmp_path: Path) -> None:
    data = GOOD.encode("utf-8").replace("。".encode(), "。\x00".encode(), 1)
    seeds = _seeds(tmp_path, {"nul.txt": data})
    result = ingest_seeds(seeds)
    if any(a.source_file == "nul.txt" for a in result.articles):
        assert _bodies(seeds)["nul.txt"] == _bodies(seeds)["good.txt"]
    else:
        assert [str(p) for p in result.problems] and result.problems[0].file == "nul.txt"
        assert str(result.problems[0]).startswith("nul.txt:1:")


UNREADABLE = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 40,
    "pdf.txt": b"%PDF-1.7\n" + os.urandom(2000),
    "invalid-utf8.txt": "正文".encode() + b"\xff\xfe\xfa" * 300 + bytes(range(128, 256)) * 20,
    "no-article.txt": b"\n\n   \n",
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_files_are_named_and_the_rest_still_builds(tmp_path: Path, name: str) -> None:
    seeds = _seeds(tmp_path, {name: UNREADABLE[name]})
    result = ingest_seeds(seeds)
    assert [a.source_file for a in result.articles] == ["good.txt"]
    assert len(result.problems) == 1
    assert result.problems[0].file == name
    assert name in str(result.problems[0])
    with pytest.raises(IngestError, match=name.replace(".", r"\.")):
        ingest_seeds(seeds, strict=True)


def test_strict_cli_build_fails_and_writes_nothing(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, {"empty.txt": b""})
    docs = tmp_path / "docs"
    result = CliRunner().invoke(main, ["build", "--strict", "--seeds", str(seeds), "--docs", str(docs)])
    assert result.exit_code != 0 and "empty.txt" in result.output
    assert not docs.exists()
    relaxed = CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--docs", str(docs)])
    assert relaxed.exit_code == 0 and "empty.txt" in relaxed.output
    assert (docs / "zh" / "index.md").is_file()


def test_huge_line_and_big_file_finish_or_fail_clearly(tmp_path: Path) -> None:
    long_line = ("复工复产" * 250_000 + "。\n").encode("utf-8")  # a 1M-character line
    big = (GOOD * 8_000).encode("utf-8")  # about 2 MB of real text, thousands of articles
    seeds = _seeds(tmp_path, {"long-line.txt": long_line, "big.txt": big})
    result = ingest_seeds(seeds)
    assert "good.txt" in {a.source_file for a in result.articles}
    for problem in result.problems:
        assert problem.file in ("long-line.txt", "big.txt")


def test_file_over_the_size_limit_is_refused_by_name(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    with (seeds / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a 50 MB file
    result = ingest_seeds(seeds)
    assert [a.source_file for a in result.articles] == ["good.txt"]
    assert [p.file for p in result.problems] == ["huge.txt"]


@pytest.mark.parametrize(
    "name", ["with space.txt", "中文 名字.txt", "-rf.txt", "..dots.txt", "{{ 7*7 }}.txt", "<b>x.txt"]
)
def test_odd_file_names_are_plain_text(tmp_path: Path, name: str) -> None:
    seeds = _seeds(tmp_path, {name: GOOD.encode("utf-8")})
    docs = tmp_path / "docs"
    result = CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--docs", str(docs)])
    assert result.exit_code == 0, result.output
    written = {p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*")}
    assert written == {"seeds", "docs"}  # nothing outside the output folder
    pages = [p.read_text(encoding="utf-8") for p in (docs / "zh" / "articles").glob("*.md")]
    assert any("种子文件" in page for page in pages)
    for page in pages:
        assert "{{ 7*7 }}" not in page and "<b>" not in page


def test_symlinks_leaving_the_seeds_folder_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text(GOOD, encoding="utf-8")
    seeds = _seeds(tmp_path, {})
    (seeds / "link.txt").symlink_to(outside)
    (seeds / "inside-link.txt").symlink_to(seeds / "good.txt")
    result = ingest_seeds(seeds)
    files = {a.source_file for a in result.articles}
    assert "link.txt" not in files
    assert any(p.file == "link.txt" and "outside" in str(p) for p in result.problems)
    assert "good.txt" in files


def test_ids_do_not_change_when_an_unrelated_seed_is_added(tmp_path: Path) -> None:
    from generator.analyse.article import analyse_articles
    from generator.analyse.topic_model import load_topic_model
    from generator.analyse.topics import load_taxonomy

    seeds = _seeds(tmp_path, {})
    before = {
        a.raw.source_file: a.id
        for a in analyse_articles(
            ingest_seeds(seeds).articles, taxonomy=load_taxonomy(), topic_model=load_topic_model()
        )
    }
    (seeds / "another.txt").write_text(GOOD.replace("春耕", "防火").replace("某旗", "另一旗"), encoding="utf-8")
    after = {
        a.raw.source_file: a.id
        for a in analyse_articles(
            ingest_seeds(seeds).articles, taxonomy=load_taxonomy(), topic_model=load_topic_model()
        )
    }
    assert after["good.txt"] == before["good.txt"]
