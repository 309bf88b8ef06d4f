"""Summaries of real articles from the corpus, against references an editor chose.

    .venv/bin/python benchmarks/summaries/corpus.py

`tests/data/corpus_summary_refs.yml` holds, for 30 corpus articles, the 1-3 sentences an
editor chose as the summary (by index: `p{paragraph}s{sentence}` over
`generator.sentences.split_sentences` of each paragraph), chosen before any summariser
output was seen. The corpus text is read in place (`../shared/corpus`), never copied: the
reference text is rebuilt here from the indices. Text is converted to Simplified script
first, as the pipeline does. Same metric and systems as `run.py`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.summaries.run import SYSTEMS, Article, evaluate, table
from generator.ingest.script import to_simplified
from generator.models import ArticleKind
from generator.sentences import split_sentences
from generator.summarise import SUMMARISERS
from generator.training.corpus import CorpusArticle, corpus_path, load_corpus

REFERENCES = Path(__file__).resolve().parents[2] / "tests" / "data" / "corpus_summary_refs.yml"
_INDEX = re.compile(r"^p(\d+)s(\d+)$")
_KINDS = {"interview": ArticleKind.INTERVIEW, "notice": ArticleKind.NOTICE}


@dataclass(frozen=True, slots=True)
class Reference:
    id: str
    sentences: tuple[tuple[int, int], ...]


def load_references(path: Path = REFERENCES) -> tuple[Reference, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for entry in data["references"]:
        indices = []
        for index in entry["sentences"]:
            match = _INDEX.match(str(index))
            if match is None:
                raise ValueError(f"{path}: {entry['id']}: bad sentence index {index!r}")
            indices.append((int(match.group(1)), int(match.group(2))))
        out.append(Reference(id=str(entry["id"]), sentences=tuple(indices)))
    return tuple(out)


def reference_text(article: CorpusArticle, reference: Reference) -> str:
    """The chosen sentences, in the article's own words (indices over the original script)."""
    sentences = [split_sentences(paragraph) for paragraph in article.paragraphs]
    return to_simplified("".join(sentences[p][s] for p, s in reference.sentences))


def benchmark_articles(references: Sequence[Reference] | None = None) -> tuple[Article, ...]:
    by_id = {a.id: a for a in load_corpus(corpus_path())}
    out = []
    for reference in references or load_references():
        article = by_id[reference.id]
        out.append(
            Article(
                id=reference.id,
                kind=_KINDS.get(article.kind, ArticleKind.ARTICLE),
                paragraphs=tuple(to_simplified(p) for p in article.paragraphs),
                reference=reference_text(article, reference),
            )
        )
    return tuple(out)


def main() -> int:
    articles = benchmark_articles()
    print(table("Corpus articles, editor-chosen sentences", (evaluate(n, SUMMARISERS[n], articles) for n in SYSTEMS)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
