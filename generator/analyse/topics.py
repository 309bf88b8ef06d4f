"""Topic classification against the project's taxonomy (``data/topics.yml``).

The primary topic is the learned model's (``generator.analyse.topic_model``), or ``other``
when it is not sure; the hand-weighted term lists below give the model its evidence
features, the secondary topics and the evidence readers see.

Term scoring, per topic, sums over its terms ``weight * sat(tf)`` where ``tf``
counts the term in the title (x3), the lead paragraph (x1.5) and the rest of
the body (x1), and ``sat`` is BM25's saturation ``tf * (k1 + 1) / (tf + k1)``:
the tenth mention of a word adds little, a second *different* word adds a lot.
Terms are matched on word boundaries from the segmenter, so 修复工程 is not
复工 while 复工复产 still counts as 复工 (its dictionary sub-words).

Among the term lists' own picks, a *background* topic (epidemic control, which every
2020 article mentions) leads only when it outscores the runner-up by a clear margin.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import yaml

from generator.analyse.segment import Segmenter, read_data_text
from generator.analyse.topic_model import TopicModel, predict, topic_words
from generator.errors import ConfigError
from generator.models import TopicAssignment

WEIGHT_STRONG = 2.0
WEIGHT_HINT = 1.0
WEIGHT_WEAK = 0.3
TITLE_BOOST = 2.0
LEAD_BOOST = 1.5
K1 = 1.2
# A background topic must beat the best other topic by this factor to be primary.
BACKGROUND_MARGIN = 1.6
# Secondary topics: at least this share of the primary's score, and this much
# absolute evidence (one strong term in the body scores ~2.0, so it takes more).
SECONDARY_SHARE = 0.2
SECONDARY_MIN = 2.5
MAX_SECONDARY = 3
# The outcome when the model is not sure enough of any topic (a taxonomy code like the rest).
OTHER_CODE = "other"
# Evidence terms shown per topic.
MAX_EVIDENCE = 6

# Paragraph separator: blank line(s) between paragraphs of RawArticle.body;
# a single newline also separates when a text was joined that way.
_PARAGRAPHS = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Topic:
    """A taxonomy entry. ``hints`` are ordinary terms; see module doc for the rest."""

    code: str
    zh: str
    en: str
    hints: tuple[str, ...]
    strong: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    background: bool = False

    def weighted_terms(self) -> tuple[tuple[str, float], ...]:
        """Every term with its weight; a term listed twice keeps its highest weight."""
        weights: dict[str, float] = {}
        for terms, weight in ((self.weak, WEIGHT_WEAK), (self.hints, WEIGHT_HINT), (self.strong, WEIGHT_STRONG)):
            for term in terms:
                weights[term] = max(weight, weights.get(term, 0.0))
        return tuple(sorted(weights.items()))


def parse_taxonomy(text: str, *, source: str = "topics.yml") -> tuple[Topic, ...]:
    """Parse taxonomy YAML into topics; every problem is reported at once as ConfigError."""
    data = yaml.safe_load(text)
    if not isinstance(data, list):
        raise ConfigError(f"{source}: expected a list of topics")
    topics: list[Topic] = []
    problems: list[str] = []
    seen: set[str] = set()
    for index, entry in enumerate(data, 1):
        if not isinstance(entry, Mapping):
            problems.append(f"entry {index}: not a mapping")
            continue
        missing = [k for k in ("code", "zh", "en") if not isinstance(entry.get(k), str)]
        if missing:
            problems.append(f"entry {index}: missing {', '.join(missing)}")
            continue
        if entry["code"] in seen:
            problems.append(f"entry {index}: duplicate code {entry['code']}")
            continue
        seen.add(entry["code"])
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("hints", "strong", "weak"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                problems.append(f"entry {index} ({entry['code']}): {key} must be a list of words")
                value = []
            lists[key] = tuple(value)
        topics.append(
            Topic(
                code=entry["code"],
                zh=entry["zh"],
                en=entry["en"],
                hints=lists["hints"],
                strong=lists["strong"],
                weak=lists["weak"],
                background=bool(entry.get("background", False)),
            )
        )
    if problems:
        raise ConfigError(f"{source}: " + "; ".join(problems))
    if not topics:
        raise ConfigError(f"{source}: no topics")
    return tuple(topics)


def load_taxonomy() -> tuple[Topic, ...]:
    """The project's taxonomy from ``generator/data/topics.yml``."""
    return parse_taxonomy(read_data_text("topics.yml"))


