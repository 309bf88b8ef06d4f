"""Related articles and previous / next by date (pure, deterministic).

Relatedness is a weighted overlap of features: the regions of an article's chain
(province, prefecture, county), its topics and its keywords. The weights are fixed
(`WEIGHTS`), so a pair's score depends on the two articles alone: adding or changing
one article never moves the scores of other pairs (corpus-wide weights such as inverse
document frequency reshuffled every related list whenever an article was added).

An article lists only articles of its own date or older (`may_list`), best first, ties
by id. A new article, usually the newest, therefore joins no older page's list: adding
one changes its own page and the same-day pages it is related to, not the archive.
Undated articles count as the oldest: they list only undated articles, and any page
may list them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.models import AnalysedArticle
from generator.render.views import region_chain

MAX_RELATED = 5
MIN_SCORE = 2.5
"""Below this an overlap is coincidence (the province, a topic and one common word at most)."""
WEIGHTS = {"county": 3.0, "prefecture": 2.0, "province": 0.5, "topic": 1.0, "kw": 1.0}
"""What sharing one feature of each kind is worth: a county says more than a province."""
# Only these kinds propose candidates (and a pair must share one of them): sharing only the
# province and a topic is what most of the corpus has in common.
SPECIFIC = frozenset({"county", "prefecture", "kw"})


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


def _region_kind(code: str) -> str:
    # GB/T 2260: a province's code ends in 0000, a prefecture's in 00.
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def features(article: AnalysedArticle) -> frozenset[tuple[str, str]]:
    """The (kind, value) features two articles can share."""
    out = {(_region_kind(code), code) for code, _, _ in region_chain(article.region)}
    out |= {("topic", code) for code in (article.topics.primary, *article.topics.secondary)}
    out |= {("kw", word) for word in article.keywords}
    return frozenset(out)


def pair_score(shared: frozenset[tuple[str, str]]) -> float:
    """The score of two articles sharing `shared`: 0 unless one shared feature is specific."""
    if not any(kind in SPECIFIC for kind, _ in shared):
        return 0.0
    return round(sum(WEIGHTS[kind] for kind, _ in shared), 6)


def age(article: AnalysedArticle) -> str:
    """What `may_list` compares: the ISO date, "" (the oldest) when undated."""
    return article.raw.date or ""


def may_list(page: AnalysedArticle, other: AnalysedArticle) -> bool:
    """Whether `page` may list `other` as related: same date or older, never the other way."""
    return age(other) <= age(page)


def _cluster(article: AnalysedArticle) -> str:
    # An article and its near-duplicates form one cluster; one never relates to another.
    return article.duplicate_of or article.id


def _reasons(shared: frozenset[tuple[str, str]]) -> tuple[str, ...]:
    kinds = {kind for kind, _ in shared}
    reasons = []
    # Sharing only the province says little: a region reason needs a prefecture or county.
    if kinds & {"prefecture", "county"}:
        reasons.append(Reason.REGION)
    if "topic" in kinds:
        reasons.append(Reason.TOPIC)
    if "kw" in kinds:
        reasons.append(Reason.TEXT)
    return tuple(reasons)


def related_articles(
    articles: Sequence[AnalysedArticle], *, limit: int = MAX_RELATED, min_score: float = MIN_SCORE
) -> dict[str, tuple[Related, ...]]:
    """For every article id, up to `limit` related canonical articles it `may_list`, best first."""
    feats = {a.id: features(a) for a in articles}
    by_id = {a.id: a for a in articles}
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in articles:
        if a.duplicate_of is None:
            for f in feats[a.id]:
                if f[0] in SPECIFIC:
                    index[f].append(a.id)
    cluster = {a.id: _cluster(a) for a in articles}

    result: dict[str, tuple[Related, ...]] = {}
    for a in articles:
        candidates = {other for f in feats[a.id] if f[0] in SPECIFIC for other in index[f]}
        scored: list[tuple[float, str]] = []
        for other in candidates:
            if cluster[other] == cluster[a.id] or not may_list(a, by_id[other]):
                continue
            score = pair_score(feats[a.id] & feats[other])
            if score >= min_score:
                scored.append((-score, other))
        scored.sort()
        result[a.id] = tuple(
            Related(id=other, score=-neg, reasons=_reasons(feats[a.id] & feats[other])) for neg, other in scored[:limit]
        )
    return result


def _chain(articles: Sequence[AnalysedArticle]) -> dict[str, tuple[str | None, str | None]]:
    """(previous, next) canonical article in the order given; a near-duplicate sits between
    the canonical articles around it. Two passes, linear: each article's last canonical
    article before it, then its first after it (a scan per near-duplicate was quadratic: a
    third of render's time at 20,000 articles)."""
    before: list[str | None] = []
    last: str | None = None
    for a in articles:
        before.append(last)
        if a.duplicate_of is None:
            last = a.id
    after: list[str | None] = [None] * len(articles)
    following: str | None = None
    for i in range(len(articles) - 1, -1, -1):
        after[i] = following
        if articles[i].duplicate_of is None:
            following = articles[i].id
    return {a.id: (before[i], after[i]) for i, a in enumerate(articles)}


def neighbours(articles: Sequence[AnalysedArticle]) -> dict[str, tuple[str | None, str | None]]:
    """(previous, next) canonical article by date for every article id.

    Dated and undated articles are two separate chains (undated ones by id): an undated
    article is not "after" the newest one, and linking them would change an undated page
    every time a newer article is added.
    """
    ordered = sorted(articles, key=lambda a: (a.raw.date or "", a.id))
    return {
        **_chain([a for a in ordered if a.raw.date is not None]),
        **_chain([a for a in ordered if a.raw.date is None]),
    }


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
