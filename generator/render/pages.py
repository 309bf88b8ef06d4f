"""Render every page of both languages from localized articles (pure).

`render_pages` returns a mapping of paths relative to the docs folder (`zh/...`,
`en/...`) to file contents: Markdown pages and the Atom feeds. Nothing is written
here; `generator.write` does that. Both languages get the same page paths, so the
language switcher can map a page to its counterpart by path alone.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from generator.analyse.topics import Topic
from generator.changelog import History
from generator.config import LANGUAGES
from generator.executors import forked_map
from generator.models import DateBasis, LocalizedArticle, LocalizedText
from generator.render import indexes, regionmap
from generator.render.feeds import FeedInfo, FeedUpdate, atom_feed
from generator.render.markdown import SafeMarkdown, escape_md, escape_url_attr, front_matter
from generator.render.regions import RegionIndex, region_index
from generator.render.related import Related, home_region, neighbours, neighbours_in_region, related_articles
from generator.render.search import build_index, site_search_docs
from generator.render.views import (
    CHANGES_PAGE,
    FEED_FILE,
    NO_MARK,
    ZH_CLOSE,
    ZH_OPEN,
    SiteTemplates,
    article_path,
    built_rel,
    english_or_chinese,
    entry,
    format_date,
    format_figure,
    format_month,
    load_templates,
    localized_or_chinese,
    month_anchor,
    newest_first,
    page_label,
    reading_minutes,
    region_chain,
    region_label,
    region_path,
    summary,
    term_list,
    title,
    topic_path,
    translation_notice,
)

__all__ = [
    "PageMemo",
    "Rendered",
    "SiteOptions",
    "article_path",
    "load_templates",
    "render_pages",
]

HTML_LANG = {"zh": "zh-Hans", "en": "en"}
_WEB_URL = re.compile(r"https?://[^\s]+\Z", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SiteOptions:
    """What pages need to know about where the site lives."""

    site_urls: Mapping[str, str]  # language -> absolute URL of its home, ending with "/"
    place_names_en: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # Chinese -> English


PageMemo = Mapping[str, Mapping[bytes, str]]
"""Article pages of an earlier render, per language, by `page_key`: what `render_pages`
may hand back instead of rendering again. Valid only for the same code and templates; the
caller (`generator.build_cache`) sees to that."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """Every page, and the article pages by key for the next render's memo."""

    pages: dict[str, str]
    memo: dict[str, dict[bytes, str]]


def strings_key(lang: str, strings: Mapping[str, Any]) -> str:
    """A language's string table as one short key: part of every article page's key."""
    return hashlib.blake2b(repr((lang, sorted(strings.items()))).encode(), digest_size=16).hexdigest()


def page_key(strings: str, view: Mapping[str, Any], meta: Mapping[str, Any]) -> bytes:
    """The hash of everything an article page is rendered from besides the code and templates:
    its view, its front matter and the language's strings (`strings_key`).

    The view holds only strings, numbers, None, tuples, lists, dicts and frozen dataclasses
    (the listing entries), whose repr is their whole value in a fixed order. Which fields are
    escaped Markdown (`SafeMarkdown`) rather than text is decided by the code, not the data.
    """
    return hashlib.blake2b(repr((strings, view, meta)).encode(), digest_size=16).digest()


def _nth(items: Sequence[LocalizedText], index: int) -> LocalizedText | None:
    """The English of the index-th figure or caption (None for an article localized without them)."""
    return items[index] if index < len(items) else None


def _continuation(template: str, where: str | None, lang: str) -> SafeMarkdown | None:
    """`Continued on page 3 ①` (the page label in the page's language), or None."""
    if not where:
        return None
    before, _, after = template.partition("{where}")
    # escape_md trims its text: put back the spaces around the label.
    space_before = " " if before.endswith(" ") else ""
    space_after = " " if after.startswith(" ") else ""
    label = page_label(where, lang)
    return SafeMarkdown(f"{escape_md(before)}{space_before}{label}{space_after}{escape_md(after)}")


