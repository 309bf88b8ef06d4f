"""Charts drawn at build time with pygal, inlined into pages as SVG (pure).

The SVG works without JavaScript and offline: pygal's tooltip script (fetched from a
CDN by default) is switched off, its comments (which carry the build date) and its
random chart id are replaced so two builds give the same bytes. Each chart carries a
`<title>` and `<desc>` that screen readers announce (`role="img"`,
`aria-labelledby`); pages also print the numbers as a table beside it.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pygal
from lxml import etree
from pygal.style import Style

from generator.render.markdown import SafeMarkdown

SVG_NS = "http://www.w3.org/2000/svg"
MAX_AXIS_LABELS = 12
MAX_PRINTED_VALUES = 20
_CHART_ID = re.compile(r"^[a-z][a-z0-9-]*$")
# The SVG scales with the column: CHART_WIDTH viewBox units are drawn at most 24rem (480 px) wide
# on a desktop (digest.css) and about 358 px on a 390 px phone, where CHART_FONT units are
# 358 / 480 * 17 = 12.7 px: legible (at least 12 px) on phones without a second chart.
CHART_WIDTH = 480
CHART_FONT = 17
HORIZONTAL_LABEL_CHARS = 22
# Theme-neutral colours: Material's indigo, on a transparent background so the chart
# sits on the page like text does. Fonts inherit from the page (CJK glyphs included).
_STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#333",
    foreground_strong="#111",
    foreground_subtle="#999",
    colors=("#3f51b5",),
    opacity="1",
    opacity_hover="1",
    value_colors=("#fff",),  # the count, printed inside its bar
    font_family="inherit",
    label_font_size=CHART_FONT,
    major_label_font_size=CHART_FONT,
    title_font_size=CHART_FONT,
    value_font_size=CHART_FONT,
)


@dataclass(frozen=True, slots=True)
class Series:
    """Labelled counts in display order."""

    points: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(value for _, value in self.points)


MAX_TIME_BARS = 60
"""More bars than this on a time chart are unreadable: callers switch to a coarser unit."""


def weekly_counts(dates: Iterable[str | None]) -> Series:
    """Articles per ISO week (labelled by its Monday), empty weeks included; undated skipped."""
    days = sorted(dt.date.fromisoformat(d) for d in dates if d)
    if not days:
        return Series(())
    counts = Counter(day - dt.timedelta(days=day.weekday()) for day in days)
    week = min(counts)
    points = []
    while week <= max(counts):
        points.append((week.isoformat(), counts.get(week, 0)))
        week += dt.timedelta(days=7)
    return Series(tuple(points))


def timeline_counts(dates: Iterable[str | None]) -> tuple[str, Series]:
    """("week", per-week counts), or ("month", per-month counts) when the dates span more
    than MAX_TIME_BARS weeks (a corpus over years, or one mistyped year, would otherwise
    draw thousands of bars); at most MAX_TIME_BARS months, the most recent."""
    dated = [d for d in dates if d]
    weeks = weekly_counts(dated)
    if len(weeks.points) <= MAX_TIME_BARS:
        return "week", weeks
    return "month", Series(monthly_counts(dated).points[-MAX_TIME_BARS:])


def monthly_counts(dates: Iterable[str | None]) -> Series:
    """Articles per calendar month (`yyyy-mm`), oldest first; undated skipped."""
    counts = Counter(d[:7] for d in dates if d)
    return Series(tuple(sorted(counts.items())))


def ranked(counts: Iterable[tuple[str, int]], *, limit: int) -> Series:
    """Largest first (ties by label), at most `limit` non-zero bars."""
    items = sorted(((label, n) for label, n in counts if n > 0), key=lambda item: (-item[1], item[0]))
    return Series(tuple(items[:limit]))


def _finish(svg: etree._Element, chart_id: str, title: str, description: str) -> str:
    """No comments (they carry the build date), no script, an accessible name and description."""
    for comment in svg.xpath("//comment()"):
        comment.getparent().remove(comment)
    # Even with `js=[]` pygal inlines a script holding its configuration; a static chart needs none.
    for script in svg.xpath("//*[local-name()='script']"):
        script.getparent().remove(script)
    svg.set("role", "img")
    svg.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
    title_el = etree.Element(f"{{{SVG_NS}}}title", id=f"{chart_id}-title")
    title_el.text = title
    desc_el = etree.Element(f"{{{SVG_NS}}}desc", id=f"{chart_id}-desc")
    desc_el.text = description
    svg.insert(0, desc_el)
    svg.insert(0, title_el)
    # pygal repeats each value as a <desc> inside each bar; the chart-level desc says it all.
    for bar_desc in svg.xpath("//*[local-name()='g']//*[local-name()='desc']"):
        bar_desc.getparent().remove(bar_desc)
    text: str = etree.tostring(svg, encoding="unicode")
    # Python-Markdown ends a raw HTML block at a blank line; keep the SVG on one line.
    return text.replace("\n", " ")


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip(" ,") + "…"


def _label_room(labels: Sequence[str]) -> int:
    """Extra left margin for axis labels: pygal measures every glyph as a narrow Latin one,
    so Chinese labels (about twice as wide) would be cut off at the chart's edge."""
    wide = max((sum(1 for ch in label if ord(ch) > 0x2E7F) for label in labels), default=0)
    return 20 + wide * 8


