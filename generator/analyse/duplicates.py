"""Near-duplicate detection across seeds: the same release printed by two outlets is linked.

MinHash signatures over character shingles (Chinese has no spaces, so characters, not
words) go through datasketch's LSH index to find candidate pairs; each candidate is then
confirmed on the exact shingle sets by containment (shared shingles over the smaller
set), because a reprint often trims or extends a release (a dateline dropped, an editor
credit or a paragraph added), which lowers Jaccard similarity but not containment. Within a group of near-duplicates the
canonical article is the one with the most text (ties: the smallest id), and every other
member points to it with `duplicate_of`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

SHINGLE = 5
NUM_PERM = 128
CANDIDATE_THRESHOLD = 0.5  # LSH Jaccard threshold for candidates (recall first)
THRESHOLD = 0.8  # containment needed to confirm a pair
_SEED = 1  # fixed: signatures, and so the output, are identical on every run
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Character shingles of `text` with whitespace and punctuation removed."""
    compact = _NOISE.sub("", text)
    if len(compact) <= size:
        return {compact} if compact else set()
    return {compact[i : i + size] for i in range(len(compact) - size + 1)}


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def signature(text: str) -> MinHash:
    sig = MinHash(num_perm=NUM_PERM, seed=_SEED)
    for shingle in sorted(shingles(text)):
        sig.update(shingle.encode("utf-8"))
    return sig


def find_duplicates(documents: Sequence[Document], *, threshold: float = THRESHOLD) -> dict[str, str]:
    """Map each non-canonical document id to the id of its canonical near-duplicate."""
    docs = sorted((d for d in documents if shingles(d.text)), key=lambda d: d.id)
    sets = {d.id: shingles(d.text) for d in docs}
    signatures = {d.id: signature(d.text) for d in docs}
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    for d in docs:
        lsh.insert(d.id, signatures[d.id])

    parent = {d.id: d.id for d in docs}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for d in docs:
        for other in sorted(lsh.query(signatures[d.id])):
            if other != d.id and containment(sets[d.id], sets[other]) >= threshold:
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
