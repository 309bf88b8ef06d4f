"""The learned topic model: a linear classifier over an article's words and the taxonomy's evidence.

Trained by `python -m generator train-topics` (scikit-learn's logistic regression, see
`generator/training/topics.py`) on real articles from the corpus's training outlets and the
team's labelled seeds; stored as plain JSON (`data/topics_model.json`: vocabulary, idf,
coefficients), so reading it needs no scikit-learn and runs no pickled code.

Features, in this order (the trainer and this module share `topic_words` / `evidence_scores`):

* TF-IDF over the article's words (jieba, through the project's segmenter): sublinear term
  frequency, smoothed idf, L2-normalised, title words counted `TITLE_REPEAT` times. Words the
  training data never saw in two documents are not in the vocabulary and count for nothing.
* `log1p` of each taxonomy topic's evidence score (`topics.score_topics`, the hand-weighted
  term lists), times `hand_weight`: the curated terms stay as features, and as the
  explanation shown to readers next to the words that weighed most.

`predict` mirrors scikit-learn's `TfidfVectorizer` + multinomial `LogisticRegression.predict_proba`;
`tests/training/test_topics_training.py` checks the two agree.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

from generator.analyse.segment import Segmenter
from generator.errors import ConfigError

MODEL_NAME = "topics_model.json"
MODEL_FORMAT = 1
# A headline names the subject: its words count twice (measured: title x2 beat x1 and x3).
TITLE_REPEAT = 2
# Words worth counting: two or more Han characters, or a Latin word (digits and punctuation
# say nothing about a topic, single characters too little).
_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{2,}")


@dataclass(frozen=True)
class TopicModel:
    """A trained model. Arrays are read-only views; rows of the coefficients follow `classes`."""

    classes: tuple[str, ...]
    vocabulary: Mapping[str, int]
    idf: np.ndarray  # (words,)
    word_coef: np.ndarray  # (classes, words)
    evidence_codes: tuple[str, ...]  # taxonomy codes whose evidence scores are features, in order
    evidence_coef: np.ndarray  # (classes, evidence codes)
    evidence_weight: float
    intercept: np.ndarray  # (classes,)
    # Below this probability the best topic is not trusted: the article is filed as `other`.
    other_threshold: float


@dataclass(frozen=True, slots=True)
class TopicPrediction:
    """Probabilities by class (model order) and, per class, the article's words by contribution."""

    probabilities: tuple[tuple[str, float], ...]
    word_contributions: Mapping[str, tuple[tuple[str, float], ...]]

    def best(self) -> tuple[str, float]:
        """The most probable class; ties go to the first code in sorted order."""
        return min(self.probabilities, key=lambda item: (-item[1], item[0]))


def topic_words(title: str, body: str, segmenter: Segmenter) -> tuple[str, ...]:
    """The words the model counts: title words `TITLE_REPEAT` times, then body words."""
    title_words = [w for w in segmenter.cut(title) if _WORD.fullmatch(w)] if title else []
    body_words = [w for w in segmenter.cut(body) if _WORD.fullmatch(w)] if body else []
    return (*title_words * TITLE_REPEAT, *body_words)


def evidence_features(scores: Mapping[str, float], codes: Sequence[str]) -> np.ndarray:
    """`log1p` of each code's evidence score (0 where a code scored nothing), in `codes` order."""
    return np.array([math.log1p(max(scores.get(code, 0.0), 0.0)) for code in codes], dtype=float)


def tfidf_vector(words: Sequence[str], model: TopicModel) -> tuple[np.ndarray, dict[str, float]]:
    """(the L2-normalised TF-IDF vector over the vocabulary, each known word's value)."""
    vector = np.zeros(len(model.idf))
    values: dict[str, float] = {}
    for word, count in sorted(Counter(words).items()):
        column = model.vocabulary.get(word)
        if column is None:
            continue
        value = (1.0 + math.log(count)) * model.idf[column]
        vector[column] = value
        values[word] = value
    norm = float(np.sqrt(vector @ vector))
    if norm > 0:
        vector /= norm
        values = {word: value / norm for word, value in values.items()}
    return vector, values


