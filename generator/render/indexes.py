"""List pages of one language: home, region and topic indexes and pages, timeline, sources (pure).

Every list page is left out of search (front matter `search: exclude`): they repeat
the titles and summaries of many articles and would outrank the articles themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from generator.analyse.topics import Topic
from generator.changelog import History, Update
from generator.models import LocalizedArticle, TranslationState
from generator.render import charts, regionmap
from generator.render.filters import filter_form
from generator.render.markdown import front_matter
from generator.render.regions import RegionIndex, flatten, prefecture_counts, region_tree
from generator.render.views import (
    CHANGES_PAGE,
    EXPORT_FILE,
    FEED_FILE,
    HOME_PAGE,
    REGIONS_PAGE,
    SCHEMA_FILE,
    SOURCES_PAGE,
    TIMELINE_PAGE,
    TOPICS_PAGE,
    Entry,
    download_href,
    feed_path,
    first_sentence,
    format_date,
    format_month,
    month_anchor,
    region_path,
    short_date,
    short_month,
    topic_path,
)

LATEST_ON_HOME = 12
UPDATES_IN_FEED = 10
CHART_BARS = 15


def section(page: str) -> str:
    """The navigation tab (its page URL) a docs page belongs to: regions, topics, or the timeline
    for articles; the page itself otherwise."""
    for prefix, tab in (("regions/", REGIONS_PAGE), ("topics/", TOPICS_PAGE), ("articles/", TIMELINE_PAGE)):
        if page == CHANGES_PAGE:  # what changed is part of the archive's story in time
            return TIMELINE_PAGE.removesuffix(".md") + ".html"
        if page.startswith(prefix):
            return tab.removesuffix(".md") + ".html"
    return page.removesuffix(".md") + ".html"


@dataclass(frozen=True, slots=True)
class Listing:
    """One language's view of all articles, shared by its list pages."""

    lang: str
    t: Mapping[str, str]
    env: Environment
    entries: Mapping[str, Entry]  # every article by id
    listed: tuple[Entry, ...]  # near-duplicates left out, newest first

    def render(
        self,
        template: str,
        page: str,
        title: str,
        *,
        hide: Sequence[str] = ("navigation",),
        page_feed: str | None = None,
        **context: Any,
    ) -> str:
        # List pages are not all in the navigation: the front matter names the tab they belong
        # to (site_templates/theme/partials/tabs-item.html) and hides the left column, which
        # would otherwise be empty.
        meta: dict[str, Any] = {
            "title": title,
            "search": {"exclude": True},
            "hide": list(hide),
            "digest_section": section(page),
        }
        if page_feed:
            # main.html announces the page's own feed to feed readers (<link rel="alternate">).
            meta["digest_feed"] = page_feed
            meta["digest_feed_title"] = self.t["feed_title"].format(site=self.t["site_title"], label=title)
        return self.env.get_template(template).render(
            t=self.t, lang=self.lang, page=page, front_matter=front_matter(meta), page_feed=page_feed, **context
        )


def _data_chart(
    listing: Listing,
    series: charts.Series,
    *,
    chart_id: str,
    title: str,
    horizontal: bool = False,
    axis_labels: Sequence[str] | None = None,
) -> dict[str, Any]:
    """A chart and its data table; `axis_labels` (short forms of the table's labels) go under the bars."""
    t = listing.t
    drawn = series
    if axis_labels is not None:
        drawn = charts.Series(tuple(zip(axis_labels, (n for _, n in series.points), strict=True)))
    description = charts.describe(series, template=t["chart_desc"], item=t["chart_item"], separator=t["list_separator"])
    return {
        "title": title,
        "svg": charts.bar_chart(
            drawn,
            chart_id=chart_id,
            title=title,
            description=description,
            horizontal=horizontal,
            x_label_rotation=0 if horizontal else 45,
        ),
        "rows": charts.chart_rows(series),
    }


