"""The region hierarchy of the digest: province -> prefecture -> county, with counts (pure).

Built from the articles' own `Region` values (names in both languages and GB/T 2260
codes), so it holds exactly the regions that have articles. An article counts for its
region and for every region above it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.models import AnalysedArticle
from generator.render.views import region_chain, region_label, region_path


@dataclass(frozen=True, slots=True)
class RegionIndex:
    """Every region with articles: names, parents and member article ids (near-duplicates left out)."""

    names: Mapping[str, tuple[str, str | None]]  # adcode -> (Chinese, English)
    parents: Mapping[str, str | None]
    members: Mapping[str, tuple[str, ...]]  # adcode -> article ids in the region or below it
    unplaced: tuple[str, ...]

    def children(self, adcode: str | None) -> tuple[str, ...]:
        """Sub-regions (or the provinces, for None), most articles first, then by code."""
        codes = [code for code, parent in self.parents.items() if parent == adcode]
        return tuple(sorted(codes, key=lambda code: (-len(self.members[code]), code)))

    def ancestors(self, adcode: str) -> tuple[str, ...]:
        """Codes above `adcode`, province first."""
        out: list[str] = []
        parent = self.parents.get(adcode)
        while parent is not None:
            out.append(parent)
            parent = self.parents.get(parent)
        return tuple(reversed(out))

    def label(self, adcode: str, lang: str) -> str:
        """The region's name in `lang`."""
        zh, en = self.names[adcode]
        return region_label(zh, en, lang)


def region_index(articles: Sequence[AnalysedArticle]) -> RegionIndex:
    """Index the regions of `articles` (near-duplicates are listed under their original only)."""
    names: dict[str, tuple[str, str | None]] = {}
    parents: dict[str, str | None] = {}
    members: dict[str, list[str]] = defaultdict(list)
    unplaced: list[str] = []
    for article in articles:
        chain = region_chain(article.region)
        for i, (code, zh, en) in enumerate(chain):
            # The first article naming a region in English gives its English name.
            if code not in names or (names[code][1] is None and en):
                names[code] = (zh, en)
            parents.setdefault(code, chain[i - 1][0] if i else None)
        if article.duplicate_of is not None:
            continue
        if not chain:
            unplaced.append(article.id)
        for code, _, _ in chain:
            members[code].append(article.id)
    return RegionIndex(
        names=dict(sorted(names.items())),
        parents=dict(sorted(parents.items())),
        members={code: tuple(members.get(code, ())) for code in sorted(names)},
        unplaced=tuple(unplaced),
    )


@dataclass(frozen=True, slots=True)
class RegionNode:
    """One line of the region tree."""

    adcode: str
    label: str
    count: int
    page: str
    children: tuple[RegionNode, ...]


def region_tree(index: RegionIndex, lang: str, *, parent: str | None = None) -> tuple[RegionNode, ...]:
    """The tree below `parent` (the whole tree for None), regions without articles left out."""
    return tuple(
        RegionNode(
            adcode=code,
            label=index.label(code, lang),
            count=len(index.members[code]),
            page=region_path(code),
            children=region_tree(index, lang, parent=code),
        )
        for code in index.children(parent)
        if index.members[code]
    )


def flatten(nodes: Sequence[RegionNode], depth: int = 0) -> tuple[tuple[int, RegionNode], ...]:
    """(depth, node) in tree order, for templates that print an indented list."""
    out: list[tuple[int, RegionNode]] = []
    for node in nodes:
        out.append((depth, node))
        out.extend(flatten(node.children, depth + 1))
    return tuple(out)


def prefecture_counts(index: RegionIndex, lang: str) -> tuple[tuple[str, int], ...]:
    """(label, articles) of every prefecture-level region (or province without prefectures)."""
    rows = []
    for code in index.names:
        level_two = index.parents.get(code) is not None and index.parents.get(index.parents[code] or "") is None
        childless_province = index.parents.get(code) is None and not index.children(code)
        if level_two or childless_province:
            rows.append((index.label(code, lang), len(index.members[code])))
    return tuple(rows)
