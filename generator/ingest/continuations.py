"""Stories continued on another page: the opening part and its continuation become one article.

A paper prints the start of a story on one page with `（下转第三版①）` and the rest on page 3
under `■上接第一版①`. Each part is cut as an article of its own (`continues_to`,
`continued_from`); this corpus-level step pairs them when the corpus holds both, so a reader
gets the whole story once. A part whose partner is not in the corpus stays a marked fragment.

Two parts pair only when nothing they say contradicts it and something confirms it:

* contradictions: page numbers that disagree (the opening's `continues_to` against the
  continuation's printed page, the continuation's `continued_from` against the opening's),
  circled markers that differ (① against ②), different issue dates, different outlets;
* confirmations: agreeing page numbers on both sides, the same circled marker, or headlines
  sharing most of their characters (continuations often reprint a short headline).

Among several candidates the best confirmed one wins (marker, then headline overlap, then page
agreement, then corpus order); each part joins at most once. Pure and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.ingest.marks import PageReference, page_reference
from generator.models import RawArticle

# Share of the shorter headline's characters the other must contain to count as the same story.
HEADLINE_OVERLAP = 0.6
_PAGE_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class _Fit:
    """How well an opening fits a continuation (higher tuples are better)."""

    marker: bool
    headline: float
    pages: bool

    @property
    def confirmed(self) -> bool:
        return self.marker or self.headline >= HEADLINE_OVERLAP or self.pages

    def rank(self) -> tuple[bool, float, bool]:
        return (self.marker, self.headline, self.pages)


def printed_page(article: RawArticle) -> int | None:
    """The page the article is printed on, when its seed's sidecar says (`page: 3`, `第3版`)."""
    if not article.page:
        return None
    match = _PAGE_NUMBER.search(article.page)
    return int(match.group()) if match else page_reference(article.page).number


def headline_overlap(a: str | None, b: str | None) -> float:
    """Share of the shorter headline's characters found in the other (0 when either is missing)."""
    if not a or not b:
        return 0.0
    short, long = sorted(("".join(a.split()), "".join(b.split())), key=len)
    if not short:
        return 0.0
    pool = list(long)
    found = 0
    for char in short:
        if char in pool:
            pool.remove(char)
            found += 1
    return found / len(short)


def _fit(opening: RawArticle, continuation: RawArticle) -> _Fit | None:
    """How `continuation` fits `opening`, or None if anything contradicts the pairing."""
    if opening.continues_to is None or continuation.continued_from is None or opening is continuation:
        return None
    to: PageReference = page_reference(opening.continues_to)
    back: PageReference = page_reference(continuation.continued_from)
    if to.marker and back.marker and to.marker != back.marker:
        return None
    if opening.date and continuation.date and opening.date != continuation.date:
        return None
    if opening.outlet and continuation.outlet and opening.outlet != continuation.outlet:
        return None
    continuation_page, opening_page = printed_page(continuation), printed_page(opening)
    checks = [
        (to.number, continuation_page),
        (back.number, opening_page),
    ]
    if any(a is not None and b is not None and a != b for a, b in checks):
        return None
    pages = all(a is not None and b is not None for a, b in checks)
    return _Fit(
        marker=bool(to.marker) and to.marker == back.marker,
        headline=headline_overlap(opening.title, continuation.title),
        pages=pages,
    )


def joined(opening: RawArticle, continuation: RawArticle) -> RawArticle:
    """The opening with the continuation's text, captions and credits after its own."""
    return replace(
        opening,
        paragraphs=(*opening.paragraphs, *continuation.paragraphs),
        paragraphs_original=(
            (*opening.paragraphs_original, *continuation.paragraphs_original)
            if opening.paragraphs_original or continuation.paragraphs_original
            else ()
        ),
        captions=(*opening.captions, *continuation.captions),
        byline=tuple(dict.fromkeys((*opening.byline, *continuation.byline))),
        continues_to=continuation.continues_to,
        joined_from=(*opening.joined_from, _where(continuation)),
    )


def _where(article: RawArticle) -> str:
    return f"{article.source_file}:{article.line_start}-{article.line_end}"


def join_continuations(articles: Sequence[RawArticle]) -> tuple[RawArticle, ...]:
    """`articles` with each continuation joined to its opening part (see the module docstring).

    The joined article takes the opening's place; the continuation leaves the list. Order is
    otherwise kept.
    """
    items = list(articles)
    taken: set[int] = set()
    merged: dict[int, RawArticle] = {}
    for c_index, continuation in enumerate(items):
        if continuation.continued_from is None:
            continue
        best: tuple[tuple[bool, float, bool], int] | None = None
        for o_index, opening in enumerate(items):
            if o_index in taken or o_index == c_index:
                continue
            fit = _fit(merged.get(o_index, opening), continuation)
            if fit is None or not fit.confirmed:
                continue
            key = (fit.rank(), -o_index)
            if best is None or key > (best[0], -best[1]):
                best = (fit.rank(), o_index)
        if best is None:
            continue
        o_index = best[1]
        merged[o_index] = joined(merged.get(o_index, items[o_index]), continuation)
        taken.add(c_index)
    return tuple(merged.get(i, article) for i, article in enumerate(items) if i not in taken)
