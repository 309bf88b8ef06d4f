"""Cross-validation of the splitter's line model inside the training outlets (tuning tool).

    .venv/bin/python -m tests.quality.splitter_cv [--folds 3] [--pages 40] [--detail epaper]

Each fold trains a model on synthetic pages of two thirds of the training outlets (and the
hand-labelled pages) and scores pages laid out from the other third; the two sides draw their
furniture phrases from different halves of the training furniture (`train-fit`,
`train-check`), as the test pages draw theirs from furniture training never saw. The test
outlets (`split_by_outlet`'s default salt) are never touched: this is what
changes to features, labels or the synthesiser are judged on before the held-out gate runs.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.cli_training import TRAIN_PAGES_PER_LAYOUT
from generator.ingest.tagger import load_tagger
from generator.training.corpus import corpus_path, load_corpus, split_by_outlet
from generator.training.synth import synthesise
from generator.training.train import labelled_sequences, synthetic_sequences, train
from tests.quality.heldout import HeldOutResult, evaluate_pages
from tests.quality.scoring import Scores, format_table

TRAIN_PAGES = TRAIN_PAGES_PER_LAYOUT  # as the shipped model
TRAIN_SEED = 7
VALIDATION_SEED = 31


def fold_result(k: int, *, pages: int, train_pages: int = TRAIN_PAGES, models: Path | None = None) -> HeldOutResult:
    """Scores of fold `k`. With `models`, the fold's model is kept there and reused when it
    exists (changes after the tagger, in the assembler or the field rules, need no retraining)."""
    training, _ = split_by_outlet(load_corpus(corpus_path()))
    fit_part, validation = split_by_outlet(training, test_share=1 / 3, salt=f"cv-{k}")
    with tempfile.TemporaryDirectory() as tmp:
        model = (models or Path(tmp)) / f"cv-{k}.crfsuite"
        if models is None or not model.is_file():
            synthetic = synthesise(fit_part, seed=TRAIN_SEED, pages_per_layout=train_pages, furniture="train-fit")
            train([*synthetic_sequences(synthetic), *labelled_sequences()], model)
        validation_pages = synthesise(
            validation, seed=VALIDATION_SEED + k, pages_per_layout=pages, furniture="train-check"
        )
        return evaluate_pages(validation_pages, validation, load_tagger(model))


def _summed(parts: Sequence[Scores]) -> Scores:
    """Counts added over folds (F1 and accuracies then follow from the totals)."""
    fields = [f for f in Scores.__dataclass_fields__]
    return Scores(*(sum(getattr(p, f) for p in parts) for f in fields))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--pages", type=int, default=40, help="validation pages per layout and fold")
    parser.add_argument("--models", type=Path, help="keep and reuse the fold models in this folder")
    parser.add_argument("--detail", metavar="LAYOUT", help="print the missed and spurious articles of one layout")
    args = parser.parse_args(argv)
    results = [fold_result(k, pages=args.pages, models=args.models) for k in range(args.folds)]
    by_layout: dict[str, list[Scores]] = {}
    for r in results:
        for name, scores in r.by_layout:
            by_layout.setdefault(name, []).append(scores)
    rows = [(name, _summed(parts)) for name, parts in sorted(by_layout.items())]
    rows.append(("all", _summed([r.overall for r in results])))
    print(format_table(rows))
    if args.detail:
        for r in results:
            for alignment in r.alignments:
                if args.detail in alignment.source_file and (alignment.missed or alignment.spurious):
                    print(alignment.source_file, "missed", len(alignment.missed), "spurious", len(alignment.spurious))


if __name__ == "__main__":
    main()
