"""Quality gate on real text from outlets the splitter never saw (needs ../shared/corpus).

The corpus is split by outlet; the model is trained on the training outlets only
(`python -m generator train-splitter`), and these pages are laid out from the test outlets'
articles with the furniture phrases training never draws from (`tests/quality/heldout.py`).
The pins are the minimums CI enforces (the numbers reached are in BENCHMARKS.md); they may
only be raised. The issue's targets (F1 0.95, title/date/byline 0.90) are above some of them:
see BENCHMARKS.md for where the model stands.

Skipped only when the corpus is absent (a fork without `../shared`); CI here has it.
"""

from __future__ import annotations

import pytest

from generator.ingest.tagger import load_tagger
from generator.training.corpus import corpus_path
from tests.quality.heldout import HeldOutResult, evaluate_pages, held_out_pages
from tests.quality.scoring import format_table

# Reached when pinned (2026-12-03, seventh session, same pages as the fifth): F1 0.884, title
# 0.759, byline 0.697, date 0.792 (the sixth session: 0.871 / 0.748 / 0.671 / 0.773). The fifth session
# reached 0.864 / 0.741 / 0.663 / 0.766 on these pages; the fourth session's code and model
# 0.879 / 0.737 / 0.646 / 0.762.
MIN_SEGMENTATION_F1 = 0.88
MIN_TITLE_ACCURACY = 0.75
MIN_BYLINE_ACCURACY = 0.69
MIN_DATE_ACCURACY = 0.79

pytestmark = pytest.mark.skipif(not corpus_path().is_file(), reason=f"real-text corpus absent: {corpus_path()}")


@pytest.fixture(scope="module")
def held_out() -> HeldOutResult:
    pages, articles = held_out_pages()
    result = evaluate_pages(pages, articles, load_tagger())
    print("\n" + format_table([*result.by_layout, ("all", result.overall)]))
    return result


def test_held_out_outlets_meet_the_pins(held_out: HeldOutResult) -> None:
    s = held_out.overall
    checks = (
        ("segmentation F1", s.f1, MIN_SEGMENTATION_F1),
        ("title accuracy", s.title_accuracy, MIN_TITLE_ACCURACY),
        ("byline accuracy", s.byline_accuracy, MIN_BYLINE_ACCURACY),
        ("date accuracy", s.date_accuracy, MIN_DATE_ACCURACY),
    )
    failed = [f"{name} {got:.3f} < {pin:.2f}" for name, got, pin in checks if got < pin]
    assert not failed, "; ".join(failed) + "\n" + format_table([*held_out.by_layout, ("all", s)])


def test_every_layout_is_measured(held_out: HeldOutResult) -> None:
    assert {layout for layout, _ in held_out.by_layout} == {"epaper", "web", "multiweb", "plain", "oneline"}
    assert held_out.overall.gold_count >= 200
