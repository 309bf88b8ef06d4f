"""`run(settings)`: the named phases of a build, in order.

Everything is computed in memory first; only the last phase writes, atomically.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator.analyse.gazetteer import load_gazetteer
from generator.analyse.segment import project_userdict
from generator.analyse.topics import Topic, load_taxonomy
from generator.build_cache import BuildCache
from generator.changelog import (
    CHANGES_FILE,
    HASHES_FILE,
    History,
    content_hash,
    format_changes,
    format_hashes,
    next_history,
    read_history,
)
from generator.config import Settings
from generator.errors import BuildError, ConfigError, IngestError
from generator.executors import OwnedExecutor, PoolExecutor, SerialExecutor
from generator.interrupt import pause_point
from generator.models import EnglishTerm, LocalizedArticle
from generator.overrides import OVERRIDES_FILE, apply_overrides, read_overrides
from generator.published import RECORD_FILE, Record, format_record, gone_pages, read_record, with_current
from generator.render import regionmap
from generator.render.export import export_json
from generator.render.gone import gone_files
from generator.render.pages import SiteOptions, load_templates, render_pages
from generator.render.views import DOWNLOADS_LANG
from generator.seed_cache import SeedCache
from generator.seedmap import Resources, ingest_and_analyse, load_resources
from generator.site import site_urls
from generator.translate import DictionaryOnDemand, load_cedict, load_memory, localize, terms_version
from generator.write import libc_handle, write_tree

log = logging.getLogger(__name__)

EXPORT_NAME = "articles.json"
"""The export is published for download in the Chinese docs folder (the site root) only:
both languages' articles are in it, and the English pages link to that one copy
(`generator.render.views.download_href`), so a change shows once in a pull request's diff."""
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


SIDECAR_SUFFIX = ".yml"
"""Sidecars are `seeds/<file>.yml` (see generator.ingest.read); seeds are never `.yml`."""


def is_sidecar_problem(problem: IngestError) -> bool:
    """Whether an ingest problem is about a sidecar's content (YAML, keys, values, two sidecars).

    `ingest.read` names the sidecar file, not the seed, in these errors.
    """
    return problem.file.lower().endswith(SIDECAR_SUFFIX)


