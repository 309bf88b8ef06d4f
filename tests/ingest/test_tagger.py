"""The line tagger's decoding: the best label path, and article starts by posterior on pages of several stories."""

from __future__ import annotations

from collections.abc import Sequence

from generator.ingest.line_features import page_lines
from generator.ingest.roles import Boundary, LineRole
from generator.ingest.tagger import START_POSTERIOR, LineTagger

_LABELS = ("B-body", "B-column", "B-title", "I-body", "I-title")


class _FakeCRF:
    """A CRFsuite tagger with a fixed best path and fixed chances of each label per line."""

    def __init__(self, best: Sequence[str], chances: dict[int, dict[str, float]]) -> None:
        self.best = list(best)
        self.chances = chances

    def tag(self, _features: object) -> list[str]:
        return self.best

    def labels(self) -> list[str]:
        return list(_LABELS)

    def marginal(self, label: str, position: int) -> float:
        return self.chances.get(position, {}).get(label, 0.0)


def _tagger(best: Sequence[str], chances: dict[int, dict[str, float]]) -> LineTagger:
    tagger = LineTagger.__new__(LineTagger)
    tagger._tagger = _FakeCRF(best, chances)  # type: ignore[assignment]
    return tagger


def _page(count: int) -> tuple:
    return page_lines([(n, f"第{n}行的文字。") for n in range(1, count + 1)])


_SEVERAL = ["B-title", "I-body", "B-title", "I-body", "B-title", "I-body", "I-title", "I-body"]
_LIKELY_HEADLINE = {6: {"B-title": START_POSTERIOR + 0.1, "I-title": 0.5}}


def test_a_likely_headline_start_opens_a_story_on_a_page_of_several() -> None:
    labels = _tagger(_SEVERAL, _LIKELY_HEADLINE).tag(_page(8))
    assert labels[6] == (Boundary.BEGIN, LineRole.TITLE)
    assert [b for b, _ in labels].count(Boundary.BEGIN) == 4


def test_an_unlikely_start_keeps_the_best_path() -> None:
    chances = {6: {"B-title": START_POSTERIOR - 0.1, "I-title": 0.9}}
    labels = _tagger(_SEVERAL, chances).tag(_page(8))
    assert labels[6] == (Boundary.INSIDE, LineRole.TITLE)


def test_a_start_whose_likeliest_label_is_body_text_keeps_the_best_path() -> None:
    chances = {6: {"B-body": 0.3, "B-title": 0.2, "I-title": 0.5}}
    assert _tagger(_SEVERAL, chances).tag(_page(8))[6] == (Boundary.INSIDE, LineRole.TITLE)


def test_a_single_story_page_keeps_its_intertitles() -> None:
    best = ["B-title", "I-body", "I-body", "I-title", "I-body"]
    labels = _tagger(best, {3: {"B-title": 0.9}}).tag(_page(5))
    assert labels[3] == (Boundary.INSIDE, LineRole.TITLE)
