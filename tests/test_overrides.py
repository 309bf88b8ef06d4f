"""seeds/overrides.yml: parsing with file and line, corrections applied, ids never changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyse.gazetteer import load_gazetteer
from generator.errors import BuildError
from generator.models import ArticleKind, DateBasis
from generator.overrides import Overrides, apply_overrides, parse_overrides, read_overrides
from tests.render.factories import ALXA, TAXONOMY, make_article

ARTICLES = tuple(
    loc.article
    for loc in (
        make_article("a-0000000001", date="2020-03-01", title="原标题"),
        make_article("b-0000000002", date="2020-03-02"),
        make_article("b-0000000002-2", date="2020-03-02", duplicate_of="b-0000000002"),
        make_article("c-0000000003", date=None),
    )
)


def _apply(text: str):
    return apply_overrides(
        ARTICLES, parse_overrides(text, where="seeds/overrides.yml"), taxonomy=TAXONOMY, gazetteer=load_gazetteer()
    )


def test_corrections_apply_and_the_id_stays() -> None:
    text = """\
a-0000000001:
  title: 新标题
  subtitle: 副题
  date: 2020-02-01
  region: 阿拉善盟
  topics: {primary: finance-and-credit, secondary: [work-resumption]}
  kind: interview
c-0000000003:
  region: "152900"
  topics: [epidemic-control]
"""
    by_id = {a.id: a for a in _apply(text)}
    a = by_id["a-0000000001"]
    assert (a.raw.title, a.raw.subtitle, a.raw.kind) == ("新标题", "副题", ArticleKind.INTERVIEW)
    assert (a.raw.date, a.raw.date_basis) == ("2020-02-01", DateBasis.OVERRIDE)
    assert a.region.adcode == ALXA.adcode and a.region.city == "阿拉善盟"
    assert (a.topics.primary, a.topics.secondary) == ("finance-and-credit", ("work-resumption",))
    c = by_id["c-0000000003"]
    assert c.region.adcode == "152900" and c.topics.primary == "epidemic-control" and c.topics.secondary == ()
    # Untouched articles are the same objects; the order is the analysis's (newest first, then id).
    assert by_id["b-0000000002"] is ARTICLES[1]
    assert list(by_id) == ["b-0000000002", "b-0000000002-2", "a-0000000001", "c-0000000003"]


def test_dropping_an_article_hands_its_duplicates_a_canonical() -> None:
    kept = _apply("b-0000000002:\n  drop: true\n")
    by_id = {a.id: a for a in kept}
    assert "b-0000000002" not in by_id
    assert by_id["b-0000000002-2"].duplicate_of is None


def test_an_empty_or_missing_file_changes_nothing(tmp_path: Path) -> None:
    assert parse_overrides("# nothing to correct\n", where="x").items == ()
    assert read_overrides(tmp_path) == Overrides(where=str(tmp_path / "overrides.yml"))
    assert apply_overrides(ARTICLES, Overrides(where="x"), taxonomy=TAXONOMY, gazetteer=load_gazetteer()) == tuple(
        sorted(sorted(ARTICLES, key=lambda a: a.id), key=lambda a: a.raw.date or "", reverse=True)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a-0000000001:\n  colour: red\n", "seeds/overrides.yml:2: unknown key `colour`"),
        ("a-0000000001:\n  date: 2020-02-30\n", "seeds/overrides.yml:2: `date` must be an ISO date"),
        ("a-0000000001:\n  kind: essay\n", "seeds/overrides.yml:2: unknown kind 'essay'"),
        ("a-0000000001:\n  drop: maybe\n", "seeds/overrides.yml:2: `drop` must be true or false"),
        ("a-0000000001:\n  drop: true\n  title: x\n", "overrides.yml:1: a-0000000001: `drop: true` takes no"),
        ("a-0000000001:\n  title: [a, b]\n", "seeds/overrides.yml:2: `title` must be text"),
        ("a-0000000001:\n  topics: {secondary: [x]}\n", "seeds/overrides.yml:2: `topics` needs `primary`"),
        ("a-0000000001: [1]\n", "seeds/overrides.yml:1: the corrections of a-0000000001 must be a mapping"),
        ("- a\n", "seeds/overrides.yml:1: the file must map article ids"),
        ("a: {title: x\n", "seeds/overrides.yml:2: invalid YAML"),
        ("x-1:\n  title: a\nx-1:\n  title: b\n", "seeds/overrides.yml:3: article x-1 appears twice"),
    ],
)
def test_a_malformed_file_names_the_file_and_line(text: str, expected: str) -> None:
    with pytest.raises(BuildError) as raised:
        parse_overrides(text, where="seeds/overrides.yml")
    message = str(raised.value)
    assert message.startswith("bad overrides file: ") and expected in message, message
    assert "nothing was written" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zz-0000000009:\n  title: x\n", "seeds/overrides.yml:1: no article has the id 'zz-0000000009'"),
        ("a-0000000001:\n  region: 不存在市\n", "seeds/overrides.yml:2: unknown region '不存在市'"),
        ("a-0000000001:\n  region: '999999'\n", "seeds/overrides.yml:2: unknown region code '999999'"),
        ("a-0000000001:\n  region: 鼓楼区\n", "seeds/overrides.yml:2: region '鼓楼区' names several places"),
        ("a-0000000001:\n  topics: [work-resumption, nonsense]\n", "overrides.yml:2: unknown topic code 'nonsense'"),
    ],
)
def test_unknown_ids_regions_and_topic_codes_name_the_line(text: str, expected: str) -> None:
    with pytest.raises(BuildError) as raised:
        _apply(text)
    assert expected in str(raised.value), str(raised.value)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(BuildError) as raised:
        _apply("zz-1:\n  title: x\na-0000000001:\n  topics: [nonsense]\n")
    message = str(raised.value)
    assert "overrides.yml:1:" in message and "overrides.yml:4:" in message
