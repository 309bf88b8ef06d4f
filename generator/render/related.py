"""Related articles and previous / next by date (pure, deterministic).

Relatedness is one weighted overlap of features: the regions of an article's chain
(province, prefecture, county), its topics and its keywords. Each shared feature
counts its inverse document frequency, so sharing a county or a rare keyword weighs
more than sharing the province every article is in. Ties break by id, so two builds
list the same articles in the same order.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.models import AnalysedArticle
from generator.render.views import region_chain

MAX_RELATED = 5
MIN_SCORE = 1.0
"""Below this an overlap is coincidence (for instance only the province and a common word)."""
# Features carried by more than this share of articles do not propose candidates
# (they still add to the score): keeps candidate lists short on large sites.
CANDIDATE_MAX_SHARE = 0.2
CANDIDATE_MIN_DF = 30


class Reason:
    """Why two articles are related; the values are keys of the interface strings."""

    REGION = "related_region"
    TOPIC = "related_topic"
    TEXT = "related_text"


@dataclass(frozen=True, slots=True)
class Related:
    id: str
    score: float
    reasons: tuple[str, ...]


def features(article: AnalysedArticle) -> frozenset[str]:
    """The features two articles can share, prefixed by kind."""
    out = {f"region:{code}" for code, _, _ in region_chain(article.region)}
    out |= {f"topic:{code}" for code in (article.topics.primary, *article.topics.secondary)}
    out |= {f"kw:{word}" for word in article.keywords}
    return frozenset(out)


def _cluster(article: AnalysedArticle) -> str:
    # An article and its near-duplicates form one cluster; one never relates to another.
    return article.duplicate_of or article.id


def _reasons(shared: frozenset[str]) -> tuple[str, ...]:
    reasons = []
    # Sharing only the province says little: a region reason needs a prefecture or county.
    if any(f.startswith("region:") and not f.endswith("0000") for f in shared):
        reasons.append(Reason.REGION)
    if any(f.startswith("topic:") for f in shared):
        reasons.append(Reason.TOPIC)
    if any(f.startswith("kw:") for f in shared):
        reasons.append(Reason.TEXT)
    return tuple(reasons)


def related_articles(
    articles: Sequence[AnalysedArticle], *, limit: int = MAX_RELATED, min_score: float = MIN_SCORE
) -> dict[str, tuple[Related, ...]]:
    """For every article id, up to `limit` related canonical articles, best first."""
    feats = {a.id: features(a) for a in articles}
    df: dict[str, int] = defaultdict(int)
    for fs in feats.values():
        for f in fs:
            df[f] += 1
    n = len(articles)
    idf = {f: math.log((1 + n) / count) for f, count in df.items()}
    cap = max(CANDIDATE_MIN_DF, int(n * CANDIDATE_MAX_SHARE))
    index: dict[str, list[str]] = defaultdict(list)
    canonical = [a for a in articles if a.duplicate_of is None]
    for a in canonical:
        for f in feats[a.id]:
            index[f].append(a.id)
    cluster = {a.id: _cluster(a) for a in articles}

    result: dict[str, tuple[Related, ...]] = {}
    for a in articles:
        candidates = {other for f in feats[a.id] if df[f] <= cap for other in index[f]}
        scored: list[tuple[float, str]] = []
        for other in candidates:
            if cluster[other] == cluster[a.id]:
                continue
            score = round(sum(idf[f] for f in feats[a.id] & feats[other]), 6)
            if score >= min_score:
                scored.append((-score, other))
        scored.sort()
        result[a.id] = tuple(
            Related(id=other, score=-neg, reasons=_reasons(feats[a.id] & feats[other])) for neg, other in scored[:limit]
        )
    return result


def neighbours(articles: Sequence[AnalysedArticle]) -> dict[str, tuple[str | None, str | None]]:
    """(previous, next) canonical article by date for every article id; undated ones last."""
    ordered = sorted(articles, key=lambda a: (a.raw.date is None, a.raw.date or "", a.id))
    canonical = [a.id for a in ordered if a.duplicate_of is None]
    position = {article_id: i for i, article_id in enumerate(canonical)}
    result: dict[str, tuple[str | None, str | None]] = {}
    for i, a in enumerate(ordered):
        if a.id in position:
            k = position[a.id]
            result[a.id] = (canonical[k - 1] if k > 0 else None, canonical[k + 1] if k + 1 < len(canonical) else None)
            continue
        # A near-duplicate sits between the canonical articles around it.
        before = [x.id for x in ordered[:i] if x.id in position]
        after = [x.id for x in ordered[i + 1 :] if x.id in position]
        result[a.id] = (before[-1] if before else None, after[0] if after else None)
    return result


def home_region(article: AnalysedArticle) -> str | None:
    """The region an article is browsed within: its prefecture (league or city), else its
    province; None when its region is not known."""
    chain = region_chain(article.region)
    if not chain:
        return None
    return chain[1][0] if len(chain) > 1 else chain[0][0]


def neighbours_in_region(articles: Sequence[AnalysedArticle]) -> dict[str, tuple[str | None, str | None]]:
    """(previous, next) canonical article by date within the article's `home_region`."""
    groups: dict[str, list[AnalysedArticle]] = defaultdict(list)
    for a in articles:
        code = home_region(a)
        if code is not None:
            groups[code].append(a)
    result: dict[str, tuple[str | None, str | None]] = {a.id: (None, None) for a in articles}
    for members in groups.values():
        result.update(neighbours(members))
    return result
