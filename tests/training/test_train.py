"""Training the line tagger: same data, same model; the committed model is what the code trains."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ingest.roles import Boundary, LineRole, label, parse_label
from generator.ingest.tagger import default_model_path, load_tagger
from generator.training.corpus import corpus_path
from generator.training.synth import synthesise
from generator.training.train import document_from_bytes, labelled_sequence, synthetic_sequences, train
from tests.training.fixtures import FIXTURES

needs_corpus = pytest.mark.skipif(not corpus_path().is_file(), reason=f"real-text corpus absent: {corpus_path()}")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_pages_give_the_same_model_file(tmp_path: Path) -> None:
    sequences = synthetic_sequences(synthesise(FIXTURES, seed=1, pages_per_layout=3))
    train(sequences, tmp_path / "a.crfsuite", params={"max_iterations": 30})
    train(sequences, tmp_path / "b.crfsuite", params={"max_iterations": 30})
    assert _digest(tmp_path / "a.crfsuite") == _digest(tmp_path / "b.crfsuite")
    labels = set(load_tagger(tmp_path / "a.crfsuite").labels())
    assert labels <= {label(b, r) for b in Boundary for r in LineRole}


def test_labels_round_trip() -> None:
    for boundary in Boundary:
        for role in LineRole:
            assert parse_label(label(boundary, role)) == (boundary, role)
    with pytest.raises(ValueError):
        parse_label("X-title")


def test_hand_labelled_page_gets_roles_from_its_gold() -> None:
    text = (
        "第05版：要闻\n\n东山县春季植树活动启动\n"
        "本报讯（记者 张明远）日前，东山县举行春季植树活动。\n据了解，今年计划造林一万亩。\n"
    )
    gold = {
        "source_file": "p.txt",
        "articles": [
            {"line_start": 3, "line_end": 5, "title": "东山县春季植树活动启动", "subtitle": None, "kicker": None}
        ],
    }
    sequence = labelled_sequence(document_from_bytes(text.encode(), name="p.txt"), gold)
    assert sequence.labels == ("O-furniture", "B-title", "I-body", "I-body")


def test_the_model_file_is_readable_as_a_package_resource() -> None:
    assert default_model_path().is_file()
    assert "B-title" in load_tagger().labels()


@needs_corpus
def test_the_committed_model_is_what_train_splitter_builds(tmp_path: Path) -> None:
    # Features, synthesiser or training data changed without retraining would make the
    # committed model read features it was not trained on: retrain and compare bytes.
    out = tmp_path / "splitter.crfsuite"
    result = CliRunner().invoke(main, ["train-splitter", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _digest(out) == _digest(default_model_path()), (
        "run `python -m generator train-splitter` and commit the model"
    )
