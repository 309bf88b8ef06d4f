"""Train the line tagger: `python -m generator train-splitter`.

Training data, all turned into (features, labels) sequences exactly as the pipeline sees a
page (decode -> numbered lines -> per-line cleaning -> `line_features`):

* synthetic pages (`generator.training.synth`) laid out from the real-text corpus's
  *training* outlets only (`corpus.split_by_outlet`): the test outlets never reach the model;
* the project's hand-labelled pages (the seeds and the four hand-written unseen batches), with
  line roles derived from their gold ranges and titles (`labelled_sequence`). They were
  written in the seeds' layouts by the team; the honest held-out measure is real text from
  outlets the model never saw (`tests/quality/heldout.py`).

The same data and parameters give the same model file, byte for byte (CRFsuite's L-BFGS is
deterministic; sequences are appended in a fixed order).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite
import yaml

from generator.config import project_root
from generator.ingest.clean import clean_line
from generator.ingest.clean_web import header_fields, is_site_furniture
from generator.ingest.datelines import compact, credit_line_names, editor_credit_names
from generator.ingest.line_features import Features, line_features
from generator.ingest.marks import strip_marks
from generator.ingest.metadata import parse_iso_date
from generator.ingest.read import document_from_bytes
from generator.ingest.roles import Boundary, LineRole, label
from generator.ingest.script import to_simplified
from generator.ingest.split import tagger_input
from generator.models import SourceDocument

# L1 keeps the model small and drops features that never help; L2 smooths the rest.
TRAINING_PARAMS = {"c1": 0.2, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}
LABELLED_SETS = ("labelled", "unseen", "unseen2", "unseen3", "unseen4")


@dataclass(frozen=True, slots=True)
class Sequence_:
    """One page as the CRF sees it."""

    name: str
    features: tuple[Features, ...]
    labels: tuple[str, ...]


def page_sequence(doc: SourceDocument, labels_by_line: dict[int, str]) -> Sequence_:
    lines = tagger_input(doc)
    features = line_features(lines, layout=doc.format.value)
    labels = tuple(labels_by_line.get(line.number, label(Boundary.OUTSIDE, LineRole.FURNITURE)) for line in lines)
    return Sequence_(doc.name, tuple(features), labels)


def synthetic_sequences(pages: Iterable[object]) -> list[Sequence_]:
    """Sequences of synthetic pages (`synth.SyntheticPage`): gold labels by construction."""
    out = []
    for page in pages:
        doc = document_from_bytes(page.data, name=page.name)  # type: ignore[attr-defined]
        gold = {number: text for number, text in enumerate(page.labels, start=1) if text}  # type: ignore[attr-defined]
        out.append(page_sequence(doc, gold))
    return out


# --- hand-labelled pages: roles derived from gold ranges and titles -----------------------


def _within(text: str, whole: str | None) -> bool:
    part = compact(to_simplified(strip_marks(text).text))
    return bool(part) and whole is not None and part in compact(whole)


_WEB_META_RE = re.compile(r"^\s*(?:核心提示|原标题|导读|摘要|内容提要)\s*[:：]")


def _holds(text: str, whole: str | None) -> bool:
    """The line prints the whole of `whole` plus a little (a channel prefix `XX频道:`)."""
    line = compact(to_simplified(text))
    return (
        whole is not None and bool(compact(whole)) and compact(whole) in line and len(line) <= len(compact(whole)) + 16
    )


def _role_in_article(text: str, article: dict[str, object], body_started: bool) -> LineRole:
    plain = text.strip()
    if header_fields(plain) or _WEB_META_RE.match(plain):
        return LineRole.META
    if not body_started:
        if _within(plain, article.get("kicker")):  # type: ignore[arg-type]
            return LineRole.KICKER
        if _within(plain, article.get("subtitle")):  # type: ignore[arg-type]
            return LineRole.SUBTITLE
    title = article.get("title")
    if (_within(plain, title) and len(compact(plain)) <= 40) or _holds(plain, title):  # type: ignore[arg-type]
        return LineRole.TITLE
    if editor_credit_names(plain) is not None or credit_line_names(plain) is not None:
        return LineRole.BYLINE
    marks = strip_marks(plain)
    if (marks.continues_to or marks.continued_from or marks.end_mark) and not compact(marks.text):
        return LineRole.MARK
    return LineRole.BODY


def _role_outside(text: str, captions: Sequence[str]) -> LineRole:
    if is_site_furniture(text):
        return LineRole.FURNITURE
    flat = compact(to_simplified(text))
    if flat and any(flat in compact(c) for c in captions):
        return LineRole.CAPTION
    if header_fields(text) or parse_iso_date(text):
        return LineRole.META
    return LineRole.FURNITURE


def labelled_sequence(doc: SourceDocument, gold: dict[str, Any]) -> Sequence_:
    """Labels for a hand-labelled page: B/I inside each gold range, O outside."""
    texts = {line.number: clean_line(line.text) for line in doc.lines}
    articles: list[dict[str, Any]] = list(gold["articles"])
    captions = [str(c) for a in articles for c in a.get("captions") or ()]
    by_line: dict[int, str] = {}
    for article in articles:
        start, end = int(article["line_start"]), int(article["line_end"])  # type: ignore[call-overload]
        body_started = False
        first = True
        for number in range(start, end + 1):
            text = texts.get(number, "")
            if not text.strip() or is_site_furniture(text):
                continue  # a tool bar inside the article's range is still the site's
            role = _role_in_article(text, article, body_started)
            body_started = body_started or role is LineRole.BODY
            by_line[number] = label(Boundary.BEGIN if first else Boundary.INSIDE, role)
            first = False
    for number, text in texts.items():
        if text.strip() and number not in by_line:
            by_line[number] = label(Boundary.OUTSIDE, _role_outside(text, captions))
    return page_sequence(doc, by_line)


def labelled_dirs(name: str) -> tuple[Path, Path]:
    data = project_root() / "tests" / "data" / name
    return data / "seeds", data / "gold"


def labelled_sequences(names: Sequence[str] = LABELLED_SETS) -> list[Sequence_]:
    out = []
    for set_name in names:
        seeds, gold_dir = labelled_dirs(set_name)
        for gold_file in sorted(gold_dir.glob("*.yml")):
            gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
            source = seeds / gold["source_file"]
            if source.suffix.lower() not in (".txt",):
                continue  # extracted HTML lines are not the file's lines
            doc = document_from_bytes(source.read_bytes(), name=f"{set_name}/{gold['source_file']}")
            out.append(labelled_sequence(doc, gold))
    return out


def train(sequences: Sequence[Sequence_], model_path: Path, *, params: dict[str, object] | None = None) -> None:
    """Fit a CRF on `sequences` and write it to `model_path` (deterministic)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for sequence in sequences:
        trainer.append(pycrfsuite.ItemSequence(list(sequence.features)), list(sequence.labels))
    trainer.set_params(dict(TRAINING_PARAMS, **(params or {})))
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


__all__ = [
    "LABELLED_SETS",
    "TRAINING_PARAMS",
    "Sequence_",
    "document_from_bytes",
    "labelled_sequence",
    "labelled_sequences",
    "page_sequence",
    "synthetic_sequences",
    "tagger_input",
    "train",
]
