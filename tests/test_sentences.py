"""Tests for generator.sentences: Chinese sentence and clause splitting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.sentences import split_clauses, split_sentences, truncate_at_clause


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天下雪。明天放晴！后天呢？", ("今天下雪。", "明天放晴！", "后天呢？")),
        # A closing quote after the end mark belongs to the sentence.
        ("他说：“好。”我们走吧！", ("他说：“好。”", "我们走吧！")),
        # End marks inside a quotation do not split it.
        (
            "“一方有难，八方支援。我们全程冷链。”谈到服务，他竖起大拇指。",
            ("“一方有难，八方支援。我们全程冷链。”", "谈到服务，他竖起大拇指。"),
        ),
        # Back-to-back quoted questions are two sentences.
        ("“能顺延吗？”“怎么处理呢？”群里很活跃。", ("“能顺延吗？”", "“怎么处理呢？”", "群里很活跃。")),
        # An ellipsis ends a sentence, with its closing quote.
        ("“无卡者不能进入……”2月16日一早，小组出发。", ("“无卡者不能进入……”", "2月16日一早，小组出发。")),
        # A lost closing quote must not swallow the rest of the paragraph.
        ("他说“好。没有闭合引号。后面还有。", ("他说“好。", "没有闭合引号。", "后面还有。")),
        # Decimal points are not full stops; half-width marks from web pages are.
        ("酒精8.5吨,复产率65%!员工返岗?", ("酒精8.5吨,复产率65%!", "员工返岗?")),
        # Runs of end marks end once.
        ("真的吗？！是的。", ("真的吗？！", "是的。")),
        # A line break ends a sentence even without a mark; blanks are trimmed.
        ("监督举报电话\n  （0391）3569278。", ("监督举报电话", "（0391）3569278。")),
        # Text without an end mark is one sentence.
        ("同时，成立企业疫情防控纾困专班", ("同时，成立企业疫情防控纾困专班",)),
        ("", ()),
        ("   \n  ", ()),
    ],
)
def test_split_sentences(text: str, expected: tuple[str, ...]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("semicolons", "expected"),
    [
        (True, ("免收房租6个月；", "下调纳税定额;", "减半征收医保。")),
        (False, ("免收房租6个月；下调纳税定额;减半征收医保。",)),
    ],
)
def test_semicolons_are_optional_enders(semicolons: bool, expected: tuple[str, ...]) -> None:
    assert split_sentences("免收房租6个月；下调纳税定额;减半征收医保。", semicolons=semicolons) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("甲，乙；丙、丁。", ("甲，", "乙；", "丙、", "丁。")),
        ("没有分句。", ("没有分句。",)),
        ("", ()),
    ],
)
def test_split_clauses(sentence: str, expected: tuple[str, ...]) -> None:
    assert split_clauses(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "max_chars", "expected"),
    [
        ("一二三四五，六七八九十，甲乙丙丁戊", 12, "一二三四五，六七八九十……"),
        ("一二三四五；六七八九十，甲乙丙丁戊", 8, "一二三四五……"),
        # No clause mark within the limit: cut at the limit itself.
        ("一二三四五六七八九十甲乙丙", 6, "一二三四五六……"),
        # Short enough: unchanged.
        ("一二三，四五。", 20, "一二三，四五。"),
    ],
)
def test_truncate_at_clause(sentence: str, max_chars: int, expected: str) -> None:
    result = truncate_at_clause(sentence, max_chars)
    assert result == expected
    assert len(result) <= max_chars + 2


_ALPHABET = "甲乙丙丁戊己庚辛壬癸0123456789.。！？；，“”‘’（）…"


@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_splitting_keeps_every_character(text: str) -> None:
    sentences = split_sentences(text)
    assert "".join(sentences) == text
    assert all(sentences)
