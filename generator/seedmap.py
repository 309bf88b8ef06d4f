"""Per-seed work (read, split, analyse) as a map over seed files, then the corpus steps.

`ingest_and_analyse` gives what `ingest_seeds` followed by `analyse_articles` gives, byte for
byte, but runs each seed's work as a task, serially or on a process pool (`generator.executors`),
with a content-hash cache in front (`generator.seed_cache`).

Only two values cross seed files before the corpus steps, so the map runs in rounds:

1. read every seed: the year its page states (`split.page_year`). The corpus year (the year
   most pages state) dates the month/day datelines of a page that never writes its year.
2. split every seed with that year and analyse its articles. A file whose bodies never write
   a year needs the year the whole corpus's bodies write most: its analysis waits for
   round 3, which every other file's year counts decide.

The corpus steps (ids numbered, near-duplicates linked, sorting) run on the driver, over
per-article MinHash signatures the tasks computed. Log records of a task are collected and
replayed on the driver in seed order, also from the cache, so `--strict` and the console see
exactly what a serial run logs.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from generator.analyse.article import analyse_file, finish_corpus
from generator.analyse.dates import most_written_year, year_counts
from generator.analyse.duplicates import signature_values, template
from generator.errors import IngestError
from generator.ingest import IngestResult, _read, _split, name_collisions, seed_paths
from generator.ingest.continuations import join_continuations
from generator.models import AnalysedArticle, RawArticle

if TYPE_CHECKING:
    from datasketch import MinHash

    from generator.analyse.topic_model import TopicModel
    from generator.analyse.topics import Topic
    from generator.executors import Executor
    from generator.ingest.tagger import LineTagger
    from generator.seed_cache import SeedCache

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Resources:
    """What every task needs, loaded once per process and passed to each task."""

    tagger: LineTagger
    taxonomy: tuple[Topic, ...]
    topic_model: TopicModel
    minhash: MinHash  # the MinHash template (permutations drawn once)


def load_resources() -> Resources:
    """Load the line tagger, taxonomy, topic model and MinHash template, and warm the
    process-wide segmenter, gazetteer and keyword tables the analysers read."""
    from generator.analyse.gazetteer import load_gazetteer
    from generator.analyse.keywords import load_idf, load_stopwords
    from generator.analyse.segment import load_segmenter
    from generator.analyse.topic_model import load_topic_model
    from generator.analyse.topics import load_taxonomy
    from generator.ingest.tagger import load_tagger

    load_segmenter(), load_gazetteer(), load_idf(), load_stopwords()
    return Resources(tagger=load_tagger(), taxonomy=load_taxonomy(), topic_model=load_topic_model(), minhash=template())


@dataclass(frozen=True, slots=True)
class Seed:
    """One seed file to work on; `collision` names the file it clashes with (never read)."""

    name: str
    path: Path
    collision: str | None = None


@dataclass(frozen=True, slots=True)
class Logged:
    """A log record reduced to what the driver replays."""

    logger: str
    level: int
    message: str


@dataclass(frozen=True, slots=True)
class SeedRead:
    """Round 1: the year the page states, or why it cannot be read."""

    page_year: int | None
    problem: IngestError | None
    logs: tuple[Logged, ...]


@dataclass(frozen=True, slots=True)
class SeedWork:
    """Rounds 2 and 3: the seed's articles, analysed unless they wait for the corpus year."""

    raws: tuple[RawArticle, ...]
    problem: IngestError | None
    logs: tuple[Logged, ...]
    years: tuple[tuple[int, int], ...]  # (year, count) written in the bodies, sorted
    analysed: tuple[AnalysedArticle, ...] | None  # None: needs the corpus's body year
    signatures: tuple[tuple[int, ...], ...]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[Logged] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(Logged(record.name, record.levelno, record.getMessage()))


@contextmanager
def collected_logs(name: str = "generator") -> Iterator[list[Logged]]:
    """Records logged under `name` while the body runs, kept instead of handled."""
    logger = logging.getLogger(name)
    collector = _Collect()
    saved = logger.handlers[:], logger.propagate
    logger.handlers, logger.propagate = [collector], False
    try:
        yield collector.records
    finally:
        logger.handlers, logger.propagate = saved


def replay(logs: Sequence[Logged]) -> None:
    """Log `logs` again here, as if the work had run in this process."""
    for entry in logs:
        logger = logging.getLogger(entry.logger)
        if logger.isEnabledFor(entry.level):
            logger.handle(
                logging.makeLogRecord(
                    {
                        "name": entry.logger,
                        "levelno": entry.level,
                        "levelname": logging.getLevelName(entry.level),
                        "msg": entry.message,
                    }
                )
            )


