"""Draft the missing entries of a catalogue with a machine backend (`translations fill`).

`fill_file` works on the PO file itself and is safe to run beside `extract` or a
reviewer: the backend is asked batch by batch, outside the file's lock, and after every
batch the drafts are merged into the file *as it is on disk then* and saved. A draft is
stored only where its entry is still untranslated and unchanged since it was chosen, so
entries added meanwhile are kept and a reviewer's English is never overwritten; an
interrupted run keeps every batch saved so far. Answers that are not English (empty, or
mostly Chinese characters) are rejected with a warning naming the entry.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import polib

from generator.models import TranslationState
from generator.translate.backends import Backend, Hints
from generator.translate.glossary import Glossary, hints_for, load_glossary
from generator.translate.memory import FUZZY, GLOSSARY_PREFIX, entry_state, group_of, read_catalog, update_catalog

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE: Final[int] = 8
# An English draft may quote a name in Chinese characters ("He Guodong (何国栋)"); an answer
# where more of its visible characters are Han, kana, hangul or CJK punctuation is not English.
MAX_CJK_SHARE: Final[float] = 0.1
_CJK_RE: Final[re.Pattern[str]] = re.compile(
    "[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3200-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uffef\U00020000-\U0003ffff]"
)
_LATIN_RE: Final[re.Pattern[str]] = re.compile("[A-Za-z]")


@dataclass(frozen=True, slots=True)
class FillReport:
    missing: int  # entries without English before filling
    drafted: int  # entries given a draft
    rejected: int = 0  # backend answers refused as not English (entries left missing)
    changed_meanwhile: int = 0  # drafts not stored: the entry was translated, edited or removed meanwhile


@dataclass(frozen=True, slots=True)
class Draft:
    """A backend's English for one entry, and the entry as it was when it was chosen."""

    context: str
    source: str
    seen: tuple[str, tuple[str, ...], str | None]  # msgstr, flags, previous msgid
    text: str


def missing_entries(catalog: polib.POFile) -> list[polib.POEntry]:
    """Active entries without English, in file order."""
    return [e for e in catalog if not e.obsolete and entry_state(e) is TranslationState.MISSING]


def is_english(text: str) -> bool:
    """Whether a backend's answer can be an English draft: not empty, some Latin letters,
    and at most `MAX_CJK_SHARE` of its visible characters Chinese (or other CJK)."""
    visible = "".join(text.split())
    if not visible or not _LATIN_RE.search(visible):
        return False
    return len(_CJK_RE.findall(visible)) <= MAX_CJK_SHARE * len(visible)


def _catalog_hints(catalog: polib.POFile, texts: list[str]) -> dict[str, str]:
    """Reviewed glossary entries of the PO itself that occur in the texts (reviewers win)."""
    return {
        e.msgid: e.msgstr
        for e in catalog
        if not e.obsolete
        and group_of(e.msgctxt or "") == GLOSSARY_PREFIX
        and entry_state(e) is TranslationState.REVIEWED
        and any(e.msgid in t for t in texts)
    }


def batch_hints(catalog: polib.POFile, texts: list[str], glossary: Glossary) -> Hints:
    """Glossary pairs for the texts: the glossary file, overridden by the PO's reviewed entries."""
    pairs = dict(hints_for(texts, glossary))
    pairs.update(_catalog_hints(catalog, texts))
    return tuple(sorted(pairs.items()))


def _snapshot(entry: polib.POEntry) -> tuple[str, tuple[str, ...], str | None]:
    return entry.msgstr, tuple(entry.flags), entry.previous_msgid


def _pending(catalog: polib.POFile, chosen: Sequence[polib.POEntry]) -> list[polib.POEntry]:
    """The chosen entries that are, in `catalog`, still untranslated and unchanged."""
    index = {(e.msgctxt or "", e.msgid): e for e in catalog if not e.obsolete}
    pending = []
    for entry in chosen:
        now = index.get((entry.msgctxt or "", entry.msgid))
        if now is not None and entry_state(now) is TranslationState.MISSING and _snapshot(now) == _snapshot(entry):
            pending.append(entry)
    return pending


@dataclass(frozen=True, slots=True)
class _Batch:
    drafts: list[Draft]  # usable answers
    rejected: int  # answers refused as not English
    skipped: int  # chosen entries changed on disk before the backend was asked