@dataclass(frozen=True, slots=True)
class _Zone:
    """One scored part of an article: its text, the word boundaries in it, its boost."""

    text: str
    boundaries: frozenset[int]
    boost: float


def word_boundaries(text: str, segmenter: Segmenter) -> frozenset[int]:
    """Offsets in ``text`` where a word starts or ends, including compound-internal ones.

    复工复产 (one token) contributes 0, 2, 4 because 复工 and 复产 are words.
    """
    bounds: set[int] = set()
    for token in segmenter.tokens(text):
        bounds.add(token.start)
        bounds.add(token.end)
        bounds.update(token.start + k for k in segmenter.split_points(token.text))
    return frozenset(bounds)


def count_term(term: str, text: str, boundaries: frozenset[int]) -> int:
    """Occurrences of ``term`` in ``text`` that start and end on word boundaries."""
    count = 0
    start = text.find(term)
    while start >= 0:
        if start in boundaries and start + len(term) in boundaries:
            count += 1
        start = text.find(term, start + 1)
    return count


def _saturate(tf: float) -> float:
    return tf * (K1 + 1.0) / (tf + K1) if tf > 0 else 0.0


def _zones(title: str, body: str, segmenter: Segmenter) -> tuple[_Zone, ...]:
    paragraphs = [p for p in _PARAGRAPHS.split(body) if p.strip()]
    lead = paragraphs[0] if paragraphs else ""
    rest = "\n".join(paragraphs[1:])
    zones = ((title, TITLE_BOOST), (lead, LEAD_BOOST), (rest, 1.0))
    return tuple(_Zone(text, word_boundaries(text, segmenter), boost) for text, boost in zones if text)


def term_counts(terms: tuple[str, ...], text: str, boundaries: frozenset[int]) -> dict[str, int]:
    """Count each term on word boundaries; where matches overlap, the longest wins.

    Without this, 重点工业企业 would count as 工业企业 and 工业 too, and a
    topic with nested terms would score three times for one phrase.

    Matches are taken longest first, then leftmost, then by term. Whether a match
    overlaps one already taken is read from a per-character occupancy map, so the
    cost is the number of matches times the term length, never matches squared
    (a 3 MB seed of repeated terms once took minutes).
    """
    spans = sorted(_boundary_matches(terms, text, boundaries), key=lambda s: (-(s[1] - s[0]), s[0], s[2]))
    occupied = bytearray(len(text))
    counts: dict[str, int] = {}
    for start, end, term in spans:
        if occupied.find(1, start, end) >= 0:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        counts[term] = counts.get(term, 0) + 1
    return counts


def _boundary_matches(terms: tuple[str, ...], text: str, boundaries: frozenset[int]) -> list[tuple[int, int, str]]:
    """(start, end, term) of every occurrence, overlapping ones included, that starts and ends on a boundary.

    A term listed twice is searched once (its second copy could never be taken); the
    empty term matches nothing (taxonomies cannot hold one).
    """
    spans: list[tuple[int, int, str]] = []
    for term in dict.fromkeys(term for term in terms if term):
        start = text.find(term)
        while start >= 0:
            end = start + len(term)
            if start in boundaries and end in boundaries:
                spans.append((start, end, term))
            start = text.find(term, start + 1)
    return spans


def score_topics(
    title: str, body: str, *, taxonomy: tuple[Topic, ...], segmenter: Segmenter
) -> tuple[tuple[str, float, tuple[str, ...]], ...]:
    """(code, score, evidence terms by contribution) for every topic, in taxonomy order."""
    zones = _zones("", body, segmenter)
    title_zone = _Zone(title, word_boundaries(title, segmenter), TITLE_BOOST) if title else None
    results: list[tuple[str, float, tuple[str, ...]]] = []
    for topic in taxonomy:
        weights = dict(topic.weighted_terms())
        terms = tuple(weights)
        tf: dict[str, float] = {}
        for zone in zones:
            for term, count in term_counts(terms, zone.text, zone.boundaries).items():
                tf[term] = tf.get(term, 0.0) + zone.boost * count
        contribution = {t: weights[t] * _saturate(f) for t, f in tf.items()}
        if title_zone is not None:
            # A headline names what the article is about: a term there counts
            # once, fully, even a weak one (疫情防控 in a title is a statement
            # of subject, in a body mere boilerplate).
            for term in term_counts(terms, title_zone.text, title_zone.boundaries):
                weight = max(weights[term], WEIGHT_HINT)
                contribution[term] = contribution.get(term, 0.0) + TITLE_BOOST * weight
        ranked = sorted(((c, t) for t, c in contribution.items()), key=lambda c: (-c[0], c[1]))
        score = sum(c for c, _ in ranked)
        results.append((topic.code, score, tuple(t for _, t in ranked)))
    return tuple(results)