def read_seed(seed: Seed, resources: Resources) -> SeedRead:
    """Round 1 for one seed (pure but for reading the file)."""
    from generator.ingest.split import page_year

    del resources  # reading needs none; every task takes them last
    with collected_logs() as logs:
        try:
            if seed.collision is not None:
                raise IngestError(
                    seed.name,
                    f"same name as {seed.collision} apart from letter case or Unicode normalisation; "
                    "rename one (they would overwrite each other on many disks)",
                )
            year, problem = page_year(_read(seed.path, name=seed.name)), None
        except IngestError as err:
            year, problem = None, err
    return SeedRead(page_year=year, problem=problem, logs=tuple(logs))


def _analysed(
    raws: tuple[RawArticle, ...], default_year: int | None, resources: Resources
) -> tuple[tuple[AnalysedArticle, ...], tuple[tuple[int, ...], ...]]:
    analysed = analyse_file(
        raws, taxonomy=resources.taxonomy, topic_model=resources.topic_model, default_year=default_year
    )
    return analysed, tuple(signature_values(a.raw.body, model=resources.minhash) for a in analysed)


def work_seed(seed: Seed, ingest_year: int | None, resources: Resources) -> SeedWork:
    """Round 2 for one seed: read again (its read logs were kept in round 1), split, analyse."""
    with collected_logs():
        try:
            doc = _read(seed.path, name=seed.name)
        except IngestError as err:  # readable in round 1, gone since: the seed's problem
            return SeedWork(raws=(), problem=err, logs=(), years=(), analysed=(), signatures=())
    with collected_logs() as logs:
        try:
            raws, problem = _split(doc, default_year=ingest_year, tagger=resources.tagger), None
        except IngestError as err:
            raws, problem = (), err
        counts = year_counts(r.body for r in raws)
        own_year = most_written_year(counts)
        analysed, signatures = _analysed(raws, own_year, resources) if own_year is not None else (None, ())
    return SeedWork(
        raws=raws,
        problem=problem,
        logs=tuple(logs),
        years=tuple(sorted(counts.items())),
        analysed=analysed if raws else (),
        signatures=signatures,
    )


def finish_seed(work: SeedWork, corpus_year: int | None, resources: Resources) -> SeedWork:
    """Round 3 for a seed whose bodies write no year: analysed with the corpus's year."""
    with collected_logs() as logs:
        analysed, signatures = _analysed(work.raws, corpus_year, resources)
    return SeedWork(
        raws=work.raws,
        problem=work.problem,
        logs=(*work.logs, *logs),
        years=work.years,
        analysed=analysed,
        signatures=signatures,
    )


@dataclass(frozen=True, slots=True)
class MapResult:
    ingested: IngestResult
    analysed: tuple[AnalysedArticle, ...]


def seeds_of(seeds_dir: Path) -> tuple[Seed, ...]:
    """The seeds `ingest_seeds` reads, in its order, with their name clashes."""
    paths = {path.relative_to(seeds_dir).as_posix(): path for path in seed_paths(seeds_dir)}
    collisions = name_collisions(tuple(paths))
    return tuple(Seed(name, path, collisions.get(name)) for name, path in paths.items())


