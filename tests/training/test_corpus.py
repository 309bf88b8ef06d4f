from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from generator.ingest.roles import LineRole
from generator.training.corpus import (
    CORPUS_ENV,
    corpus_path,
    load_corpus,
    outlet_key,
    paragraph_role,
    paragraph_roles,
    split_by_outlet,
)
from tests.training.fixtures import FIXTURES, make_article


@pytest.mark.parametrize(
    ("outlet", "key"),
    [
        ("测试日报 (repost on example.invalid)", "测试日报"),
        ("示例网（转载）", "示例网"),
        ("样例晚报", "样例晚报"),
        ("  样例晚报 [mirror] ", "样例晚报"),
    ],
)
def test_outlet_key(outlet: str, key: str) -> None:
    assert outlet_key(outlet) == key


def test_load_corpus_reads_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    rows = [{**asdict(article), "byline": list(article.byline)} for article in FIXTURES[:2]]
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
    loaded = load_corpus(path)
    assert loaded == FIXTURES[:2]
    assert isinstance(loaded[0].paragraphs, tuple)


def test_load_corpus_missing_names_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(FileNotFoundError, match=r"nope\.jsonl"):
        load_corpus(missing)


def test_corpus_path_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CORPUS_ENV, str(tmp_path / "x.jsonl"))
    assert corpus_path() == tmp_path / "x.jsonl"
    monkeypatch.delenv(CORPUS_ENV)
    assert corpus_path().parts[-3:] == ("shared", "corpus", "articles.jsonl")


def _check_split(articles: tuple) -> None:
    train, test = split_by_outlet(articles)
    assert len(train) + len(test) == len(articles)
    assert not {outlet_key(a.outlet) for a in train} & {outlet_key(a.outlet) for a in test}
    assert split_by_outlet(articles) == (train, test)


def test_split_by_outlet_fixtures() -> None:
    many = tuple(make_article(id=f"t-{n}", outlet=f"样例{n % 7}报 (repost {n})") for n in range(40))
    _check_split(many)
    train, test = split_by_outlet(many, test_share=0.0)
    assert not test and len(train) == 40
    train, test = split_by_outlet(many, test_share=1.0)
    assert not train and len(test) == 40


def test_split_by_outlet_real_corpus() -> None:
    path = corpus_path()
    if not path.is_file():
        pytest.skip(f"corpus not present at {path}")
    articles = load_corpus(path)
    _check_split(articles)
    train, test = split_by_outlet(articles)
    assert train and test


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("(责编:某甲、某乙)", LineRole.BYLINE),
        ("编辑:某丙  审核:某丁", LineRole.BYLINE),
        ("样例社记者 某戊 摄", LineRole.BYLINE),
        ("本报记者 某己 某庚", LineRole.BYLINE),
        ("20200101-DSC0001.JPG", LineRole.FURNITURE),
        ("【纠错】 责任编辑: 某辛", LineRole.FURNITURE),
        ("《 样例日报 》( 2020年01月02日 04 版)", LineRole.META),
        ("来源:样例网", LineRole.META),
        ("(完)", LineRole.MARK),
        ("(下转第三版)", LineRole.MARK),
        ("■上接第1版", LineRole.MARK),
        ("今天天气很好,市民纷纷出门踏青。", LineRole.BODY),
    ],
)
def test_paragraph_role(text: str, role: LineRole) -> None:
    assert paragraph_role(text) is role


def test_paragraph_roles_captions() -> None:
    article = FIXTURES[0]
    assert paragraph_roles(article) == (LineRole.BODY, LineRole.BODY, LineRole.CAPTION, LineRole.MARK)
    spaced = make_article(paragraphs=("果农在果园里 采摘樱桃。丙丁摄",), captions=("果农在果园里采摘樱桃。 丙丁 摄",))
    assert paragraph_roles(spaced) == (LineRole.CAPTION,)
