"""Load gold labels (tests/data/labelled/gold/*.yml) and the seeds' content lines: the I/O edge.

A gold file is `<seed file name>.yml` (e.g. `000_x.txt.yml`, so `a.txt` and `a.html` cannot
collide) holding `source_file`, `format` and a list of `articles`. Unknown keys and missing
required keys are errors naming the file: a typo in a label must not silently score.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.ingest import SEED_SUFFIXES
from tests.quality.scoring import GoldArticle, content_line_numbers

REPO_ROOT = Path(__file__).resolve().parents[2]
# A fixed copy of the first corpus, so editors can add or change seeds/ without labels.
SEEDS_DIR = REPO_ROOT / "tests" / "data" / "labelled" / "seeds"
GOLD_DIR = REPO_ROOT / "tests" / "data" / "labelled" / "gold"
UNSEEN_SEEDS_DIR = REPO_ROOT / "tests" / "data" / "unseen" / "seeds"
UNSEEN_GOLD_DIR = REPO_ROOT / "tests" / "data" / "unseen" / "gold"
# A second held-out batch: nobody tunes the splitter on it, so it stays an honest measure after
# batch 1's failures have been looked at and fixed.
UNSEEN2_SEEDS_DIR = REPO_ROOT / "tests" / "data" / "unseen2" / "seeds"
UNSEEN2_GOLD_DIR = REPO_ROOT / "tests" / "data" / "unseen2" / "gold"
# A third held-out batch, written once batches 1 and 2 became tuning material.
UNSEEN3_SEEDS_DIR = REPO_ROOT / "tests" / "data" / "unseen3" / "seeds"
UNSEEN3_GOLD_DIR = REPO_ROOT / "tests" / "data" / "unseen3" / "gold"
# A fourth held-out batch, written once batches 1-3 became tuning material.
UNSEEN4_SEEDS_DIR = REPO_ROOT / "tests" / "data" / "unseen4" / "seeds"
UNSEEN4_GOLD_DIR = REPO_ROOT / "tests" / "data" / "unseen4" / "gold"

_FILE_KEYS = frozenset({"source_file", "format", "articles"})
_REQUIRED = ("line_start", "line_end", "title", "byline", "date", "kind")
# Labelled for readers of the gold data and future scoring; not all are scored yet.
_OPTIONAL = frozenset(
    {
        "subtitle",
        "kicker",
        "dateline_place",
        "title_alternatives",
        "captions",
        "continues_to",
        "continued_from",
        "outlet",
    }
)


class GoldFormatError(ValueError):
    """A gold YAML file that does not follow the expected shape."""


def _article(data: Any, *, source_file: str, where: str) -> GoldArticle:
    if not isinstance(data, Mapping):
        raise GoldFormatError(f"{where}: an article must be a mapping")
    missing = [k for k in _REQUIRED if k not in data]
    unknown = sorted(set(data) - set(_REQUIRED) - _OPTIONAL)
    if missing or unknown:
        raise GoldFormatError(f"{where}: missing keys {missing}, unknown keys {unknown}")
    byline = data["byline"]
    if not isinstance(byline, list) or not all(isinstance(n, str) for n in byline):
        raise GoldFormatError(f"{where}: byline must be a list of names")
    return GoldArticle(
        source_file=source_file,
        line_start=int(data["line_start"]),
        line_end=int(data["line_end"]),
        title=data["title"],
        byline=tuple(byline),
        date=data["date"],
        kind=str(data["kind"]),
        subtitle=data.get("subtitle"),
        kicker=data.get("kicker"),
        dateline_place=data.get("dateline_place"),
        title_alternatives=tuple(data.get("title_alternatives") or ()),
    )


def parse_gold(text: str, *, name: str) -> tuple[str, str, tuple[GoldArticle, ...]]:
    """(source_file, format, articles) from one gold file's text; `name` is for errors."""
    data = yaml.safe_load(text)
    if not isinstance(data, Mapping) or set(data) != _FILE_KEYS:
        raise GoldFormatError(f"{name}: top-level keys must be {sorted(_FILE_KEYS)}")
    source_file = str(data["source_file"])
    items = data["articles"]
    if not isinstance(items, list):
        raise GoldFormatError(f"{name}: articles must be a list")
    articles = tuple(
        _article(item, source_file=source_file, where=f"{name}: article {i + 1}") for i, item in enumerate(items)
    )
    return source_file, str(data["format"]), articles


def load_gold_dir(gold_dir: Path) -> tuple[GoldArticle, ...]:
    """Every gold article under `gold_dir`, files in name order."""
    found: list[GoldArticle] = []
    for path in sorted(gold_dir.glob("*.yml")):
        _, _, articles = parse_gold(path.read_text(encoding="utf-8"), name=path.name)
        found.extend(articles)
    return tuple(found)


def load_content_lines(seeds_dir: Path) -> dict[str, frozenset[int]]:
    """Non-blank line numbers of every seed, keyed by its name relative to `seeds_dir`.

    Decoded as UTF-8 (all labelled seeds are); a seed in another encoding would need the
    pipeline's decoder, but blank-line positions do not depend on the encoding.
    """
    return {
        path.relative_to(seeds_dir).as_posix(): content_line_numbers(
            path.read_bytes().decode("utf-8-sig", errors="replace")
        )
        for path in sorted(seeds_dir.rglob("*"))
        if path.is_file() and path.suffix.lower() in SEED_SUFFIXES
    }
