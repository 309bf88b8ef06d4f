"""Render every Markdown page of both languages from localized articles (pure).

`render_pages` returns a mapping of paths relative to the docs folder (`zh/...`,
`en/...`) to file contents. Nothing is written here; `generator.write` does that.
Both languages get the same page paths, so the language switcher can map a page to
its counterpart by path alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment

from generator.analyse.topics import Topic
from generator.config import LANGUAGES
from generator.models import LocalizedArticle, Region, TranslationState
from generator.render.markdown import SafeMarkdown, front_matter, make_environment

LATEST_ON_HOME = 20
TITLE_FALLBACK_CHARS = 24


@dataclass(frozen=True, slots=True)
class SiteTemplates:
    """The Jinja2 environment and the per-language interface strings."""

    env: Environment
    strings: Mapping[str, Mapping[str, str]]


def load_templates(template_dir: Path) -> SiteTemplates:
    """Load templates and string tables from `site_templates/`."""
    strings = {}
    for lang in LANGUAGES:
        path = template_dir / "strings" / f"{lang}.yml"
        strings[lang] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return SiteTemplates(env=make_environment(str(template_dir)), strings=strings)


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


def _rel(from_page: str, to_page: str) -> SafeMarkdown:
    """Relative link between two docs pages (MkDocs validates and rewrites `.md` links)."""
    depth = from_page.count("/")
    return SafeMarkdown("../" * depth + to_page)


def _anchor(slug: str) -> SafeMarkdown:
    return SafeMarkdown(f"{{ #{slug} }}")


def _region_slug(adcode: str | None) -> str:
    return f"r{adcode}" if adcode else "r-none"


def _zh_title(loc: LocalizedArticle, t: Mapping[str, str]) -> str:
    raw = loc.article.raw
    if raw.title:
        return raw.title
    lead = "".join(loc.article.summary) or raw.body
    return f"{t['untitled']}：{lead[:TITLE_FALLBACK_CHARS]}…"


def _title(loc: LocalizedArticle, lang: str, t: Mapping[str, str]) -> str:
    if lang == "en" and loc.title_en.text:
        return loc.title_en.text
    return _zh_title(loc, t)


def _region_chain(region: Region, lang: str) -> list[tuple[str, str]]:
    """(label, anchor slug) from province down to the most specific level."""
    levels = (
        (region.province, region.province_en),
        (region.city, region.city_en),
        (region.county, region.county_en),
    )
    chain = []
    code = region.adcode or ""
    prefixes = (code[:2] + "0000", code[:4] + "00", code) if code else ("", "", "")
    for (zh, en), prefix in zip(levels, prefixes, strict=True):
        if zh:
            chain.append(((en or zh) if lang == "en" else zh, _region_slug(prefix or None)))
    return chain


def _topic_label(topics: Mapping[str, Topic], code: str, lang: str) -> str:
    topic = topics.get(code)
    if topic is None:
        return code
    return topic.en if lang == "en" else topic.zh


def _article_view(loc: LocalizedArticle, lang: str, t: Mapping[str, str], topics: Mapping[str, Topic]) -> dict[str, Any]:
    a = loc.article
    raw = a.raw
    page = article_path(a.id)
    regions_page = "regions/index.md"
    topics_page = "topics/index.md"
    summary_zh = "".join(a.summary)
    if lang == "en":
        summary = loc.summary_en.text or summary_zh
        states = {loc.title_en.state, loc.summary_en.state}
        if TranslationState.MISSING in states:
            notice = t["translation_missing"]
        elif TranslationState.MACHINE in states:
            notice = t["translation_machine"]
        else:
            notice = None
        subtitle = loc.subtitle_en.text or raw.subtitle
    else:
        summary, notice, subtitle = summary_zh, None, raw.subtitle
    codes = (a.topics.primary, *a.topics.secondary)
    return {
        "id": a.id,
        "title": _title(loc, lang, t),
        "subtitle": subtitle,
        "translation_notice": notice,
        "date": raw.date,
        "outlet": raw.outlet,
        "byline": list(loc.byline_en if lang == "en" and loc.byline_en else raw.byline),
        "kind": t[f"kind_{raw.kind.value}"],
        "region_links": [
            {"label": label, "href": SafeMarkdown(f"{_rel(page, regions_page)}#{slug}")}
            for label, slug in _region_chain(a.region, lang)
        ],
        "region_label": " › ".join(label for label, _ in _region_chain(a.region, lang)) or t["no_region"],
        "topic_links": [
            {"label": _topic_label(topics, code, lang), "href": SafeMarkdown(f"{_rel(page, topics_page)}#{code}")}
            for code in codes
        ],
        "keywords": list(a.keywords),
        "regions_mentioned": list(a.regions_mentioned),
        "summary": summary,
        "figures": [
            {"value": (f.text_en if lang == "en" and f.text_en else f"{f.value:g} {f.unit_zh}"), "context": f.context_zh}
            for f in a.figures
        ],
        "paragraphs": list(raw.paragraphs),
        # English readers get the Chinese text folded away below the English summary.
        "body_collapsed": lang == "en",
        "continued_from": t["continued_from"].format(where=raw.continued_from) if raw.continued_from else None,
        "continues_to": t["continues_to"].format(where=raw.continues_to) if raw.continues_to else None,
        "provenance": t["provenance_text"].format(file=raw.source_file, start=raw.line_start, end=raw.line_end),
        "href": _rel("", page),
        "duplicate_href": _rel(page, article_path(a.duplicate_of)) if a.duplicate_of else None,
    }


def _list_item(view: Mapping[str, Any], from_page: str) -> dict[str, Any]:
    return {**view, "href": _rel(from_page, article_path(view["id"]))}


def _region_tree(views: Sequence[tuple[LocalizedArticle, dict[str, Any]]], lang: str, t: Mapping[str, str], page: str) -> list[dict[str, Any]]:
    """Province -> city -> county nodes with counts; articles listed at their most specific level."""
    nodes: dict[tuple[str, ...], dict[str, Any]] = {}

    def node(path: tuple[str, ...], label: str, slug: str) -> dict[str, Any]:
        if path not in nodes:
            nodes[path] = {"label": label, "anchor": _anchor(slug), "count": 0, "articles": [], "children": [], "key": path}
            if len(path) > 1:
                nodes[path[:-1]]["children"].append(nodes[path])
        return nodes[path]

    roots: list[dict[str, Any]] = []
    for loc, view in views:
        chain = _region_chain(loc.article.region, lang)
        if not chain:
            chain = [(t["no_region"], _region_slug(None))]
        path: tuple[str, ...] = ()
        current: dict[str, Any] | None = None
        for label, slug in chain:
            path = (*path, slug)
            is_new = path not in nodes
            current = node(path, label, slug)
            if is_new and len(path) == 1:
                roots.append(current)
            current["count"] += 1
        assert current is not None
        current["articles"].append(_list_item(view, page))

    def order(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        items.sort(key=lambda n: (-n["count"], n["key"]))
        for item in items:
            order(item["children"])
        return items

    return order(roots)


def render_pages(
    articles: Sequence[LocalizedArticle],
    *,
    taxonomy: Sequence[Topic],
    templates: SiteTemplates,
) -> dict[str, str]:
    """Every Markdown page of both languages, keyed by path relative to the docs folder."""
    topics = {topic.code: topic for topic in taxonomy}
    env = templates.env
    pages: dict[str, str] = {}
    for lang in LANGUAGES:
        t = templates.strings[lang]
        views = [(loc, _article_view(loc, lang, t, topics)) for loc in articles]
        for loc, view in views:
            meta = {"title": view["title"], "description": view["summary"]}
            pages[f"{lang}/{article_path(loc.article.id)}"] = env.get_template("article.md.j2").render(
                a=view, t=t, front_matter=front_matter(meta)
            )

        # Near-duplicates keep their page but are listed once, under their canonical article.
        views = [(loc, view) for loc, view in views if loc.article.duplicate_of is None]
        region_page = "regions/index.md"
        pages[f"{lang}/{region_page}"] = env.get_template("regions.md.j2").render(
            t=t, tree=_region_tree(views, lang, t, region_page), front_matter=front_matter({"title": t["regions_title"], "search": {"exclude": True}})
        )

        topic_page = "topics/index.md"
        by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for loc, view in views:
            by_topic[loc.article.topics.primary].append(_list_item(view, topic_page))
            for code in loc.article.topics.secondary:
                by_topic[code].append(_list_item(view, topic_page))
        topic_nodes = [
            {"label": _topic_label(topics, code, lang), "anchor": _anchor(code), "count": len(by_topic[code]), "articles": by_topic[code]}
            for code in topics
        ]
        pages[f"{lang}/{topic_page}"] = env.get_template("topics.md.j2").render(
            t=t, topics=topic_nodes, front_matter=front_matter({"title": t["topics_title"], "search": {"exclude": True}})
        )

        region_counts = [
            {"label": node["label"], "count": node["count"]} for node in _region_tree(views, lang, t, region_page)
        ]
        topic_counts = [
            {"label": _topic_label(topics, code, lang), "count": len(by_topic[code])}
            for code in sorted(topics, key=lambda c: (-len(by_topic[c]), c))
            if by_topic[code]
        ]
        pages[f"{lang}/index.md"] = env.get_template("home.md.j2").render(
            t=t,
            article_count=len(views),
            region_counts=region_counts,
            topic_counts=topic_counts,
            latest=[view for _, view in views[:LATEST_ON_HOME]],
            # List pages would outrank the articles they list.
            front_matter=front_matter({"title": t["home_title"], "search": {"exclude": True}}),
        )
    return pages
