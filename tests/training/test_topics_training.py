"""Training the topic model: our reader agrees with scikit-learn; the committed model is what the code trains."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner

from generator.analyse.segment import Segmenter, load_segmenter
from generator.analyse.topic_model import (
    load_topic_model,
    model_from_json,
    model_to_json,
    predict,
    topic_words,
)
from generator.analyse.topics import Topic, load_taxonomy
from generator.cli import main
from generator.cli_training import default_topic_model_out
from generator.errors import ConfigError
from generator.training.corpus import corpus_path
from generator.training.topics import LabelledText, example_inputs, fit

needs_corpus = pytest.mark.skipif(not corpus_path().is_file(), reason=f"real-text corpus absent: {corpus_path()}")

# Small literal examples, two per topic: enough to fit, and to compare readers.
EXAMPLES = (
    LabelledText("企业复工复产", "工厂复工，工人返岗，生产线恢复运转。", "work-resumption", "a"),
    LabelledText("开复工率过半", "重点企业开复工率达到六成，返岗人员陆续到位。", "work-resumption", "b"),
    LabelledText("春耕备耕忙", "农户抓紧春耕，农资供应充足，种子化肥送到田间。", "agriculture-and-livestock", "c"),
    LabelledText("奶牛养殖户", "养殖户饲料充足，牛奶收购恢复，牧民增收。", "agriculture-and-livestock", "d"),
    LabelledText("社区防控", "社区设置卡口，测量体温，登记返乡人员信息。", "epidemic-control", "e"),
    LabelledText("严防输入", "机场车站加强排查，隔离观察密切接触者，做好消毒。", "epidemic-control", "f"),
)


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return load_segmenter()


@pytest.fixture(scope="module")
def taxonomy() -> tuple[Topic, ...]:
    return load_taxonomy()


def test_our_reader_gives_scikit_learns_probabilities(seg: Segmenter, taxonomy: tuple[Topic, ...]) -> None:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    params = {"C": 10.0, "evidence_weight": 0.2, "min_df": 1, "other_threshold": 0.3}
    model = fit(EXAMPLES, taxonomy=taxonomy, segmenter=seg, params=params)
    # The same fit, kept as scikit-learn objects.
    words, evidence = example_inputs(EXAMPLES, taxonomy=taxonomy, segmenter=seg)
    vectorizer = TfidfVectorizer(analyzer=lambda w: w, sublinear_tf=True, min_df=1)
    features = hstack([vectorizer.fit_transform(words), csr_matrix(evidence * 0.2)]).tocsr()
    classifier = LogisticRegression(C=10.0, class_weight="balanced", max_iter=10_000, tol=1e-6)
    classifier.fit(features, [e.topic for e in EXAMPLES])

    probe = LabelledText("工人返岗", "园区企业复工，测量体温后进厂，新词汇不在词表。", "", "")
    (probe_words,), probe_evidence = example_inputs((probe,), taxonomy=taxonomy, segmenter=seg)
    expected = classifier.predict_proba(
        hstack([vectorizer.transform([probe_words]), csr_matrix(probe_evidence * 0.2)]).tocsr()
    )[0]
    scores = {code: float(np.expm1(v)) for code, v in zip(model.evidence_codes, probe_evidence[0], strict=True)}
    ours = dict(predict(model, probe_words, scores).probabilities)
    assert list(model.classes) == list(classifier.classes_)
    assert [ours[c] for c in model.classes] == pytest.approx(list(expected), abs=1e-9)


def test_the_json_file_round_trips(seg: Segmenter, taxonomy: tuple[Topic, ...]) -> None:
    params = {"C": 10.0, "evidence_weight": 0.2, "min_df": 1, "other_threshold": 0.3}
    text = model_to_json(fit(EXAMPLES, taxonomy=taxonomy, segmenter=seg, params=params))
    assert model_to_json(model_from_json(text)) == text
    assert "-0.0," not in text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": 99}', "unknown model format"),
        ("[]", "not a topic model"),
        ('{"format": 1, "classes": ["a"], "words": ["x"], "idf": [1, 2]}', "not a topic model"),
    ],
)
def test_a_broken_model_file_is_a_config_error(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        model_from_json(text, source="m.json")


def test_title_words_count_twice(seg: Segmenter) -> None:
    words = topic_words("复工", "企业复工。", seg)
    assert words.count("复工") == 3
    assert "。" not in words


@needs_corpus
def test_committed_model_is_what_training_writes(tmp_path) -> None:
    out = tmp_path / "topics_model.json"
    result = CliRunner().invoke(main, ["train-topics", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == default_topic_model_out().read_bytes(), (
        "generator/data/topics_model.json is stale: run `python -m generator train-topics` and commit it"
    )
    assert load_topic_model().classes == model_from_json(out.read_text(encoding="utf-8")).classes
