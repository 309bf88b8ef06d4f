"""Drafting missing entries with a backend (generator/translate/fill.py)."""

from __future__ import annotations

from collections.abc import Sequence

import polib

from generator.translate.backends import Hints, NoneBackend
from generator.translate.fill import fill_catalog, missing_entries
from generator.translate.memory import new_catalog

ENGLISH = {"推动复工复产。": "Work and production resume.", "新句。": "A new sentence."}


class Recorder:
    """A backend with fixed English for known segments (None for others), recording calls."""

    name = "recorder"

    def __init__(self) -> None:
        self.calls: list[tuple[tuple[str, ...], Hints]] = []

    def translate(self, texts: Sequence[str], *, hints: Hints = ()) -> tuple[str | None, ...]:
        self.calls.append((tuple(texts), hints))
        return tuple(ENGLISH.get(t) for t in texts)


def sample() -> polib.POFile:
    po = new_catalog()
    po.append(polib.POEntry(msgctxt="glossary:term", msgid="复工复产", msgstr="work restart (reviewed)"))
    po.append(polib.POEntry(msgctxt="a:title", msgid="复工复产加速", msgstr="Reviewed title"))
    po.append(polib.POEntry(msgctxt="a:summary:1", msgid="推动复工复产。", msgstr=""))
    po.append(polib.POEntry(msgctxt="a:summary:2", msgid="跳过这句。", msgstr=""))
    po.append(polib.POEntry(msgctxt="a:summary:3", msgid="已有草稿。", msgstr="Draft", flags=["fuzzy"]))
    po.append(polib.POEntry(msgctxt="b:title", msgid="旧的。", msgstr="", obsolete=True))
    return po


def test_missing_entries_are_active_and_empty() -> None:
    assert [e.msgid for e in missing_entries(sample())] == ["推动复工复产。", "跳过这句。"]


def test_fill_drafts_fuzzy_and_leaves_the_rest() -> None:
    original = sample()
    backend = Recorder()
    filled, report = fill_catalog(original, backend)
    assert (report.missing, report.drafted) == (2, 1)
    drafted = filled.find("推动复工复产。", msgctxt="a:summary:1")
    assert drafted.msgstr == "Work and production resume." and "fuzzy" in drafted.flags
    assert filled.find("跳过这句。", msgctxt="a:summary:2").msgstr == ""
    assert filled.find("复工复产加速", msgctxt="a:title").msgstr == "Reviewed title"
    # The input catalogue is not modified.
    assert original.find("推动复工复产。", msgctxt="a:summary:1").msgstr == ""
    # The PO's own reviewed glossary entry is the hint, over the glossary file.
    ((texts, hints),) = backend.calls
    assert texts == ("推动复工复产。", "跳过这句。")
    assert ("复工复产", "work restart (reviewed)") in hints


def test_fill_limit() -> None:
    filled, report = fill_catalog(sample(), Recorder(), limit=1)
    assert report.drafted == 1 and len(missing_entries(filled)) == 1


def test_none_backend_invents_nothing() -> None:
    filled, report = fill_catalog(sample(), NoneBackend())
    assert report.drafted == 0 and len(missing_entries(filled)) == 2


def test_a_similar_sentence_hint_is_replaced_by_a_draft() -> None:
    po = new_catalog()
    hinted = polib.POEntry(msgctxt="a:summary:1", msgid="新句。", msgstr="Old sentence.", flags=["fuzzy"])
    hinted.previous_msgid = "旧句。"
    po.append(hinted)
    filled, report = fill_catalog(po, Recorder())
    entry = filled.find("新句。", msgctxt="a:summary:1")
    assert report.drafted == 1 and entry.msgstr == "A new sentence." and entry.previous_msgid is None
