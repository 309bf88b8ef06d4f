"""Run the pipeline's ingest over a labelled set and score it (shared by the gate and report)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from generator.errors import IngestError
from generator.ingest import ingest_seeds
from generator.ingest.tagger import LineTagger, load_tagger
from tests.quality.gold import (
    GOLD_DIR,
    SEEDS_DIR,
    UNSEEN2_GOLD_DIR,
    UNSEEN2_SEEDS_DIR,
    UNSEEN3_GOLD_DIR,
    UNSEEN3_SEEDS_DIR,
    UNSEEN4_GOLD_DIR,
    UNSEEN4_SEEDS_DIR,
    UNSEEN_GOLD_DIR,
    UNSEEN_SEEDS_DIR,
    load_content_lines,
    load_gold_dir,
)
from tests.quality.scoring import FileAlignment, Scores, align, format_report, score

# (label, seeds folder, gold folder): the project's own seeds and four batches of hand-written
# unseen pages. All five are now training material of the line model (`train-splitter`): the
# held-out measure is real text from outlets the model never saw (tests/quality/heldout.py).
LABELLED_SETS: tuple[tuple[str, Path, Path], ...] = (
    ("seeds", SEEDS_DIR, GOLD_DIR),
    ("unseen", UNSEEN_SEEDS_DIR, UNSEEN_GOLD_DIR),
    ("unseen2", UNSEEN2_SEEDS_DIR, UNSEEN2_GOLD_DIR),
    ("unseen3", UNSEEN3_SEEDS_DIR, UNSEEN3_GOLD_DIR),
    ("unseen4", UNSEEN4_SEEDS_DIR, UNSEEN4_GOLD_DIR),
)


@dataclass(frozen=True, slots=True)
class SetResult:
    label: str
    scores: Scores
    alignments: tuple[FileAlignment, ...]
    problems: tuple[IngestError, ...]

    def report(self) -> str:
        """Per-file differences plus any ingest problems, for failure messages."""
        parts = [f"[{self.label}]", format_report(self.alignments)]
        parts.extend(f"  PROBLEM  {p}" for p in self.problems)
        return "\n".join(parts)


@functools.cache
def _tagger() -> LineTagger:
    return load_tagger()


def evaluate(label: str, seeds_dir: Path, gold_dir: Path) -> SetResult:
    """Ingest `seeds_dir` (never strict: a bad file must show up as missed articles) and score."""
    # The splitter the pipeline uses: the line model (generator/data/splitter.crfsuite).
    result = ingest_seeds(seeds_dir, tagger=_tagger())
    alignments = align(
        result.articles,
        load_gold_dir(gold_dir),
        content_lines_by_file=load_content_lines(seeds_dir),
    )
    return SetResult(label, score(alignments), alignments, result.problems)
