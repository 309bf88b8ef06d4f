"""Draft the missing entries of a catalogue with a machine backend (`translations fill`)."""

from __future__ import annotations

import copy
from dataclasses import dataclass

import polib

from generator.models import TranslationState
from generator.translate.backends import Backend, Hints
from generator.translate.glossary import Glossary, hints_for, load_glossary
from generator.translate.memory import FUZZY, GLOSSARY_PREFIX, entry_state, group_of


@dataclass(frozen=True, slots=True)
class FillReport:
    missing: int  # entries without English before filling
    drafted: int  # entries the backend gave a draft for


def missing_entries(catalog: polib.POFile) -> list[polib.POEntry]:
    """Active entries without English, in file order."""
    return [e for e in catalog if not e.obsolete and entry_state(e) is TranslationState.MISSING]


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


def fill_catalog(
    catalog: polib.POFile, backend: Backend, *, limit: int | None = None, glossary: Glossary | None = None
) -> tuple[polib.POFile, FillReport]:
    """A copy of the catalogue whose missing entries hold the backend's drafts, flagged fuzzy.

    Reviewed and machine entries are never touched; a segment the backend returns no
    text for stays missing.
    """
    glossary = glossary or load_glossary()
    out = copy.deepcopy(catalog)
    todo = missing_entries(out)
    chosen = todo[:limit] if limit is not None else todo
    texts = [e.msgid for e in chosen]
    drafts = backend.translate(texts, hints=batch_hints(out, texts, glossary)) if texts else ()
    drafted = 0
    for entry, draft in zip(chosen, drafts, strict=True):
        if draft and draft.strip():
            entry.msgstr = draft.strip()
            # The draft translates this Chinese: an old similar-sentence hint no longer applies.
            entry.previous_msgid = None
            if FUZZY not in entry.flags:
                entry.flags.append(FUZZY)
            drafted += 1
    return out, FillReport(missing=len(todo), drafted=drafted)
