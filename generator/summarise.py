"""Extractive Chinese summaries: 1-3 whole sentences of the article, in document order.

Three summarisers share one interface (`Summariser`) and are registered by name so the
benchmark (`benchmarks/summaries/run.py`) can compare them:

``digest`` (ours)
    TextRank centrality over a sentence graph (jieba word-set overlap), plus a lead
    prior, a fact score (figures with units, 《titles》, named measures, organisations)
    and penalties for formulaic preambles, questions, empty rhetoric and slogans.
    Interviews are summarised from the answers only.
``lead3``
    The leading sentences while they fit in `max_chars`, at most three, at least one.
``textrank``
    Plain TextRank on the same sentence graph, no priors and no penalties.

All three read the same sentence units (`candidates`): sentences from
`generator.sentences`, with the dateline (``本报北京3月1日电（记者…）``) removed, so
the comparison measures sentence *selection* only. Output is deterministic: ties are
broken by position.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Protocol

from generator.analyse.segment import load_segmenter
from generator.errors import ConfigError
from generator.ingest.datelines import parse_lead
from generator.models import ArticleKind
from generator.sentences import split_sentences, truncate_at_clause
from generator.summary_features import (
    fact_count,
    fact_score,
    is_question,
    is_rhetorical_quote,
    opens_with_anaphor,
    preamble_share,
    rhetoric_density,
    starts_with_preamble,
    without_linking_opening,
)

DEFAULT_MAX_CHARS = 150
MAX_SENTENCES = 3
# Sentences in the TextRank graph (its cost is the square); the corpus' longest article has 128.
GRAPH_LIMIT = 400

# In an interview, a paragraph that starts with the reporter's turn is a question.
_QUESTION_TURN = re.compile(r"^\s*(?:记者|问|主持人|Q)\s*[：:]")
# "张德：按照……" — the speaker label of an answer turn; kept out of the summary text.
_SPEAKER_LABEL = re.compile(r"^\s*(?:答|A|[\u4e00-\u9fff]{2,4})\s*[：:]")
# "市领导甲、乙出席会议。": who attended is protocol, not news.
_ATTENDANCE = re.compile(r"(?:出席|参加|列席)(?:会议|活动|仪式)?[。；]?$|一同(?:调研|参加|出席)")
_TRAILING_SEMICOLON = re.compile(r"[；;]$")
# Function words that would link every pair of sentences in the graph.
_STOPWORDS = frozenset(
    "我们 他们 以及 进行 工作 开展 一个 这个 没有 可以 通过 对于 其中 同时 目前 "
    "已经 相关 有关 方面 情况 问题 要求 就是 还是 以上 以下 之一 不断 有效".split()
)
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One sentence that may enter a summary."""

    text: str  # as it would be printed
    position: int  # 0-based among the candidates, in document order
    paragraph: int  # 0-based paragraph index in the article
    first_in_paragraph: bool
    words: frozenset[str]


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the `digest` scorer (tuned on the benchmark's even ids only)."""

    centrality: float = 1.0
    lead: float = 0.5
    lead_decay: float = 4.0  # sentences; the lead prior is exp(-position / lead_decay)
    paragraph_start: float = 0.15
    facts: float = 1.5
    preamble: float = 1.5
    preamble_lead: float = 1.0
    question: float = 1.0
    rhetorical_quote: float = 0.4
    rhetoric: float = 1.5
    short: float = 1.0
    attendance: float = 0.8
    overlong: float = 0.6
    redundancy: float = 0.5  # never combine two sentences this similar
    extra_sentence: float = 0.5  # a second or third sentence must score above this
    semicolons: bool = True  # whether ；ends a candidate sentence


DEFAULT_WEIGHTS = Weights()


class Summariser(Protocol):
    """A function from an article's paragraphs to 1-3 of its sentences."""

    def __call__(
        self,
        paragraphs: tuple[str, ...],
        *,
        kind: ArticleKind = ArticleKind.ARTICLE,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> tuple[str, ...]: ...


def content_words(text: str) -> frozenset[str]:
    """Words of `text` that can link two sentences: two or more characters, not
    numbers, not function words."""
    return frozenset(
        token
        # The pipeline's shared segmenter: one jieba dictionary per process.
        for token in load_segmenter().cut(text)
        if len(token) >= 2 and _WORD.search(token) and token not in _STOPWORDS
    )


def candidates(
    paragraphs: tuple[str, ...],
    *,
    kind: ArticleKind = ArticleKind.ARTICLE,
    semicolons: bool = True,
    lead_end: int | None = None,
) -> tuple[Candidate, ...]:
    """Split paragraphs into candidate sentences in document order.

    The dateline is removed from the first sentence. For interviews (`kind`, or any
    text with two or more reporter turns) the reporter's turns (paragraphs opening
    with ``记者：``/``问：``) and any sentence ending in a question mark are dropped,
    and answer paragraphs lose their speaker label.
    """
    # A page split may label a Q&A block "continuation"; two reporter turns are
    # structural evidence enough to treat it as an interview.
    interview = kind is ArticleKind.INTERVIEW or sum(bool(_QUESTION_TURN.match(p)) for p in paragraphs) >= 2
    result: list[Candidate] = []
    for paragraph_index, paragraph in enumerate(paragraphs):
        text = paragraph.strip()
        if paragraph_index == 0 or not result:
            # The dateline is furniture, not part of the first sentence's news; its span was
            # found once, by the splitter (`RawArticle.lead_end`), with the one lead grammar.
            end = lead_end if (paragraph_index == 0 and lead_end is not None) else _lead_end(text)
            text = text[end:].lstrip()
        if interview:
            if _QUESTION_TURN.match(text):
                continue
            text = _SPEAKER_LABEL.sub("", text, count=1)
        first = True
        for sentence in split_sentences(text, semicolons=semicolons):
            if interview and is_question(sentence):
                continue
            result.append(
                Candidate(
                    text=sentence,
                    position=len(result),
                    paragraph=paragraph_index,
                    first_in_paragraph=first,
                    words=content_words(sentence),
                )
            )
            first = False
    return tuple(result)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """TextRank's sentence similarity: shared words over the log of the sizes."""
    shared = len(a & b)
    if shared == 0:
        return 0.0
    return shared / (math.log(len(a) + 1) + math.log(len(b) + 1))


def textrank(items: tuple[Candidate, ...], *, damping: float = 0.85, iterations: int = 60) -> tuple[float, ...]:
    """Weighted PageRank over the sentence similarity graph, scaled so the max is 1.

    The graph is quadratic in its sentences, so only the first `GRAPH_LIMIT` are ranked;
    later ones score 0 (a summary comes from the lead of a very long text anyway). No
    article of the corpus comes near the limit; a 3 MB one-article seed would need a
    matrix of billions of cells.
    """
    if len(items) > GRAPH_LIMIT:
        return textrank(items[:GRAPH_LIMIT], damping=damping, iterations=iterations) + (0.0,) * (
            len(items) - GRAPH_LIMIT
        )
    size = len(items)
    if size == 0:
        return ()
    weights = [
        [similarity(a.words, b.words) if i != j else 0.0 for j, b in enumerate(items)] for i, a in enumerate(items)
    ]
    out_sums = [sum(row) for row in weights]
    # Column i of the row-normalised matrix, computed once; a row with no edges adds 0.0,
    # which leaves every sum exactly as the direct formula would make it.
    columns = [[weights[j][i] / out_sums[j] if out_sums[j] > 0 else 0.0 for j in range(size)] for i in range(size)]
    scores = [1.0 / size] * size
    for _ in range(iterations):
        scores = [(1 - damping) / size + damping * sum(map(operator.mul, column, scores)) for column in columns]
    top = max(scores)
    return tuple(score / top for score in scores) if top > 0 else tuple(0.0 for _ in scores)


def digest_scores(
    items: tuple[Candidate, ...],
    *,
    kind: ArticleKind = ArticleKind.ARTICLE,
    max_chars: int = DEFAULT_MAX_CHARS,
    weights: Weights = DEFAULT_WEIGHTS,
) -> tuple[float, ...]:
    """Score every candidate; higher is better. Pure function of its inputs."""
    centrality = textrank(items)
    # A continuation starts mid-sentence on another page: its lead is not a lead.
    lead_weight = weights.lead * (0.3 if kind is ArticleKind.CONTINUATION else 1.0)
    scores: list[float] = []
    for item, central in zip(items, centrality, strict=True):
        text = item.text
        score = weights.centrality * central
        score += lead_weight * math.exp(-item.position / weights.lead_decay)
        score += weights.paragraph_start * item.first_in_paragraph
        score += weights.facts * fact_score(text)
        score -= weights.preamble * preamble_share(text)
        score -= weights.preamble_lead * starts_with_preamble(text)
        score -= weights.question * is_question(text)
        score -= weights.rhetorical_quote * is_rhetorical_quote(text)
        score -= weights.rhetoric * rhetoric_density(text)
        length = len(text)
        # Headings and slogans ("在外贸方面。", "时不我待，只争朝夕。") say nothing alone.
        if length < 12 or (length < 20 and fact_count(text) == 0):
            score -= weights.short
        score -= weights.attendance * bool(_ATTENDANCE.search(text))
        if length > max_chars:
            score -= weights.overlong * min(1.0, length / max_chars - 1)
        scores.append(score)
    return tuple(scores)


def _fits(chosen: list[Candidate], item: Candidate, max_chars: int) -> bool:
    return sum(len(c.text) for c in chosen) + len(item.text) <= max_chars


def select(
    items: tuple[Candidate, ...],
    scores: tuple[float, ...],
    *,
    max_chars: int,
) -> tuple[Candidate, ...]:
    """Greedy pick: up to three candidates best-first (ties: earlier first) that fit.

    The best candidate is always taken, even when longer than `max_chars`; later
    ones only if the total stays within `max_chars`. The result is in document order.
    """
    ranked = sorted(zip(scores, items, strict=True), key=lambda pair: (-pair[0], pair[1].position))
    chosen: list[Candidate] = []
    for _, item in ranked:
        if len(chosen) == MAX_SENTENCES:
            break
        if chosen and not _fits(chosen, item, max_chars):
            continue
        chosen.append(item)
    return tuple(sorted(chosen, key=lambda c: c.position))


def select_best_set(
    items: tuple[Candidate, ...],
    scores: tuple[float, ...],
    *,
    max_chars: int,
    redundancy: float,
    extra_cost: float = 0.0,
    pool: int = 12,
) -> tuple[Candidate, ...]:
    """Choose the set of 1-3 sentences with the highest total score within `max_chars`.

    A greedy pick lets one long sentence eat the whole budget; comparing whole sets
    lets two short, fact-dense sentences beat it. Only the `pool` best candidates are
    combined (at most 298 sets). Each sentence beyond the first costs `extra_cost`, so
    a weak sentence is not added just because it fits. A single sentence is always a valid set, whatever its
    length. Sets with two near-repeats (similarity above `redundancy`), led by a
    formulaic preamble, or holding a sentence that opens with an anaphor (该局, 同时, 对此)
    without the sentence before it are skipped. Ties go to the set whose positions come first.
    """
    ranked = sorted(range(len(items)), key=lambda i: (-scores[i], items[i].position))[:pool]
    # A dangling 该局 is the lesser evil next to a preamble lead: when every set with its
    # antecedents is led by a preamble, sets without them are allowed.
    for need_antecedents in (True, False):
        best = _best_set(items, scores, ranked, max_chars, redundancy, extra_cost, need_antecedents)
        if best is not None:
            return tuple(items[i] for i in best)
    return select(items, scores, max_chars=max_chars)  # every candidate opens with a preamble


def _best_set(
    items: tuple[Candidate, ...],
    scores: tuple[float, ...],
    ranked: list[int],
    max_chars: int,
    redundancy: float,
    extra_cost: float,
    need_antecedents: bool,
) -> tuple[int, ...] | None:
    best: tuple[float, tuple[int, ...]] | None = None
    for size in range(1, MAX_SENTENCES + 1):
        for combo in itertools.combinations(sorted(ranked), size):
            if size > 1 and sum(len(items[i].text) for i in combo) > max_chars:
                continue
            if starts_with_preamble(items[combo[0]].text) and len(items) > 1:
                continue
            if need_antecedents and not _antecedents_present(items, combo):
                continue
            if any(
                similarity(items[a].words, items[b].words) > redundancy for a, b in itertools.combinations(combo, 2)
            ):
                continue
            total = sum(scores[i] for i in combo) - extra_cost * (size - 1)
            key = (total, tuple(-i for i in combo))
            if best is None or key > (best[0], tuple(-i for i in best[1])):
                best = (total, combo)
    return best[1] if best is not None else None


def _antecedents_present(items: tuple[Candidate, ...], combo: tuple[int, ...]) -> bool:
    """A sentence opening with an anaphor (该局…, 同时…) comes with the sentence before it
    (the article's first sentence has none to miss: its 该 is the headline's)."""
    chosen = set(combo)
    return all(i == 0 or i - 1 in chosen or not opens_with_anaphor(items[i].text) for i in combo)


def _render(chosen: tuple[Candidate, ...], max_chars: int) -> tuple[str, ...]:
    """Final text: a lone sentence over twice the budget is cut at a clause; a
    sentence that ended at ；ends with 。 once it stands alone; a linking opening
    (同时，此外，) goes when the sentence it linked to is not in the summary."""
    # A connective opening (同时，…) links to a sentence the summary may not carry: dropped,
    # except right after that sentence.
    texts = [
        _TRAILING_SEMICOLON.sub(
            "。", c.text if k and chosen[k - 1].position == c.position - 1 else without_linking_opening(c.text)
        )
        for k, c in enumerate(chosen)
    ]
    if len(texts) == 1 and len(texts[0]) > 2 * max_chars:
        texts = [truncate_at_clause(texts[0], max_chars)]
    return tuple(texts)


def digest_summary(
    paragraphs: tuple[str, ...],
    *,
    kind: ArticleKind = ArticleKind.ARTICLE,
    max_chars: int = DEFAULT_MAX_CHARS,
    weights: Weights = DEFAULT_WEIGHTS,
    lead_end: int | None = None,
) -> tuple[str, ...]:
    """Our summariser: centrality + lead + facts - boilerplate; see module docstring."""
    items = candidates(paragraphs, kind=kind, semicolons=weights.semicolons, lead_end=lead_end)
    if not items:
        return ()
    scores = digest_scores(items, kind=kind, max_chars=max_chars, weights=weights)
    chosen = select_best_set(
        items,
        scores,
        max_chars=max_chars,
        redundancy=weights.redundancy,
        extra_cost=weights.extra_sentence,
    )
    return _render(chosen, max_chars)


def lead3_summary(
    paragraphs: tuple[str, ...],
    *,
    kind: ArticleKind = ArticleKind.ARTICLE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> tuple[str, ...]:
    """Baseline: the first sentences while their total stays within `max_chars`
    (at most three, always at least the first). `kind` is ignored."""
    items = candidates(paragraphs)
    chosen: list[Candidate] = []
    for item in items[:MAX_SENTENCES]:
        if chosen and not _fits(chosen, item, max_chars):
            break
        chosen.append(item)
    return _render(tuple(chosen), max_chars)


def textrank_summary(
    paragraphs: tuple[str, ...],
    *,
    kind: ArticleKind = ArticleKind.ARTICLE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> tuple[str, ...]:
    """Baseline: plain TextRank, best sentences that fit, no priors. `kind` is ignored."""
    items = candidates(paragraphs)
    if not items:
        return ()
    return _render(select(items, textrank(items), max_chars=max_chars), max_chars)


SUMMARISERS: Mapping[str, Summariser] = MappingProxyType(
    {"digest": digest_summary, "lead3": lead3_summary, "textrank": textrank_summary}
)


def get_summariser(name: str) -> Summariser:
    """The registered summariser called `name`; `ConfigError` names the known ones."""
    try:
        return SUMMARISERS[name]
    except KeyError:
        known = ", ".join(sorted(SUMMARISERS))
        raise ConfigError(f"unknown summariser {name!r}; known: {known}") from None


def _lead_end(text: str) -> int:
    lead = parse_lead(text)
    return lead.end if lead else 0


def summarise(
    paragraphs: tuple[str, ...],
    *,
    kind: ArticleKind = ArticleKind.ARTICLE,
    max_chars: int = DEFAULT_MAX_CHARS,
    lead_end: int | None = None,
) -> tuple[str, ...]:
    """Summarise an article with the default (`digest`) summariser.

    Returns 1-3 whole sentences in document order, together within about
    `max_chars` characters (a single best sentence may be longer; one longer than
    twice `max_chars` is cut at a clause and ends in ……). Returns ``()`` only when
    the article has no text.
    """
    return digest_summary(paragraphs, kind=kind, max_chars=max_chars, lead_end=lead_end)


__all__ = [
    "DEFAULT_MAX_CHARS",
    "DEFAULT_WEIGHTS",
    "GRAPH_LIMIT",
    "SUMMARISERS",
    "Candidate",
    "Summariser",
    "Weights",
    "candidates",
    "content_words",
    "digest_scores",
    "digest_summary",
    "get_summariser",
    "lead3_summary",
    "select",
    "select_best_set",
    "similarity",
    "summarise",
    "textrank",
    "textrank_summary",
]
