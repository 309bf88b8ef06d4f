"""The translation memory: a gettext PO file (`translations/en.po`) read and written with polib.

One entry per translatable segment. `msgctxt` names the article and the field
(`2020-03-29-abcdef1234:title`, `…:subtitle`, `…:summary:1`, the phrase of a key figure
`…:figure:1`, a photo caption `…:caption:1`) or the glossary section
(`glossary:outlet`), `msgid` is the Chinese and `msgstr` the English. An entry with an
English text is *reviewed*, unless it carries the `fuzzy` flag: then it is a *machine*
draft waiting for review. An entry without English is *missing*.

Reading and writing are the only I/O here; merging a catalogue with the current segments
(`merge`) and counting coverage (`coverage`) are pure. Every command that writes the file
does so through `update_catalog`: under an exclusive lock (`flock` on `en.po.lock` beside
it) it re-reads the file on disk, applies its change to that and replaces the file
atomically, so concurrent `extract` and `fill` runs (or a reviewer's save) are merged,
never overwritten with a stale copy.
"""

from __future__ import annotations

import difflib
import fcntl
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Final

import polib

from generator.errors import TranslationError
from generator.models import LocalizedText, TranslationState
from generator.write import write_file

FUZZY: Final[str] = "fuzzy"
GLOSSARY_PREFIX: Final[str] = "glossary"
# Chinese this similar (difflib ratio) to a vanished translated segment inherits its
# English as a fuzzy draft; lower matches cost a reviewer more than they save.
FUZZY_MATCH_RATIO: Final[float] = 0.75
HEADER_COMMENT: Final[str] = (
    "digest: English translation memory.\n"
    "Entries without the fuzzy flag are reviewed; fuzzy entries are machine drafts.\n"
    "Update with: python -m generator translations extract"
)
METADATA: Final[Mapping[str, str]] = MappingProxyType(
    {
        "Project-Id-Version": "digest",
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": "2020-01-01 00:00+0000",
        "Last-Translator": "digest editors",
        "Language-Team": "digest editors",
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
)
_EDITOR_FIELDS: Final[frozenset[str]] = frozenset({"PO-Revision-Date", "Last-Translator", "Language-Team"})
# Field order inside an article, so the file reads title, subtitle, summary 1, 2, 3.
# Figures and captions follow: they come after the summary on the page too.
_FIELD_ORDER: Final[Mapping[str, int]] = MappingProxyType(
    {"title": 0, "subtitle": 1, "summary": 2, "figure": 3, "caption": 4}
)
_NUMBER_RE: Final[re.Pattern[str]] = re.compile(r"\d+")
# Seconds a writing command waits for another one to release the PO file's lock. Writers
# hold it only to re-read, merge and save (never while translating or reading the seeds),
# so a longer wait means a stuck process.
LOCK_TIMEOUT: float = 120.0
_LOCK_POLL: Final[float] = 0.05


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable piece of the current content."""

    context: str  # msgctxt: "<article id>:<field>[:<n>]" or "glossary:<section>"
    source: str  # msgid: the Chinese text
    reference: str = ""  # where it comes from, e.g. "003_x.txt:12"
    suggestion: str = ""  # English to start from (glossary entries ship reviewed English)

    @property
    def group(self) -> str:
        """The article id (or `glossary`) this segment belongs to."""
        return group_of(self.context)


@dataclass(frozen=True, slots=True)
class Translation:
    text: str
    state: TranslationState  # REVIEWED or MACHINE, never MISSING


@dataclass(frozen=True, slots=True)
class Memory:
    """The usable translations of a PO file, by (msgctxt, msgid) and by msgid alone."""

    entries: Mapping[tuple[str, str], Translation]
    # The best translation of a Chinese text under any context: lets an article whose id
    # changed (its text was re-cut) keep the English of unchanged sentences before the
    # next `extract` moves the entries.
    by_source: Mapping[str, Translation]

    def lookup(self, context: str, source: str | None) -> LocalizedText:
        """English for one segment; exact context first, then the same Chinese elsewhere."""
        if not source:
            return LocalizedText(None, TranslationState.MISSING)
        found = self.entries.get((context, source)) or self.by_source.get(source)
        if found is None:
            return LocalizedText(None, TranslationState.MISSING)
        return LocalizedText(found.text, found.state)

    def __len__(self) -> int:
        return len(self.entries)


EMPTY_MEMORY: Final[Memory] = Memory(entries=MappingProxyType({}), by_source=MappingProxyType({}))


def group_of(context: str) -> str:
    """The article id (or `glossary`) a msgctxt belongs to."""
    return context.split(":", 1)[0]


def entry_state(entry: polib.POEntry) -> TranslationState:
    """Reviewed, machine (fuzzy) or missing, as the project defines them.

    A fuzzy entry that still names a previous msgid (`#|`, left by `extract` from a
    similar sentence) translates other Chinese: it is a hint for the reviewer, and the
    field counts as missing until someone updates it.
    """
    if not entry.msgstr.strip() or (FUZZY in entry.flags and entry.previous_msgid):
        return TranslationState.MISSING
    return TranslationState.MACHINE if FUZZY in entry.flags else TranslationState.REVIEWED


def memory_from_catalog(catalog: polib.POFile) -> Memory:
    """The active (not obsolete) translated entries of a catalogue."""
    entries: dict[tuple[str, str], Translation] = {}
    by_source: dict[str, Translation] = {}
    for entry in sorted(catalog, key=lambda e: sort_key(e.msgctxt or "")):
        if entry.obsolete:
            continue
        state = entry_state(entry)
        if state is TranslationState.MISSING:
            continue
        translation = Translation(entry.msgstr.strip(), state)
        entries[(entry.msgctxt or "", entry.msgid)] = translation
        known = by_source.get(entry.msgid)
        # Reviewed English beats a machine draft of the same sentence.
        if known is None or (known.state is TranslationState.MACHINE and state is TranslationState.REVIEWED):
            by_source[entry.msgid] = translation
    return Memory(entries=MappingProxyType(entries), by_source=MappingProxyType(by_source))


def read_catalog(path: Path, *, missing_ok: bool = True) -> polib.POFile:
    """Parse a PO file; a file that does not exist yet is an empty catalogue if `missing_ok`."""
    if not path.exists():
        if missing_ok:
            return new_catalog()
        raise TranslationError(f"{path}: translation memory not found")
    try:
        catalog = polib.pofile(str(path), encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError) as exc:  # polib reports syntax errors as IOError/ValueError
        raise TranslationError(f"{path}: cannot read the translation memory: {exc}{_merge_hint(path)}") from exc
    _refuse_duplicates(catalog, path)
    return catalog


_CONFLICT_MARKERS = ("<<<<<<< ", "=======", ">>>>>>> ")


def _merge_hint(path: Path) -> str:
    """Where a syntax error comes from a merge left unresolved, the line and what to do."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    for number, line in enumerate(lines, start=1):
        if line.startswith(_CONFLICT_MARKERS) or line.rstrip() == "=======":
            return (
                f"\n{path}:{number}: an unresolved merge conflict: keep the entries of both sides, delete"
                " the marker lines, and keep one msgstr where both sides changed the same entry"
            )
    # A union merge of one entry changed on both sides leaves two msgstr lines in it.
    return " (an entry with two msgstr lines comes from a merge of two changes to it: keep the right one)"


def _refuse_duplicates(catalog: polib.POFile, path: Path) -> None:
    """Two live entries with one context and source: what a merge keeping both sides' versions
    of one entry leaves (`.gitattributes` merges en.po as a union: entries added on both sides
    merge cleanly, the same entry changed on both sides ends up here)."""
    first_line: dict[tuple[str, str], int] = {}
    for entry in catalog:
        if entry.obsolete:
            continue
        key = (entry.msgctxt or "", entry.msgid)
        if key in first_line:
            raise TranslationError(
                f"{path}:{entry.linenum}: entry {key[0] or key[1]!r} appears twice (also line {first_line[key]}):"
                " two changes to one entry were merged; keep the right one and delete the other"
            )
        first_line[key] = entry.linenum


def load_memory(path: Path) -> Memory:
    """The translations of a PO file; an absent file is an empty memory (all English missing)."""
    return memory_from_catalog(read_catalog(path))


def new_catalog() -> polib.POFile:
    """An empty catalogue with the project's header."""
    catalog = polib.POFile(wrapwidth=0)
    catalog.header = HEADER_COMMENT
    catalog.metadata = dict(METADATA)
    return catalog


def sort_key(context: str) -> tuple[int, str, int, int]:
    """Glossary first, then articles by id, fields in reading order, summary by number."""
    parts = context.split(":")
    if parts[0] == GLOSSARY_PREFIX:
        return (0, context, 0, 0)
    field = parts[1] if len(parts) > 1 else ""
    number = int(parts[2]) if len(parts) > 2 and _NUMBER_RE.fullmatch(parts[2]) else 0
    return (1, parts[0], _FIELD_ORDER.get(field, 9), number)


def field_kind(context: str) -> str:
    """`title`, `subtitle`, `summary`, `figure`, `caption` or the glossary section: what a context translates."""
    parts = context.split(":")
    return parts[1] if len(parts) > 1 else ""


@dataclass(frozen=True, slots=True)
class MergeReport:
    added: int  # new segments without English
    kept: int  # segments whose entry was already there
    carried: int  # new contexts that took the English of the same Chinese elsewhere
    fuzzy_matched: int  # new segments given the English of a similar vanished one, as fuzzy
    obsoleted: int  # entries whose segment vanished


def _carry_candidate(source: str, kind: str, old: Sequence[polib.POEntry]) -> polib.POEntry | None:
    """The translated entry, among vanished or other ones, best suited to lend its English.

    Same field kind first (a title's English stays a title), reviewed before machine,
    then by context so the choice is stable.
    """
    usable = [e for e in old if e.msgid == source and entry_state(e) is not TranslationState.MISSING]
    if not usable:
        return None
    usable.sort(key=lambda e: (field_kind(e.msgctxt or "") != kind, FUZZY in e.flags, e.msgctxt or ""))
    return usable[0]


def _similar_entry(source: str, kind: str, candidates: Sequence[polib.POEntry]) -> polib.POEntry | None:
    """The translated vanished entry of the same field kind whose Chinese is closest to
    `source`, if close enough to be worth a reviewer's edit (what msgmerge calls fuzzy)."""
    best: tuple[float, str, polib.POEntry] | None = None
    for candidate in candidates:
        if field_kind(candidate.msgctxt or "") != kind or entry_state(candidate) is TranslationState.MISSING:
            continue
        matcher = difflib.SequenceMatcher(None, source, candidate.msgid, autojunk=False)
        if matcher.real_quick_ratio() < FUZZY_MATCH_RATIO or matcher.quick_ratio() < FUZZY_MATCH_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio >= FUZZY_MATCH_RATIO and (best is None or (ratio, best[1]) > (best[0], candidate.msgctxt or "")):
            best = (ratio, candidate.msgctxt or "", candidate)
    return best[2] if best else None


def merge(catalog: polib.POFile, segments: Iterable[Segment]) -> tuple[polib.POFile, MergeReport]:
    """A new catalogue holding one entry per segment, keeping every existing translation.

    Entries whose segment vanished become obsolete (`#~`) when they hold English, so a
    reviewer's work is never lost; untranslated vanished entries are dropped. When an
    article's id changed but the same Chinese is translated under an old context, the
    English (and its reviewed/machine state) is carried over. A new segment whose Chinese
    is close to a vanished translated one (a sentence re-cut or corrected) gets that
    English as a fuzzy draft with the old Chinese as `#| msgid`, for a reviewer to adjust.
    """
    wanted: dict[tuple[str, str], Segment] = {}
    for segment in segments:
        wanted.setdefault((segment.context, segment.source), segment)
    existing = {(e.msgctxt or "", e.msgid): e for e in catalog if not e.obsolete}
    for e in catalog.obsolete_entries():
        existing.setdefault((e.msgctxt or "", e.msgid), e)
    vanished = [e for key, e in existing.items() if key not in wanted]
    by_source: dict[str, list[polib.POEntry]] = {}
    for entry in existing.values():
        by_source.setdefault(entry.msgid, []).append(entry)

    out = new_catalog()
    # Keep what a PO editor wrote into the header (revision date, translator).
    out.metadata = {
        **dict(METADATA),
        **{k: v for k, v in catalog.metadata.items() if k in _EDITOR_FIELDS or k not in METADATA},
    }
    added = kept = carried = fuzzy_matched = 0
    for (context, source), segment in sorted(wanted.items(), key=lambda item: (sort_key(item[0][0]), item[0][1])):
        old = existing.get((context, source))
        entry = polib.POEntry(msgctxt=context, msgid=source, msgstr="")
        if segment.reference:
            entry.comment = segment.reference
        if old is not None and old.msgstr.strip():
            entry.msgstr, entry.flags, entry.tcomment = old.msgstr, list(old.flags), old.tcomment
            entry.previous_msgid = old.previous_msgid
            kept += 1
        else:
            donor = _carry_candidate(source, field_kind(context), by_source.get(source, ()))
            if donor is not None:
                entry.msgstr, entry.flags = donor.msgstr, list(donor.flags)
                carried += 1
            elif segment.suggestion:
                entry.msgstr = segment.suggestion
                added += 1
            elif (similar := _similar_entry(source, field_kind(context), vanished)) is not None:
                entry.msgstr, entry.flags, entry.previous_msgid = similar.msgstr, [FUZZY], similar.msgid
                fuzzy_matched += 1
            elif old is None:
                added += 1
            else:
                kept += 1
        out.append(entry)
    # English now held by an active entry of the same Chinese need not be kept twice.
    active = {(e.msgid, e.msgstr) for e in out}
    obsoleted = 0
    for e in sorted(vanished, key=lambda e: (sort_key(e.msgctxt or ""), e.msgid)):
        if e.msgstr.strip() and (e.msgid, e.msgstr) not in active:
            out.append(
                polib.POEntry(msgctxt=e.msgctxt, msgid=e.msgid, msgstr=e.msgstr, flags=list(e.flags), obsolete=True)
            )
            obsoleted += 0 if e.obsolete else 1
    return out, MergeReport(added=added, kept=kept, carried=carried, fuzzy_matched=fuzzy_matched, obsoleted=obsoleted)


def move_contexts(catalog: polib.POFile, moves: Mapping[str, str]) -> int:
    """Rename, in place, every msgctxt of an article id that moved (`old -> new`); how many were renamed.

    English, flags, comments and `#|` hints stay as they are, so a reviewed entry stays
    reviewed. Obsolete entries share contexts with active ones (an older wording of the
    same field): they move too, so their hints stay with their article, and one that
    would then equal an active entry or another obsolete one (same context and Chinese)
    is dropped, as `merge` keeps only one entry per key.
    """
    renamed = 0
    for entry in catalog:
        group, sep, field = (entry.msgctxt or "").partition(":")
        if sep and group in moves:
            entry.msgctxt = f"{moves[group]}:{field}"
            renamed += 1
    seen = {(e.msgctxt or "", e.msgid) for e in catalog if not e.obsolete}
    dropped: set[int] = set()  # by identity: polib's entry equality is not identity
    for entry in catalog.obsolete_entries():
        key = (entry.msgctxt or "", entry.msgid)
        if key in seen:
            dropped.add(id(entry))
        seen.add(key)
    catalog[:] = [entry for entry in catalog if id(entry) not in dropped]
    return renamed


def stamp_revision(catalog: polib.POFile, when: datetime) -> None:
    """Set the header's revision date (editing commands call this when they change the file)."""
    catalog.metadata["PO-Revision-Date"] = when.strftime("%Y-%m-%d %H:%M%z")


def catalog_text(catalog: polib.POFile) -> str:
    """The catalogue as PO text, deterministic (no dates), ending with one newline."""
    return str(catalog).rstrip("\n") + "\n"


def save_catalog(catalog: polib.POFile, path: Path) -> None:
    """Write the catalogue atomically (a reader never sees half a file).

    A temporary file beside it, then a rename; the file gets the mode a plain `open()`
    would give it under the umask (`generator.write.write_file`).
    """
    write_file(path, catalog_text(catalog))


def lock_path(path: Path) -> Path:
    """The lock file of a PO file: `en.po.lock` beside `en.po`."""
    return path.with_name(f"{path.name}.lock")


@contextmanager
def catalog_lock(path: Path, *, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock of the PO file at `path` for the body of the `with`.

    Waits up to `timeout` seconds (default `LOCK_TIMEOUT`) while another process holds
    it, then fails with a message naming the lock file. The lock file is left in place:
    removing it would let a waiting process lock a file nobody else sees.
    """
    wait = LOCK_TIMEOUT if timeout is None else timeout
    lock = lock_path(path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TranslationError(
                        f"{path}: another process is writing the translation memory "
                        f"(lock {lock} held for more than {wait:g} s); try again when it has finished"
                    ) from None
                time.sleep(_LOCK_POLL)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def update_catalog(
    path: Path,
    change: Callable[[polib.POFile], polib.POFile],
    *,
    missing_ok: bool = True,
    timeout: float | None = None,
) -> bool:
    """Apply `change` to the PO file as it is on disk now, under its lock.

    `change` gets the freshly read catalogue (it may modify it) and returns the new one.
    Only a real change is written, with the revision date stamped, atomically; a no-op
    leaves the file alone. True when the file was written.
    """
    with catalog_lock(path, timeout=timeout):
        current = read_catalog(path, missing_ok=missing_ok)
        before = catalog_text(current) if path.exists() else None
        updated = change(current)
        if before is not None and catalog_text(updated) == before:
            return False
        stamp_revision(updated, datetime.now(UTC))
        save_catalog(updated, path)
        return True


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many segments of one group (article id or `glossary`) are in each state."""

    group: str
    reviewed: int
    machine: int
    missing: int

    @property
    def total(self) -> int:
        return self.reviewed + self.machine + self.missing

    @property
    def reviewed_percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.reviewed / self.total


def coverage(segments: Iterable[Segment], memory: Memory) -> tuple[tuple[Coverage, ...], Coverage]:
    """Per-group and total coverage of the current segments by the memory.

    Only exact (context, Chinese) entries count here: `status` reports what the PO file
    says about the current content, so a stale file (run `extract`) shows as missing.
    """
    counts: dict[str, list[int]] = {}
    order = {TranslationState.REVIEWED: 0, TranslationState.MACHINE: 1, TranslationState.MISSING: 2}
    for segment in segments:
        found = memory.entries.get((segment.context, segment.source))
        state = found.state if found else TranslationState.MISSING
        counts.setdefault(segment.group, [0, 0, 0])[order[state]] += 1
    groups = tuple(
        Coverage(group, *values) for group, values in sorted(counts.items(), key=lambda item: sort_key(item[0]))
    )
    total = Coverage(
        "total",
        sum(c.reviewed for c in groups),
        sum(c.machine for c in groups),
        sum(c.missing for c in groups),
    )
    return groups, total
