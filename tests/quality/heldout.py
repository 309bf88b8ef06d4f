"""Splitter quality on real text from outlets the model never saw (issue: a trained splitter).

The real-text corpus (`../shared/corpus/articles.jsonl`) is split by outlet
(`generator.training.corpus.split_by_outlet`); only the *test* outlets' articles are laid out
here as raw pages (`generator.training.synth`, with the furniture phrase pools the training
pages never draw from), cut by the pipeline, and scored against the gold the synthesiser
knows by construction, with the same scorer as the hand-labelled sets (`scoring.py`).

Gold conventions that differ from the corpus file, and why:
* byline: the corpus lists editors (`责编`, `编辑：`) with the authors; the digest's byline is
  the authors, so a name that the article prints only on editor-credit lines is left out.
* title: compared in Simplified script (the pipeline shows Traditional titles in Simplified).
* date: the corpus date where the page prints evidence for it, else None (the synthesiser
  decides); None == None counts as correct, as on the hand-labelled sets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.ingest import corpus_year
from generator.ingest.datelines import compact, editor_credit_names
from generator.ingest.script import to_simplified
from generator.ingest.split import split_document
from generator.ingest.tagger import LineTagger
from generator.training.corpus import CorpusArticle, corpus_path, load_corpus, split_by_outlet
from generator.training.synth import SyntheticPage, synthesise
from generator.training.train import document_from_bytes
from tests.quality.scoring import FileAlignment, GoldArticle, Scores, align, content_line_numbers, score

# Test pages: a fixed seed, distinct from the training command's, and the held-out furniture.
TEST_SEED = 20261202
TEST_PAGES_PER_LAYOUT = 40
# The corpus's kinds in the digest's vocabulary (`ArticleKind`): briefs and commentaries are articles.
_KINDS = {"photo": "photo-story", "brief": "article", "commentary": "article"}


def author_names(article: CorpusArticle) -> tuple[str, ...]:
    """The corpus byline without the names it prints only on editor-credit lines."""
    editors = compact("".join(p for p in article.paragraphs if editor_credit_names(p) is not None))
    others = compact(
        "".join((article.dateline or "", *(p for p in article.paragraphs if editor_credit_names(p) is None)))
    )
    return tuple(n for n in article.byline if not (compact(n) in editors and compact(n) not in others))


def _gold(page: SyntheticPage, by_id: dict[str, CorpusArticle]) -> list[GoldArticle]:
    out = []
    lines = page.text.split("\n")
    for gold in page.articles:
        source = by_id[gold.corpus_id]
        # Only names the page prints inside the article can be read off it: the synthesiser
        # sometimes writes a lead without its reporters (`本报讯：`), and a name that is not
        # on the page is no error of the reader's.
        printed = compact(to_simplified("".join(lines[gold.line_start - 1 : gold.line_end])))
        names = {name for n in author_names(source) if (name := compact(to_simplified(n))) in printed}
        out.append(
            GoldArticle(
                source_file=page.name,
                line_start=gold.line_start,
                line_end=gold.line_end,
                title=to_simplified(gold.title) if gold.title else None,
                byline=tuple(to_simplified(n) for n in gold.byline if compact(to_simplified(n)) in names),
                date=gold.date,
                kind=_KINDS.get(gold.kind, gold.kind),
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class HeldOutResult:
    by_layout: tuple[tuple[str, Scores], ...]
    overall: Scores
    alignments: tuple[FileAlignment, ...]
    pages: int


def evaluate_pages(
    pages: Sequence[SyntheticPage], corpus: Iterable[CorpusArticle], tagger: LineTagger | None
) -> HeldOutResult:
    """Cut every page with `tagger` (None: the hand rules) and score it per layout."""
    by_id = {a.id: a for a in corpus}
    per_layout: dict[str, list[FileAlignment]] = defaultdict(list)
    docs = [document_from_bytes(page.data, name=page.name) for page in pages]
    # As `ingest_seeds` does: a page that never writes its year takes the year most pages state.
    year = corpus_year(docs)
    for page, doc in zip(pages, docs, strict=True):
        predicted = split_document(doc, default_year=year, tagger=tagger)
        alignment = align(
            predicted,
            _gold(page, by_id),
            content_lines_by_file={page.name: content_line_numbers(doc_text(page))},
        )
        per_layout[page.layout].extend(alignment)
    every = [a for layout in sorted(per_layout) for a in per_layout[layout]]
    return HeldOutResult(
        by_layout=tuple((layout, score(per_layout[layout])) for layout in sorted(per_layout)),
        overall=score(every),
        alignments=tuple(every),
        pages=len(pages),
    )


def doc_text(page: SyntheticPage) -> str:
    return page.text


def held_out_pages(
    *, seed: int = TEST_SEED, pages_per_layout: int = TEST_PAGES_PER_LAYOUT
) -> tuple[tuple[SyntheticPage, ...], tuple[CorpusArticle, ...]]:
    """Pages laid out from the test outlets only, with the held-out furniture."""
    corpus = load_corpus(corpus_path())
    _train, test = split_by_outlet(corpus)
    return synthesise(test, seed=seed, pages_per_layout=pages_per_layout, furniture="test"), test
