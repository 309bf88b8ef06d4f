"""English side: AnalysedArticle -> LocalizedArticle.

English comes from the translation memory (`translations/en.po`, see `memory`), where
every segment is reviewed, machine-drafted (fuzzy) or missing; nothing is invented
here. Bylines are transliterated (`names`), outlets named from the glossary
(`glossary`). Machine backends (`backends`) only draft PO entries, through
`python -m generator translations fill`.
"""

from __future__ import annotations

from generator.models import AnalysedArticle, LocalizedArticle, LocalizedText, TranslationState
from generator.translate.glossary import Glossary, load_glossary, outlet_en
from generator.translate.memory import EMPTY_MEMORY, Memory, load_memory
from generator.translate.names import byline_en
from generator.translate.segments import subtitle_context, summary_context, title_context

__all__ = ["EMPTY_MEMORY", "Memory", "join_summary", "load_memory", "localize"]


def join_summary(parts: tuple[LocalizedText, ...]) -> LocalizedText:
    """One summary from its sentences: reviewed only if every sentence is.

    A summary with any sentence missing is missing as a whole (a partial English summary
    would silently drop facts); otherwise it is machine if any sentence is a draft.
    """
    if not parts or any(p.state is TranslationState.MISSING or not p.text for p in parts):
        return LocalizedText(None, TranslationState.MISSING)
    state = (
        TranslationState.MACHINE
        if any(p.state is TranslationState.MACHINE for p in parts)
        else TranslationState.REVIEWED
    )
    return LocalizedText(" ".join(p.text for p in parts if p.text), state)


def localize(article: AnalysedArticle, *, memory: Memory, glossary: Glossary | None = None) -> LocalizedArticle:
    """Attach English from the translation memory; what is not there stays missing."""
    glossary = glossary or load_glossary()
    raw = article.raw
    sentences = tuple(s.strip() for s in article.summary if s.strip())
    summary = tuple(
        memory.lookup(summary_context(article.id, n), sentence) for n, sentence in enumerate(sentences, start=1)
    )
    return LocalizedArticle(
        article=article,
        title_en=memory.lookup(title_context(article.id), (raw.title or "").strip() or None),
        subtitle_en=memory.lookup(subtitle_context(article.id), (raw.subtitle or "").strip() or None),
        summary_en=join_summary(summary),
        byline_en=byline_en(raw.byline),
        outlet_en=outlet_en(raw.outlet, glossary),
    )