def _title_topics(title: str, taxonomy: tuple[Topic, ...], segmenter: Segmenter) -> frozenset[str]:
    """Codes of topics with at least one term in the title."""
    if not title:
        return frozenset()
    bounds = word_boundaries(title, segmenter)
    return frozenset(t.code for t in taxonomy if term_counts(tuple(dict(t.weighted_terms())), title, bounds))


def _pick_primary(
    scored: tuple[tuple[str, float, tuple[str, ...]], ...], background: frozenset[str], in_title: frozenset[str]
) -> str | None:
    ranked = sorted(scored, key=lambda s: (-s[1], s[0]))
    if not ranked or ranked[0][1] <= 0:
        return None
    top_code, top_score, _ = ranked[0]
    # A background topic leads only if the headline is about it or it clearly
    # outscores everything else.
    if top_code not in background or top_code in in_title:
        return top_code
    runner_up = next((s for s in ranked[1:] if s[0] not in background and s[1] > 0), None)
    if runner_up is None or top_score >= BACKGROUND_MARGIN * runner_up[1]:
        return top_code
    return runner_up[0]


def classify(
    title: str, body: str, *, taxonomy: tuple[Topic, ...], model: TopicModel, segmenter: Segmenter
) -> TopicAssignment:
    """One primary topic (the learned model's), up to three secondary ones, with evidence.

    The primary topic is the model's most probable class, or `other` when that
    probability is below the model's threshold: a wrong topic is worse than none.
    Secondary topics are the hand scorer's picks (its own primary first, then the topics
    that clear its evidence floor), minus the primary. Evidence lists, per assigned topic,
    the taxonomy terms found, and for the primary also the article's words that weighed
    most for it in the model.
    """
    if not taxonomy:
        raise ConfigError("topic taxonomy is empty")
    title, body = title or "", body or ""
    scored = score_topics(title, body, taxonomy=taxonomy, segmenter=segmenter)
    by_code = {code: (score, terms) for code, score, terms in scored}
    prediction = predict(model, topic_words(title, body, segmenter), {code: s for code, s, _ in scored})
    best, probability = prediction.best()
    primary = best if probability >= model.other_threshold else OTHER_CODE
    secondary = tuple(code for code in _hand_picks(scored, taxonomy, title, segmenter) if code != primary)
    secondary = secondary[:MAX_SECONDARY]
    evidence: list[tuple[str, tuple[str, ...]]] = []
    if primary != OTHER_CODE:
        terms = by_code.get(primary, (0.0, ()))[1]
        words = tuple(w for w, c in prediction.word_contributions.get(primary, ()) if c > 0 and w not in terms)
        evidence.append((primary, (*terms, *words)[:MAX_EVIDENCE]))
    evidence.extend((code, by_code[code][1][:MAX_EVIDENCE]) for code in secondary)
    return TopicAssignment(primary=primary, secondary=secondary, evidence=tuple(evidence))


def _hand_picks(
    scored: tuple[tuple[str, float, tuple[str, ...]], ...],
    taxonomy: tuple[Topic, ...],
    title: str,
    segmenter: Segmenter,
) -> tuple[str, ...]:
    """The hand scorer's primary topic, then its secondary topics (score order)."""
    background = frozenset(t.code for t in taxonomy if t.background)
    hand_primary = _pick_primary(scored, background, _title_topics(title, taxonomy, segmenter))
    if hand_primary is None:
        return ()
    primary_score = next(score for code, score, _ in scored if code == hand_primary)
    floor = max(SECONDARY_MIN, SECONDARY_SHARE * primary_score)
    others = tuple(
        code
        for code, score, _ in sorted(scored, key=lambda s: (-s[1], s[0]))
        if code != hand_primary and score >= floor
    )
    return (hand_primary, *others)


@lru_cache(maxsize=1)
def default_taxonomy() -> tuple[Topic, ...]:
    """The project's taxonomy, parsed once per process."""
    return load_taxonomy()
