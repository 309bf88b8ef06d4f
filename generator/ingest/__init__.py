"""Ingest: seed files -> RawArticle tuples.

`ingest_seeds` is the I/O edge: it lists the seeds in a stable order, reads each
(`read.read_source`: decoding, format detection, sidecar) and splits it into
articles (`split.split_document`, pure). A file that cannot be read, or holds no
detectable article, becomes an `IngestError` in `problems` and the other files
still build; `strict=True` raises the first such error instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from generator.errors import IngestError
from generator.models import RawArticle

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


def ingest_file(path: Path, *, name: str) -> tuple[RawArticle, ...]:
    """Read one seed and split it into articles; IngestError if it has none."""
    # Imported here so that `generator.ingest` stays importable for its light helpers.
    from generator.ingest.read import read_source
    from generator.ingest.split import split_document

    _refuse_outside(path, name=name)
    doc = read_source(path, name=name)
    articles = split_document(doc)
    if not articles:
        raise IngestError(name, "no article text found")
    return articles


def ingest_seeds(seeds_dir: Path, *, strict: bool = False) -> IngestResult:
    """Every article of every seed under `seeds_dir`, in seed order then page order.

    Example: `ingest_seeds(Path("seeds")).articles[0].title`. Problems are
    collected per file; with `strict=True` the first problem is raised.
    """
    articles: list[RawArticle] = []
    problems: list[IngestError] = []
    for path in seed_paths(seeds_dir):
        name = path.relative_to(seeds_dir).as_posix()
        try:
            articles.extend(ingest_file(path, name=name))
        except IngestError as err:
            if strict:
                raise
            log.warning("%s", err)
            problems.append(err)
    return IngestResult(tuple(articles), tuple(problems))


__all__ = ["SEED_SUFFIXES", "IngestResult", "ingest_file", "ingest_seeds", "seed_paths"]
