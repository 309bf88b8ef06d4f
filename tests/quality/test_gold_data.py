"""Sanity checks on the hand labels themselves: a typo in a label must fail here, not in the gate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from opencc import OpenCC

from generator.ingest import SEED_SUFFIXES
from generator.models import ArticleKind
from tests.quality.gold import (
    GOLD_DIR,
    SEEDS_DIR,
    UNSEEN2_GOLD_DIR,
    UNSEEN2_SEEDS_DIR,
    UNSEEN3_GOLD_DIR,
    UNSEEN3_SEEDS_DIR,
    UNSEEN4_GOLD_DIR,
    UNSEEN4_SEEDS_DIR,
    UNSEEN_GOLD_DIR,
    UNSEEN_SEEDS_DIR,
    parse_gold,
)
from tests.quality.scoring import GoldArticle

SETS = (
    ("seeds", SEEDS_DIR, GOLD_DIR),
    ("unseen", UNSEEN_SEEDS_DIR, UNSEEN_GOLD_DIR),
    ("unseen2", UNSEEN2_SEEDS_DIR, UNSEEN2_GOLD_DIR),
    ("unseen3", UNSEEN3_SEEDS_DIR, UNSEEN3_GOLD_DIR),
    ("unseen4", UNSEEN4_SEEDS_DIR, UNSEEN4_GOLD_DIR),
)
FORMATS = frozenset({"newspaper-page", "web-page", "plain", "annotated", "html"})
KINDS = frozenset(k.value for k in ArticleKind)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
HAN = re.compile(r"[\u4e00-\u9fff]")
SPACE = re.compile(r"\s+")
# Doubled bold glyphs and vertical quotes are repaired in titles; map the quotes back so a
# title's characters can be looked up in the raw range.
VERTICAL = str.maketrans({"﹃": "“", "﹄": "”", "﹁": "‘", "﹂": "’"})
# Pinyin annotations in annotated sources, e.g. 韓(han)冰(bing) or 工(gong)(gong).
PINYIN_NOTE = re.compile(r"\([a-zü]{1,6}[1-5]?\)")


def _seed_files(seeds: Path) -> list[Path]:
    # Sidecars (seeds/<file>.yml) are not seeds.
    return sorted(p for p in seeds.iterdir() if p.is_file() and p.suffix.lower() in SEED_SUFFIXES)


def _pairs() -> list[tuple[str, Path, Path]]:
    out = []
    for label, seeds, gold in SETS:
        for seed in _seed_files(seeds):
            out.append((label, seed, gold / f"{seed.name}.yml"))
    return out


PAIRS = _pairs()


def _ids() -> list[str]:
    return [f"{label}/{seed.name}" for label, seed, _ in PAIRS]


@pytest.mark.parametrize(("label", "seeds", "gold"), SETS, ids=[s[0] for s in SETS])
def test_every_seed_has_a_gold_file_and_back(label: str, seeds: Path, gold: Path) -> None:
    seed_names = {p.name for p in _seed_files(seeds)}
    gold_names = {p.name.removesuffix(".yml") for p in gold.glob("*.yml")}
    assert seed_names, f"no seeds in {seeds}"
    assert seed_names == gold_names


@pytest.mark.parametrize(
    "gold_dir",
    [UNSEEN_GOLD_DIR, UNSEEN2_GOLD_DIR, UNSEEN3_GOLD_DIR, UNSEEN4_GOLD_DIR],
    ids=["unseen", "unseen2", "unseen3", "unseen4"],
)
def test_the_unseen_sets_have_the_required_formats(gold_dir: Path) -> None:
    formats = [parse_gold(p.read_text("utf-8"), name=p.name)[1] for p in gold_dir.glob("*.yml")]
    assert formats.count("newspaper-page") >= 2
    assert {"web-page", "annotated", "plain"} <= set(formats)


@pytest.mark.parametrize(("label", "seed", "gold_path"), PAIRS, ids=_ids())
def test_gold_file_is_consistent_with_its_seed(label: str, seed: Path, gold_path: Path) -> None:
    source, fmt, articles = parse_gold(gold_path.read_text("utf-8"), name=gold_path.name)
    assert source == seed.name
    assert fmt in FORMATS
    lines = seed.read_text("utf-8").splitlines()
    assert articles, "every seed holds at least one article"
    previous_end = 0
    for a in articles:
        where = f"{gold_path.name} lines {a.line_start}-{a.line_end}"
        assert previous_end < a.line_start <= a.line_end <= len(lines), f"{where}: order/bounds"
        previous_end = a.line_end
        # Ranges start and end on text, never on a blank line.
        assert lines[a.line_start - 1].strip() and lines[a.line_end - 1].strip(), where
        assert a.kind in KINDS, where
        assert a.date is None or ISO_DATE.fullmatch(a.date), where
        _check_text_comes_from_range(a, lines, annotated=fmt == "annotated", where=where)


def _check_text_comes_from_range(a: GoldArticle, lines: list[str], *, annotated: bool, where: str) -> None:
    raw = "".join(lines[a.line_start - 1 : a.line_end])
    if annotated:
        raw = OpenCC("t2s").convert(PINYIN_NOTE.sub("", raw))
    joined = SPACE.sub("", raw).translate(VERTICAL)
    for name in a.byline:
        assert name == SPACE.sub("", name), f"{where}: spaces in name {name!r}"
        assert name in joined, f"{where}: byline name {name!r} not in the range"
    for field in (a.title, a.subtitle, a.kicker, *a.title_alternatives):
        if field is None:
            continue
        missing = {ch for ch in HAN.findall(field) if ch not in joined}
        assert not missing, f"{where}: {field!r} has characters not in the range: {missing}"
    if a.dateline_place is not None:
        assert a.dateline_place in joined, where


def test_generator_does_not_know_the_labelled_files() -> None:
    """Rules must come from structure: no seed file name or label path in the generator's code."""
    stems = {seed.stem for _, seed, _ in PAIRS}
    # The hash part of a seed name (000_3bb4111118eb9fce -> 3bb4111118eb9fce) is what would be
    # keyed on; the unseen names are distinctive as a whole.
    keys = {s.split("_", 1)[1] if s[:3].isdigit() else s for s in stems} | {"tests/data", "gold/"}
    generator_dir = GOLD_DIR.parents[2] / "generator"
    offenders = [
        f"{path.relative_to(generator_dir)}: {key}"
        for path in sorted(generator_dir.rglob("*.py"))
        for key in sorted(keys)
        if key in path.read_text("utf-8")
    ]
    assert not offenders
