"""The JSON export for researchers, with the field meanings of `articles.schema.json`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

from generator import __version__
from generator.models import LocalizedArticle
from generator.render.views import article_path


def article_record(loc: LocalizedArticle) -> dict[str, Any]:
    """One article as the schema describes it."""
    a = loc.article
    raw = a.raw
    region = a.region
    return {
        "id": a.id,
        "source": {
            "file": raw.source_file,
            "line_start": raw.line_start,
            "line_end": raw.line_end,
            "format": raw.format.value,
        },
        # beyond the shared schema: the sidecar's printed page and address of the original
        "printed_page": raw.page,
        "source_url": raw.url,
        "kind": raw.kind.value,
        "title_zh": raw.title,
        "subtitle_zh": raw.subtitle,
        "body_zh": raw.body,
        "body_original": "\n\n".join(raw.paragraphs_original) or None,
        "byline": list(raw.byline),
        "date": raw.date,
        # beyond the shared schema: how the date is known (dateline, issue, sidecar, text, none)
        "date_basis": raw.date_basis.value,
        "outlet": raw.outlet,
        "region": {
            "province": region.province,
            "city": region.city,
            "county": region.county,
            "province_en": region.province_en,
            "city_en": region.city_en,
            "county_en": region.county_en,
            "adcode": region.adcode,
        },
        "regions_mentioned": list(a.regions_mentioned),
        "topic_primary": a.topics.primary,
        "topics": [a.topics.primary, *a.topics.secondary],
        "keywords_zh": list(a.keywords),
        "summary_zh": "".join(a.summary),
        "title_en": loc.title_en.text,
        "summary_en": loc.summary_en.text,
        "translation_status": {
            "title_en": loc.title_en.state.value,
            "summary_en": loc.summary_en.state.value,
        },
        "figures": [
            {
                "value": f.value,
                "unit_zh": f.unit_zh,
                "unit_en": f.unit_en,
                "context_zh": f.context_zh,
                "text_en": f.text_en,  # beyond the schema: the figure as English readers see it
            }
            for f in a.figures
        ],
        "duplicate_of": a.duplicate_of,
        "dates_mentioned": list(a.dates_mentioned),  # beyond the schema: ISO, sorted
        # beyond the schema: the terms that gave each topic (primary first)
        "topic_evidence": {code: list(terms) for code, terms in a.topics.evidence},
        "pages": {"zh": f"zh/{article_path(a.id)}", "en": f"en/{article_path(a.id)}"},
    }


def export_document(articles: Sequence[LocalizedArticle]) -> dict[str, Any]:
    return {"generator": {"version": __version__}, "articles": [article_record(loc) for loc in articles]}


def export_json(articles: Sequence[LocalizedArticle]) -> str:
    """Deterministic JSON text (sorted keys, UTF-8 characters kept, trailing newline)."""
    return json.dumps(export_document(articles), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def load_schema() -> dict[str, Any]:
    """The project's copy of the export schema (kept identical to the team's shared one)."""
    text = resources.files("generator.data").joinpath("articles.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
