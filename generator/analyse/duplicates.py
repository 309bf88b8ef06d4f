"""Near-duplicate detection across seeds: the same release printed by two outlets is linked.

MinHash signatures (datasketch) over character shingles (Chinese has no spaces, so
characters, not words) are cut into bands to find candidate pairs, as datasketch's LSH index
does (`BANDS` x `ROWS`, its choice for our threshold); each candidate is then
confirmed on the exact shingle sets by containment (shared shingles over the smaller
set), because a reprint often trims or extends a release (a dateline dropped, an editor
credit or a paragraph added), which lowers Jaccard similarity but not containment. Within a group of near-duplicates the
canonical article is the one with the most text (ties: the smallest id), and every other
member points to it with `duplicate_of`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE = 5
NUM_PERM = 128
CANDIDATE_THRESHOLD = 0.5  # LSH Jaccard threshold for candidates (recall first)
# The bands datasketch's MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM) cuts a
# signature into (a test checks they still are). Banding here gives the same candidates
# without the index class, whose module imports scipy (1.2 s of every build's start).
BANDS, ROWS = 25, 5
THRESHOLD = 0.8  # containment needed to confirm a pair
_SEED = 1  # fixed: signatures, and so the output, are identical on every run
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Document:
    """An article's id and text; `signature` is its MinHash (`signature_values`) when the
    per-seed analysis already computed it, so the corpus step only indexes and confirms."""

    id: str
    text: str
    signature: tuple[int, ...] | None = None


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Character shingles of `text` with whitespace and punctuation removed."""
    compact = _NOISE.sub("", text)
    if len(compact) <= size:
        return {compact} if compact else set()
    return {compact[i : i + size] for i in range(len(compact) - size + 1)}


def has_shingles(text: str) -> bool:
    """Whether `text` has any shingle (anything but whitespace and punctuation)."""
    return bool(_NOISE.sub("", text))


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def template() -> MinHash:
    """An empty MinHash for `_SEED`. datasketch draws the permutations anew for every
    MinHash: draw them once per run and pass this template to `signature`."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_SEED)


def signature(text: str, *, model: MinHash | None = None) -> MinHash:
    """MinHash of `text`'s shingles, updated once with all of them (not once per shingle:
    the batch update gives the same hash values, computed in one array operation)."""
    if model is None:
        sig = template()
    else:
        sig = type(model)(num_perm=NUM_PERM, seed=_SEED, scheme=model.scheme, permutations=model.permutations)
    sig.update_batch([shingle.encode("utf-8") for shingle in sorted(shingles(text))])
    return sig


def signature_values(text: str, *, model: MinHash | None = None) -> tuple[int, ...]:
    """`signature(text)` as plain integers: small, picklable, and cacheable with an article."""
    return tuple(int(value) for value in signature(text, model=model).hashvalues)


def candidates(signatures: dict[str, tuple[int, ...]]) -> dict[str, set[str]]:
    """For each id, the ids (itself included) sharing at least one band of its signature:
    what MinHashLSH.query returns for it after every signature was inserted."""
    buckets: defaultdict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)
    for doc_id, values in signatures.items():
        for band in range(BANDS):
            buckets[(band, values[band * ROWS : (band + 1) * ROWS])].append(doc_id)
    found: dict[str, set[str]] = {doc_id: set() for doc_id in signatures}
    for members in buckets.values():
        if len(members) > 1:
            for doc_id in members:
                found[doc_id].update(members)
    for doc_id, near in found.items():
        near.add(doc_id)
    return found


def find_duplicates(documents: Sequence[Document], *, threshold: float = THRESHOLD) -> dict[str, str]:
    """Map each non-canonical document id to the id of its canonical near-duplicate.

    Linear apart from true near-duplicates: candidates come from LSH, and a candidate
    already in the document's group is not compared again (joining it would change nothing).
    """
    docs = sorted((d for d in documents if has_shingles(d.text)), key=lambda d: d.id)
    model = template() if any(d.signature is None for d in docs) else None
    signatures = {d.id: signature_values(d.text, model=model) if d.signature is None else d.signature for d in docs}
    near = candidates(signatures)
    texts = {d.id: d.text for d in docs}
    sets: dict[str, set[str]] = {}

    def shingle_set(doc_id: str) -> set[str]:
        # Only documents with a candidate need their exact set.
        if doc_id not in sets:
            sets[doc_id] = shingles(texts[doc_id])
        return sets[doc_id]

    parent = {d.id: d.id for d in docs}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for d in docs:
        for other in sorted(near[d.id]):
            if other == d.id or root(d.id) == root(other):
                continue
            if containment(shingle_set(d.id), shingle_set(other)) >= threshold:
                a, b = sorted((root(d.id), root(other)))
                parent[b] = a

    groups: dict[str, list[Document]] = {}
    for d in docs:
        groups.setdefault(root(d.id), []).append(d)
    links: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        canonical = min(members, key=lambda d: (-len(d.text), d.id))
        for d in members:
            if d.id != canonical.id:
                links[d.id] = canonical.id
    return links
