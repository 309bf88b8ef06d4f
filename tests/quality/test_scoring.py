"""The scorer must be right before it may judge the splitter: small literal cases."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from generator.models import ArticleKind, RawArticle, SourceFormat
from tests.quality.gold import GoldFormatError, parse_gold
from tests.quality.scoring import (
    GoldArticle,
    align,
    align_file,
    byline_matches,
    content_line_numbers,
    date_matches,
    deck_matches,
    format_report,
    format_table,
    kind_matches,
    line_iou,
    normalise_title,
    score,
    title_matches,
)


@dataclass(frozen=True, slots=True)
class Pred:
    source_file: str
    line_start: int
    line_end: int
    title: str | None = None
    byline: tuple[str, ...] = ()
    date: str | None = None
    kind: object = "article"


def gold(start: int, end: int, title: str | None = None, **kw: object) -> GoldArticle:
    fields: dict[str, object] = {"byline": (), "date": None, "kind": "article"}
    fields.update(kw)
    return GoldArticle("a.txt", start, end, title, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\n\nb\n", {1, 3}),
        ("a\r\n \r\nb", {1, 3}),
        ("a\rb\r\rc", {1, 2, 4}),
        ("", set()),
        ("\u3000\n x", {2}),  # an ideographic space alone is a blank line
    ],
)
def test_content_line_numbers(text: str, expected: set[int]) -> None:
    assert content_line_numbers(text) == frozenset(expected)


@pytest.mark.parametrize(
    ("a", "b", "content", "expected"),
    [
        ((1, 10), (1, 10), None, 1.0),
        ((1, 10), (11, 20), None, 0.0),
        ((1, 10), (6, 15), None, 5 / 15),
        ((1, 4), (1, 2), None, 0.5),
        # Blank lines 2-3 do not count: 1 and 4-5 are the same cut as 1-5.
        ((1, 5), (4, 5), frozenset({1, 4, 5}), 2 / 3),
        ((1, 5), (2, 5), frozenset({1, 4, 5}), 2 / 3),
        ((2, 5), (4, 5), frozenset({1, 4, 5}), 1.0),
        # Neither range has content: fall back to counting all lines.
        ((2, 3), (2, 3), frozenset({1}), 1.0),
    ],
)
def test_line_iou(a: tuple[int, int], b: tuple[int, int], content: frozenset[int] | None, expected: float) -> None:
    assert line_iou(a, b, content_lines=content) == pytest.approx(expected)
    assert line_iou(b, a, content_lines=content) == pytest.approx(expected)


def test_align_file_matches_one_to_one_and_reports_misses_and_spurious() -> None:
    golds = [gold(1, 10, "甲"), gold(12, 20, "乙"), gold(22, 30, "丙")]
    preds = [
        Pred("a.txt", 1, 9),  # IoU 0.9 with 甲
        Pred("a.txt", 1, 10),  # exact 甲: wins, the 1-9 one is left over
        Pred("a.txt", 12, 30),  # covers 乙+丙: IoU < 0.6 with each
    ]
    al = align_file("a.txt", preds, golds)
    assert [(m.gold.title, m.predicted.line_end) for m in al.matches] == [("甲", 10)]
    assert [g.title for g in al.missed] == ["乙", "丙"]
    assert {(p.line_start, p.line_end) for p in al.spurious} == {(1, 9), (12, 30)}


@pytest.mark.parametrize(
    ("pred_range", "matched"),
    [
        ((1, 10), True),
        ((4, 10), True),  # 7/10
        ((5, 10), True),  # 6/10: the threshold is inclusive
        ((6, 10), False),  # 5/10
        ((1, 16), True),  # 10/16
        ((1, 17), False),  # 10/17
    ],
)
def test_threshold_is_inclusive_at_point_six(pred_range: tuple[int, int], matched: bool) -> None:
    al = align_file("a.txt", [Pred("a.txt", *pred_range)], [gold(1, 10)])
    assert bool(al.matches) is matched


def test_align_splits_by_file_and_keeps_unknown_files() -> None:
    golds = [gold(1, 5, "甲")]
    preds = [Pred("a.txt", 1, 5, "甲"), Pred("b.txt", 1, 3, "x")]
    als = align(preds, golds)
    assert [a.source_file for a in als] == ["a.txt", "b.txt"]
    s = score(als)
    assert (s.gold_count, s.predicted_count, s.matched_count) == (1, 2, 1)
    assert s.precision == 0.5 and s.recall == 1.0
    assert s.f1 == pytest.approx(2 / 3)


def test_content_lines_decide_a_borderline_match() -> None:
    # Gold 1-10 with blank lines 2-7: a prediction of 8-10 is most of the real text.
    content = {"a.txt": frozenset({1, 8, 9, 10})}
    preds = [Pred("a.txt", 8, 10)]
    assert score(align(preds, [gold(1, 10)], content_lines_by_file=content)).matched_count == 1
    assert score(align(preds, [gold(1, 10)])).matched_count == 0


def test_field_accuracies_count_missed_gold_as_wrong() -> None:
    golds = [
        gold(1, 10, "甲", byline=("张三",), date="2020-03-29", kind="article"),
        gold(12, 20, "乙", byline=(), date=None, kind="photo-story"),
        gold(22, 30, "丙"),
        gold(32, 40, "丁"),
    ]
    preds = [
        Pred("a.txt", 1, 10, "甲", ("张三",), "2020-03-29", ArticleKind.ARTICLE),
        Pred("a.txt", 12, 20, "乙乙", ("李四",), "2020-03-30", ArticleKind.PHOTO_STORY),
        Pred("a.txt", 22, 30, "丙", (), None, "notice"),
    ]
    s = score(align(preds, golds))
    assert (s.gold_count, s.predicted_count, s.matched_count) == (4, 3, 3)
    assert s.title_accuracy == 2 / 4
    assert s.byline_accuracy == 2 / 4
    assert s.date_accuracy == 2 / 4
    assert s.kind_accuracy == 2 / 4
    assert s.precision == 1.0 and s.recall == 3 / 4


def test_empty_sets_score_perfectly_and_no_predictions_score_zero() -> None:
    assert score([]).f1 == 1.0
    s = score(align([], [gold(1, 2)]))
    assert (s.precision, s.recall, s.f1, s.title_accuracy) == (0.0, 0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("众志成城抗疫情 党员战“疫”勇先行", "众志成城抗疫情党员战“疫”勇先行"),
        ("  市领导调研山阳区\n疫情防控 ", "市领导调研山阳区疫情防控"),
        ("Inner   Mongolia 春耕", "Inner Mongolia春耕"),
        ("QC830 冷室", "QC830冷室"),
        ("", None),
        (" \u3000", None),
        (None, None),
    ],
)
def test_normalise_title(title: str | None, expected: str | None) -> None:
    assert normalise_title(title) == expected


@pytest.mark.parametrize(
    ("predicted", "gold_title", "alternatives", "expected"),
    [
        ("发放惠企“大红包”", "发放惠企“大红包”", (), True),
        ("发放惠企发放惠企““大红包大红包””", "发放惠企“大红包”", (), False),
        ('发放惠企"大红包"', "发放惠企“大红包”", (), False),  # quotes are text
        ("大兴安岭科学防火确保森林无恙", "大兴安岭科学防火 确保森林无恙", (), True),
        (None, None, (), True),
        ("", None, (), True),
        (None, "标题", (), False),
        ("标题", None, (), False),
        (None, "抗击疫情 共赴时艰", (None,), True),
        ("精准精细发力 推动企业平稳复工", "唐毅 精准精细发力", ("精准精细发力 推动企业平稳复工",), True),
    ],
)
def test_title_matches(
    predicted: str | None,
    gold_title: str | None,
    alternatives: tuple[str | None, ...],
    expected: bool,
) -> None:
    g = gold(1, 2, gold_title, title_alternatives=alternatives)
    assert title_matches(predicted, g) is expected


@pytest.mark.parametrize(
    ("predicted", "gold_names", "expected"),
    [
        (("郭洪申", "薛一群"), ("薛一群", "郭洪申"), True),
        (("乔 楠",), ("乔楠",), True),
        (("郭洪申",), ("郭洪申", "薛一群"), False),
        (("记者 郭洪申",), ("郭洪申",), False),  # roles must be stripped by the splitter
        (("张三", "张三"), ("张三",), False),  # a multiset, not a set
        ((), (), True),
    ],
)
def test_byline_matches(predicted: tuple[str, ...], gold_names: tuple[str, ...], expected: bool) -> None:
    assert byline_matches(predicted, gold_names) is expected


def test_date_and_kind_matching() -> None:
    import datetime

    assert date_matches("2020-03-29", "2020-03-29")
    assert date_matches(datetime.date(2020, 3, 29), "2020-03-29")
    assert date_matches(None, None)
    assert not date_matches("2020-03-29", None)
    assert kind_matches(ArticleKind.PHOTO_STORY, "photo-story")
    assert not kind_matches(ArticleKind.INTERVIEW, "continuation")


@pytest.mark.parametrize(
    ("predicted", "gold_deck", "expected"),
    [
        ("——武川县税务局党员干部深入开展疫情防控工作", "武川县税务局党员干部深入开展疫情防控工作", True),
        ("科学管控分类施策统筹推进", "科学管控 分类施策 统筹推进", True),
        (None, None, True),
        ("阿拉善盟", None, False),
        (None, "阿拉善盟", False),
    ],
)
def test_deck_matches(predicted: str | None, gold_deck: str | None, expected: bool) -> None:
    assert deck_matches(predicted, gold_deck) is expected


def test_informational_fields_are_scored_from_raw_articles() -> None:
    raw = RawArticle(
        source_file="a.txt",
        line_start=1,
        line_end=4,
        format=SourceFormat.NEWSPAPER_PAGE,
        kind=ArticleKind.ARTICLE,
        title="甲",
        subtitle="——副题",
        paragraphs=("正文。",),
        dateline_place="通辽",
        kicker=None,
    )
    g = gold(1, 4, "甲", subtitle="副题", kicker="兴安盟", dateline_place="通辽")
    s = score(align([raw], [g]))
    assert (s.subtitle_accuracy, s.kicker_accuracy, s.place_accuracy) == (1.0, 0.0, 1.0)
    assert "(kicker)" in format_report(align([raw], [g]))
    # Predictions without these attributes count as None.
    s2 = score(align([Pred("a.txt", 1, 4, "甲")], [gold(1, 4, "甲")]))
    assert (s2.subtitle_accuracy, s2.kicker_accuracy, s2.place_accuracy) == (1.0, 1.0, 1.0)


def test_raw_article_is_scorable() -> None:
    raw = RawArticle(
        source_file="a.txt",
        line_start=1,
        line_end=4,
        format=SourceFormat.NEWSPAPER_PAGE,
        kind=ArticleKind.ARTICLE,
        title="甲",
        subtitle=None,
        paragraphs=("正文。",),
        byline=("张三",),
        date="2020-02-20",
    )
    s = score(align([raw], [gold(1, 4, "甲", byline=("张三",), date="2020-02-20")]))
    assert (s.f1, s.title_accuracy, s.byline_accuracy, s.date_accuracy, s.kind_accuracy) == (
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
    )


def test_report_names_what_differs() -> None:
    golds = [gold(1, 10, "甲", byline=("张三",)), gold(12, 20, "乙")]
    preds = [Pred("a.txt", 1, 10, "甲乙", ("李四",), "2020-01-01", "notice"), Pred("a.txt", 30, 31)]
    report = format_report(align(preds, golds))
    assert "MISSED   gold lines 12-20 '乙'" in report
    assert "SPURIOUS pred lines 30-31" in report
    assert "TITLE" in report and "'甲乙'" in report
    assert "BYLINE" in report and "['李四']" in report
    assert "DATE" in report and "KIND" in report
    assert format_report(align([Pred("a.txt", 1, 10, "甲", ("张三",))], golds[:1])) == ("no differences")


def test_format_table_has_a_row_per_set() -> None:
    table = format_table([("seeds", score([])), ("unseen", score(align([], [gold(1, 2)])))])
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["set", "gold", "pred"]
    assert lines[2].split()[:4] == ["seeds", "0", "0", "0"]
    assert lines[3].split()[:7] == ["unseen", "1", "0", "0", "0.000", "0.000", "0.000"]


GOLD_OK = """
source_file: a.txt
format: plain
articles:
  - line_start: 1
    line_end: 3
    title: 甲
    title_alternatives: [null]
    byline: [张三]
    date: "2020-02-20"
    kind: article
"""


def test_parse_gold_reads_articles() -> None:
    source, fmt, articles = parse_gold(GOLD_OK, name="a.txt.yml")
    assert (source, fmt) == ("a.txt", "plain")
    assert articles == (
        GoldArticle("a.txt", 1, 3, "甲", ("张三",), "2020-02-20", "article", title_alternatives=(None,)),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOLD_OK.replace("title_alternatives", "title_alternative"), "unknown keys"),
        (GOLD_OK.replace("    kind: article\n", ""), "missing keys ['kind']"),
        (GOLD_OK.replace("byline: [张三]", "byline: 张三"), "byline must be a list"),
        (GOLD_OK.replace("format: plain\n", ""), "top-level keys"),
    ],
)
def test_parse_gold_rejects_malformed_labels(text: str, message: str) -> None:
    with pytest.raises(GoldFormatError, match=r"a\.txt\.yml") as info:
        parse_gold(text, name="a.txt.yml")
    assert message in str(info.value)
