"""Long or repetitive inputs: bounded work in the summariser, no crash on repeated articles.

No test measures time: work is counted (similarity computations) or the run must simply end.
"""

from __future__ import annotations

import pytest

import generator.summarise as summarise_module
from generator.analyse.article import analyse_articles, unique_ids
from generator.analyse.topics import load_taxonomy
from generator.models import ArticleKind, RawArticle, SourceFormat
from generator.summarise import GRAPH_LIMIT, candidates, summarise, textrank

PARAGRAPH = "本报讯 重点工业企业全部复工复产，税务局推行非接触式办税。全区疫情防控不放松，春耕生产有序推进。"


def test_textrank_ranks_at_most_graph_limit_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    items = candidates((PARAGRAPH,) * (GRAPH_LIMIT + 200))
    assert len(items) > 2 * GRAPH_LIMIT
    calls = 0
    real = summarise_module.similarity

    def counting(a: frozenset[str], b: frozenset[str]) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(summarise_module, "similarity", counting)
    scores = textrank(items)
    assert len(scores) == len(items)
    assert calls <= GRAPH_LIMIT * GRAPH_LIMIT, calls
    assert set(scores[GRAPH_LIMIT:]) == {0.0}
    assert max(scores[:GRAPH_LIMIT]) == 1.0


def test_textrank_below_the_limit_is_unchanged() -> None:
    items = candidates((PARAGRAPH,) * 10)
    capped = textrank(items)
    assert len(capped) == len(items) and max(capped) == 1.0


def test_a_very_long_article_is_summarised_from_its_text() -> None:
    paragraphs = (PARAGRAPH,) * 5_000  # about 250,000 characters, 10,000 sentences
    summary = summarise(paragraphs)
    assert 1 <= len(summary) <= 3
    assert all(sentence in PARAGRAPH for sentence in summary)


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["a", "b"], ("a", "b")),
        (["a", "a", "a"], ("a", "a-2", "a-3")),
        (["a-2", "a", "a"], ("a-2", "a", "a-3")),
    ],
)
def test_unique_ids_number_repeats(ids: list[str], expected: tuple[str, ...]) -> None:
    assert unique_ids(ids) == expected


def test_a_page_printing_one_article_twice_gives_two_articles() -> None:
    raw = RawArticle(
        source_file="twice.txt",
        line_start=1,
        line_end=3,
        format=SourceFormat.NEWSPAPER_PAGE,
        kind=ArticleKind.ARTICLE,
        title="某旗扎实做好春耕备耕",
        subtitle=None,
        paragraphs=(PARAGRAPH, "截至目前，全旗已储备化肥1.2万吨、种子800吨，能够满足春播需要。"),
    )
    analysed = analyse_articles((raw, raw), taxonomy=load_taxonomy())
    ids = [a.id for a in analysed]
    assert len(set(ids)) == 2 and ids[0].removesuffix("-2") == ids[1].removesuffix("-2")
