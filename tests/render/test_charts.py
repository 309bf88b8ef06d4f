from __future__ import annotations

import re

import pytest
from lxml import etree

from generator.render.charts import Series, bar_chart, describe, monthly_counts, ranked, weekly_counts

SVG_NS = {"svg": "http://www.w3.org/2000/svg"}


def _svg(figure: str) -> etree._Element:
    match = re.search(r"<svg.*</svg>", figure, re.S)
    assert match, figure[:200]
    return etree.fromstring(match.group(0))


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (
            ["2020-03-02", "2020-03-04", "2020-03-23", None],
            [("2020-03-02", 2), ("2020-03-09", 0), ("2020-03-16", 0), ("2020-03-23", 1)],
        ),
        (["2020-03-29"], [("2020-03-23", 1)]),  # a Sunday belongs to the week of the Monday before
        ([None], []),
    ],
)
def test_weekly_counts_include_empty_weeks(dates, expected) -> None:
    assert list(weekly_counts(dates).points) == expected


def test_monthly_and_ranked_counts() -> None:
    assert monthly_counts(["2020-03-02", "2020-02-01", "2020-03-09", None]).points == (("2020-02", 1), ("2020-03", 2))
    assert ranked([("b", 2), ("a", 2), ("c", 5), ("z", 0)], limit=2).points == (("c", 5), ("a", 2))


def test_chart_is_static_accessible_and_deterministic() -> None:
    series = Series((("呼伦贝尔市", 5), ("乌海市", 3)))
    figure = bar_chart(series, chart_id="regions", title="各盟市文章数", description="共 8 篇", horizontal=True)
    assert figure == bar_chart(series, chart_id="regions", title="各盟市文章数", description="共 8 篇", horizontal=True)
    assert "<script" not in figure and "<!--" not in figure
    assert not re.search(r'(?:href|src)="(?:https?:)?//', figure)
    svg = _svg(figure)
    assert svg.get("role") == "img"
    labelled_by = svg.get("aria-labelledby").split()
    texts = {el.get("id"): el.text for el in svg.iter() if el.get("id") in labelled_by}
    assert texts == {"chart-regions-title": "各盟市文章数", "chart-regions-desc": "共 8 篇"}
    assert "\n" not in figure  # a blank line would end Markdown's raw HTML block
    drawn = "".join(svg.itertext())
    assert "呼伦贝尔市" in drawn and "乌海市" in drawn


def test_chart_labels_are_escaped_not_markup() -> None:
    figure = bar_chart(Series((("<script>x</script>", 1),)), chart_id="x", title="<b>t</b>", description="&")
    assert "<script>" not in figure and "<b>" not in figure
    assert "<script>x</script>" in "".join(_svg(figure).itertext())


def test_empty_series_draws_nothing_and_bad_ids_are_refused() -> None:
    assert bar_chart(Series(()), chart_id="x", title="t", description="d") == ""
    with pytest.raises(ValueError):
        bar_chart(Series((("a", 1),)), chart_id="Bad Id", title="t", description="d")


def test_describe_lists_largest_first() -> None:
    text = describe(Series((("a", 1), ("b", 3))), template="{total}: {items}", item="{label} {count}", separator=", ")
    assert text == "4: b 3, a 1"


def test_value_axis_has_whole_number_ticks_and_long_axes_are_thinned() -> None:
    days = [f"2020-{m:02d}-{d:02d}" for m in range(1, 11) for d in (3, 17)]
    svg = _svg(bar_chart(weekly_counts(days), chart_id="weeks", title="t", description="d"))
    y_axis = svg.xpath("//*[local-name()='g'][contains(@class, 'axis y')]//*[local-name()='text']")
    assert {t.text for t in y_axis} <= {"0", "1", "2"}
    x_axis = svg.xpath("//*[local-name()='g'][contains(@class, 'axis x')]//*[local-name()='text']")
    assert 0 < len(x_axis) <= 15  # 42 weeks, every third labelled


def test_timeline_switches_to_months_when_weeks_would_be_unreadable() -> None:
    from generator.render.charts import MAX_TIME_BARS, timeline_counts

    unit, series = timeline_counts(["2020-03-01", "2020-03-09", None])
    assert unit == "week" and [n for _, n in series.points] == [1, 0, 1]  # Sunday, then a Monday
    unit, series = timeline_counts(["2020-03-01", "9939-03-29"])  # one mistyped year
    assert unit == "month" and len(series.points) <= MAX_TIME_BARS
