"""The PO translation memory: states, merging, coverage, writing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from generator.errors import TranslationError
from generator.models import TranslationState
from generator.translate.memory import (
    Segment,
    catalog_text,
    coverage,
    entry_state,
    load_memory,
    memory_from_catalog,
    merge,
    move_contexts,
    new_catalog,
    read_catalog,
    save_catalog,
    sort_key,
)

OLD = "2020-03-29-0000000000"
NEW = "2020-03-29-1111111111"


def catalog(*entries: polib.POEntry) -> polib.POFile:
    po = new_catalog()
    for entry in entries:
        po.append(entry)
    return po


def entry(
    context: str, source: str, english: str = "", *, fuzzy: bool = False, obsolete: bool = False
) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=context, msgid=source, msgstr=english, flags=["fuzzy"] if fuzzy else [], obsolete=obsolete
    )


@pytest.mark.parametrize(
    ("english", "fuzzy", "state"),
    [
        ("Work resumes", False, TranslationState.REVIEWED),
        ("Work resumes", True, TranslationState.MACHINE),
        ("", False, TranslationState.MISSING),
        ("", True, TranslationState.MISSING),
        ("   ", False, TranslationState.MISSING),
    ],
)
def test_entry_state(english: str, fuzzy: bool, state: TranslationState) -> None:
    assert entry_state(entry("a:title", "标题", english, fuzzy=fuzzy)) is state


def test_memory_lookup_exact_then_same_chinese_elsewhere() -> None:
    memory = memory_from_catalog(
        catalog(
            entry(f"{OLD}:title", "复工", "Work resumes"),
            entry(f"{OLD}:summary:1", "产值增长。", "Output rose.", fuzzy=True),
            entry(f"{OLD}:summary:2", "没有译文。"),
            entry(f"{OLD}:summary:3", "已废弃。", "Obsolete.", obsolete=True),
        )
    )
    assert memory.lookup(f"{OLD}:title", "复工").text == "Work resumes"
    # An article whose id changed keeps the English of unchanged text.
    assert memory.lookup(f"{NEW}:title", "复工").state is TranslationState.REVIEWED
    assert memory.lookup(f"{OLD}:summary:1", "产值增长。").state is TranslationState.MACHINE
    assert memory.lookup(f"{OLD}:summary:2", "没有译文。").state is TranslationState.MISSING
    assert memory.lookup(f"{OLD}:summary:3", "已废弃。").state is TranslationState.MISSING
    assert memory.lookup(f"{OLD}:subtitle", None).state is TranslationState.MISSING


def test_reviewed_beats_machine_for_the_same_chinese() -> None:
    memory = memory_from_catalog(
        catalog(entry("b:title", "复工", "Machine draft", fuzzy=True), entry("a:title", "复工", "Reviewed"))
    )
    assert memory.lookup("c:title", "复工").text == "Reviewed"


def test_merge_keeps_carries_over_and_obsoletes() -> None:
    old = catalog(
        entry(f"{OLD}:title", "复工", "Work resumes"),
        entry(f"{OLD}:summary:1", "产值增长。", "Output rose.", fuzzy=True),
        entry(f"{OLD}:summary:2", "删掉的句子。", "A dropped sentence."),
        entry(f"{OLD}:summary:3", "没翻译也删掉。"),
        entry("glossary:term", "复工复产", "resumption of work and production"),
    )
    segments = [
        Segment(f"{NEW}:title", "复工"),
        Segment(f"{NEW}:summary:1", "产值增长。"),
        Segment(f"{NEW}:summary:2", "新句子。"),
        Segment("glossary:term", "复工复产", suggestion="something else"),
        Segment("glossary:outlet", "人民网", suggestion="People's Daily Online"),
    ]
    merged, report = merge(old, segments)
    active = {(e.msgctxt, e.msgid): e for e in merged if not e.obsolete}
    assert set(active) == {(s.context, s.source) for s in segments}
    assert active[(f"{NEW}:title", "复工")].msgstr == "Work resumes"
    assert "fuzzy" not in active[(f"{NEW}:title", "复工")].flags
    # A machine draft stays a machine draft when carried over.
    assert "fuzzy" in active[(f"{NEW}:summary:1", "产值增长。")].flags
    assert active[(f"{NEW}:summary:2", "新句子。")].msgstr == ""
    # The reviewer's glossary English wins over the glossary file's suggestion.
    assert active[("glossary:term", "复工复产")].msgstr == "resumption of work and production"
    assert active[("glossary:outlet", "人民网")].msgstr == "People's Daily Online"
    obsolete = {(e.msgctxt, e.msgid) for e in merged.obsolete_entries()}
    # Translated vanished entries are kept obsolete; untranslated ones are dropped.
    assert (f"{OLD}:summary:2", "删掉的句子。") in obsolete
    assert (f"{OLD}:summary:3", "没翻译也删掉。") not in obsolete
    assert report.carried == 2 and report.kept == 1 and report.fuzzy_matched == 0


def test_merge_revives_an_obsolete_entry() -> None:
    old = catalog(entry("a:title", "复工", "Work resumes", obsolete=True))
    merged, _ = merge(old, [Segment("a:title", "复工")])
    assert [(e.msgstr, e.obsolete) for e in merged] == [("Work resumes", False)]


def test_merge_is_idempotent_and_ordered() -> None:
    segments = [
        Segment("a:summary:10", "十。"),
        Segment("a:summary:2", "二。"),
        Segment("a:title", "题"),
        Segment("glossary:term", "词", suggestion="word"),
    ]
    once, _ = merge(new_catalog(), segments)
    twice, report = merge(once, segments)
    assert catalog_text(once) == catalog_text(twice)
    assert [e.msgctxt for e in once] == ["glossary:term", "a:title", "a:summary:2", "a:summary:10"]
    assert report.added == 0


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("glossary:term", "2020-01-01-x:title"),
        ("a:title", "a:subtitle"),
        ("a:summary:2", "a:summary:10"),
        ("a:x", "b:title"),
    ],
)
def test_sort_key(earlier: str, later: str) -> None:
    assert sort_key(earlier) < sort_key(later)


def test_coverage_counts_states_per_article() -> None:
    memory = memory_from_catalog(
        catalog(entry("a:title", "题", "Title"), entry("a:summary:1", "句。", "Draft.", fuzzy=True))
    )
    segments = [Segment("a:title", "题"), Segment("a:summary:1", "句。"), Segment("b:title", "另一题")]
    groups, total = coverage(segments, memory)
    assert [(c.group, c.reviewed, c.machine, c.missing) for c in groups] == [("a", 1, 1, 0), ("b", 0, 0, 1)]
    assert (total.reviewed, total.machine, total.missing) == (1, 1, 1)
    assert round(total.reviewed_percent, 1) == 33.3


def test_coverage_ignores_entries_under_a_stale_context() -> None:
    memory = memory_from_catalog(catalog(entry(f"{OLD}:title", "题", "Title")))
    _, total = coverage([Segment(f"{NEW}:title", "题")], memory)
    assert total.missing == 1


def test_empty_coverage_is_complete() -> None:
    _, total = coverage([], memory_from_catalog(new_catalog()))
    assert total.reviewed_percent == 100.0


def test_save_and_read_round_trip_passes_msgfmt(tmp_path: Path) -> None:
    path = tmp_path / "translations" / "en.po"
    merged, _ = merge(
        new_catalog(),
        [Segment("a:title", "“复工”加速跑", "001.txt:3"), Segment("a:summary:1", "产值3.7亿元。")],
    )
    merged.find("“复工”加速跑", msgctxt="a:title").msgstr = 'Work resumes at "full speed"'
    save_catalog(merged, path)
    again = read_catalog(path)
    assert catalog_text(again) == catalog_text(merged)
    memory = load_memory(path)
    assert memory.lookup("a:title", "“复工”加速跑").text == 'Work resumes at "full speed"'
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_missing_file_is_an_empty_memory(tmp_path: Path) -> None:
    assert len(load_memory(tmp_path / "absent.po")) == 0
    with pytest.raises(TranslationError, match=r"absent\.po"):
        read_catalog(tmp_path / "absent.po", missing_ok=False)


def test_broken_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "en.po"
    path.write_text('msgid "a"\nmsgstr "b"\nnot po at all\n', encoding="utf-8")
    with pytest.raises(TranslationError, match=r"en\.po"):
        load_memory(path)


def test_similar_chinese_gets_a_fuzzy_draft_with_the_previous_msgid() -> None:
    old = catalog(entry(f"{OLD}:summary:1", "全市已开工企业236家，用工人数达48773人。", "236 firms have reopened."))
    segments = [
        Segment(f"{NEW}:summary:1", "全市已开工企业238家，用工人数达48773人。"),  # one figure corrected
        Segment(f"{NEW}:title", "全市已开工企业238家，用工人数达48773人。"),  # other field kind: no
        Segment(f"{NEW}:summary:2", "完全不同的一句话。"),  # unrelated: no
    ]
    merged, report = merge(old, segments)
    draft = merged.find("全市已开工企业238家，用工人数达48773人。", msgctxt=f"{NEW}:summary:1")
    assert draft.msgstr == "236 firms have reopened." and draft.flags == ["fuzzy"]
    assert draft.previous_msgid == "全市已开工企业236家，用工人数达48773人。"
    assert merged.find("全市已开工企业238家，用工人数达48773人。", msgctxt=f"{NEW}:title").msgstr == ""
    assert merged.find("完全不同的一句话。", msgctxt=f"{NEW}:summary:2").msgstr == ""
    assert report.fuzzy_matched == 1
    assert "#| msgid" in catalog_text(merged)
    # English of other Chinese is a hint, not a translation: the field stays missing.
    assert entry_state(draft) is TranslationState.MISSING
    assert memory_from_catalog(merged).lookup(f"{NEW}:summary:1", draft.msgid).state is TranslationState.MISSING
    # A second extract keeps the hint as it is.
    again, _ = merge(merged, segments)
    assert catalog_text(again) == catalog_text(merged)


def test_carried_english_is_not_kept_twice_as_obsolete() -> None:
    old = catalog(entry(f"{OLD}:title", "复工", "Work resumes"))
    merged, report = merge(old, [Segment(f"{NEW}:title", "复工")])
    assert merged.obsolete_entries() == [] and report.obsoleted == 0


def test_move_contexts_keeps_english_state_and_obsolete_hints() -> None:
    hint = entry(f"{OLD}:summary:1", "旧的句子。", "The old sentence.", fuzzy=True)
    hint.previous_msgid = "更旧的句子。"
    po = catalog(
        entry(f"{OLD}:title", "标题", "Title"),
        hint,
        entry("glossary:term", "复工", "resumption of work"),
        entry(f"{OLD}:title", "旧标题", "Old title", obsolete=True),  # an older wording of the same field
        entry(f"{OLD}:title", "标题", "Title", obsolete=True),  # would equal the active entry once moved
        entry("2019-01-01-2222222222:title", "别的", "Other", obsolete=True),
    )
    assert move_contexts(po, {OLD: NEW, "unused": "x"}) == 4
    rows = [(e.msgctxt, e.msgid, e.msgstr, e.flags, e.previous_msgid, e.obsolete) for e in po]
    assert rows == [
        (f"{NEW}:title", "标题", "Title", [], None, False),
        (f"{NEW}:summary:1", "旧的句子。", "The old sentence.", ["fuzzy"], "更旧的句子。", False),
        ("glossary:term", "复工", "resumption of work", [], None, False),
        (f"{NEW}:title", "旧标题", "Old title", [], None, True),
        ("2019-01-01-2222222222:title", "别的", "Other", [], None, True),
    ]
    assert entry_state(po[0]) is TranslationState.REVIEWED


_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_one_entry_twice_after_a_union_merge_is_refused_naming_both_lines(tmp_path: Path) -> None:
    po = tmp_path / "en.po"
    entry = 'msgctxt "a-1:title"\nmsgid "标题"\nmsgstr "{}"\n\n'
    po.write_text(_HEADER + entry.format("Title") + entry.format("Headline"), encoding="utf-8")
    with pytest.raises(TranslationError, match=r"en.po:9: entry 'a-1:title' appears twice \(also line 5\)"):
        read_catalog(po)


def test_an_obsolete_copy_of_an_entry_is_not_a_duplicate(tmp_path: Path) -> None:
    po = tmp_path / "en.po"
    live = 'msgctxt "a-1:title"\nmsgid "标题"\nmsgstr "Title"\n\n'
    po.write_text(_HEADER + live + "#~ " + live.replace("\n", "\n#~ ", 2), encoding="utf-8")
    assert [entry.obsolete for entry in read_catalog(po)] == [False, True]


def test_leftover_conflict_markers_are_named_with_their_line(tmp_path: Path) -> None:
    po = tmp_path / "en.po"
    po.write_text(_HEADER + '<<<<<<< HEAD\nmsgid "甲"\nmsgstr ""\n=======\n>>>>>>> main\n', encoding="utf-8")
    with pytest.raises(TranslationError, match=r"en.po:5: an unresolved merge conflict"):
        read_catalog(po)
