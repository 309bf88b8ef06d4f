"""English side: AnalysedArticle -> LocalizedArticle.

English comes from the translation memory (`translations/en.po`, see `memory`), where
every segment is reviewed, machine-drafted (fuzzy) or missing; nothing is invented
here. Keywords and topic evidence are single terms: the glossary, then CC-CEDICT
(`dictionary`). Bylines are transliterated (`names`), outlets named from the glossary
(`glossary`). Machine backends (`backends`) only draft PO entries, through
`python -m generator translations fill`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from generator.analyse.gazetteer import load_gazetteer
from generator.analyse.region_names import pinyin_word
from generator.models import AnalysedArticle, EnglishTerm, LocalizedArticle, LocalizedText, TranslationState
from generator.translate.dictionary import (
    EMPTY_DICTIONARY,
    Dictionary,
    DictionaryOnDemand,
    EnglishLookup,
    compound_english,
    load_cedict,
)
from generator.translate.glossary import Glossary, load_glossary, outlet_en, resolve_place, term_en
from generator.translate.memory import EMPTY_MEMORY, Memory, load_memory
from generator.translate.names import byline_en
from generator.translate.segments import (
    caption_context,
    figure_context,
    numbered,
    subtitle_context,
    summary_context,
    title_context,
)

__all__ = [
    "EMPTY_DICTIONARY",
    "EMPTY_MEMORY",
    "GLOSSARY_SECTIONS",
    "NOTHING_TO_TRANSLATE",
    "Dictionary",
    "DictionaryOnDemand",
    "EnglishLookup",
    "Memory",
    "english_term",
    "join_summary",
    "keyword_en",
    "load_cedict",
    "load_memory",
    "localize",
    "terms_version",
]


NOTHING_TO_TRANSLATE = LocalizedText(None, TranslationState.REVIEWED)
"""A field with no Chinese (an untitled notice): its English is complete, and empty.

Reported as reviewed so pages do not announce a missing translation for text that
does not exist; the text stays None, so nothing is invented.
"""


def _field(memory: Memory, context: str, source: str | None) -> LocalizedText:
    source = (source or "").strip()
    return memory.lookup(context, source) if source else NOTHING_TO_TRANSLATE


def join_summary(parts: tuple[LocalizedText, ...]) -> LocalizedText:
    """One summary from its sentences: reviewed only if every sentence is.

    A summary with any sentence missing is missing as a whole (a partial English summary
    would silently drop facts); otherwise it is machine if any sentence is a draft. No
    sentences at all is nothing to translate.
    """
    if not parts:
        return NOTHING_TO_TRANSLATE
    if any(p.state is TranslationState.MISSING or not p.text for p in parts):
        return LocalizedText(None, TranslationState.MISSING)
    state = (
        TranslationState.MACHINE
        if any(p.state is TranslationState.MACHINE for p in parts)
        else TranslationState.REVIEWED
    )
    return LocalizedText(" ".join(p.text for p in parts if p.text), state)


def keyword_en(word: str, *, memory: Memory, glossary: Glossary | None = None) -> str | None:
    """English of one keyword, or None: a reviewed glossary entry of the PO file, the
    glossary file, then a place name from the gazetteer (乌海市 -> Wuhai)."""
    glossary = glossary or load_glossary()
    for section in GLOSSARY_SECTIONS:
        found = memory.entries.get((f"glossary:{section}", word))
        if found is not None and found.state is TranslationState.REVIEWED:
            return found.text
    english = term_en(word, glossary)
    if english:
        return english
    place = resolve_place(word, gazetteer=load_gazetteer())
    return place.short if place else None


GLOSSARY_SECTIONS = ("term", "organisation", "outlet")
"""The memory's sections `keyword_en` reads (reviewed entries only)."""


def terms_version(memory: Memory) -> str:
    """A hash of what `keyword_en` reads of the memory: its reviewed glossary entries. The
    English of a term is reused from an earlier build only under the same (`generator.build_cache`)."""
    contexts = {f"glossary:{section}" for section in GLOSSARY_SECTIONS}
    entries = sorted(
        (context, source, found.text or "")
        for (context, source), found in memory.entries.items()
        if context in contexts and found.state is TranslationState.REVIEWED
    )
    return hashlib.sha256(repr(entries).encode()).hexdigest()


def english_term(
    word: str, *, memory: Memory, glossary: Glossary | None = None, dictionary: EnglishLookup = EMPTY_DICTIONARY
) -> EnglishTerm:
    """A term's English: the glossary (PO and file) and the gazetteer, then the dictionary,
    then the term read as a compound of words the glossary or dictionary know; else none,
    and the reader gets the pinyin with the Chinese."""
    glossary = glossary or load_glossary()
    english = (
        keyword_en(word, memory=memory, glossary=glossary)
        or dictionary.english(word)
        or compound_english(word, lambda part: term_en(part, glossary) or dictionary.english(part))
    )
    return EnglishTerm(zh=word, en=english, pinyin=pinyin_word(word))


def localize(
    article: AnalysedArticle,
    *,
    memory: Memory,
    glossary: Glossary | None = None,
    dictionary: EnglishLookup = EMPTY_DICTIONARY,
    known_terms: dict[str, EnglishTerm] | None = None,
) -> LocalizedArticle:
    """Attach English from the translation memory; what is not there stays missing.

    Keywords and topic evidence are words, not sentences: their English comes from the
    glossary and `dictionary` (CC-CEDICT, loaded once by the caller), never the PO file's
    article entries. `known_terms`, shared by the caller across the articles of one run
    (same memory, glossary and dictionary), remembers each word's English: a corpus repeats
    its keywords (69,000 lookups for 10,000 distinct words at 5,000 articles).
    """
    glossary = glossary or load_glossary()
    raw = article.raw
    known = {} if known_terms is None else known_terms

    def term(word: str) -> EnglishTerm:
        found = known.get(word)
        if found is None:
            found = known[word] = english_term(word, memory=memory, glossary=glossary, dictionary=dictionary)
        return found

    def terms(words: Iterable[str]) -> tuple[EnglishTerm, ...]:
        return tuple(term(w) for w in words)

    figures = dict(numbered(f.context_zh for f in article.figures))
    captions = dict(numbered(raw.captions))
    sentences = tuple(s.strip() for s in article.summary if s.strip())
    summary = tuple(
        memory.lookup(summary_context(article.id, n), sentence) for n, sentence in enumerate(sentences, start=1)
    )
    return LocalizedArticle(
        article=article,
        title_en=_field(memory, title_context(article.id), raw.title),
        subtitle_en=_field(memory, subtitle_context(article.id), raw.subtitle),
        summary_en=join_summary(summary),
        byline_en=byline_en(raw.byline),
        outlet_en=outlet_en(raw.outlet, glossary),
        keywords_en=terms(article.keywords),
        evidence_en=tuple((code, terms(words)) for code, words in article.topics.evidence),
        figures_en=tuple(
            _field(memory, figure_context(article.id, n), figures.get(n)) for n in range(1, len(article.figures) + 1)
        ),
        captions_en=tuple(
            _field(memory, caption_context(article.id, n), captions.get(n)) for n in range(1, len(raw.captions) + 1)
        ),
    )
