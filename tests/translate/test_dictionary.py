"""CC-CEDICT lookups (generator.translate.dictionary) on small literal fixtures."""

from __future__ import annotations

import pytest

from generator.models import TranslationState
from generator.translate import EMPTY_MEMORY, english_term
from generator.translate.dictionary import (
    EMPTY_DICTIONARY,
    build_dictionary,
    compound_english,
    parse_line,
    trim_sense,
)
from generator.translate.memory import Memory, Translation

CEDICT = """\
# CC-CEDICT
#! license=https://creativecommons.org/licenses/by-sa/4.0/
復工 复工 [fu4 gong1] /to return to work (after a stoppage)/
口罩 口罩 [kou3 zhao4] /mask (surgical etc)/
人民 人民 [ren2 min2] /the people/CL:個|个[ge4]/
王 王 [Wang2] /surname Wang/
王 王 [wang2] /king or monarch/best or strongest of its type/
通道 通道 [Tong1 dao4] /Tongdao Dong autonomous county in Huaihua 懷化|怀化[Huai2 hua4], Hunan/
通道 通道 [tong1 dao4] /(transportation) thoroughfare; passage/channel/
綠色 绿色 [lu:4 se4] /green/
企業 企业 [qi3 ye4] /company/firm/enterprise/
率 率 [lu:4] /rate/frequency/
呼和浩特 呼和浩特 [Hu1 he2 hao4 te4] /Hohhot prefecture-level city, capital of Inner Mongolia 內蒙古|内蒙古[Nei4]/
減負 减负 [jian3 fu4] /to alleviate a burden on sb/
this line is not an entry
"""


@pytest.fixture(scope="module")
def dictionary():
    return build_dictionary(CEDICT.splitlines())


def test_parse_line_reads_both_scripts_pinyin_and_senses() -> None:
    assert parse_line("企業 企业 [qi3 ye4] /company/firm/enterprise/") == (
        "企業",
        "企业",
        "qi3 ye4",
        ("company", "firm", "enterprise"),
    )
    assert parse_line("# a comment") is None
    assert parse_line("junk") is None


@pytest.mark.parametrize(
    ("sense", "short"),
    [
        ("to return to work (after a stoppage)", "return to work"),  # note and infinitive dropped
        ("mask (surgical etc)", "mask"),
        ("CL:個|个[ge4]", None),  # a classifier is no English
        ("surname Wang", None),
        ("variant of 复工[fu4 gong1]", None),
        ("(transportation) thoroughfare; passage", "thoroughfare"),  # first gloss of the sense
        ("to alleviate a burden on sb", "alleviate a burden on someone"),
        (
            "Hohhot prefecture-level city, capital of Inner Mongolia autonomous region 內蒙古自治區|内蒙古自治区[Nei4]",
            "Hohhot prefecture-level city",
        ),
        ("懷化", None),  # never Chinese in the English
    ],
)
def test_trim_sense(sense: str, short: str | None) -> None:
    assert trim_sense(sense) == short


def test_first_usable_sense_common_words_before_proper_names(dictionary) -> None:
    assert dictionary.english("复工") == "return to work"
    assert dictionary.english("復工") == "return to work"  # the Traditional headword too
    assert dictionary.english("人民") == "the people"  # the classifier after it is skipped
    assert dictionary.english("王") == "king or monarch"  # the surname entry has no usable sense
    assert dictionary.english("通道") == "thoroughfare"  # the common word before the county
    assert dictionary.english("呼和浩特") == "Hohhot prefecture-level city"
    assert dictionary.english("复产") is None
    assert len(dictionary) == 14


def test_compound_reads_known_words_of_two_characters_at_least(dictionary) -> None:
    assert compound_english("绿色通道", dictionary.english) == "green thoroughfare"
    assert compound_english("复工企业", dictionary.english) == "return to work company"
    # 率 alone is a known word, but a single character is never a part.
    assert compound_english("复工率", dictionary.english) is None
    assert compound_english("复工", dictionary.english) is None  # one part is not a compound
    assert compound_english("口罩复工企业", dictionary.english) is None  # three parts are too many


def test_english_term_glossary_first_then_dictionary_then_pinyin(dictionary) -> None:
    # The glossary's English wins over the dictionary's first sense.
    assert english_term("企业", memory=EMPTY_MEMORY, dictionary=dictionary).en == "enterprises"
    assert english_term("口罩", memory=EMPTY_MEMORY, dictionary=dictionary).en == "mask"
    unknown = english_term("宫松奇", memory=EMPTY_MEMORY, dictionary=dictionary)
    assert unknown.en is None and unknown.pinyin == "Gongsongqi" and unknown.zh == "宫松奇"
    # Without a dictionary an ordinary word has no English (nothing is invented).
    assert english_term("口罩", memory=EMPTY_MEMORY, dictionary=EMPTY_DICTIONARY).en is None


def test_a_reviewed_po_glossary_entry_beats_the_dictionary(dictionary) -> None:
    memory = Memory(
        entries={("glossary:term", "口罩"): Translation("face mask", TranslationState.REVIEWED)}, by_source={}
    )
    assert english_term("口罩", memory=memory, dictionary=dictionary).en == "face mask"


def test_shipped_cedict_loads() -> None:
    from generator.translate.dictionary import load_cedict

    shipped = load_cedict()
    assert len(shipped) > 100_000
    assert shipped.english("复工") == "return to work"