def _article_view(
    loc: LocalizedArticle,
    listing: indexes.Listing,
    *,
    related: Sequence[Related],
    previous: str | None,
    following: str | None,
    in_region: tuple[str | None, str | None],
    place_names_en: Mapping[str, str],
) -> dict[str, Any]:
    a, lang, t = loc.article, listing.lang, listing.t
    raw = a.raw
    english = lang == "en"
    topic_labels = {page: label for label, page in listing.entries[a.id].topics}
    month = raw.date[:7] if raw.date else None
    chain = region_chain(a.region)
    local = home_region(a)
    local_label = next((region_label(zh, en, lang) for code, zh, en in chain if code == local), "")
    evidence_en = dict(loc.evidence_en)
    return {
        # Chinese source text on an English page is marked as Chinese (screen readers, fonts).
        "zh_open": ZH_OPEN if english else NO_MARK,
        "zh_close": ZH_CLOSE if english else NO_MARK,
        "id": a.id,
        "title": title(loc, lang, t),
        "original_title": raw.title if english and loc.title_en.text else None,
        "subtitle": english_or_chinese(loc.subtitle_en.text, raw.subtitle, lang),
        "kicker": None if english else raw.kicker,
        "translation_notice": translation_notice(loc, lang, t),
        "date": format_date(raw.date, lang, unknown=t["date_unknown"])
        + (t["date_from_text"] if raw.date_basis is DateBasis.TEXT else ""),
        "outlet": english_or_chinese(loc.outlet_en, raw.outlet, lang),
        "byline": [english_or_chinese(name, None, lang) for name in loc.byline_en]
        if english and loc.byline_en
        else [english_or_chinese(None, name, lang) for name in raw.byline],
        "kind": t[f"kind_{raw.kind.value}"],
        "breadcrumb": [
            {"label": region_label(zh, en, lang), "page": region_path(code)} for code, zh, en in region_chain(a.region)
        ],
        "unplaced_page": region_path(None),
        "topics": listing.entries[a.id].topics,
        "keywords": term_list(a.keywords, loc.keywords_en, lang, " · "),
        "regions_mentioned": [english_or_chinese(place_names_en.get(name), name, lang) for name in a.regions_mentioned],
        "dates_mentioned": [format_date(iso, lang, unknown="") for iso in a.dates_mentioned],
        # Why the article got its topics: the terms found for each (topics are explainable).
        "topic_evidence": [
            (topic_labels[topic_path(code)], term_list(terms, evidence_en.get(code, ()), lang, t["term_separator"]))
            for code, terms in a.topics.evidence
            if terms and topic_path(code) in topic_labels
        ],
        "summary": summary(loc, lang),
        "summary_open": listing.entries[a.id].summary_open,
        "summary_close": listing.entries[a.id].summary_close,
        "title_open": listing.entries[a.id].title_open,
        "title_close": listing.entries[a.id].title_close,
        "figures": [
            {
                "value": format_figure(f, lang),
                "context": localized_or_chinese(_nth(loc.figures_en, n), f.context_zh, lang),
            }
            for n, f in enumerate(a.figures)
        ],
        "paragraphs": list(raw.paragraphs),
        # The English page links to the Chinese text instead of carrying it (half of every
        # English page, and of MkDocs' work on it): the same article in the Chinese site,
        # one folder above the English site's root.
        "original_page": escape_url_attr("../" + built_rel(article_path(a.id), f"{article_path(a.id)}#text"))
        if english
        else None,
        "original_length": t["original_length"].format(chars=f"{sum(map(len, raw.paragraphs)):,}"),
        "captions": [localized_or_chinese(_nth(loc.captions_en, n), c, lang) for n, c in enumerate(raw.captions)],
        "continued_from": _continuation(t["continued_from"], raw.continued_from, lang),
        "continues_to": _continuation(t["continues_to"], raw.continues_to, lang),
        "source_file": raw.source_file,
        "printed_page": t["printed_page"].format(page=raw.page) if raw.page else None,
        # Only an http(s) address becomes a link (the sidecar check says so too; this never
        # trusts it): the link text is ours, the address an escaped attribute.
        "url": escape_url_attr(raw.url) if raw.url and _WEB_URL.match(raw.url) else None,
        "lines": t["lines"].format(start=raw.line_start, end=raw.line_end),
        "format": t[f"format_{raw.format.value}"],
        "duplicate_of": listing.entries.get(a.duplicate_of) if a.duplicate_of else None,
        "related": [
            {"entry": listing.entries[r.id], "reasons": " · ".join(t[reason] for reason in r.reasons)} for r in related
        ],
        "previous": listing.entries[previous] if previous else None,
        "next": listing.entries[following] if following else None,
        "region_previous": listing.entries[in_region[0]] if in_region[0] else None,
        "region_next": listing.entries[in_region[1]] if in_region[1] else None,
        "home_region": local_label,
        "home_region_page": region_path(local),
        "reading_time": t["reading_time"].format(minutes=reading_minutes(raw.paragraphs)),
        # Where the article sits in the archive: the timeline's month (or its undated section).
        "month_label": format_month(month, lang) if month else t["undated"],
        "month_anchor": month_anchor(month),
    }


