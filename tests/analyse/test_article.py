"""Article ids: from the source alone, so corrections and analysis never move a page."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.analyse.article import analyse_articles, article_id, source_slug
from generator.analyse.topic_model import load_topic_model
from generator.analyse.topics import Topic, load_taxonomy
from generator.ingest import ingest_seeds
from generator.ingest.tagger import load_tagger
from generator.models import ArticleKind, DateBasis, SourceFormat
from tests.raw_articles import make_raw

URL_SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

SEED = """内蒙古自治区加快企业复工复产

本报讯 全区重点工业企业已全部复工复产，规模以上工业企业复工率达到百分之九十以上。
自治区工业和信息化厅负责人说，下一步将继续帮助企业解决用工、资金和原材料等困难。
"""

RAW = make_raw(
    ("全区重点工业企业已全部复工复产。",),
    source_file="005_report.txt",
    title="加快企业复工复产",
    fmt=SourceFormat.PLAIN,
    line_end=4,
)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("003_f2e52fa04076f08f.txt", "003-f2e52fa04076f08f"),
        ("Neimenggu Ribao 2020-03-30.html", "neimenggu-ribao-2020-03-30"),
        ("papers/a.b.txt", "papers-a-b"),
        ("../<b>evil</b>.txt", "b-evil-b"),
        ("新闻.txt", ""),
        ("no-suffix", "no-suffix"),
        ("inner-mongolia-daily-front-page-2020-03-30.txt", "inner-mongolia-daily-front-page"),
        ("x" * 40 + ".txt", "x" * 32),
    ],
)
def test_source_slug(name: str, slug: str) -> None:
    assert source_slug(name) == slug


@pytest.mark.parametrize("name", ["003_f2e52fa04076f08f.txt", "新闻.txt", "../<script>.txt", "a b/c d.html"])
def test_ids_are_url_safe_whatever_the_file_name(name: str) -> None:
    assert URL_SAFE.fullmatch(article_id(replace(RAW, source_file=name)))


def test_id_is_the_slug_and_a_hash_of_file_and_text() -> None:
    assert re.fullmatch(r"005-report-[0-9a-f]{10}", article_id(RAW))
    assert re.fullmatch(r"[0-9a-f]{10}", article_id(replace(RAW, source_file="新闻.txt")))


@pytest.mark.parametrize(
    "correction",
    [
        {"date": "2020-02-13", "date_basis": DateBasis.SIDECAR},
        {"outlet": "内蒙古日报"},
        {"title": "另一个标题", "subtitle": "副题", "kicker": "引题"},
        {"dateline_place": "呼和浩特", "byline": ("记者 王磊",)},
        {"kind": ArticleKind.NOTICE, "line_start": 7, "line_end": 9},
    ],
)
def test_metadata_corrections_keep_the_id(correction: dict[str, object]) -> None:
    assert article_id(replace(RAW, **correction)) == article_id(RAW)  # type: ignore[arg-type]


def test_the_source_text_and_name_make_the_id() -> None:
    assert article_id(replace(RAW, paragraphs=("全区重点工业企业已全部复工。",))) != article_id(RAW)
    assert article_id(replace(RAW, source_file="006_report.txt")) != article_id(RAW)


def _ids(seeds: Path) -> list[str]:
    ingested = ingest_seeds(seeds, tagger=load_tagger())
    articles = analyse_articles(ingested.articles, taxonomy=load_taxonomy(), topic_model=load_topic_model())
    return [a.id for a in articles]


def test_a_sidecar_adding_a_date_and_outlet_keeps_the_ids(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "005_report.txt").write_text(SEED, encoding="utf-8")
    before = _ids(seeds)
    sidecar = "date: 2020-02-13\noutlet: 内蒙古日报\npage: 3\nurl: https://example.org/a.html\n"
    (seeds / "005_report.yml").write_text(sidecar, encoding="utf-8")
    after = ingest_seeds(seeds, tagger=load_tagger()).articles
    assert {a.date for a in after} == {"2020-02-13"}  # the sidecar did apply
    assert before and _ids(seeds) == before


def test_analysis_results_do_not_make_the_id(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "005_report.txt").write_text(SEED, encoding="utf-8")
    raws = ingest_seeds(seeds, tagger=load_tagger()).articles
    other_taxonomy = (Topic(code="other", zh="其他", en="Other", hints=("困难",)),)
    model = load_topic_model()
    first = analyse_articles(raws, taxonomy=load_taxonomy(), topic_model=model)
    second = analyse_articles(raws, taxonomy=other_taxonomy, topic_model=model)
    assert first[0].topics != second[0].topics
    assert [a.id for a in first] == [a.id for a in second] == [article_id(r) for r in raws]
