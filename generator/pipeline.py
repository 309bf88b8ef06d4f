"""`run(settings)`: the named phases of a build, in order.

Everything is computed in memory first; only the last phase writes, atomically.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from generator.analyse import analyse_articles
from generator.analyse.topics import Topic, load_taxonomy
from generator.config import Settings
from generator.errors import IngestError
from generator.ingest import ingest_seeds
from generator.models import LocalizedArticle
from generator.render.export import export_json
from generator.render.pages import load_templates, render_pages
from generator.translate import load_memory, localize
from generator.write import write_tree

log = logging.getLogger(__name__)

EXPORT_NAME = "articles.json"
"""The export is also published inside each language's docs folder, for download."""


@dataclass(frozen=True, slots=True)
class Content:
    """Everything computed from the seeds, before anything is written."""

    articles: tuple[LocalizedArticle, ...]
    problems: tuple[IngestError, ...]
    taxonomy: tuple[Topic, ...]


@dataclass(frozen=True, slots=True)
class BuildReport:
    articles: int
    pages: int
    problems: tuple[IngestError, ...]
    docs_dir: Path


def compute(settings: Settings) -> Content:
    """Ingest, analyse and localise every seed (pure but for reading the seeds)."""
    ingested = ingest_seeds(settings.seeds_dir, strict=settings.strict)
    for problem in ingested.problems:
        log.warning("%s", problem)
    taxonomy = load_taxonomy()
    analysed = analyse_articles(ingested.articles, taxonomy=taxonomy)
    memory = load_memory(settings.root / "translations" / "en.po")
    localized = tuple(localize(article, memory=memory) for article in analysed)
    return Content(articles=localized, problems=ingested.problems, taxonomy=taxonomy)


def render_docs(content: Content, settings: Settings) -> dict[str, str]:
    """Every file of the docs folder, keyed by relative path."""
    templates = load_templates(settings.root / "site_templates")
    files = render_pages(content.articles, taxonomy=content.taxonomy, templates=templates)
    export = export_json(content.articles)
    for lang in ("zh", "en"):
        files[f"{lang}/{EXPORT_NAME}"] = export
    return files


def run(settings: Settings, *, docs_dir: Path | None = None) -> BuildReport:
    """seeds -> docs folder (replaced atomically)."""
    content = compute(settings)
    files = render_docs(content, settings)
    target = docs_dir or settings.docs_dir
    write_tree(target, files)
    return BuildReport(
        articles=len(content.articles), pages=len(files), problems=content.problems, docs_dir=target
    )