def ingest_and_analyse(
    seeds_dir: Path,
    *,
    strict: bool,
    executor: Executor,
    cache: SeedCache | None = None,
) -> MapResult:
    """Every seed read, split and analysed, then the corpus steps: the same articles,
    problems and log records as `ingest_seeds` then `analyse_articles`, in the same order.

    `executor` runs the tasks with the resources it holds (one set per process);
    `cache` (optional) answers for seeds whose bytes, sidecar and inputs it has seen.
    """
    seeds = seeds_of(seeds_dir)
    keys = cache.keys(seeds) if cache is not None else {}

    reads = _cached_map(executor, cache, "read", [keys.get(s.name) for s in seeds], read_seed, [(s,) for s in seeds])
    read_problems = [r.problem for r in reads if r.problem is not None]
    for read in reads:
        replay(read.logs)
    if strict and read_problems:
        raise read_problems[0]
    # The year most pages state (ties: the latest), as `ingest.corpus_year` decides it.
    counts = Counter(r.page_year for r in reads if r.problem is None and r.page_year is not None)
    ingest_year = max(counts.items(), key=lambda item: (item[1], item[0]))[0] if counts else None

    readable = [s for s, r in zip(seeds, reads, strict=True) if r.problem is None]
    readable_keys = [keys.get(s.name) for s in readable]
    works = _cached_map(
        executor, cache, f"work-{ingest_year}", readable_keys, work_seed, [(s, ingest_year) for s in readable]
    )
    body_years: Counter[int] = Counter()
    for work in works:
        body_years.update(dict(work.years))
    corpus_year = most_written_year(body_years)
    waiting = [i for i, work in enumerate(works) if work.analysed is None]
    finished = _cached_map(
        executor,
        cache,
        f"finish-{ingest_year}-{corpus_year}",
        [readable_keys[i] for i in waiting],
        finish_seed,
        [(works[i], corpus_year) for i in waiting],
    )
    for i, work in zip(waiting, finished, strict=True):
        works[i] = work
    executor.idle()  # the rest runs here: no workers holding memory meanwhile

    split_problems = [w.problem for w in works if w.problem is not None]
    for work in works:
        replay(work.logs)
    if strict and split_problems:
        raise split_problems[0]
    raws = tuple(raw for work in works for raw in work.raws)
    analysed = [a for work in works for a in work.analysed or ()]
    signatures = [sig for work in works for sig in work.signatures]
    joined = join_continuations(raws)
    if joined != raws:
        raws, analysed, signatures = _join_continued(
            raws, joined, analysed, signatures, corpus_year, executor=executor, cache=cache
        )
    return MapResult(
        ingested=IngestResult(raws, (*read_problems, *split_problems)),
        analysed=finish_corpus(analysed, signatures=signatures),
    )


def _join_continued(
    raws: tuple[RawArticle, ...],
    joined: tuple[RawArticle, ...],
    analysed: list[AnalysedArticle],
    signatures: list[tuple[int, ...]],
    corpus_year: int | None,
    *,
    executor: Executor,
    cache: SeedCache | None,
) -> tuple[tuple[RawArticle, ...], list[AnalysedArticle], list[tuple[int, ...]]]:
    """Stories continued on another page (`generator.ingest.continuations`): parts of one
    story sit in different seeds. A joined story is analysed again, alone (its page's other
    articles no longer set its default province), as a task keyed by its whole text (the
    cache answers when it did not change); the continuation leaves."""
    if len(analysed) != len(raws):
        return raws, analysed, signatures
    by_place = {(r.source_file, r.line_start): r for r in joined}
    kept = [by_place.get((raw.source_file, raw.line_start)) for raw in raws]
    again = [i for i, (raw, story) in enumerate(zip(raws, kept, strict=True)) if story is not None and story is not raw]
    keys = [_joined_key(kept[i], corpus_year, cache.version) if cache is not None else None for i in again]
    redone = dict(
        zip(
            again,
            _cached_map(executor, cache, "joined", keys, _analyse_joined, [(kept[i], corpus_year) for i in again]),
            strict=True,
        )
    )
    out_analysed: list[AnalysedArticle] = []
    out_signatures: list[tuple[int, ...]] = []
    for i, (story, article, signature) in enumerate(zip(kept, analysed, signatures, strict=True)):
        if story is None:
            continue  # a continuation, now inside its opening
        if i in redone:
            article, signature = redone[i]
        out_analysed.append(article)
        out_signatures.append(signature)
    return joined, out_analysed, out_signatures


def _joined_key(story: RawArticle | None, corpus_year: int | None, version: str) -> str:
    """A joined story's cache key: the code version, the corpus year and the story's whole
    value (a frozen dataclass of text, numbers and enums: its repr is its value)."""
    return hashlib.sha256(f"{version}\0{corpus_year}\0{story!r}".encode()).hexdigest()


def _analyse_joined(
    story: RawArticle, corpus_year: int | None, resources: Resources
) -> tuple[AnalysedArticle, tuple[int, ...]]:
    """One joined story analysed alone, with its MinHash signature."""
    (article,), (signature,) = _analysed((story,), corpus_year, resources)
    return article, signature


def _cached_map(
    executor: Executor,
    cache: SeedCache | None,
    stage: str,
    keys: Sequence[str | None],
    task: Callable[..., T],
    arguments: Sequence[tuple[object, ...]],
) -> list[T]:
    """`task(*arguments[i], resources)` for each i, answered by the cache where it can.

    A None key is never cached (a seed whose bytes could not be read, or that clashes by name).
    """
    found: list[T | None] = [cache.get(stage, key) if cache is not None and key else None for key in keys]
    todo = [i for i, value in enumerate(found) if value is None]
    for i, value in zip(todo, executor.map(task, [arguments[i] for i in todo]), strict=True):
        found[i] = value
        key = keys[i]
        if cache is not None and key:
            cache.put(stage, key, value)
    return [value for value in found if value is not None]