def _shown(path: Path) -> str:
    """`path` relative to the current folder when it is below it, as a user typed it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def sidecar_error(problems: tuple[IngestError, ...], seeds_dir: Path) -> BuildError | None:
    """One error naming every bad sidecar with file and line, or None when all are good.

    A bad sidecar is fatal, unlike a bad seed: building without it would silently drop
    the corrections it carries (or the seed's articles), and `translations extract` would
    make their English obsolete. Nothing is written, so the last good docs folder stays.
    """
    bad = [p for p in problems if is_sidecar_problem(p)]
    if not bad:
        return None
    lines = [f"{_shown(seeds_dir / p.file)}{f':{p.line}' if p.line else ''}: {p.reason}" for p in bad]
    fix = "fix the sidecar and run the command again; nothing was written"
    return BuildError("bad sidecar: " + "; ".join(lines) + f" ({fix})")


def compute(settings: Settings, *, sidecar_errors_fatal: bool = True, build_cache: BuildCache | None = None) -> Content:
    """Ingest, analyse, correct (`seeds/overrides.yml`) and localise every seed (pure but for reading the seeds).

    Seed problems are returned, not logged: the caller prints each once. A bad sidecar
    raises a BuildError naming it (`sidecar_error`), unless `sidecar_errors_fatal` is
    False (`check`, which lists it with the other problems). With `settings.strict`
    every warning is fatal: a bad seed (raised by `ingest_seeds`) and anything the
    stages log as a warning (stray NUL bytes dropped, a bad user dictionary line), so
    CI cannot pass over a lossy read. `build_cache` (`generator.build_cache`) holds the
    per-seed results and the English of terms the last build with it looked up.
    """
    with recorded_warnings() as warned:
        # The user dictionary's warnings (a bad line) are the driver's to report, also when
        # the cache answers every seed and nothing loads the segmenter (parsed once per process).
        project_userdict()
        cache = build_cache.store if build_cache is not None else None
        if cache is None and settings.cache_dir is not None:
            cache = SeedCache(settings.cache_dir)
        # The line model, topic model, taxonomy and MinHash template, loaded once when the
        # first task needs them (never, when the cache answers for every seed) and handed to
        # every task by the executor (forked workers share them).
        with _executor(settings, load_resources) as executor:
            mapped = ingest_and_analyse(settings.seeds_dir, strict=settings.strict, executor=executor, cache=cache)
        ingested, analysed = mapped.ingested, mapped.analysed
        fatal = sidecar_error(ingested.problems, settings.seeds_dir) if sidecar_errors_fatal else None
        if fatal is not None:
            raise fatal
        # Reviewed corrections of single articles: a malformed file stops here, before localising.
        overrides = read_overrides(settings.seeds_dir, shown=_shown(settings.seeds_dir / OVERRIDES_FILE))
        taxonomy = load_taxonomy()
        analysed = apply_overrides(analysed, overrides, taxonomy=taxonomy, gazetteer=load_gazetteer())
        memory = load_memory(settings.translations)
        # CC-CEDICT is read once per run (about a second), when a term is not known yet, and passed down.
        dictionary = DictionaryOnDemand(load_cedict)
        # The English of each term, for this memory, glossary and dictionary: what the last
        # build looked up (from the build cache), and this run's lookups.
        glossary_version = terms_version(memory)  # of the memory parsed here, not the file read again
        earlier_terms = build_cache.known_terms(glossary_version) if build_cache is not None else {}
        known_terms: dict[str, EnglishTerm] = dict(earlier_terms)
        localized = tuple(
            localize(article, memory=memory, dictionary=dictionary, known_terms=known_terms) for article in analysed
        )
        if build_cache is not None:
            build_cache.keep_terms(known_terms, earlier_terms, glossary_version)
    if settings.strict and warned:
        raise BuildError("strict mode: warnings are fatal:\n" + "\n".join(f"  {message}" for message in warned))
    return Content(articles=localized, problems=ingested.problems, taxonomy=taxonomy)


def _executor(settings: Settings, resources: Callable[[], Resources]) -> OwnedExecutor:
    """Where the per-seed work runs: a Dask cluster, `jobs` local processes, or this one."""
    if settings.executor == "dask":
        try:
            from generator.dask_executor import DaskExecutor
        except ImportError as exc:
            raise ConfigError(
                f"--executor dask needs dask.distributed, which is not installed ({exc}):"
                " .venv/bin/pip install 'dask[distributed]' (README, Scale)"
            ) from exc
        try:
            return DaskExecutor(resources, scheduler=settings.scheduler, jobs=settings.jobs)
        except (OSError, ValueError) as exc:  # no scheduler there (a timeout is an OSError), or a bad address
            raise ConfigError(f"cannot reach the Dask scheduler {settings.scheduler}: {exc}") from exc
    if settings.jobs > 1:
        return PoolExecutor(resources, jobs=settings.jobs)
    return SerialExecutor(resources)


def _place_names_en(articles: tuple[LocalizedArticle, ...]) -> dict[str, str]:
    """English names of the places articles mention, where the name is unambiguous."""
    gazetteer = load_gazetteer()
    names: dict[str, str] = {}
    for name in sorted({name for loc in articles for name in loc.article.regions_mentioned}):
        english = {division.en for division in gazetteer.by_name(name)}
        if len(english) == 1:
            names[name] = english.pop()
    return names


def render_docs(
    content: Content,
    settings: Settings,
    *,
    published: Record,
    history: History = History(),  # noqa: B008 (frozen, empty)
    cache: BuildCache | None = None,
) -> dict[str, str]:
    """Every file of the docs folder, keyed by relative path.

    With a `cache` (`generator.build_cache`), the map's boundaries and the article pages
    whose inputs did not change since the build that filled it are taken from it, and the
    pages of this build are kept there for the next.

    `published` is the record of ids the docs folder being replaced had published
    (`generator.published.read_record`): each of them keeps a page, and the record
    written back adds the current ids. `history` is that folder's record of updates
    (`generator.changelog.read_history`): the build adds one when an article was added,
    corrected or removed since, and the page of what changed shows them.
    """
    history = next_history(history, {loc.article.id: content_hash(loc) for loc in content.articles})
    templates = load_templates(settings.root / "site_templates")
    urls = site_urls(settings)
    options = SiteOptions(site_urls=urls, place_names_en=_place_names_en(content.articles))
    memo = cache.page_memo(templates.version) if cache is not None else None
    rendered = render_pages(
        content.articles,
        taxonomy=content.taxonomy,
        templates=templates,
        options=options,
        history=history,
        jobs=settings.jobs,
        memo=memo,
        map_shapes=cache.map_shapes if cache is not None else regionmap.map_shapes,
    )
    if cache is not None and memo is not None:
        cache.keep_pages(rendered.memo, memo, templates.version)
    files = rendered.pages
    current = [loc.article.id for loc in content.articles]
    record = with_current(published, current)
    files.update(gone_files(gone_pages(record, current), templates=templates, site_urls=urls))
    files[RECORD_FILE] = format_record(record)
    files[CHANGES_FILE] = format_changes(history)
    files[HASHES_FILE] = format_hashes(history)
    export = export_json(content.articles)
    # The schema travels with the export so a download explains itself.
    schema = resources.files("generator.data").joinpath(SCHEMA_NAME).read_text(encoding="utf-8")
    files[f"{DOWNLOADS_LANG}/{EXPORT_NAME}"] = export
    files[f"{DOWNLOADS_LANG}/{SCHEMA_NAME}"] = schema
    return files


# From this many articles `run` lets the analysis tables go before render. Loading them
# again takes about a second, which a small build (and a test suite of them) would pay for
# memory it does not need; the output is the same either way.
RELEASE_TABLES_FROM = 1000


def run(settings: Settings, *, docs_dir: Path | None = None) -> BuildReport:
    """seeds -> docs folder (replaced atomically)."""
    pause_point("compute")
    cache = BuildCache.open(settings.cache_dir) if settings.cache_dir is not None else None
    content = compute(settings, build_cache=cache)
    if len(content.articles) >= RELEASE_TABLES_FROM:
        # Render needs none of the analysis tables but the gazetteer: at 5,000 articles the
        # build's peak was render's, the driver holding them all (605 -> 505 MB, same time).
        release_resources()
    target = docs_dir or settings.docs_dir
    # The record lives in the folder it describes: a fresh folder (a test, a scratch build) has no history.
    files = render_docs(content, settings, published=read_record(target), history=read_history(target), cache=cache)
    pause_point("write-docs")
    write_tree(target, files, pause="swap-docs")
    pause_point("docs-written")
    return BuildReport(articles=len(content.articles), pages=len(files), problems=content.problems, docs_dir=target)


def release_resources() -> None:
    """Drop the tables the analysis loaded and cached (segmenter, gazetteer, IDF, glossary,
    taxonomy) and hand the freed heap back to the system.

    `run` calls this between the analysis and render of a large corpus (RELEASE_TABLES_FROM),
    and `site` again before MkDocs: the driver only waits on the MkDocs builds then, and at
    5,000 articles it held about 480 MB while they ran (320 MB after this). The next run
    loads the tables again.
    """
    from generator.analyse import gazetteer, keywords, regions, segment, topics
    from generator.translate import glossary

    for cached in (
        segment.load_segmenter,
        gazetteer.load_gazetteer,
        keywords.load_idf,
        keywords.load_stopwords,
        regions._tokenizer,  # the region analyser's own jieba instance
        topics.default_taxonomy,
        glossary.load_glossary,
    ):
        cached.cache_clear()
    gc.collect()
    libc = libc_handle()
    if libc is not None and hasattr(libc, "malloc_trim"):  # glibc: free pages back to the system
        libc.malloc_trim(0)
