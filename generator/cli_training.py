"""`python -m generator train-splitter`: rebuild the line tagger's model from the corpus."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from generator.cli_support import fail_on_errors
from generator.config import project_root

# Both training commands read the corpus from the same place.
_corpus_option = click.option(
    "--corpus",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="articles.jsonl of the real-text corpus [../shared/corpus/articles.jsonl, env DIGEST_CORPUS].",
)

TRAIN_SEED = 7
# More pages do not generalise: 3-fold CV with validation furniture the fold never saw gave F1
# 0.864 at 120 pages per layout and 0.859 at 480 (with the fold's own furniture, 480 had looked
# better, 0.897 against 0.882: it had learnt the phrases, not the layout).
TRAIN_PAGES_PER_LAYOUT = 120


def default_model_out() -> Path:
    return project_root() / "generator" / "data" / "splitter.crfsuite"


@click.command("train-splitter")
@_corpus_option
@click.option(
    "--out", type=click.Path(dir_okay=False), default=None, help="Model file [generator/data/splitter.crfsuite]."
)
@click.option("--pages", default=TRAIN_PAGES_PER_LAYOUT, show_default=True, help="Synthetic pages per layout.")
@click.option("--seed", default=TRAIN_SEED, show_default=True, help="Seed of the page synthesiser.")
@fail_on_errors
def train_splitter(corpus: str | None, out: str | None, pages: int, seed: int) -> None:
    """Train the splitter's line tagger (a CRF) and write the model file.

    Example: python -m generator train-splitter

    Pages are laid out from the corpus's training outlets only (the test outlets are kept
    for the held-out evaluation), plus the project's hand-labelled pages. The same corpus,
    seed and page count give the same model file, byte for byte.
    """
    from generator.training.corpus import corpus_path, load_corpus, split_by_outlet
    from generator.training.synth import synthesise
    from generator.training.train import labelled_sequences, synthetic_sequences, train

    source = Path(corpus) if corpus else corpus_path()
    articles = load_corpus(source)
    training, held_out = split_by_outlet(articles)
    synthetic = synthesise(training, seed=seed, pages_per_layout=pages, furniture="train")
    sequences = [*synthetic_sequences(synthetic), *labelled_sequences()]
    target = Path(out) if out else default_model_out()
    replace_atomically(target, lambda tmp: train(sequences, tmp))
    lines = sum(len(s.labels) for s in sequences)
    click.echo(
        f"{target}: trained on {len(sequences)} pages ({len(synthetic)} synthetic from {len(training)} articles of "
        f"the training outlets, {len(sequences) - len(synthetic)} hand-labelled), {lines} lines; "
        f"{len(held_out)} articles of other outlets held out"
    )


def default_topic_model_out() -> Path:
    return project_root() / "generator" / "data" / "topics_model.json"


@click.command("train-topics")
@_corpus_option
@click.option(
    "--out", type=click.Path(dir_okay=False), default=None, help="Model file [generator/data/topics_model.json]."
)
@fail_on_errors
def train_topics(corpus: str | None, out: str | None) -> None:
    """Train the topic model (TF-IDF + logistic regression) and write it as JSON.

    Example: python -m generator train-topics

    Learns from the corpus articles of the training outlets (the test outlets are held out,
    as for the splitter) and the team's labelled set tests/data/topics_gold.yml. Needs
    scikit-learn (a development dependency, in requirements-dev.lock). The same data give
    the same file, byte for byte.
    """
    from generator.analyse.segment import load_segmenter
    from generator.analyse.topic_model import model_to_json
    from generator.analyse.topics import load_taxonomy
    from generator.training.corpus import corpus_path, load_corpus, split_by_outlet
    from generator.training.topics import corpus_examples, fit, gold_examples

    training, held_out = split_by_outlet(load_corpus(Path(corpus) if corpus else corpus_path()))
    examples = (*corpus_examples(training), *gold_examples())
    model = fit(examples, taxonomy=load_taxonomy(), segmenter=load_segmenter())
    target = Path(out) if out else default_topic_model_out()
    text = model_to_json(model)
    replace_atomically(target, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"))
    click.echo(
        f"{target}: {len(model.classes)} topics, {len(model.vocabulary)} words, trained on {len(examples)} "
        f"articles ({len(examples) - len(gold_examples())} of the corpus's training outlets, "
        f"{len(gold_examples())} labelled seeds and written examples); {len(held_out)} corpus articles held out"
    )


def replace_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """`write` a file beside `target`, then rename it over the target: a killed run leaves
    the old model in place."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