def predict(model: TopicModel, words: Sequence[str], evidence_scores: Mapping[str, float]) -> TopicPrediction:
    """Class probabilities (softmax of the linear scores) and the words behind each class."""
    vector, values = tfidf_vector(words, model)
    evidence = evidence_features(evidence_scores, model.evidence_codes) * model.evidence_weight
    logits = model.word_coef @ vector + model.evidence_coef @ evidence + model.intercept
    logits = logits - logits.max()
    exp = np.exp(logits)
    probabilities = exp / exp.sum()
    contributions: dict[str, tuple[tuple[str, float], ...]] = {}
    for row, code in enumerate(model.classes):
        scored = ((word, value * float(model.word_coef[row, model.vocabulary[word]])) for word, value in values.items())
        contributions[code] = tuple(sorted(scored, key=lambda item: (-item[1], item[0])))
    return TopicPrediction(
        probabilities=tuple((code, float(p)) for code, p in zip(model.classes, probabilities, strict=True)),
        word_contributions=contributions,
    )


# --- storage ---------------------------------------------------------------------------------

# Decimals kept in the JSON file: enough for identical predictions, few enough that a
# retrain on another BLAS writes the same bytes.
_DECIMALS = 6


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), _DECIMALS) + 0.0 for v in values]  # + 0.0: no "-0.0" in the file


def model_to_json(model: TopicModel) -> str:
    """The model as deterministic JSON text (sorted vocabulary, rounded numbers)."""
    words = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    document = {
        "format": MODEL_FORMAT,
        "classes": list(model.classes),
        "other_threshold": model.other_threshold,
        "evidence_weight": model.evidence_weight,
        "evidence_codes": list(model.evidence_codes),
        "intercept": _rounded(model.intercept),
        "evidence_coef": [_rounded(row) for row in model.evidence_coef],
        "words": words,
        "idf": _rounded(model.idf),
        "word_coef": [_rounded(row) for row in model.word_coef],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def model_from_json(text: str, *, source: str = MODEL_NAME) -> TopicModel:
    """Parse `model_to_json` text; a wrong format or inconsistent shapes raise ConfigError."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        if data.get("format") != MODEL_FORMAT:
            raise ConfigError(f"{source}: unknown model format {data.get('format')!r}")
        classes = tuple(data["classes"])
        words = list(data["words"])
        idf = np.array(data["idf"], dtype=float)
        word_coef = np.array(data["word_coef"], dtype=float).reshape(len(classes), len(words))
        codes = tuple(data["evidence_codes"])
        evidence_coef = np.array(data["evidence_coef"], dtype=float).reshape(len(classes), len(codes))
        intercept = np.array(data["intercept"], dtype=float)
        if idf.shape != (len(words),) or intercept.shape != (len(classes),):
            raise ValueError("idf or intercept does not match the vocabulary or classes")
        model = TopicModel(
            classes=classes,
            vocabulary={word: column for column, word in enumerate(words)},
            idf=idf,
            word_coef=word_coef,
            evidence_codes=codes,
            evidence_coef=evidence_coef,
            evidence_weight=float(data["evidence_weight"]),
            intercept=intercept,
            other_threshold=float(data["other_threshold"]),
        )
    except ConfigError:
        raise
    except (KeyError, TypeError, ValueError) as error:
        raise ConfigError(f"{source}: not a topic model ({error})") from error
    for array in (model.idf, model.word_coef, model.evidence_coef, model.intercept):
        array.setflags(write=False)
    return model


def load_topic_model() -> TopicModel:
    """The shipped model (`generator/data/topics_model.json`). Callers load it once and pass it on."""
    text = resources.files("generator.data").joinpath(MODEL_NAME).read_text(encoding="utf-8")
    return model_from_json(text)
