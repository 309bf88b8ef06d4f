"""Topic accuracy on real text: held-out outlets (the shipped model) and grouped cross-validation.

    .venv/bin/python -m tests.quality.topic_eval             # CV inside the training outlets
    .venv/bin/python -m tests.quality.topic_eval --heldout   # the test outlets, shipped model

Cross-validation refits the model per fold (outlets and seed files never straddle folds) and is
what parameters were chosen on; the held-out outlets are scored with the committed model and
were never looked at while choosing. `other` counts as wrong in `accuracy`; `answered` is the
accuracy on the articles the model did file under a topic, `coverage` their share.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.analyse.segment import load_segmenter
from generator.analyse.topic_model import TopicModel, load_topic_model
from generator.analyse.topics import OTHER_CODE, Topic, classify, load_taxonomy
from generator.training.corpus import corpus_path, load_corpus, split_by_outlet
from generator.training.topics import LabelledText, corpus_examples, example_inputs, fit, gold_examples, grouped_folds


@dataclass(frozen=True, slots=True)
class TopicScores:
    n: int
    accuracy: float
    coverage: float
    answered: float


def scores(pairs: Sequence[tuple[str, str]]) -> TopicScores:
    """(gold, predicted) pairs -> accuracy, coverage and accuracy where answered."""
    answered = [(g, p) for g, p in pairs if p != OTHER_CODE]
    right = sum(g == p for g, p in pairs)
    return TopicScores(
        n=len(pairs),
        accuracy=right / len(pairs) if pairs else 0.0,
        coverage=len(answered) / len(pairs) if pairs else 0.0,
        answered=right / len(answered) if answered else 0.0,
    )


def predict_all(
    examples: Sequence[LabelledText], model: TopicModel, taxonomy: tuple[Topic, ...]
) -> list[tuple[str, str]]:
    segmenter = load_segmenter()
    return [
        (e.topic, classify(e.title, e.body, taxonomy=taxonomy, model=model, segmenter=segmenter).primary)
        for e in examples
    ]


def heldout_pairs() -> list[tuple[str, str]]:
    """(gold, predicted) for every labelled corpus article of the test outlets, shipped model."""
    _, test = split_by_outlet(load_corpus(corpus_path()))
    return predict_all(corpus_examples(test), load_topic_model(), load_taxonomy())


def cv_pairs(folds: int = 5) -> list[tuple[str, str]]:
    """(gold, predicted) for every training example, each predicted by a model that never saw its group."""
    train, _ = split_by_outlet(load_corpus(corpus_path()))
    examples = [*corpus_examples(train), *gold_examples()]
    taxonomy = load_taxonomy()
    segmenter = load_segmenter()
    words, evidence = example_inputs(examples, taxonomy=taxonomy, segmenter=segmenter)
    out: list[tuple[str, str]] = [("", "")] * len(examples)
    for train_idx, test_idx in grouped_folds([e.group for e in examples], folds):
        model = fit(
            [examples[i] for i in train_idx],
            taxonomy=taxonomy,
            segmenter=segmenter,
            inputs=([words[i] for i in train_idx], evidence[train_idx]),
        )
        for i, pair in zip(test_idx, predict_all([examples[i] for i in test_idx], model, taxonomy), strict=True):
            out[i] = pair
    return out


def report(pairs: Sequence[tuple[str, str]]) -> str:
    """Overall scores, per-topic precision / recall, and the confusion table (gold rows)."""
    overall = scores(pairs)
    lines = [
        f"articles {overall.n}  accuracy {overall.accuracy:.3f}  coverage {overall.coverage:.3f}  "
        f"accuracy where answered {overall.answered:.3f}",
        "",
        "| topic | gold | predicted | right | precision | recall |",
        "|---|---|---|---|---|---|",
    ]
    gold = Counter(g for g, _ in pairs)
    predicted = Counter(p for _, p in pairs)
    right = Counter(g for g, p in pairs if g == p)
    for code in sorted(set(gold) | set(predicted)):
        precision = right[code] / predicted[code] if predicted[code] else 0.0
        recall = right[code] / gold[code] if gold[code] else 0.0
        lines.append(f"| {code} | {gold[code]} | {predicted[code]} | {right[code]} | {precision:.2f} | {recall:.2f} |")
    codes = sorted(set(gold) | set(predicted))
    short = {code: code.split("-")[0][:6] for code in codes}
    lines += [
        "",
        "confusion (rows gold, columns predicted):",
        "| gold \\ predicted | " + " | ".join(short[c] for c in codes) + " |",
    ]
    lines.append("|---" * (len(codes) + 1) + "|")
    confusion = Counter(pairs)
    for g in sorted(gold):
        lines.append(f"| {short[g]} | " + " | ".join(str(confusion[(g, p)] or ".") for p in codes) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="score the test outlets with the shipped model")
    args = parser.parse_args(argv)
    print(report(heldout_pairs() if args.heldout else cv_pairs()))


if __name__ == "__main__":
    main()
