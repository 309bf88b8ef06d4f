"""Print the splitter's quality tables: the hand-labelled pages, and real text from outlets the
line model never saw (model beside the old hand rules).

Usage (from the repository root)::

    .venv/bin/python -m tests.quality.report          # table only
    .venv/bin/python -m tests.quality.report --detail # plus per-file differences
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script (python tests/quality/report.py): make the repository root importable.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.quality.runner import LABELLED_SETS, evaluate
from tests.quality.scoring import format_table


def _held_out() -> None:
    """Real text from outlets the model never saw, per layout: the model beside the old rules."""
    from generator.ingest.tagger import load_tagger
    from generator.training.corpus import corpus_path
    from tests.quality.heldout import evaluate_pages, held_out_pages

    if not corpus_path().is_file():
        print(f"(held-out outlets: corpus absent at {corpus_path()})")
        return
    pages, articles = held_out_pages()
    for name, tagger in (("line model (pipeline)", load_tagger()), ("hand rules (before)", None)):
        result = evaluate_pages(pages, articles, tagger)
        print(f"\nHeld-out outlets, {result.pages} pages, {name}:")
        print(format_table([*result.by_layout, ("all", result.overall)]))


def main(argv: list[str]) -> int:
    """Print the tables (and with --detail the differences); always exit 0: a report, not a gate."""
    results = [evaluate(*labelled) for labelled in LABELLED_SETS]
    print("Hand-labelled pages (training material of the line model):")
    print(format_table([(r.label, r.scores) for r in results]))
    _held_out()
    if "--detail" in argv:
        for r in results:
            print()
            print(r.report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