def render_pages(
    articles: Sequence[LocalizedArticle],
    *,
    taxonomy: Sequence[Topic],
    templates: SiteTemplates,
    options: SiteOptions,
    history: History = History(),  # noqa: B008 (frozen, empty)
    jobs: int = 1,
    memo: PageMemo | None = None,
    map_shapes: Callable[[Sequence[str]], regionmap.MapShapes] = regionmap.map_shapes,
) -> Rendered:
    """Every page of both languages, keyed by path relative to the docs folder (`.pages`).

    `history` (generator.changelog) gives the page of what changed and the feeds' update entries.
    What both languages share (related lists, neighbours, the region index, the map's
    geometry) is computed once; with `jobs` > 1 the languages are then rendered at the same
    time, the second in a forked child (`forked_map`). The pages are the same either way.

    An article page whose key (`page_key`) is in `memo` is taken from it instead of being
    rendered again; `.memo` is the memo for the next render (every article page of this one:
    pages gone from the corpus leave it). Without a `memo` (None, not an empty one) no page
    is hashed and the memo returned is empty.

    `map_shapes` gives the projected boundaries of the covered provinces (read from the
    boundary package by default, about 4 s for all of China; a build's cache keeps them).
    """
    analysed = [loc.article for loc in articles]
    regions = region_index(analysed)
    # Boundaries of the covered provinces and all their prefectures, read and projected once
    # for both languages.
    shapes = map_shapes(indexes.covered_provinces(regions))
    corpus = _Corpus(
        articles=articles,
        taxonomy=taxonomy,
        topics={topic.code: topic for topic in taxonomy},
        templates=templates,
        options=options,
        history=history,
        related=related_articles(analysed),
        around=neighbours(analysed),
        around_region=neighbours_in_region(analysed),
        regions=regions,
        members=indexes.topic_members(articles, taxonomy),
        shapes=shapes,
        memo=memo,
    )
    pages: dict[str, str] = {}
    next_memo: dict[str, dict[bytes, str]] = {}
    for lang, (language_pages, language_memo) in zip(
        LANGUAGES,
        forked_map(functools.partial(_language_pages, corpus=corpus), LANGUAGES, jobs=jobs),
        strict=True,
    ):
        pages.update(language_pages)
        next_memo[lang] = language_memo
    return Rendered(pages=pages, memo=next_memo)


@dataclass(frozen=True)
class _Corpus:
    """What every language's pages are made from."""

    articles: Sequence[LocalizedArticle]
    taxonomy: Sequence[Topic]
    topics: Mapping[str, Topic]
    templates: SiteTemplates
    options: SiteOptions
    history: History
    related: Mapping[str, tuple[Related, ...]]
    around: Mapping[str, tuple[str | None, str | None]]
    around_region: Mapping[str, tuple[str | None, str | None]]
    regions: RegionIndex
    members: Mapping[str, tuple[str, ...]]
    shapes: regionmap.MapShapes
    memo: PageMemo | None


