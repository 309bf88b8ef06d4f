"""What there is to translate: the segments of articles and of the glossary (pure)."""

from __future__ import annotations

from collections.abc import Iterable

from generator.models import AnalysedArticle
from generator.translate.glossary import Glossary, glossary_terms
from generator.translate.memory import GLOSSARY_PREFIX, Segment


def title_context(article_id: str) -> str:
    """msgctxt of an article's title."""
    return f"{article_id}:title"


def subtitle_context(article_id: str) -> str:
    """msgctxt of an article's subtitle."""
    return f"{article_id}:subtitle"


def summary_context(article_id: str, number: int) -> str:
    """msgctxt of a summary sentence, numbered from 1 in reading order."""
    return f"{article_id}:summary:{number}"


def article_segments(article: AnalysedArticle) -> tuple[Segment, ...]:
    """Title, subtitle and each summary sentence of one article (absent fields skipped)."""
    raw = article.raw
    reference = f"{raw.source_file}:{raw.line_start}"
    out = []
    if raw.title and raw.title.strip():
        out.append(Segment(title_context(article.id), raw.title.strip(), reference))
    if raw.subtitle and raw.subtitle.strip():
        out.append(Segment(subtitle_context(article.id), raw.subtitle.strip(), reference))
    for number, sentence in enumerate((s.strip() for s in article.summary if s.strip()), start=1):
        out.append(Segment(summary_context(article.id, number), sentence, reference))
    return tuple(out)


def glossary_segments(glossary: Glossary) -> tuple[Segment, ...]:
    """One entry per exact glossary term, with the glossary's (reviewed) English."""
    return tuple(
        Segment(f"{GLOSSARY_PREFIX}:{term.section}", term.zh, "generator/data/glossary_en.yml", term.en)
        for term in glossary_terms(glossary)
    )


def content_segments(articles: Iterable[AnalysedArticle], glossary: Glossary) -> tuple[Segment, ...]:
    """Every segment of the current content: glossary terms, then each article's fields."""
    return glossary_segments(glossary) + tuple(s for a in articles for s in article_segments(a))
