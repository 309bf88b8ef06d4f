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


def figure_context(article_id: str, number: int) -> str:
    """msgctxt of the phrase a key figure describes, numbered from 1 like the figures."""
    return f"{article_id}:figure:{number}"


def caption_context(article_id: str, number: int) -> str:
    """msgctxt of a photo caption, numbered from 1 in reading order."""
    return f"{article_id}:caption:{number}"


def numbered(texts: Iterable[str]) -> tuple[tuple[int, str], ...]:
    """(number from 1, stripped text) of each non-blank text; blanks keep their number
    so a field's msgctxt does not depend on its neighbours' content."""
    return tuple((n, text.strip()) for n, text in enumerate(texts, start=1) if text.strip())


def article_segments(article: AnalysedArticle) -> tuple[Segment, ...]:
    """Title, subtitle, each summary sentence, the phrase of each key figure and each
    photo caption of one article (absent fields skipped)."""
    raw = article.raw
    reference = f"{raw.source_file}:{raw.line_start}"
    out = []
    if raw.title and raw.title.strip():
        out.append(Segment(title_context(article.id), raw.title.strip(), reference))
    if raw.subtitle and raw.subtitle.strip():
        out.append(Segment(subtitle_context(article.id), raw.subtitle.strip(), reference))
    for number, sentence in enumerate((s.strip() for s in article.summary if s.strip()), start=1):
        out.append(Segment(summary_context(article.id, number), sentence, reference))
    for number, phrase in numbered(f.context_zh for f in article.figures):
        out.append(Segment(figure_context(article.id, number), phrase, reference))
    for number, caption in numbered(raw.captions):
        out.append(Segment(caption_context(article.id, number), caption, reference))
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
