"""The shipped corpus is fully bilingual: every seed article's title, subtitle and summary
sentences have reviewed English in translations/en.po (what CI enforces with
`python -m generator translations status --check --min 100`).

When a change to ingest or analysis alters ids or summary sentences, these tests fail:
run `python -m generator translations extract`, translate the new entries, and clear
their fuzzy flags.
"""

from __future__ import annotations

import subprocess

import polib
import pytest

from generator.config import Settings
from generator.models import TranslationState
from generator.pipeline import Content, compute
from generator.translate.glossary import load_glossary
from generator.translate.memory import Segment, coverage, load_memory
from generator.translate.segments import content_segments


@pytest.fixture(scope="module")
def content(project_settings: Settings) -> Content:
    return compute(project_settings)


@pytest.fixture(scope="module")
def segments(content: Content) -> tuple[Segment, ...]:
    return content_segments((loc.article for loc in content.articles), load_glossary())


def test_every_segment_is_reviewed(project_settings: Settings, segments: tuple[Segment, ...]) -> None:
    groups, total = coverage(segments, load_memory(project_settings.translations))
    incomplete = [f"{g.group} ({g.machine} machine, {g.missing} missing)" for g in groups if g.reviewed < g.total]
    assert total.total > 0
    assert total.reviewed_percent == 100.0, "not fully reviewed: " + ", ".join(incomplete)


def test_every_article_page_gets_reviewed_english(content: Content) -> None:
    states = {
        (loc.article.id, field): text.state
        for loc in content.articles
        for field, text in (("title", loc.title_en), ("subtitle", loc.subtitle_en), ("summary", loc.summary_en))
    }
    assert {key for key, state in states.items() if state is not TranslationState.REVIEWED} == set()
    assert all(loc.title_en.text for loc in content.articles if loc.article.raw.title)
    assert all(loc.summary_en.text for loc in content.articles if loc.article.summary)


def test_the_po_file_is_up_to_date(project_settings: Settings, segments: tuple[Segment, ...]) -> None:
    catalog = polib.pofile(str(project_settings.translations))
    active = {(e.msgctxt, e.msgid) for e in catalog if not e.obsolete}
    assert active == {(s.context, s.source) for s in segments}, "run: python -m generator translations extract"


def test_the_po_file_passes_msgfmt_check(project_settings: Settings) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(project_settings.translations)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
