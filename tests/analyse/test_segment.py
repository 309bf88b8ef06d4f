"""Segmenter: user dictionary, compound splitting, no jieba global state."""

from __future__ import annotations

import jieba
import pytest

from generator.analyse.segment import (
    Segmenter,
    gazetteer_words,
    load_segmenter,
    parse_userdict,
)


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return load_segmenter()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("复工复产 vn\n", (("复工复产", None, "vn"),)),
        ("中小微企业 3000 n", (("中小微企业", 3000, "n"),)),
        ("# comment\n\n呼伦贝尔市", (("呼伦贝尔市", None, None),)),
        ("绿色通道 n  # trailing comment", (("绿色通道", None, "n"),)),
    ],
)
def test_parse_userdict(text: str, expected: tuple[tuple[str, int | None, str | None], ...]) -> None:
    assert parse_userdict(text) == expected


@pytest.mark.parametrize("word", ["复工复产", "中小微企业", "呼伦贝尔市", "扶贫车间", "援企稳岗", "疫情防控"])
def test_user_words_stay_whole(seg: Segmenter, word: str) -> None:
    assert word in seg.cut(f"今年以来{word}工作取得进展")


def test_tokens_spans_point_back_into_text(seg: Segmenter) -> None:
    text = "呼伦贝尔市 出台10项支持中小微企业的政策"
    for token in seg.tokens(text):
        assert text[token.start : token.end] == token.text
        assert token.text.strip()


@pytest.mark.parametrize(
    ("word", "point", "present"),
    [
        ("复工复产", 2, True),  # 复工|复产
        ("养老保险费", 4, True),  # 养老保险|费
        ("修复工程", 1, False),  # never 修|复工|程
        ("修复工程", 3, False),
    ],
)
def test_split_points(seg: Segmenter, word: str, point: int, present: bool) -> None:
    assert (point in seg.split_points(word)) is present


def test_loading_does_not_touch_jiebas_global_tokenizer(seg: Segmenter) -> None:
    assert seg.is_word("中小微企业")
    assert "中小微企业" not in jieba.dt.user_word_tag_tab
    assert jieba.dt.FREQ.get("中小微企业", 0) == 0


def test_gazetteer_words_reads_columns_by_name() -> None:
    text = (
        "# generated\nadcode\tname\tlevel\taliases\n"
        "150700\t呼伦贝尔市\tcity\t呼伦贝尔\n110000\t北京市\tprovince\t北京\n"
    )
    words = gazetteer_words(text)
    assert "呼伦贝尔市" in words and "北京市" in words and "呼伦贝尔" in words
    assert "北京" not in words  # two-character aliases are left to jieba


def test_gazetteer_without_name_column_gives_nothing() -> None:
    assert gazetteer_words("a\tb\n1\t2\n") == ()
