"""English side: AnalysedArticle -> LocalizedArticle.

The translation memory (gettext PO) and machine backends are added by the
translation work; until then every English field is reported as missing, never invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.models import AnalysedArticle, LocalizedArticle, LocalizedText, TranslationState

Memory = Mapping[tuple[str, str], str]
"""(msgctxt, msgid) -> reviewed English."""


def _lookup(memory: Memory, context: str, source: str | None) -> LocalizedText:
    if not source:
        return LocalizedText(None, TranslationState.MISSING)
    found = memory.get((context, source))
    if found:
        return LocalizedText(found, TranslationState.REVIEWED)
    return LocalizedText(None, TranslationState.MISSING)


def localize(article: AnalysedArticle, *, memory: Memory) -> LocalizedArticle:
    """Attach English from the translation memory; what is not there stays missing."""
    return LocalizedArticle(
        article=article,
        title_en=_lookup(memory, f"{article.id}:title", article.raw.title),
        subtitle_en=_lookup(memory, f"{article.id}:subtitle", article.raw.subtitle),
        summary_en=_lookup(memory, f"{article.id}:summary", "".join(article.summary)),
    )


def load_memory(path: Path) -> Memory:
    """The reviewed entries of a PO file (placeholder: the PO support replaces this)."""
    return {}
