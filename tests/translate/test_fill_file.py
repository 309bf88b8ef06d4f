"""`translations fill` on the PO file beside other writers (generator/translate/fill.py:fill_file).

Concurrency is simulated deterministically: a backend stub changes the file on disk
(runs `extract`, saves a reviewer's edit) or raises while it is "translating". No sleeps.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from generator import cli_translations
from generator.cli import main
from generator.translate import memory
from generator.translate.backends import Hints
from generator.translate.fill import fill_file, is_english
from generator.translate.memory import Segment, merge, new_catalog, read_catalog, save_catalog, update_catalog

ID = "2020-03-29-abcdef1234"
SEGMENTS = (
    Segment(f"{ID}:title", "复工复产加速跑", "001.txt:3"),
    Segment(f"{ID}:summary:1", "企业全部复工。", "001.txt:3"),
    Segment(f"{ID}:summary:2", "产值3.7亿元。", "001.txt:3"),
    Segment("undated-0123456789:title", "另一篇", "002.txt:1"),
)
ADDED = Segment("undated-9876543210:title", "新来的一篇", "003.txt:1")
ENGLISH = {
    "复工复产加速跑": "Work resumes at full speed",
    "企业全部复工。": "Every company is back at work.",
    "产值3.7亿元。": "Output reached 370 million yuan.",
    "另一篇": "Another article",
}


class Stub:
    """A backend with fixed English that runs `before[n]` on its n-th call (0-based) first."""

    name = "stub"

    def __init__(self, before: dict[int, Callable[[], None]] | None = None) -> None:
        self.before = before or {}
        self.calls: list[tuple[str, ...]] = []

    def translate(self, texts: Sequence[str], *, hints: Hints = ()) -> tuple[str | None, ...]:
        action = self.before.get(len(self.calls))
        self.calls.append(tuple(texts))
        if action is not None:
            action()
        return tuple(ENGLISH.get(t) for t in texts)


@pytest.fixture()
def po(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PO file holding SEGMENTS, all missing; a held lock fails at once instead of waiting."""
    monkeypatch.setattr(memory, "LOCK_TIMEOUT", 0.0)
    path = tmp_path / "en.po"
    save_catalog(merge(new_catalog(), SEGMENTS)[0], path)
    return path


def entry(path: Path, source: str) -> polib.POEntry:
    found = read_catalog(path).find(source, by="msgid")
    assert found is not None, source
    return found


def reviewer_writes(path: Path, source: str, english: str) -> None:
    """What a PO editor does: load, edit, save the whole file (without our lock)."""
    catalog = polib.pofile(str(path), wrapwidth=0)
    catalog.find(source, by="msgid").msgstr = english
    catalog.save(str(path))


def test_an_extract_between_batches_keeps_its_new_entries(po: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_translations, "_current_segments", lambda settings: (*SEGMENTS, ADDED))

    def extract() -> None:
        # Runs while the backend works on batch 1: fill must not hold the lock now
        # (LOCK_TIMEOUT is 0, so a held lock would fail this extract).
        result = CliRunner().invoke(main, ["translations", "extract", "--po", str(po)])
        assert result.exit_code == 0, result.output

    backend = Stub(before={0: extract})
    report = fill_file(po, backend, batch_size=2)
    assert len(backend.calls) == 2
    assert entry(po, ADDED.source).msgstr == ""  # extract's new entry survived both saves
    for source, english in ENGLISH.items():
        drafted = entry(po, source)
        assert drafted.msgstr == english and "fuzzy" in drafted.flags
    assert (report.missing, report.drafted, report.changed_meanwhile) == (4, 4, 0)


def test_a_reviewers_edit_made_meanwhile_is_never_overwritten(po: Path) -> None:
    backend = Stub(
        before={
            # While batch 1 is translated, a reviewer translates one entry of each batch.
            0: lambda: (
                reviewer_writes(po, "复工复产加速跑", "Reviewed: full speed"),
                reviewer_writes(po, "另一篇", "Reviewed: another"),
            )
        }
    )
    report = fill_file(po, backend, batch_size=2)
    # Batch 2 is re-checked against the file first: the reviewed entry is not even asked for.
    assert backend.calls == [("复工复产加速跑", "企业全部复工。"), ("产值3.7亿元。",)]
    title = entry(po, "复工复产加速跑")
    assert title.msgstr == "Reviewed: full speed" and "fuzzy" not in title.flags
    assert entry(po, "另一篇").msgstr == "Reviewed: another"
    assert entry(po, "企业全部复工。").msgstr == ENGLISH["企业全部复工。"]
    assert report.drafted == 2 and report.changed_meanwhile == 2


def test_an_interrupted_fill_keeps_the_drafts_of_finished_batches(po: Path) -> None:
    def interrupt() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fill_file(po, Stub(before={1: interrupt}), batch_size=2)
    assert entry(po, "复工复产加速跑").msgstr == ENGLISH["复工复产加速跑"]
    assert entry(po, "企业全部复工。").msgstr == ENGLISH["企业全部复工。"]
    assert entry(po, "产值3.7亿元。").msgstr == "" and entry(po, "另一篇").msgstr == ""
    assert not [p.name for p in po.parent.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_an_answer_in_chinese_is_rejected_with_a_warning(po: Path, caplog: pytest.LogCaptureFixture) -> None:
    class Chinese(Stub):
        def translate(self, texts: Sequence[str], *, hints: Hints = ()) -> tuple[str | None, ...]:
            english = super().translate(texts, hints=hints)
            return tuple(t if t == "企业全部复工。" else e for t, e in zip(texts, english, strict=True))

    report = fill_file(po, Chinese())
    assert (report.drafted, report.rejected) == (3, 1)
    assert entry(po, "企业全部复工。").msgstr == ""
    assert f"{ID}:summary:1: the stub backend's answer is not English" in caplog.text


@pytest.mark.parametrize(
    ("answer", "english"),
    [
        ("Every company is back at work.", True),
        ("He Guodong (何国栋) said all 12 companies in the county are back at work.", True),
        ("Output: 3.7", True),
        ("", False),
        ("   ", False),
        ("企业全部复工。", False),
        ("EN:企业全部复工。", False),
        ("企业全部复工 every company", False),
        ("３．７亿元", False),
        ("12345", False),
        ("すべての企業が再開した", False),
    ],
)
def test_is_english(answer: str, english: bool) -> None:
    assert is_english(answer) is english


def test_update_catalog_writes_only_a_change_and_honours_the_umask(po: Path) -> None:
    before = po.read_bytes()
    assert update_catalog(po, lambda catalog: catalog) is False
    assert po.read_bytes() == before
    old = os.umask(0o027)
    try:

        def translate(catalog: polib.POFile) -> polib.POFile:
            catalog.find("另一篇", by="msgid").msgstr = "Another article"
            return catalog

        assert update_catalog(po, translate) is True
    finally:
        os.umask(old)
    assert stat.S_IMODE(po.stat().st_mode) == 0o640
    assert entry(po, "另一篇").msgstr == "Another article"
    assert (po.parent / "en.po.lock").exists()