def _batches(
    catalog: polib.POFile,
    chosen: Sequence[polib.POEntry],
    backend: Backend,
    glossary: Glossary,
    batch_size: int,
    refresh: Callable[[], polib.POFile] | None = None,
) -> Iterator[_Batch]:
    """The backend's usable drafts for the chosen entries, one batch at a time.

    With `refresh` (the file as it is on disk now), entries translated or changed since
    they were chosen are dropped before the backend is asked.
    """
    size = max(1, batch_size)
    for start in range(0, len(chosen), size):
        batch = list(chosen[start : start + size])
        skipped = 0
        if refresh is not None:
            pending = _pending(refresh(), batch)
            batch, skipped = pending, len(batch) - len(pending)
        if not batch:
            yield _Batch([], 0, skipped)
            continue
        texts = [e.msgid for e in batch]
        answers = backend.translate(texts, hints=batch_hints(catalog, texts, glossary))
        drafts: list[Draft] = []
        rejected = 0
        for entry, answer in zip(batch, answers, strict=True):
            if answer is None:  # the backend has no translation (the `none` backend): nothing to say
                continue
            if not is_english(answer):
                rejected += 1
                log.warning(
                    "%s: the %s backend's answer is not English, entry left untranslated: %r",
                    entry.msgctxt or entry.msgid,
                    backend.name,
                    answer[:80],
                )
                continue
            drafts.append(Draft(entry.msgctxt or "", entry.msgid, _snapshot(entry), answer.strip()))
        yield _Batch(drafts, rejected, skipped)


def apply_drafts(catalog: polib.POFile, drafts: Sequence[Draft]) -> tuple[int, int]:
    """Store drafts (flagged fuzzy) in the catalogue, in place: (stored, changed meanwhile).

    A draft is stored only where its entry is active, still untranslated and exactly as it
    was when the draft was asked for; anything else means someone changed it meanwhile.
    """
    index = {(e.msgctxt or "", e.msgid): e for e in catalog if not e.obsolete}
    stored = changed = 0
    for draft in drafts:
        entry = index.get((draft.context, draft.source))
        if entry is None or entry_state(entry) is not TranslationState.MISSING or _snapshot(entry) != draft.seen:
            changed += 1
            continue
        entry.msgstr = draft.text
        # The draft translates this Chinese: an old similar-sentence hint no longer applies.
        entry.previous_msgid = None
        if FUZZY not in entry.flags:
            entry.flags.append(FUZZY)
        stored += 1
    return stored, changed


def fill_catalog(
    catalog: polib.POFile,
    backend: Backend,
    *,
    limit: int | None = None,
    glossary: Glossary | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> tuple[polib.POFile, FillReport]:
    """A copy of the catalogue whose missing entries hold the backend's drafts, flagged fuzzy.

    Reviewed and machine entries are never touched; a segment the backend returns no
    text (or no English) for stays missing.
    """
    glossary = glossary or load_glossary()
    out = copy.deepcopy(catalog)
    todo = missing_entries(out)
    chosen = todo[:limit] if limit is not None else todo
    drafted = rejected = 0
    for batch in _batches(out, chosen, backend, glossary, batch_size):
        drafted += apply_drafts(out, batch.drafts)[0]
        rejected += batch.rejected
    return out, FillReport(missing=len(todo), drafted=drafted, rejected=rejected)


def fill_file(
    path: Path,
    backend: Backend,
    *,
    limit: int | None = None,
    glossary: Glossary | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> FillReport:
    """Draft the missing entries of the PO file at `path`, saving after every batch.

    Each batch's drafts are merged into the file on disk under its lock (see the module
    docstring); an interrupt (Ctrl-C, SIGTERM) keeps the batches already saved.
    """
    glossary = glossary or load_glossary()

    def refresh() -> polib.POFile:
        # Writers replace the file atomically: a read without the lock sees a whole version.
        return read_catalog(path, missing_ok=False)

    catalog = refresh()
    todo = missing_entries(catalog)
    chosen = todo[:limit] if limit is not None else todo
    drafted = rejected = changed = 0
    try:
        for batch in _batches(catalog, chosen, backend, glossary, batch_size, refresh):
            rejected, changed = rejected + batch.rejected, changed + batch.skipped
            if batch.drafts:
                merger = _Merger(batch.drafts)
                update_catalog(path, merger, missing_ok=False)
                drafted, changed = drafted + merger.stored, changed + merger.changed
                log.info("%s: %d drafts saved so far", path, drafted)
    except BaseException:  # interrupted, or the backend failed: say what is kept
        if drafted:
            log.warning("%s: stopped; the %d drafts received before are saved", path, drafted)
        raise
    return FillReport(missing=len(todo), drafted=drafted, rejected=rejected, changed_meanwhile=changed)


class _Merger:
    """The change `update_catalog` applies for one batch, remembering what it stored."""

    def __init__(self, drafts: Sequence[Draft]) -> None:
        self.drafts = drafts
        self.stored = self.changed = 0

    def __call__(self, current: polib.POFile) -> polib.POFile:
        self.stored, self.changed = apply_drafts(current, self.drafts)
        return current
