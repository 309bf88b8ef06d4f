"""Subject-region accuracy on real text: the corpus's `province` / `city` labels.

    .venv/bin/python -m tests.quality.region_eval             # the training outlets (tuning set)
    .venv/bin/python -m tests.quality.region_eval --heldout   # the test outlets

Each corpus article is written out as a plain file (headline, dateline lead, paragraphs), cut
by the shipped splitter and resolved by `analyse_articles` as a one-file seed, so the dateline
place, the title and the text reach the region resolver as they do in a build. A label of no
city (a province-wide or national story) must be matched by no city; no province (a national
story) by no province.

By default each article also carries its outlet's name (the corpus `outlet`, without its repost
note), as a seed's sidecar `outlet:` or the page header gives it in a build; `--no-outlet`
scores the text alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from generator.analyse.article import analyse_articles
from generator.analyse.topic_model import TopicModel, load_topic_model
from generator.analyse.topics import Topic, load_taxonomy
from generator.ingest.script import to_simplified
from generator.ingest.split import split_document
from generator.ingest.tagger import LineTagger, load_tagger
from generator.models import Region
from generator.training.corpus import CorpusArticle, corpus_path, load_corpus, outlet_key, split_by_outlet
from generator.training.train import document_from_bytes


@dataclass(frozen=True, slots=True)
class RegionResult:
    id: str
    gold_province: str | None
    gold_city: str | None
    province: str | None
    city: str | None


def plain_file(article: CorpusArticle) -> str:
    """The article as a plain seed: headline, blank line, paragraphs (dateline lead in front)."""
    paragraphs = list(article.paragraphs)
    if article.dateline and paragraphs and article.dateline not in paragraphs[0]:
        paragraphs[0] = f"{article.dateline}　{paragraphs[0]}"
    head = [article.title] if article.title else []
    return "\n\n".join([*head, *paragraphs]) + "\n"


@dataclass(frozen=True, slots=True)
class Models:
    """What cutting and analysing an article needs, loaded once per evaluation."""

    tagger: LineTagger
    taxonomy: tuple[Topic, ...]
    topic_model: TopicModel


def load_models() -> Models:
    return Models(tagger=load_tagger(), taxonomy=load_taxonomy(), topic_model=load_topic_model())


def predicted_region(article: CorpusArticle, models: Models, *, with_outlet: bool = True) -> Region:
    doc = document_from_bytes(plain_file(article).encode("utf-8"), name=f"{article.id}.txt")
    raws = split_document(doc, tagger=models.tagger)
    if not raws:
        return Region()
    if with_outlet:
        raws = tuple(replace(raw, outlet=to_simplified(outlet_key(article.outlet))) for raw in raws)
    analysed = analyse_articles(raws, taxonomy=models.taxonomy, topic_model=models.topic_model)
    longest = max(analysed, key=lambda a: len(a.raw.body))
    return longest.region


def results(articles: Iterable[CorpusArticle], *, with_outlet: bool = True) -> list[RegionResult]:
    models = load_models()
    out = []
    for article in articles:
        region = predicted_region(article, models, with_outlet=with_outlet)
        out.append(
            RegionResult(
                id=article.id,
                gold_province=to_simplified(article.province) if article.province else None,
                gold_city=to_simplified(article.city) if article.city else None,
                province=region.province,
                city=region.city,
            )
        )
    return out


def accuracies(rows: Sequence[RegionResult]) -> tuple[float, float]:
    """(province accuracy, city accuracy); a city counts only with its province right."""
    n = len(rows) or 1
    province = sum(r.province == r.gold_province for r in rows) / n
    city = sum(r.province == r.gold_province and r.city == r.gold_city for r in rows) / n
    return province, city


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="score the test outlets")
    parser.add_argument("--no-outlet", action="store_true", help="the text alone, no outlet name")
    args = parser.parse_args(argv)
    train, test = split_by_outlet(load_corpus(corpus_path()))
    rows = results(test if args.heldout else train, with_outlet=not args.no_outlet)
    province, city = accuracies(rows)
    print(f"articles {len(rows)}  province {province:.3f}  city {city:.3f}")
    for r in rows:
        if (r.province, r.city) != (r.gold_province, r.gold_city):
            print(f"  {r.id}: {r.province} / {r.city}  (gold {r.gold_province} / {r.gold_city})")


if __name__ == "__main__":
    main()