def _language_pages(lang: str, *, corpus: _Corpus) -> tuple[dict[str, str], dict[bytes, str]]:
    """Every page of one language, and its article pages by key (`page_key`)."""
    articles, taxonomy, topics, templates = corpus.articles, corpus.taxonomy, corpus.topics, corpus.templates
    regions, members, history, options = corpus.regions, corpus.members, corpus.history, corpus.options
    place_names_en = options.place_names_en
    pages: dict[str, str] = {}
    t = templates.strings[lang]
    entries = {loc.article.id: entry(loc, lang, t, topics) for loc in articles}
    listing = indexes.Listing(
        lang=lang,
        t=t,
        env=templates.env,
        entries=entries,
        listed=tuple(newest_first([e for e in entries.values() if not e.duplicate])),
    )
    template = templates.env.get_template("article.md.j2")
    earlier = corpus.memo.get(lang, {}) if corpus.memo is not None else None
    memo: dict[bytes, str] = {}
    strings = strings_key(lang, t)
    for loc in articles:
        previous, following = corpus.around[loc.article.id]
        view = _article_view(
            loc,
            listing,
            related=corpus.related[loc.article.id],
            previous=previous,
            following=following,
            in_region=corpus.around_region[loc.article.id],
            place_names_en=place_names_en,
        )
        page = article_path(loc.article.id)
        # No left column (articles are not in the navigation); the Timeline tab is highlighted.
        # Material's lunr search indexes nothing: the digest's own index (render.search) serves search.
        meta = {
            "title": view["title"],
            "description": view["summary"],
            "search": {"exclude": True},
            "hide": ["navigation"],
            "digest_section": indexes.section(page),
        }
        if earlier is None:
            text = template.render(a=view, t=t, lang=lang, page=page, front_matter=front_matter(meta))
        else:
            key = page_key(strings, view, meta)
            found = earlier.get(key)
            if found is None:
                found = template.render(a=view, t=t, lang=lang, page=page, front_matter=front_matter(meta))
            text = memo[key] = found
        pages[f"{lang}/{page}"] = text

    site_pages = {
        "index.md": indexes.home_page(listing, regions=regions, topics=topics, members=members),
        **indexes.region_pages(listing, regions, corpus.shapes),
        **indexes.topic_pages(listing, taxonomy, members),
        indexes.TIMELINE_PAGE: indexes.timeline_page(listing),
        indexes.SOURCES_PAGE: indexes.sources_page(listing, articles, regions),
        CHANGES_PAGE: indexes.changes_page(listing, history),
    }
    for page, text in site_pages.items():
        pages[f"{lang}/{page}"] = text
    info = FeedInfo(
        title=t["site_title"],
        subtitle=t["feed_subtitle"],
        lang=HTML_LANG[lang],
        site_url=options.site_urls[lang],
        author=t["site_title"],
    )
    updates = [
        FeedUpdate(anchor=f"{CHANGES_PAGE}#update-{update.number}", title=title, date=date, summary=summary)
        for update, title, date, summary in indexes.update_feed_items(listing, history)
    ]
    pages[f"{lang}/{FEED_FILE}"] = atom_feed(listing.listed, info=info, feed_path=FEED_FILE, updates=updates)
    # A feed per region and per topic page, for readers who follow one place or subject.
    for list_feed in indexes.list_feeds(listing, regions, taxonomy, members):
        pages[f"{lang}/{list_feed.path}"] = atom_feed(
            list_feed.entries,
            info=replace(
                info,
                title=t["feed_title"].format(site=t["site_title"], label=list_feed.label),
                subtitle=t["feed_subtitle_of"].format(label=list_feed.label),
            ),
            feed_path=list_feed.path,
            home=list_feed.page,
        )
    search_docs = site_search_docs(
        articles,
        lang,
        t=t,
        topics=topics,
        regions=regions,
        topic_members=members,
        place_names_en=place_names_en,
    )
    for path, text in build_index(search_docs).items():
        pages[f"{lang}/{path}"] = text
    return pages, memo
