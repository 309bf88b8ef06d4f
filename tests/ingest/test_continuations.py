"""Stories continued on another page: both parts become one article, or stay apart."""

from __future__ import annotations

from dataclasses import replace

from generator.ingest.continuations import headline_overlap, join_continuations, printed_page
from generator.ingest.marks import PageReference, page_reference
from generator.models import RawArticle
from tests.raw_articles import make_raw


def _article(name: str, title: str | None, text: str, **fields: object) -> RawArticle:
    return make_raw((text,), source_file=name, title=title, **fields)


OPENING = _article(
    "p1.txt", "全市重点项目集中开工", "本报讯 今天上午，全市42个重点项目集中开工，", continues_to="第三版①"
)
CONTINUATION = _article("p3.txt", "重点项目集中开工", "总投资达到126亿元。", continued_from="第一版①")
OTHER = _article("p1.txt", "春耕备耕有序开展", "农资供应充足。", continues_to="第三版②")


def test_page_references() -> None:
    assert page_reference("第三版①") == PageReference(3, "①")
    assert page_reference("第12版") == PageReference(12, "")
    assert page_reference("第A2版").number is None


def test_both_parts_become_one_article_in_the_openings_place() -> None:
    result = join_continuations((OPENING, OTHER, CONTINUATION))
    assert [a.title for a in result] == ["全市重点项目集中开工", "春耕备耕有序开展"]
    whole = result[0]
    assert whole.paragraphs == (*OPENING.paragraphs, *CONTINUATION.paragraphs)
    assert whole.continues_to is None
    assert whole.joined_from == ("p3.txt:1-9",)


def test_the_circled_marker_picks_the_right_opening() -> None:
    second = _article("p3.txt", None, "农户抓紧播种。", continued_from="第一版②")
    result = join_continuations((OPENING, OTHER, second))
    assert [a.paragraphs for a in result] == [OPENING.paragraphs, (*OTHER.paragraphs, *second.paragraphs)]


def test_a_continuation_without_its_opening_stays_a_fragment() -> None:
    assert join_continuations((OTHER, replace(CONTINUATION, continued_from="第一版③"))) == (
        OTHER,
        replace(CONTINUATION, continued_from="第一版③"),
    )


def test_contradicting_pages_or_dates_keep_the_parts_apart() -> None:
    on_page_five = replace(CONTINUATION, page="5")
    assert len(join_continuations((OPENING, on_page_five))) == 2
    other_day = replace(CONTINUATION, date="2020-03-02")
    assert len(join_continuations((replace(OPENING, date="2020-03-01"), other_day))) == 2


def test_without_marker_or_pages_the_headline_must_agree() -> None:
    opening = replace(OPENING, continues_to="第三版")
    unrelated = _article("p3.txt", "防汛物资储备到位", "储备物资充足。", continued_from="第一版")
    assert len(join_continuations((opening, unrelated))) == 2
    related = replace(unrelated, title="重点项目集中开工")
    assert len(join_continuations((opening, related))) == 1


def test_printed_page_and_headline_overlap() -> None:
    assert printed_page(replace(OPENING, page="3")) == 3
    assert printed_page(replace(OPENING, page="第三版")) == 3
    assert printed_page(OPENING) is None
    assert headline_overlap("全市重点项目集中开工", "重点项目集中开工") == 1.0
    assert headline_overlap(None, "标题") == 0.0


def test_joining_is_deterministic() -> None:
    items = (OPENING, OTHER, CONTINUATION)
    assert join_continuations(items) == join_continuations(items)
