"""AnalysedArticle -> LocalizedArticle from the memory (generator/translate/__init__.py)."""

from __future__ import annotations

import dataclasses

import polib
import pytest

from generator.models import EnglishTerm, LocalizedText, TranslationState
from generator.translate import EMPTY_MEMORY, NOTHING_TO_TRANSLATE, join_summary, keyword_en, localize, terms_version
from generator.translate.memory import memory_from_catalog, new_catalog
from tests.translate.builders import make_article

ID = "2020-03-29-abcdef1234"
R, M, X = TranslationState.REVIEWED, TranslationState.MACHINE, TranslationState.MISSING


def memory(*entries: tuple[str, str, str, bool]):  # type: ignore[no-untyped-def]
    po = new_catalog()
    for context, source, english, fuzzy in entries:
        po.append(polib.POEntry(msgctxt=context, msgid=source, msgstr=english, flags=["fuzzy"] if fuzzy else []))
    return memory_from_catalog(po)


def test_everything_missing_without_memory() -> None:
    loc = localize(make_article(subtitle="副题"), memory=EMPTY_MEMORY)
    assert loc.title_en == LocalizedText(None, X)
    assert loc.summary_en == LocalizedText(None, X)
    assert loc.subtitle_en.state is X


def test_absent_chinese_is_nothing_to_translate() -> None:
    # An untitled notice must not be announced as a missing translation.
    loc = localize(make_article(title=None, subtitle=None, summary=()), memory=EMPTY_MEMORY)
    assert loc.title_en == loc.subtitle_en == loc.summary_en == NOTHING_TO_TRANSLATE
    assert NOTHING_TO_TRANSLATE == LocalizedText(None, R)


def test_reviewed_title_and_summary() -> None:
    mem = memory(
        (f"{ID}:title", "复工复产加速跑", "Resumption of work speeds up", False),
        (f"{ID}:summary:1", "企业全部复工。", "All companies are back at work.", False),
        (f"{ID}:summary:2", "产值3.7亿元。", "Output reached 370 million yuan.", False),
    )
    loc = localize(make_article(), memory=mem)
    assert loc.title_en == LocalizedText("Resumption of work speeds up", R)
    assert loc.summary_en == LocalizedText("All companies are back at work. Output reached 370 million yuan.", R)


def test_one_machine_sentence_makes_the_summary_machine() -> None:
    mem = memory(
        (f"{ID}:summary:1", "企业全部复工。", "All companies are back at work.", False),
        (f"{ID}:summary:2", "产值3.7亿元。", "Output 370 million yuan.", True),
    )
    assert localize(make_article(), memory=mem).summary_en.state is M


def test_one_missing_sentence_makes_the_summary_missing() -> None:
    mem = memory((f"{ID}:summary:1", "企业全部复工。", "All companies are back at work.", False))
    assert localize(make_article(), memory=mem).summary_en == LocalizedText(None, X)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((), LocalizedText(None, R)),
        ((LocalizedText("A.", R), LocalizedText("B.", R)), LocalizedText("A. B.", R)),
        ((LocalizedText("A.", R), LocalizedText("B.", M)), LocalizedText("A. B.", M)),
        ((LocalizedText("A.", M), LocalizedText(None, X)), LocalizedText(None, X)),
    ],
)
def test_join_summary(parts: tuple[LocalizedText, ...], expected: LocalizedText) -> None:
    assert join_summary(parts) == expected


def test_byline_in_pinyin_and_outlet_from_glossary() -> None:
    loc = localize(make_article(byline=("何国栋", "欧阳修"), outlet="内蒙古日报"), memory=EMPTY_MEMORY)
    assert loc.byline_en == ("He Guodong", "Ouyang Xiu")
    assert loc.outlet_en == "Inner Mongolia Daily"


def test_unknown_outlet_has_no_english() -> None:
    assert localize(make_article(outlet="某某周刊"), memory=EMPTY_MEMORY).outlet_en is None


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("复工复产", "resumption of work and production"),  # glossary file
        ("乌海市", "Wuhai"),  # gazetteer
        ("人民网", "People's Daily Online"),
        ("口罩", None),  # an ordinary word is the dictionary's (english_term), not the glossary's
    ],
)
def test_keyword_en(word: str, english: str | None) -> None:
    assert keyword_en(word, memory=EMPTY_MEMORY) == english


def test_keyword_en_prefers_the_reviewed_po_entry() -> None:
    mem = memory(("glossary:term", "复工复产", "return to work", False))
    assert keyword_en("复工复产", memory=mem) == "return to work"


def test_terms_remembered_across_articles_give_the_same_english() -> None:
    article = dataclasses.replace(make_article(), keywords=("复工复产", "乌海市", "口罩"))
    other = dataclasses.replace(make_article("2020-03-30-bcdef12345"), keywords=("口罩", "乌海市"))
    known: dict[str, EnglishTerm] = {}
    first = localize(article, memory=EMPTY_MEMORY, known_terms=known)
    second = localize(other, memory=EMPTY_MEMORY, known_terms=known)
    assert set(known) == {"复工复产", "乌海市", "口罩"}  # each word looked up once
    assert first == localize(article, memory=EMPTY_MEMORY)
    assert second == localize(other, memory=EMPTY_MEMORY)
    assert second.keywords_en[0] is first.keywords_en[2]  # the remembered term, not a new lookup


def test_terms_version_follows_the_reviewed_glossary_entries_only() -> None:
    base = terms_version(memory(("glossary:term", "春耕", "spring ploughing", False)))
    assert base == terms_version(
        memory(("glossary:term", "春耕", "spring ploughing", False), (f"{ID}:title", "标题", "Title", False))
    )  # an article's entry is not what a term's English reads
    assert base == terms_version(
        memory(("glossary:term", "春耕", "spring ploughing", False), ("glossary:term", "复工", "resume", True))
    )  # nor a machine draft
    assert base != terms_version(memory(("glossary:term", "春耕", "spring sowing", False)))
    assert base != terms_version(memory(("glossary:outlet", "春耕", "spring ploughing", False)))
