"""Character-level ROUGE-1, ROUGE-2 and ROUGE-L (F1) for Chinese text.

Chinese has no spaces, and word segmentation would make the score depend on the
segmenter, so units are characters. Punctuation and whitespace are removed first:
they carry no content and would reward copying the source's typography.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RougeScores:
    """F1 scores in [0, 1]."""

    rouge1: float
    rouge2: float
    rouge_l: float


def content_chars(text: str) -> tuple[str, ...]:
    """Characters of `text` without punctuation, symbols of layout, or whitespace.

    Text is NFKC-folded (full-width digits become ASCII), then whitespace and every
    Unicode punctuation character (category P*, which includes ``%`` and the decimal
    point) are dropped; letters, digits and symbols such as ``+`` or ``°`` stay.
    """
    return tuple(
        char
        for char in unicodedata.normalize("NFKC", text)
        if not char.isspace() and not unicodedata.category(char).startswith("P")
    )


def _f1(overlap: int, candidate_total: int, reference_total: int) -> float:
    if overlap == 0 or candidate_total == 0 or reference_total == 0:
        return 0.0
    precision = overlap / candidate_total
    recall = overlap / reference_total
    return 2 * precision * recall / (precision + recall)


def _ngram_f1(candidate: tuple[str, ...], reference: tuple[str, ...], n: int) -> float:
    cand = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Length of the longest common subsequence (two-row dynamic programme)."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for char_a in a:
        current = [0]
        for j, char_b in enumerate(b, start=1):
            if char_a == char_b:
                current.append(previous[j - 1] + 1)
            else:
                current.append(max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge(candidate: str, reference: str) -> RougeScores:
    """Character-level ROUGE F1 of `candidate` against one `reference`."""
    cand = content_chars(candidate)
    ref = content_chars(reference)
    return RougeScores(
        rouge1=_ngram_f1(cand, ref, 1),
        rouge2=_ngram_f1(cand, ref, 2),
        rouge_l=_f1(lcs_length(cand, ref), len(cand), len(ref)),
    )
