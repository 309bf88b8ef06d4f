"""Ingest: seed files -> RawArticle tuples.

`ingest_seeds` is the I/O edge: it lists the seeds in a stable order, reads each
(`read.read_source`: decoding, format detection, sidecar) and splits it into
articles (`split.split_document`, pure). A file that cannot be read, or holds no
detectable article, becomes an `IngestError` in `problems` and the other files
still build; `strict=True` raises the first such error instead. Two seeds whose
names differ only by letter case or Unicode normalisation (`Case.txt` / `case.txt`)
are one file on many disks: the first in sorted order is built, the other reported.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import IngestError
from generator.models import RawArticle, SourceDocument

if TYPE_CHECKING:
    from generator.ingest.tagger import LineTagger

SEED_SUFFIXES = (".txt", ".html", ".htm")

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IngestResult:
    articles: tuple[RawArticle, ...]
    problems: tuple[IngestError, ...]


def seed_paths(seeds_dir: Path) -> tuple[Path, ...]:
    """Seed files under `seeds_dir`, sorted by relative POSIX path (sidecars excluded)."""
    found = [p for p in seeds_dir.rglob("*") if p.is_file() and p.suffix.lower() in SEED_SUFFIXES]
    return tuple(sorted(found, key=lambda p: p.relative_to(seeds_dir).as_posix()))


def _refuse_outside(path: Path, *, name: str) -> None:
    """A symlink may point anywhere; a pull request must not make the build read outside `seeds/`."""
    parts = Path(name).parts
    seeds_root = path.parents[len(parts) - 1] if len(parts) > 0 else path.parent
    if path.is_symlink() or any(parent.is_symlink() for parent in path.parents[: len(parts) - 1]):
        if not path.resolve().is_relative_to(seeds_root.resolve()):
            raise IngestError(name, "symbolic link to a file outside the seeds folder: refused")


def ingest_file(path: Path, *, name: str, default_year: int | None = None) -> tuple[RawArticle, ...]:
    """Read one seed and split it into articles; IngestError if it has none."""
    return _split(_read(path, name=name), default_year=default_year)


def _read(path: Path, *, name: str) -> SourceDocument:
    # Imported here so that `generator.ingest` stays importable for its light helpers.
    from generator.ingest.read import read_source

    try:
        _refuse_outside(path, name=name)
        return read_source(path, name=name)
    except OSError as exc:
        # Unreadable (permissions, a name the system refuses, a vanished file): the seed's problem, not a crash.
        raise IngestError(name, f"cannot read the file: {exc.strerror or exc}") from exc


def _split(
    doc: SourceDocument, *, default_year: int | None, tagger: LineTagger | None = None
) -> tuple[RawArticle, ...]:
    from generator.ingest.split import split_document

    articles = split_document(doc, default_year=default_year, tagger=tagger)
    if not articles:
        raise IngestError(doc.name, "no article text found")
    return articles


def name_key(name: str) -> str:
    """What a case-insensitive or normalising file system sees of `name` (Unicode caseless matching)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


def name_collisions(names: tuple[str, ...]) -> dict[str, str]:
    """{later name: first name} for names equal under `name_key`; the first in the given order is kept."""
    first: dict[str, str] = {}
    later: dict[str, str] = {}
    for name in names:
        kept = first.setdefault(name_key(name), name)
        if kept != name:
            later[name] = kept
    return later


def corpus_year(docs: Iterable[SourceDocument]) -> int | None:
    """The year most documents state (ties: the latest); None if none states one.

    A page that never writes its year was printed with the rest of its batch, so its
    month/day datelines take this year.
    """
    from generator.ingest.split import page_year

    counts = Counter(year for year in map(page_year, docs) if year is not None)
    if not counts:
        return None
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]


def ingest_seeds(seeds_dir: Path, *, strict: bool = False, tagger: LineTagger | None = None) -> IngestResult:
    """Every article of every seed under `seeds_dir`, in seed order then page order.

    Example: `ingest_seeds(Path("seeds")).articles[0].title`. Problems are
    collected per file; with `strict=True` the first problem is raised. All files
    are read before any is split, so that a page without a written year can take
    the corpus year (`corpus_year`).
    """
    problems: list[IngestError] = []
    docs: list[SourceDocument] = []
    paths = {path.relative_to(seeds_dir).as_posix(): path for path in seed_paths(seeds_dir)}
    collisions = name_collisions(tuple(paths))
    for name, path in paths.items():
        try:
            if name in collisions:
                raise IngestError(
                    name,
                    f"same name as {collisions[name]} apart from letter case or Unicode normalisation; "
                    "rename one (they would overwrite each other on many disks)",
                )
            docs.append(_read(path, name=name))
        except IngestError as err:
            if strict:
                raise
            # Returned, not logged: the caller prints each problem once.
            problems.append(err)
    year = corpus_year(docs)
    articles: list[RawArticle] = []
    for doc in docs:
        try:
            articles.extend(_split(doc, default_year=year, tagger=tagger))
        except IngestError as err:
            if strict:
                raise
            # Returned, not logged: the caller prints each problem once.
            problems.append(err)
    return IngestResult(tuple(articles), tuple(problems))


__all__ = [
    "SEED_SUFFIXES",
    "IngestResult",
    "corpus_year",
    "ingest_file",
    "ingest_seeds",
    "name_collisions",
    "name_key",
    "seed_paths",
]
