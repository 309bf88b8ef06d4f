"""The record of every article id ever published, so that no page ever disappears.

`docs_src/published-ids.txt` lists, one per line and sorted, each id that ever had a
page; `old -> new` lines say that an old page moved. A build reads it from the docs
folder it replaces, adds the ids of the current articles and writes it back with the
pages, so the record only grows and the file changes only when an article is added.
An id of the record without a current article gets a page instead of a 404 (see
`gone_pages`): a redirect to where it moved, or a notice that it was removed.

Everything but `read_record` is pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from generator.errors import BuildError
from generator.record_lines import record_lines

RECORD_FILE = "published-ids.txt"
"""In the docs folder root, beside `zh/` and `en/` (not inside either MkDocs docs folder)."""
ARROW = " -> "

_HEADER = (
    "# Every article id ever published, one per line; `old -> new` sends the old page to the new one.",
    "# An id without an article keeps a page: a redirect when it moved, else a 'removed' notice.",
    "# Written by `python -m generator build`, which only adds ids; by hand, only add `old -> new` lines.",
)
# What `generator.analyse.article.article_id` makes (and the date-prefixed ids before it):
# the check keeps a hand-edited line from turning into a path or markup.
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True, slots=True)
class Record:
    """Ids ever published, and where the moved ones went (old id -> new id)."""

    ids: frozenset[str] = frozenset()
    moved: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class Gone:
    """What the page of a published id without a current article shows."""

    id: str
    moved_to: str | None  # the id whose page it redirects to; None: removed


def parse_record(text: str, *, where: str = RECORD_FILE) -> Record:
    """The record in `text`; a malformed line raises a BuildError naming `where` and the line."""
    ids: set[str] = set()
    moved: dict[str, str] = {}
    for number, stripped in record_lines(text):
        old, arrow, new = stripped.partition(ARROW)
        names = (old, new) if arrow else (old,)
        bad = [name for name in names if not _ID.fullmatch(name)]
        if bad:
            raise BuildError(f"{where}:{number}: not an article id: {bad[0]!r}")
        if arrow:
            if moved.get(old, new) != new:
                raise BuildError(f"{where}:{number}: {old} moved twice ({moved[old]} and {new})")
            moved[old] = new
            ids.add(new)
        ids.add(old)
    return Record(ids=frozenset(ids), moved=MappingProxyType(dict(sorted(moved.items()))))


def format_record(record: Record) -> str:
    """The record as its file holds it: header, then every id sorted (same record, same bytes)."""
    lines = [f"{i}{ARROW}{record.moved[i]}" if i in record.moved else i for i in sorted(record.ids)]
    return "\n".join((*_HEADER, *lines)) + "\n"


def with_current(record: Record, current: Iterable[str]) -> Record:
    """The record after a build publishing `current`: the ids only ever grow."""
    return Record(ids=record.ids | frozenset(current), moved=record.moved)


def with_moves(record: Record, moves: Mapping[str, str]) -> Record:
    """The record with `old -> new` moves added (a migration of ids); both ids become published."""
    moved = {**record.moved, **{old: new for old, new in moves.items() if old != new}}
    return Record(ids=record.ids | frozenset(moves) | frozenset(moves.values()), moved=MappingProxyType(moved))


def final_target(start: str, moved: Mapping[str, str], current: frozenset[str]) -> str:
    """Where a moved id ends up: follow `old -> new` until an id with a page of its own.

    A current article stops the walk (an id that came back shows its article); so does
    an id that did not move (it was removed). A cycle is a broken record.
    """
    seen = [start]
    here = start
    while here not in current and here in moved:
        here = moved[here]
        if here in seen:
            raise BuildError(f"{RECORD_FILE}: moves go round in a circle: {' -> '.join([*seen, here])}")
        seen.append(here)
    return here


def gone_pages(record: Record, current: Iterable[str]) -> tuple[Gone, ...]:
    """Every published id without a current article, sorted, with what its page shows.

    A redirect goes straight to the end of its chain of moves, so a reader never takes
    two hops; an id that moved to a removed one redirects to that one's notice.
    """
    live = frozenset(current)
    gone = []
    for old in sorted(record.ids - live):
        target = final_target(old, record.moved, live)
        gone.append(Gone(id=old, moved_to=target if target != old else None))
    return tuple(gone)


def read_record(docs_dir: Path) -> Record:
    """The record of the docs folder a build replaces (an empty one where there is none yet)."""
    path = docs_dir / RECORD_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Record()
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(f"{path}: cannot read the record of published ids: {exc}") from exc
    return parse_record(text, where=str(path))


# The first ids (before 2026-12) began with the article's date, so correcting a date moved
# the page: `2020-03-12-0c94f240e4`, `undated-1a0a159350`, `…-2` for a repeat. The hash
# (and repeat number) is the one today's ids end with, which is how old pages are matched.
_DATED_ID = re.compile(r"(?:\d{4}-\d{2}-\d{2}|undated)-([0-9a-f]{10}(?:-[0-9]+)?)")
_ID_TAIL = re.compile(r"(?:^|-)([0-9a-f]{10}(?:-[0-9]+)?)$")


def dated_id_moves(old_ids: Iterable[str], new_ids: Iterable[str]) -> dict[str, str]:
    """`old -> new` for each date-prefixed id whose hash ends exactly one new id (the one-off migration).

    An old id that is not date-prefixed, or whose hash no new id (or more than one)
    ends with, is left out: it becomes a removed page, never a wrong redirect.
    """
    by_tail: dict[str, list[str]] = {}
    for new in new_ids:
        match = _ID_TAIL.search(new)
        if match:
            by_tail.setdefault(match.group(1), []).append(new)
    moves = {}
    for old in sorted(set(old_ids)):
        match = _DATED_ID.fullmatch(old)
        targets = by_tail.get(match.group(1), []) if match else []
        if len(targets) == 1 and targets[0] != old:
            moves[old] = targets[0]
    return moves