def _weekly_chart(listing: Listing) -> dict[str, Any]:
    unit, series = charts.timeline_counts(e.date for e in listing.listed)
    lang = listing.lang
    if unit == "week":
        week_of = listing.t["week_of"]
        points = tuple((week_of.format(date=format_date(w, lang, unknown="")), n) for w, n in series.points)
        short = [short_date(w, lang) for w, _ in series.points]
        title = listing.t["chart_weekly"]
    else:
        points = tuple((format_month(month, lang), n) for month, n in series.points)
        short = [short_month(month, lang) for month, _ in series.points]
        title = listing.t["chart_monthly"]
    return _data_chart(listing, charts.Series(points), chart_id="weekly", title=title, axis_labels=short)


def topic_members(articles: Sequence[LocalizedArticle], taxonomy: Sequence[Topic]) -> dict[str, tuple[str, ...]]:
    """Topic code -> canonical article ids having it as primary or secondary topic."""
    members: dict[str, list[str]] = defaultdict(list)
    for loc in articles:
        a = loc.article
        if a.duplicate_of is None:
            for code in (a.topics.primary, *a.topics.secondary):
                members[code].append(a.id)
    return {topic.code: tuple(members.get(topic.code, ())) for topic in taxonomy}


def _newest(listing: Listing, ids: Sequence[str]) -> list[Entry]:
    wanted = set(ids)
    return [e for e in listing.listed if e.id in wanted]


def coverage(articles: Sequence[LocalizedArticle]) -> tuple[tuple[TranslationState, int, int], ...]:
    """(state, titles, summaries) over articles that have the Chinese text to translate."""
    titles = [loc.title_en.state for loc in articles if loc.article.raw.title]
    summaries = [loc.summary_en.state for loc in articles if loc.article.summary]
    return tuple((state, titles.count(state), summaries.count(state)) for state in TranslationState)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def home_page(
    listing: Listing,
    *,
    regions: RegionIndex,
    topics: Mapping[str, Topic],
    members: Mapping[str, tuple[str, ...]],
) -> str:
    """The front page: the latest stories as cards, then the ways in (region, topic, month)."""
    t, lang = listing.t, listing.lang
    months: dict[str | None, int] = defaultdict(int)
    for e in listing.listed:
        months[e.date[:7] if e.date else None] += 1
    # Stories with a headline of their own lead the home page; untitled pieces stay on the
    # timeline, region and topic pages.
    latest = [e for e in listing.listed if e.titled][:LATEST_ON_HOME]
    return listing.render(
        "home.md.j2",
        HOME_PAGE,
        t["home_title"],
        hide=("navigation", "toc"),
        latest=[{"entry": e, "lead": first_sentence(e.summary, lang)} for e in latest],
        filter=filter_form(latest, lang, t),
        # Provinces and prefectures; counties are one click away on the region pages.
        regions=[(depth, node) for depth, node in flatten(region_tree(regions, lang)) if depth <= 1],
        unplaced=len(regions.unplaced),
        unplaced_page=region_path(None),
        topic_counts=[
            {"label": topics[code].en if lang == "en" else topics[code].zh, "page": topic_path(code), "count": len(ids)}
            for code, ids in sorted(members.items(), key=lambda item: (-len(item[1]), item[0]))
            if ids
        ],
        months=[
            {
                "label": format_month(month, lang) if month else t["undated"],
                "anchor": month_anchor(month),
                "count": count,
            }
            for month, count in [
                *sorted(((m, n) for m, n in months.items() if m), reverse=True),
                *((None, n) for m, n in months.items() if m is None),
            ]
        ],
        feed=FEED_FILE,
        export=download_href(EXPORT_FILE, lang),
        regions_page=REGIONS_PAGE,
        topics_page=TOPICS_PAGE,
        timeline_page=TIMELINE_PAGE,
        sources_page=SOURCES_PAGE,
    )


def covered_provinces(index: RegionIndex) -> tuple[str, ...]:
    """Province codes (xx0000) with at least one article: the provinces the map draws."""
    return tuple(sorted({code[:2] + "0000" for code, ids in index.members.items() if ids and code.isdigit()}))


