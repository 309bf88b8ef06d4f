from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.models import Region
from generator.render.related import Reason, neighbours, neighbours_in_region, related_articles
from tests.render.factories import ALXA, ARUN, HULUNBUIR, JIAOZUO, make_article


def _analysed(*locs):
    return [loc.article for loc in locs]


def test_same_county_and_rare_keyword_outrank_a_shared_province() -> None:
    articles = _analysed(
        make_article("base", region=ARUN, keywords=("春耕", "复工")),
        make_article("county", region=ARUN, keywords=("春耕",), primary="finance-and-credit"),
        make_article("province", region=ALXA, keywords=("复工",)),
        make_article("elsewhere", region=JIAOZUO, keywords=("口罩",), primary="epidemic-control"),
    )
    related = related_articles(articles, min_score=0.1)
    ids = [r.id for r in related["base"]]
    assert ids[0] == "county"
    assert "elsewhere" not in ids
    assert Reason.REGION in related["base"][0].reasons


def test_never_self_nor_own_near_duplicates_and_deterministic() -> None:
    articles = _analysed(
        make_article("a"),
        make_article("a-copy", duplicate_of="a"),
        make_article("b"),
        make_article("c"),
    )
    first = related_articles(articles, min_score=0.0)
    assert first == related_articles(list(reversed(articles)), min_score=0.0)
    assert {r.id for r in first["a"]} == {"b", "c"}
    assert {r.id for r in first["a-copy"]} == {"b", "c"}
    # Near-duplicates are never proposed: they are already linked from their original.
    assert all(r.id != "a-copy" for rs in first.values() for r in rs)
    assert [r.id for r in first["b"]] == ["a", "c"]  # equal scores: by id


def test_unrelated_articles_get_no_related_list() -> None:
    articles = _analysed(
        make_article("a", region=HULUNBUIR, keywords=("春耕",)),
        make_article("b", region=JIAOZUO, keywords=("口罩",), primary="epidemic-control"),
    )
    assert related_articles(articles) == {"a": (), "b": ()}


def test_neighbours_by_date_skip_duplicates_and_chain_undated_apart() -> None:
    articles = _analysed(
        make_article("m", date="2020-03-12"),
        make_article("x", date=None, region=Region()),
        make_article("w", date=None, region=Region()),
        make_article("n", date="2020-03-29"),
        make_article("n-copy", date="2020-03-29", duplicate_of="n"),
        make_article("l", date="2020-03-01"),
    )
    around = neighbours(articles)
    assert around["l"] == (None, "m")
    assert around["m"] == ("l", "n")
    # The newest dated article does not lead to the undated ones: adding a newer article
    # must not change an undated page.
    assert around["n"] == ("m", None)
    assert around["n-copy"] == ("n", None)
    assert around["w"] == (None, "x") and around["x"] == ("w", None)


def test_neighbours_in_region_stay_within_the_prefecture() -> None:
    articles = _analysed(
        make_article("a", region=HULUNBUIR, date="2020-03-01"),
        make_article("b", region=ALXA, date="2020-03-02"),
        make_article("c", region=ARUN, date="2020-03-03"),  # a county of Hulunbuir
        make_article("d", region=Region(), date="2020-03-04"),
    )
    around = neighbours_in_region(articles)
    assert around["a"] == (None, "c") and around["c"] == ("a", None)
    assert around["b"] == (None, None) and around["d"] == (None, None)


def test_a_pair_score_depends_on_the_pair_alone() -> None:
    base = [
        make_article("a", region=ARUN, keywords=("春耕", "复工"), date="2020-03-10"),
        make_article("b", region=ARUN, keywords=("春耕",), date="2020-03-01"),
        make_article("c", region=HULUNBUIR, keywords=("复工",), date="2020-03-02"),
    ]
    before = related_articles(_analysed(*base))
    # Many more articles sharing every feature: no corpus-wide weight moves the old pair's score.
    crowd = [make_article(f"z{i}", region=ARUN, keywords=("春耕", "复工"), date="2020-04-01") for i in range(20)]
    after = related_articles(_analysed(*base, *crowd))
    assert [(r.id, r.score) for r in after["a"]] == [(r.id, r.score) for r in before["a"]]


def test_a_newer_article_joins_no_older_list_but_lists_the_older_ones() -> None:
    old = [
        make_article("a", region=ARUN, keywords=("春耕",), date="2020-03-01"),
        make_article("b", region=ARUN, keywords=("春耕",), date="2020-03-02"),
    ]
    before = related_articles(_analysed(*old))
    new = make_article("n", region=ARUN, keywords=("春耕",), date="2020-03-30")
    after = related_articles(_analysed(*old, new))
    assert after["a"] == before["a"] and after["b"] == before["b"]
    assert [r.id for r in after["n"]] == ["a", "b"]  # equal scores: by id
    assert [r.id for r in after["b"]] == ["a"]  # same region, older


def test_undated_articles_list_only_undated_ones_and_any_page_may_list_them() -> None:
    articles = _analysed(
        make_article("u1", region=ARUN, keywords=("春耕",), date=None),
        make_article("u2", region=ARUN, keywords=("春耕",), date=None),
        make_article("d", region=ARUN, keywords=("春耕",), date="2020-03-01"),
    )
    related = related_articles(articles)
    assert [r.id for r in related["u1"]] == ["u2"]
    assert [r.id for r in related["d"]] == ["u1", "u2"]


def test_sharing_only_the_province_and_a_topic_is_not_related() -> None:
    articles = _analysed(
        make_article("a", region=HULUNBUIR, keywords=("春耕",), secondary=("finance-and-credit",)),
        make_article("b", region=ALXA, keywords=("口罩",), secondary=("finance-and-credit",)),
    )
    assert related_articles(articles, min_score=0.0) == {"a": (), "b": ()}


@given(st.lists(st.booleans(), max_size=30))
def test_neighbours_are_the_nearest_canonical_articles_each_way(duplicate: list[bool]) -> None:
    """Each article's neighbours, read the slow way: the last canonical article dated before
    it (or the same day, earlier id) and the first after it, near-duplicates skipped."""
    articles = _analysed(
        *(
            make_article(f"a{i:02d}", date="2020-03-12", duplicate_of="a00" if dup and i else None)
            for i, dup in enumerate(duplicate)
        )
    )
    canonical = [a.id for a in articles if a.duplicate_of is None]
    around = neighbours(articles)
    for a in articles:
        earlier = [c for c in canonical if c < a.id]
        later = [c for c in canonical if c > a.id]
        assert around[a.id] == (earlier[-1] if earlier else None, later[0] if later else None)
