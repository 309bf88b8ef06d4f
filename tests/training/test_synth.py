from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

from generator.ingest.read import decode, split_lines
from generator.ingest.roles import Boundary, LineRole, parse_label
from generator.training.synth import LAYOUTS, SyntheticPage, main, synthesise
from tests.training.fixtures import FIXTURES

_SPACE_RE = re.compile(r"\s+")


@pytest.fixture(scope="module")
def pages() -> tuple[SyntheticPage, ...]:
    return synthesise(FIXTURES, seed=3, pages_per_layout=12)


def _lines(page: SyntheticPage) -> list[str]:
    return [line.text for line in split_lines(page.text)]


def test_determinism() -> None:
    first = synthesise(FIXTURES, seed=5, pages_per_layout=3)
    again = synthesise(tuple(reversed(FIXTURES)), seed=5, pages_per_layout=3)
    assert first == again
    assert first != synthesise(FIXTURES, seed=6, pages_per_layout=3)


def test_every_layout_made(pages: tuple[SyntheticPage, ...]) -> None:
    assert [page.layout for page in pages] == [layout for layout in LAYOUTS for _ in range(12)]
    assert len({page.name for page in pages}) == len(pages)


def test_every_article_used(pages: tuple[SyntheticPage, ...]) -> None:
    used = {article.corpus_id for page in pages for article in page.articles}
    assert used == {article.id for article in FIXTURES}


def test_labels_align_with_lines(pages: tuple[SyntheticPage, ...]) -> None:
    for page in pages:
        lines = _lines(page)
        assert len(lines) == len(page.labels), page.name
        for text, tag in zip(lines, page.labels, strict=True):
            assert (tag is None) == (not text.strip()), (page.name, text)
            if tag is not None:
                parse_label(tag)


def test_spans(pages: tuple[SyntheticPage, ...]) -> None:
    for page in pages:
        labels = page.labels
        starts = [article.line_start for article in page.articles]
        assert starts == sorted(starts)
        begins = [number for number, tag in enumerate(labels, 1) if tag and tag.startswith("B-")]
        assert begins == starts, page.name
        for index, article in enumerate(page.articles):
            assert labels[article.line_end - 1] is not None
            assert not labels[article.line_end - 1].startswith("O-")
            following = page.articles[index + 1].line_start if index + 1 < len(page.articles) else len(labels) + 1
            assert article.line_start <= article.line_end < following
            # nothing of this article after its line_end: only O or blank lines until the next one
            for tag in labels[article.line_end : following - 1]:
                assert tag is None or tag.startswith("O-"), (page.name, tag)
        for number, tag in enumerate(labels, 1):
            if tag and not tag.startswith("O-"):
                assert any(a.line_start <= number <= a.line_end for a in page.articles), (page.name, number)


def test_data_round_trips(pages: tuple[SyntheticPage, ...]) -> None:
    encodings = set()
    for page in pages:
        text, _ = decode(page.data, name=page.name)
        assert text.replace("\r\n", "\n") == page.text
        assert len(split_lines(text)) == len(page.labels)
        encodings.add(page.encoding)
    assert "utf-8" in encodings and len(encodings) >= 3


def _article_lines(page: SyntheticPage, index: int) -> list[tuple[str, str]]:
    article = page.articles[index]
    lines = _lines(page)
    return [
        (lines[n - 1], page.labels[n - 1])
        for n in range(article.line_start, article.line_end + 1)
        if page.labels[n - 1] and not page.labels[n - 1].startswith("O-")
    ]


def test_title_lines_join_to_gold_title(pages: tuple[SyntheticPage, ...]) -> None:
    for page in pages:
        for index, article in enumerate(page.articles):
            title_lines = [text for text, tag in _article_lines(page, index) if parse_label(tag)[1] is LineRole.TITLE]
            joined = _SPACE_RE.sub("", "".join(title_lines))
            assert joined == _SPACE_RE.sub("", article.title or ""), page.name


def test_headline_after_body() -> None:
    found = 0
    for page in synthesise(FIXTURES, seed=11, pages_per_layout=30):
        if page.layout != "epaper":
            continue
        for index, article in enumerate(page.articles):
            tags = [parse_label(tag) for _, tag in _article_lines(page, index)]
            roles = [role for _, role in tags]
            if article.title and LineRole.TITLE in roles and roles.index(LineRole.TITLE) > roles.index(LineRole.BODY):
                found += 1
                assert tags[0][0] is Boundary.BEGIN and tags[0][1] in (LineRole.BODY, LineRole.BYLINE)
                assert all(boundary is Boundary.INSIDE for boundary, role in tags if role is LineRole.TITLE)
    assert found


def test_gold_fields(pages: tuple[SyntheticPage, ...]) -> None:
    by_id = {article.id: article for article in FIXTURES}
    for page in pages:
        for article in page.articles:
            source = by_id[article.corpus_id]
            if article.date not in (None, source.date):
                # Dated by the page: a printed header or publish-time line dates what stands under
                # it; without one, the date its neighbours' datelines give.
                neighbours = {other.date for other in page.articles if other is not article}
                assert any(label and label.endswith("-meta") for label in page.labels) or article.date in neighbours
            assert article.byline[: len(source.byline)] == source.byline or article.script != source.script
            assert article.outlet == source.outlet


def test_some_dates_and_traditional_pages() -> None:
    many = synthesise(FIXTURES, seed=2, pages_per_layout=20)
    golds = [article for page in many for article in page.articles]
    assert sum(article.date is not None for article in golds) > len(golds) / 2
    converted = [a for a in golds if a.corpus_id != "test-003" and a.script == "hant"]
    assert converted
    assert any(a.title == "小鎮 櫻桃豐收" for a in converted)


def test_furniture_halves_are_disjoint() -> None:
    def furniture(split: str) -> set[str]:
        found = set()
        for page in synthesise(FIXTURES, seed=4, pages_per_layout=10, furniture=split):
            for text, tag in zip(_lines(page), page.labels, strict=True):
                if tag == "O-furniture" and re.search(r"[\u4e00-\u9fff]", text):
                    found.add(text)
        return found

    to_traditional = opencc.OpenCC("s2t").convert
    corpus_lines = {paragraph for article in FIXTURES for paragraph in article.paragraphs}
    corpus_lines |= {to_traditional(paragraph) for paragraph in corpus_lines}
    shared = (furniture("train") & furniture("test")) - corpus_lines
    assert not shared


def test_rejects_unknown_furniture_split() -> None:
    with pytest.raises(ValueError, match="furniture"):
        synthesise(FIXTURES, seed=1, pages_per_layout=1, furniture="dev")


def test_cli_writes_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "articles.jsonl"
    import json
    from dataclasses import asdict

    corpus.write_text(
        "\n".join(json.dumps(asdict(article), ensure_ascii=False) for article in FIXTURES) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert main(["--seed", "1", "--pages", "2", "--out", str(out), "--corpus", str(corpus)]) == 0
    rows = (out / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 * len(LAYOUTS)
    first = json.loads(rows[0])
    assert (out / first["name"]).read_bytes()
