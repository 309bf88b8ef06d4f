"""Tests for generator.evaluation.rouge: character-level ROUGE F1."""

from __future__ import annotations

import pytest

from generator.evaluation.rouge import content_chars, lcs_length, rouge


@pytest.mark.parametrize(
    ("candidate", "reference", "r1", "r2", "rl"),
    [
        ("复工复产", "复工复产", 1.0, 1.0, 1.0),
        ("甲乙丙丁", "戊己庚辛", 0.0, 0.0, 0.0),
        # One substituted character: 3/4 unigrams, 1/3 bigrams, LCS 3 of 4.
        ("甲乙丙丁", "甲乙戊丁", 0.75, 1 / 3, 0.75),
        # Punctuation and spaces are not content.
        ("复工，复产。", "复工 复产", 1.0, 1.0, 1.0),
        # Order matters for ROUGE-2 and ROUGE-L only.
        ("丁丙乙甲", "甲乙丙丁", 1.0, 0.0, 0.25),
        # Precision and recall differ: candidate half as long as the reference.
        ("甲乙", "甲乙丙丁", 2 / 3, 0.5, 2 / 3),
        ("", "甲乙", 0.0, 0.0, 0.0),
        ("。，", "", 0.0, 0.0, 0.0),
    ],
)
def test_rouge(candidate: str, reference: str, r1: float, r2: float, rl: float) -> None:
    scores = rouge(candidate, reference)
    assert scores.rouge1 == pytest.approx(r1)
    assert scores.rouge2 == pytest.approx(r2)
    assert scores.rouge_l == pytest.approx(rl)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增长65%，达1.39亿元，气温+5度。", tuple("增长65达139亿元气温+5度")),
        ("“绿色通道”（试行）", tuple("绿色通道试行")),
        # Full-width digits and letters are folded to ASCII.
        ("Ａ级１２", ("A", "级", "1", "2")),
    ],
)
def test_content_chars(text: str, expected: tuple[str, ...]) -> None:
    assert content_chars(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("甲乙丙丁", "乙丁", 2), ("甲乙", "", 0), ("甲乙丙", "丙乙甲", 1), ("甲乙甲乙", "乙甲乙甲", 3)],
)
def test_lcs_length(a: str, b: str, expected: int) -> None:
    assert lcs_length(tuple(a), tuple(b)) == expected
    assert lcs_length(tuple(b), tuple(a)) == expected
