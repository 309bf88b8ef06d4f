"""generator/pipeline.py: what the driver keeps between the generator and MkDocs."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import pipeline
from generator.analyse.gazetteer import load_gazetteer
from generator.analyse.segment import load_segmenter
from generator.config import load_settings
from generator.pipeline import release_resources, run

ROOT = Path(__file__).resolve().parent.parent


def test_release_resources_drops_the_cached_tables_and_they_load_again() -> None:
    segmenter, gazetteer = load_segmenter(), load_gazetteer()
    assert load_segmenter() is segmenter  # cached while the analysis runs
    release_resources()
    again = load_segmenter()
    assert again is not segmenter and load_gazetteer() is not gazetteer
    # Loaded again, they give the same answers.
    assert again.cut("呼和浩特市复工复产") == segmenter.cut("呼和浩特市复工复产")


def test_a_large_build_lets_the_tables_go_before_render_and_writes_the_same_docs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(seeds=ROOT / "seeds")
    kept = tmp_path / "kept"
    run(settings, docs_dir=kept)
    monkeypatch.setattr(pipeline, "RELEASE_TABLES_FROM", 1)  # every build counts as large
    released = tmp_path / "released"
    run(settings, docs_dir=released)
    assert load_segmenter.cache_info().currsize == 0  # render did not need the segmenter back
    files = sorted(p.relative_to(kept) for p in kept.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(released) for p in released.rglob("*") if p.is_file())
    assert all((kept / f).read_bytes() == (released / f).read_bytes() for f in files)