def bar_chart(
    series: Series,
    *,
    chart_id: str,
    title: str,
    description: str,
    horizontal: bool = False,
    x_label_rotation: int = 0,
) -> SafeMarkdown:
    """A bar chart as an inline `<figure>` holding the SVG; empty when there is no data."""
    if not _CHART_ID.match(chart_id):
        raise ValueError(f"chart id must be a lowercase slug: {chart_id!r}")
    if not series.points:
        return SafeMarkdown("")
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    labels = [label for label, _ in series.points]
    height = max(200, 30 * len(series.points) + 80) if horizontal else 320
    chart = kind(
        style=_STYLE,
        js=[],  # no tooltip script from a CDN: the chart is static SVG
        disable_xml_declaration=True,
        show_legend=False,
        width=CHART_WIDTH,  # viewBox units: scaled to the column (see CHART_FONT)
        height=height,
        print_values=len(series.points) <= MAX_PRINTED_VALUES,
        x_label_rotation=x_label_rotation,
        truncate_label=-1,
        # Counts are printed on the bars; guide lines would only cross them.
        show_y_guides=False,
        show_x_guides=False,
        margin_left=_label_room(labels) if horizontal else 20,
        # Many weeks: label every n-th bar only, or the rotated labels overlap.
        x_labels_major_every=None if horizontal else max(1, len(labels) // MAX_AXIS_LABELS),
        show_minor_x_labels=horizontal or len(labels) <= MAX_AXIS_LABELS,
        min_scale=1,
        max_scale=6,
    )
    values = [value for _, value in series.points]
    if horizontal:
        # pygal draws the first horizontal bar at the bottom; readers expect the largest on top.
        labels, values = labels[::-1], values[::-1]
    if horizontal:
        # Long category names (English topics) would squeeze the bars to nothing on a phone: cut
        # them (the data table under the chart has them in full).
        labels = [_shorten(label, HORIZONTAL_LABEL_CHARS) for label in labels]
    chart.x_labels = labels
    # Counts are whole numbers: ticks at whole steps, never 0.4 or 1.2.
    top = max(values)
    step = max(1, math.ceil(top / 6))
    chart.y_labels = list(range(0, top + step, step))
    chart.add(title, values)
    # pygal's id (which also scopes its CSS) is a random uuid: make it `chart-<chart_id>`.
    chart.uuid = chart_id
    svg = _finish(chart.render_tree(), f"chart-{chart_id}", title, description)
    caption = html.escape(title)
    return SafeMarkdown(
        f'<figure class="digest-chart" id="figure-{chart_id}">{svg}<figcaption>{caption}</figcaption></figure>'
    )


def describe(series: Series, *, template: str, item: str, separator: str, limit: int = 8) -> str:
    """A one-sentence text alternative: `template` gets {total} and {items} (largest first)."""
    top = sorted(series.points, key=lambda p: (-p[1], p[0]))[:limit]
    items = separator.join(item.format(label=label, count=count) for label, count in top if count)
    return template.format(total=series.total, items=items)


def chart_rows(series: Series) -> Sequence[tuple[str, int]]:
    """The chart's data as table rows (the same numbers, for readers who cannot see it)."""
    return series.points