def _map(listing: Listing, index: RegionIndex, shapes: regionmap.MapShapes) -> dict[str, str]:
    """The regions page's map and legend (empty strings without shapes)."""
    t, lang = listing.t, listing.lang
    counts = {code: len(ids) for code, ids in index.members.items()}
    regions, outlines = regionmap.map_regions(
        covered_provinces(index),
        shapes,
        counts=counts,
        labels={code: index.label(code, lang) for code in index.members},
        # Raw HTML is not rewritten by MkDocs: link straight to the built page beside this one.
        hrefs={code: region_path(code).removeprefix("regions/").removesuffix(".md") + ".html" for code in counts},
    )
    svg = regionmap.draw_map(
        regions,
        outlines=outlines,
        height=shapes.height,
        title=t["map_title"],
        description=t["map_desc"],
        item=t["map_item"],
    )
    if not svg:
        return {"svg": "", "legend": ""}
    return {
        "svg": svg,
        "legend": regionmap.legend([r.count for r in regions], none=t["map_none"], heading=t["map_legend"]),
    }


def region_pages(listing: Listing, index: RegionIndex, shapes: regionmap.MapShapes | None = None) -> dict[str, str]:
    """The region tree page (with the map when `shapes` has boundaries) and one page per region
    (articles of the region and below it)."""
    t, lang = listing.t, listing.lang
    tree = region_tree(index, lang)
    chart = _data_chart(
        listing,
        charts.ranked(prefecture_counts(index, lang), limit=CHART_BARS),
        chart_id="regions",
        title=t["chart_regions"],
        horizontal=True,
    )
    pages = {
        REGIONS_PAGE: listing.render(
            "regions.md.j2",
            REGIONS_PAGE,
            t["regions_title"],
            tree=flatten(tree),
            chart=chart,
            map=_map(listing, index, shapes or regionmap.MapShapes(0, {})),
            unplaced=len(index.unplaced),
            unplaced_page=region_path(None),
        )
    }
    for code, ids in index.members.items():
        if not ids:
            continue
        page = region_path(code)
        label = index.label(code, lang)
        other = index.label(code, "zh" if lang == "en" else "en")
        entries = _newest(listing, ids)
        has_children = any(index.members[c] for c in index.children(code))
        pages[page] = listing.render(
            "region.md.j2",
            page,
            label,
            page_feed=feed_path(page),
            feed_text=t["feed_follow"].format(label=label),
            filter=filter_form(
                entries, lang, t, fields=("region", "topic", "month") if has_children else ("topic", "month")
            ),
            label=label,
            other_label=other if other != label else None,
            breadcrumb=[{"label": index.label(a, lang), "page": region_path(a)} for a in index.ancestors(code)],
            children=[
                {"label": index.label(c, lang), "page": region_path(c), "count": len(index.members[c])}
                for c in index.children(code)
                if index.members[c]
            ],
            entries=entries,
            regions_page=REGIONS_PAGE,
        )
    if index.unplaced:
        page = region_path(None)
        entries = _newest(listing, index.unplaced)
        pages[page] = listing.render(
            "region.md.j2",
            page,
            t["no_region"],
            page_feed=feed_path(page),
            feed_text=t["feed_follow"].format(label=t["no_region"]),
            filter=filter_form(entries, lang, t, fields=("topic", "month")),
            label=t["no_region"],
            other_label=None,
            breadcrumb=[],
            children=[],
            entries=entries,
            regions_page=REGIONS_PAGE,
        )
    return pages


