"""`run(settings)`: the named phases of a build, in order.

Everything is computed in memory first; only the last phase writes, atomically.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator.analyse.article import analyse_articles
from generator.analyse.gazetteer import load_gazetteer
from generator.analyse.topics import Topic, load_taxonomy
from generator.config import Settings
from generator.errors import BuildError, IngestError
from generator.ingest import ingest_seeds
from generator.interrupt import pause_point
from generator.models import LocalizedArticle
from generator.render.export import export_json
from generator.render.feeds import check_site_url
from generator.render.pages import SiteOptions, load_templates, render_pages
from generator.site import load_mkdocs_config
from generator.translate import load_memory, localize
from generator.write import write_tree

log = logging.getLogger(__name__)

EXPORT_NAME = "articles.json"
"""The export is also published inside each language's docs folder, for download."""
SCHEMA_NAME = "articles.schema.json"


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


class _WarningRecorder(logging.Handler):
    """Keeps the message of every WARNING (or worse) record it sees."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def recorded_warnings(logger: str = "generator") -> Iterator[list[str]]:
    """The warnings logged under `logger` while the body runs (they are still printed as usual)."""
    recorder = _WarningRecorder()
    target = logging.getLogger(logger)
    target.addHandler(recorder)
    try:
        yield recorder.messages
    finally:
        target.removeHandler(recorder)


def compute(settings: Settings) -> Content:
    """Ingest, analyse and localise every seed (pure but for reading the seeds).

    Seed problems are returned, not logged: the caller prints each once. With
    `settings.strict` every warning is fatal: a bad seed (raised by `ingest_seeds`)
    and anything the stages log as a warning (stray NUL bytes dropped, a bad user
    dictionary line), so CI cannot pass over a lossy read.
    """
    with recorded_warnings() as warned:
        ingested = ingest_seeds(settings.seeds_dir, strict=settings.strict)
        taxonomy = load_taxonomy()
        analysed = analyse_articles(ingested.articles, taxonomy=taxonomy)
        memory = load_memory(settings.translations)
        localized = tuple(localize(article, memory=memory) for article in analysed)
    if settings.strict and warned:
        raise BuildError("strict mode: warnings are fatal:\n" + "\n".join(f"  {message}" for message in warned))
    return Content(articles=localized, problems=ingested.problems, taxonomy=taxonomy)


def _site_urls(settings: Settings) -> dict[str, str]:
    """Absolute URL of each language's home, from `site_url` in the MkDocs configurations.

    The English configuration inherits the Chinese one; when it does not set its own
    `site_url`, the English site is the `en/` folder below the Chinese one.
    """
    zh = load_mkdocs_config(settings.mkdocs_config).get("site_url") or ""
    en = load_mkdocs_config(settings.mkdocs_config_en).get("site_url") or ""
    check_site_url(zh, where=str(settings.mkdocs_config))
    if not en or en == zh:
        en = zh + "en/"
    check_site_url(en, where=str(settings.mkdocs_config_en))
    return {"zh": zh, "en": en}


def _place_names_en(articles: tuple[LocalizedArticle, ...]) -> dict[str, str]:
    """English names of the places articles mention, where the name is unambiguous."""
    gazetteer = load_gazetteer()
    names: dict[str, str] = {}
    for name in sorted({name for loc in articles for name in loc.article.regions_mentioned}):
        english = {division.en for division in gazetteer.by_name(name)}
        if len(english) == 1:
            names[name] = english.pop()
    return names


def render_docs(content: Content, settings: Settings) -> dict[str, str]:
    """Every file of the docs folder, keyed by relative path."""
    templates = load_templates(settings.root / "site_templates")
    options = SiteOptions(site_urls=_site_urls(settings), place_names_en=_place_names_en(content.articles))
    files = render_pages(content.articles, taxonomy=content.taxonomy, templates=templates, options=options)
    export = export_json(content.articles)
    # The schema travels with the export so a download explains itself.
    schema = resources.files("generator.data").joinpath(SCHEMA_NAME).read_text(encoding="utf-8")
    for lang in ("zh", "en"):
        files[f"{lang}/{EXPORT_NAME}"] = export
        files[f"{lang}/{SCHEMA_NAME}"] = schema
    return files


def run(settings: Settings, *, docs_dir: Path | None = None) -> BuildReport:
    """seeds -> docs folder (replaced atomically)."""
    pause_point("compute")
    content = compute(settings)
    files = render_docs(content, settings)
    target = docs_dir or settings.docs_dir
    pause_point("write-docs")
    write_tree(target, files, pause="swap-docs")
    pause_point("docs-written")
    return BuildReport(articles=len(content.articles), pages=len(files), problems=content.problems, docs_dir=target)
