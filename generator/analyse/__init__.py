"""Analysis: RawArticle -> AnalysedArticle (ids, regions, topics, figures, keywords, summary)."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from generator.analyse.duplicates import Document, find_duplicates
from generator.analyse.figures import extract_figures
from generator.analyse.keywords import extract_keywords
from generator.analyse.regions import resolve_regions
from generator.analyse.topics import Topic, classify
from generator.models import AnalysedArticle, RawArticle
from generator.summarise import summarise


def article_id(raw: RawArticle) -> str:
    """Stable, URL-safe id: the article date (or `undated`) and a hash of file and text.

    It depends only on the article itself, so adding or removing another seed never
    changes it; it changes when the article's own text changes.
    """
    digest = hashlib.sha1(f"{raw.source_file}\n{raw.body}".encode()).hexdigest()[:10]
    return f"{raw.date or 'undated'}-{digest}"


def analyse_article(raw: RawArticle, *, taxonomy: tuple[Topic, ...]) -> AnalysedArticle:
    """Everything a reader needs at a glance, computed from one article."""
    title = raw.title or ""
    text = f"{title}\n{raw.body}"
    region, mentioned = resolve_regions(text, dateline_place=raw.dateline_place)
    return AnalysedArticle(
        id=article_id(raw),
        raw=raw,
        region=region,
        regions_mentioned=mentioned,
        topics=classify(title, raw.body, taxonomy=taxonomy),
        keywords=extract_keywords(title, raw.body),
        figures=extract_figures(raw.body),
        summary=summarise(raw.paragraphs, kind=raw.kind),
    )


def analyse_articles(raws: tuple[RawArticle, ...], *, taxonomy: tuple[Topic, ...]) -> tuple[AnalysedArticle, ...]:
    """Analyse every article; output sorted newest first, then by id, for stable pages."""
    analysed = [analyse_article(raw, taxonomy=taxonomy) for raw in raws]
    links = find_duplicates([Document(a.id, a.raw.body) for a in analysed])
    analysed = [replace(a, duplicate_of=links.get(a.id)) for a in analysed]
    analysed.sort(key=lambda a: a.id)
    analysed.sort(key=lambda a: a.raw.date or "", reverse=True)
    return tuple(analysed)
