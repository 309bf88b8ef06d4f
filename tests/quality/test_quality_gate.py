"""Quality gate: the splitter's scores on the hand-labelled seeds and unseen pages.

Every set in LABELLED_SETS (seeds, unseen, unseen2, unseen3, unseen4) is held to the same pins.
All five are training material of the splitter's line model now (batch 4 was the rules' last
held-out batch): this gate guards against regressions on the team's own layouts. The held-out
measure is tests/quality/test_heldout_gate.py (real text, outlets the model never saw).
Targets: segmentation F1 >= 0.97, exact titles >= 0.92, bylines and dates >= 0.95.
The pins below are the minimums CI enforces. They may only be raised as the splitter improves;
lowering one needs a visible decision (say why in a comment here and in the commit message).
Run `pytest tests/quality/test_quality_gate.py -s` to see the score table.
"""

from __future__ import annotations

import pytest

from tests.quality.runner import LABELLED_SETS, SetResult, evaluate
from tests.quality.scoring import format_table

MIN_SEGMENTATION_F1 = 0.97
MIN_TITLE_ACCURACY = 0.92
MIN_BYLINE_ACCURACY = 0.95
MIN_DATE_ACCURACY = 0.95
# Not among the brief's targets; pinned by the gold labeller at the level a splitter that follows
# the documented kind rules (tests/data/labelled/gold/README.md) reaches.
MIN_KIND_ACCURACY = 0.90


@pytest.fixture(scope="module", params=LABELLED_SETS, ids=[s[0] for s in LABELLED_SETS])
def result(request: pytest.FixtureRequest) -> SetResult:
    label, seeds, gold = request.param
    evaluated = evaluate(label, seeds, gold)
    print(f"\n{format_table([(label, evaluated.scores)])}")
    return evaluated


def test_quality_gate(result: SetResult) -> None:
    s = result.scores
    checks = (
        ("segmentation F1", s.f1, MIN_SEGMENTATION_F1),
        ("title accuracy", s.title_accuracy, MIN_TITLE_ACCURACY),
        ("byline accuracy", s.byline_accuracy, MIN_BYLINE_ACCURACY),
        ("date accuracy", s.date_accuracy, MIN_DATE_ACCURACY),
        ("kind accuracy", s.kind_accuracy, MIN_KIND_ACCURACY),
    )
    failed = [f"{name} {got:.3f} < {pin:.2f}" for name, got, pin in checks if got < pin]
    if failed:
        # pytrace=False: the table and the per-file differences are the useful part, not the
        # repr of every predicted article.
        pytest.fail(
            f"{result.label}: " + "; ".join(failed) + "\n" + format_table([(result.label, s)]) + "\n" + result.report(),
            pytrace=False,
        )
