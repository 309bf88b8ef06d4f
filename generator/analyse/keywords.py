"""Keywords: TF-IDF over our own segmenter, with a domain stop list.

We use jieba's IDF table (``jieba/analyse/idf.txt``) but not ``jieba.analyse``,
whose extractor binds to jieba's global tokenizer. Words of the project's
user dictionary (复工复产, 中小微企业, 呼伦贝尔市) come out whole because the
segmenter knows them; words missing from the IDF table get the median IDF,
and user-dictionary words at least that much (they were added because they
matter in this corpus). Title words count ``TITLE_WEIGHT`` times. Output is
deterministic: ties are broken by the word itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from generator.analyse.segment import Segmenter, load_segmenter, read_data_text

TITLE_WEIGHT = 3.0
# A keyword candidate: two or more Han characters, or a Latin acronym/name
# (APP, QC830 is excluded by requiring letters first and no digits-only).
_CANDIDATE = re.compile(r"^(?:[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z0-9]{1,})$")
# Words made only of numerals or calendar words are never keywords (一是, 十四, 三月).
_NUMERIC_WORD = re.compile(r"^[〇零一二两三四五六七八九十百千万亿第是月日年号时]+$")
# A scale word fused to a unit by the segmenter (15.8万亩 -> 万亩) is a figure, not a topic.
_SCALED_UNIT = re.compile(r"^[十百千万亿]+[亩元吨人户头个家件项次]$")
# Bylines inside the body: （记者 李玉琢）, （本报通讯员 乔楠）, □本报记者 李新军.
_BYLINE = re.compile(
    r"[（(][^（）()]{0,12}?(?:记者|通讯员|实习生|见习记者|摄影)[^（）()]{0,40}[）)]"
    r"|□?本报(?:记者|通讯员)[^\n，。]{0,20}"
)


@dataclass(frozen=True, slots=True)
class IdfTable:
    """Inverse document frequencies and the median used for unknown words."""

    idf: Mapping[str, float]
    median: float


def parse_idf(text: str) -> IdfTable:
    """Parse jieba's ``word idf`` lines."""
    table: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            table[parts[0]] = float(parts[1])
    values = sorted(table.values())
    median = values[len(values) // 2] if values else 1.0
    return IdfTable(MappingProxyType(table), median)


def parse_stopwords(text: str) -> frozenset[str]:
    """One word per line; ``#`` starts a comment."""
    return frozenset(w for w in (line.split("#", 1)[0].strip() for line in text.splitlines()) if w)


@lru_cache(maxsize=1)
def load_idf() -> IdfTable:
    """jieba's IDF table, read once per process."""
    # Read as a file of the jieba package: importing `jieba.analyse` would build its global
    # extractor (this very table again) and load `jieba.posseg`, about 3 s per process.
    idf = resources.files("jieba").joinpath("analyse").joinpath("idf.txt")
    return parse_idf(idf.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """The project's domain stop list (``data/stopwords_zh.txt``)."""
    return parse_stopwords(read_data_text("stopwords_zh.txt"))


def is_candidate(word: str, stopwords: frozenset[str], segmenter: Segmenter) -> bool:
    """Whether ``word`` may be a keyword at all (shape, stop list, dictionary).

    Two-character words must be dictionary words: jieba's HMM otherwise glues
    a preposition to the next character (为战“疫”-> 为战, 对受影响 -> 对受).
    Longer unknown words are kept (they are mostly names).
    """
    return (
        bool(_CANDIDATE.match(word))
        and not _NUMERIC_WORD.match(word)
        and not _SCALED_UNIT.match(word)
        and word not in stopwords
        and (len(word) > 2 or segmenter.is_word(word))
    )


def rank_keywords(
    title: str,
    body: str,
    *,
    segmenter: Segmenter,
    idf: IdfTable,
    stopwords: frozenset[str],
) -> tuple[tuple[str, float], ...]:
    """Every candidate word with its TF-IDF weight, best first, ties by word."""
    counts: dict[str, float] = {}
    for weight, text in ((TITLE_WEIGHT, title), (1.0, _BYLINE.sub("", body))):
        for word in segmenter.cut(text):
            if is_candidate(word, stopwords, segmenter):
                counts[word] = counts.get(word, 0.0) + weight
    total = sum(counts.values())
    if not total:
        return ()
    user = segmenter.user_words
    scored = []
    for word, tf in counts.items():
        weight = idf.idf.get(word, idf.median)
        if word in user:
            weight = max(weight, idf.median)
        scored.append((word, tf / total * weight))
    scored.sort(key=lambda s: (-s[1], s[0]))
    return tuple(scored)


def select_keywords(ranked: tuple[tuple[str, float], ...], limit: int) -> tuple[str, ...]:
    """Take the top ``limit`` words, skipping one contained in a better one (呼伦贝尔 in 呼伦贝尔市)."""
    chosen: list[str] = []
    for word, _ in ranked:
        if len(chosen) >= limit:
            break
        if any(word in kept or kept in word for kept in chosen):
            continue
        chosen.append(word)
    return tuple(chosen)


def extract_keywords(title: str, body: str, *, limit: int = 8) -> tuple[str, ...]:
    """Up to ``limit`` keywords of an article, most characteristic first."""
    if limit <= 0:
        return ()
    ranked = rank_keywords(
        title or "",
        body or "",
        segmenter=load_segmenter(),
        idf=load_idf(),
        stopwords=load_stopwords(),
    )
    return select_keywords(ranked, limit)
