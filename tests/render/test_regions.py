from __future__ import annotations

from generator.models import Region
from generator.render.regions import flatten, prefecture_counts, region_index, region_tree
from tests.render.factories import ALXA, ARUN, HULUNBUIR, JIAOZUO, make_article


def _index():
    return region_index(
        [
            loc.article
            for loc in (
                make_article("a", region=ARUN),
                make_article("b", region=HULUNBUIR),
                make_article("b-copy", region=HULUNBUIR, duplicate_of="b"),
                make_article("c", region=ALXA),
                make_article("d", region=JIAOZUO),
                make_article("e", region=Region()),
            )
        ]
    )


def test_articles_count_for_their_region_and_every_region_above() -> None:
    index = _index()
    assert index.members["150000"] == ("a", "b", "c")
    assert index.members["150700"] == ("a", "b")
    assert index.members["150721"] == ("a",)
    assert index.unplaced == ("e",)
    assert index.ancestors("150721") == ("150000", "150700")


def test_tree_orders_by_count_then_code_in_either_language() -> None:
    tree = flatten(region_tree(_index(), "en"))
    assert [(depth, node.label, node.count) for depth, node in tree] == [
        (0, "Inner Mongolia Autonomous Region", 3),
        (1, "Hulunbuir City", 2),
        (2, "Arun Banner", 1),
        (1, "Alxa League", 1),
        (0, "Henan Province", 1),
        (1, "Jiaozuo City", 1),
    ]
    assert region_tree(_index(), "zh")[0].page == "regions/150000.md"


def test_prefecture_counts() -> None:
    assert sorted(prefecture_counts(_index(), "zh")) == [("呼伦贝尔市", 2), ("焦作市", 1), ("阿拉善盟", 1)]
