"""generator/pipeline.py: what the driver keeps between the generator and MkDocs."""

from __future__ import annotations

from generator.analyse.gazetteer import load_gazetteer
from generator.analyse.segment import load_segmenter
from generator.pipeline import release_resources


def test_release_resources_drops_the_cached_tables_and_they_load_again() -> None:
    segmenter, gazetteer = load_segmenter(), load_gazetteer()
    assert load_segmenter() is segmenter  # cached while the analysis runs
    release_resources()
    again = load_segmenter()
    assert again is not segmenter and load_gazetteer() is not gazetteer
    # Loaded again, they give the same answers.
    assert again.cut("呼和浩特市复工复产") == segmenter.cut("呼和浩特市复工复产")