def topic_pages(listing: Listing, taxonomy: Sequence[Topic], members: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """The topic index (with a chart) and one page per topic that has articles."""
    t, lang = listing.t, listing.lang
    label = {topic.code: topic.en if lang == "en" else topic.zh for topic in taxonomy}
    chart = _data_chart(
        listing,
        charts.ranked(((label[code], len(ids)) for code, ids in members.items()), limit=len(members)),
        chart_id="topics",
        title=t["chart_topics"],
        horizontal=True,
    )
    rows = [
        {"label": label[topic.code], "page": topic_path(topic.code), "count": len(members[topic.code])}
        for topic in sorted(taxonomy, key=lambda topic: (-len(members[topic.code]), topic.code))
    ]
    pages = {TOPICS_PAGE: listing.render("topics.md.j2", TOPICS_PAGE, t["topics_title"], topics=rows, chart=chart)}
    for topic in taxonomy:
        ids = members[topic.code]
        if ids:
            page = topic_path(topic.code)
            other = topic.zh if lang == "en" else topic.en
            entries = _newest(listing, ids)
            pages[page] = listing.render(
                "topic.md.j2",
                page,
                label[topic.code],
                page_feed=feed_path(page),
                feed_text=t["feed_follow"].format(label=label[topic.code]),
                filter=filter_form(entries, lang, t, fields=("region", "month")),
                label=label[topic.code],
                other_label=other,
                entries=entries,
                topics_page=TOPICS_PAGE,
            )
    return pages


def timeline_page(listing: Listing) -> str:
    """Archive by month, newest month first, with the weekly chart."""
    t, lang = listing.t, listing.lang
    months: dict[str, list[Entry]] = defaultdict(list)
    undated: list[Entry] = []
    for e in listing.listed:
        (months[e.date[:7]] if e.date else undated).append(e)
    return listing.render(
        "timeline.md.j2",
        TIMELINE_PAGE,
        t["timeline_title"],
        chart=_weekly_chart(listing),
        filter=filter_form(listing.listed, lang, t),
        months=[
            {"label": format_month(month, lang), "anchor": month_anchor(month), "entries": months[month]}
            for month in sorted(months, reverse=True)
        ],
        undated_anchor=month_anchor(None),
        undated=undated,
    )


def sources_page(listing: Listing, articles: Sequence[LocalizedArticle], regions: RegionIndex) -> str:
    """About the digest: scope, numbers, the weekly chart, translation coverage, articles by
    outlet and by seed file (with line ranges), and the downloads."""
    t, lang = listing.t, listing.lang
    dated = [e.date for e in listing.listed if e.date]
    rows = coverage(articles)
    title_total = sum(row[1] for row in rows)
    summary_total = sum(row[2] for row in rows)
    outlets: dict[str, list[Entry]] = defaultdict(list)
    for e in listing.listed:
        # A dump that says only 本报 ("this paper") names no outlet; the sidecar can.
        outlets[e.outlet or t["outlet_not_named"]].append(e)
    files: dict[str, list[dict[str, Any]]] = defaultdict(list)
    formats: dict[str, str] = {}
    for loc in sorted(articles, key=lambda loc: (loc.article.raw.source_file, loc.article.raw.line_start)):
        raw = loc.article.raw
        formats[raw.source_file] = t[f"format_{raw.format.value}"]
        files[raw.source_file].append(
            {
                "entry": listing.entries[loc.article.id],
                "lines": t["lines"].format(start=raw.line_start, end=raw.line_end),
            }
        )

    def span(entries: Sequence[Entry]) -> str:
        dates = sorted(e.date for e in entries if e.date)
        if not dates:
            return t["unknown"]
        first, last = (format_date(d, lang, unknown="") for d in (dates[0], dates[-1]))
        return first if first == last else f"{first} – {last}"

    return listing.render(
        "sources.md.j2",
        SOURCES_PAGE,
        t["sources_title"],
        outlets=[
            # An outlet without English keeps its Chinese name, marked as Chinese as in the lists.
            {
                "label": name,
                "open": items[0].outlet_open,
                "close": items[0].outlet_close,
                "count": len(items),
                "span": span(items),
            }
            for name, items in sorted(outlets.items(), key=lambda item: (-len(item[1]), item[0]))
        ],
        files=[{"name": name, "format": formats[name], "articles": items} for name, items in sorted(files.items())],
        feed=FEED_FILE,
        export=download_href(EXPORT_FILE, lang),
        schema=download_href(SCHEMA_FILE, lang),
        changes=CHANGES_PAGE,
        article_count=len(listing.listed),
        region_count=sum(1 for code in regions.members if regions.members[code]),
        first=format_date(min(dated), lang, unknown=t["unknown"]) if dated else t["unknown"],
        last=format_date(max(dated), lang, unknown=t["unknown"]) if dated else t["unknown"],
        chart=_weekly_chart(listing),
        coverage=[
            {
                "state": t[f"state_{state.value}"],
                "titles": titles,
                "titles_share": _percent(titles, title_total),
                "summaries": summaries,
                "summaries_share": _percent(summaries, summary_total),
            }
            for state, titles, summaries in rows
        ],
    )


@dataclass(frozen=True, slots=True)
class ListFeed:
    """A feed that follows one region or topic page: its file, its page, its name, its articles."""

    path: str
    page: str
    label: str
    entries: tuple[Entry, ...]


def list_feeds(
    listing: Listing, index: RegionIndex, taxonomy: Sequence[Topic], members: Mapping[str, tuple[str, ...]]
) -> tuple[ListFeed, ...]:
    """One feed per region page and per topic page (the pages `region_pages` and `topic_pages`
    write), in a fixed order."""
    lang, t = listing.lang, listing.t
    feeds = [
        ListFeed(feed_path(region_path(code)), region_path(code), index.label(code, lang), tuple(_newest(listing, ids)))
        for code, ids in index.members.items()
        if ids
    ]
    if index.unplaced:
        page = region_path(None)
        feeds.append(ListFeed(feed_path(page), page, t["no_region"], tuple(_newest(listing, index.unplaced))))
    for topic in taxonomy:
        ids = members[topic.code]
        if ids:
            page = topic_path(topic.code)
            label = topic.en if lang == "en" else topic.zh
            feeds.append(ListFeed(feed_path(page), page, label, tuple(_newest(listing, ids))))
    return tuple(feeds)


def update_title(update: Update, t: Mapping[str, str]) -> str:
    """`Update 3: 1 added, 2 corrected, 0 removed` in the page's language."""
    return t["update_title"].format(
        number=update.number, added=len(update.added), corrected=len(update.corrected), removed=len(update.removed)
    )


def changes_page(listing: Listing, history: History) -> str:
    """What changed, newest update first: the articles added, corrected and removed in each.

    Added and corrected articles link to their pages; a removed id has no article to title,
    so it is named as it is (its old address keeps a notice, `generator.render.gone`).
    """
    t = listing.t
    updates = []
    for update in reversed(history.updates):
        groups = [
            {"label": t[f"changes_{kind}"], "articles": [{"id": i, "entry": listing.entries.get(i)} for i in ids]}
            for kind, ids in (("added", update.added), ("corrected", update.corrected), ("removed", update.removed))
            if ids
        ]
        updates.append({"number": update.number, "title": update_title(update, t), "groups": groups})
    return listing.render("changes.md.j2", CHANGES_PAGE, t["changes_title"], updates=updates)


def update_feed_items(listing: Listing, history: History) -> tuple[tuple[Update, str, str | None, str], ...]:
    """(update, title, date, summary) of the newest updates for the feed, newest first.

    An update's date is the newest date among its articles (else the newest of the digest):
    taken from the record, never from the clock, so rebuilding changes nothing.
    """
    t = listing.t
    newest = max((e.date for e in listing.entries.values() if e.date), default=None)
    items = []
    for update in list(reversed(history.updates))[:UPDATES_IN_FEED]:
        shown = [listing.entries[i] for i in (*update.added, *update.corrected) if i in listing.entries]
        date = max((e.date for e in shown if e.date), default=newest)
        summary = t["list_separator"].join(e.title for e in shown)
        items.append((update, update_title(update, t), date, summary))
    return tuple(items)
