"""Cut a newspaper page's cleaned lines into typed units: text, headlines, bylines.

A unit is a run of non-blank lines that plays one structural role. Blank lines
separate runs; a run is also cut before a dateline lead and after an end mark or
closing byline, because PDF dumps often print two reports without a blank between
them. Pure functions over `SourceLine`s whose text is already cleaned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from generator.ingest.clean import strip_marks
from generator.ingest.datelines import byline_line_names, is_lead_start, is_photo_byline, trailing_byline
from generator.ingest.headlines import (
    is_balanced,
    is_furniture,
    is_headline_line,
    is_quote_only,
    opens_quote,
)
from generator.models import SourceLine

MAX_HEADLINE_GROUP_LINES = 6
MAX_BYLINE_BLOCK_LINES = 3
MAX_PEELED_HEADLINE_LINES = 3
_SENTENCE_END_RE = re.compile(r"[。！？!?…”’」』]\s*$")


class UnitKind(Enum):
    TEXT = "text"
    HEADS = "heads"  # a headline group (or a sub-heading inside a feature)
    BYLINE = "byline"  # byline block printed above a body (opens an article)
    CLOSER = "closer"  # a byline alone on its line after a body (closes an article)
    FURNITURE = "furniture"


@dataclass(frozen=True, slots=True)
class Unit:
    """One structural run of lines."""

    kind: UnitKind
    lines: tuple[SourceLine, ...]
    hard_start: bool = False  # opens with a dateline lead or `上接` mark
    hard_end: bool = False  # closes with an end mark, `下转` mark or trailing byline
    photo: bool = False  # a byline block crediting photographs

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(line.text.strip() for line in self.lines)


def _is_hard_end(text: str) -> bool:
    marks = strip_marks(text)
    if marks.end_mark or marks.continues_to is not None:
        return True
    return trailing_byline(marks.text.rstrip()) is not None


def _is_hard_start(text: str) -> bool:
    return is_lead_start(text) or strip_marks(text).continued_from is not None


def _peel_headline(run: tuple[SourceLine, ...]) -> tuple[tuple[SourceLine, ...], ...]:
    """Split a headline printed right under a body (no blank line) off that body.

    Only used where a new lead follows, so the run's tail is the end of a report:
    up to three headline-like lines after a line that finishes a sentence.
    """
    texts = [line.text.strip() for line in run]
    for size in range(min(MAX_PEELED_HEADLINE_LINES, len(run) - 1), 0, -1):
        tail = texts[-size:]
        before = texts[-size - 1]
        if all(is_headline_line(t) for t in tail) and _SENTENCE_END_RE.search(before):
            return run[:-size], run[-size:]
    return (run,)


def _runs(lines: tuple[SourceLine, ...]) -> tuple[tuple[SourceLine, ...], ...]:
    """Blank-separated runs, further cut before leads and after end marks."""
    runs: list[tuple[SourceLine, ...]] = []
    current: list[SourceLine] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            if current:
                runs.append(tuple(current))
            current = []
            continue
        if current and _is_hard_start(text):
            runs.extend(_peel_headline(tuple(current)))
            current = []
        current.append(line)
        if _is_hard_end(text):
            runs.append(tuple(current))
            current = []
    if current:
        runs.append(tuple(current))
    return tuple(runs)


def _classify(run: tuple[SourceLine, ...]) -> tuple[Unit, ...]:
    texts = tuple(line.text.strip() for line in run)
    closer = trailing_byline(texts[0]) if len(texts) == 1 else None
    if closer is not None and not closer.text:
        return (Unit(UnitKind.CLOSER, run, hard_end=True),)
    # Byline lines printed above the body, possibly in the same run as its first lines.
    head = 0
    while head < min(len(run), MAX_BYLINE_BLOCK_LINES) and byline_line_names(texts[head]) is not None:
        head += 1
    units: list[Unit] = []
    if head:
        units.append(Unit(UnitKind.BYLINE, run[:head], photo=is_photo_byline(texts[:head])))
        run, texts = run[head:], texts[head:]
        if not run:
            return tuple(units)
    if (
        len(run) <= MAX_HEADLINE_GROUP_LINES
        and all(is_headline_line(t) for t in texts)
        # Quote-only lines of vertical titles pair up across runs; judge the rest.
        and is_balanced("".join(t for t in texts if not is_quote_only(t)))
    ):
        units.append(Unit(UnitKind.HEADS, run))
        return tuple(units)
    units.append(
        Unit(
            UnitKind.TEXT,
            run,
            hard_start=_is_hard_start(texts[0]),
            hard_end=_is_hard_end(texts[-1]),
        )
    )
    return tuple(units)


def _glue_quotes(units: list[Unit]) -> list[Unit]:
    """Merge headline groups split around quote-only lines with their neighbours.

    Vertical title layouts print a quote mark (`﹃`, `﹄`) on a line of its own,
    and the dump puts blank lines around it: `复工复产` / `﹃` `加速跑` / `﹄` is one title.
    """
    result: list[Unit] = []
    glue_next = False
    for unit in units:
        texts = unit.texts
        is_heads = unit.kind is UnitKind.HEADS
        previous = result[-1] if result else None
        if (
            is_heads
            and previous is not None
            and previous.kind is UnitKind.HEADS
            and (glue_next or is_quote_only(texts[0]))
        ):
            result[-1] = Unit(UnitKind.HEADS, previous.lines + unit.lines)
        else:
            result.append(unit)
        glue_next = is_heads and is_quote_only(texts[-1]) and opens_quote(texts[-1])
    return result


def _mark_furniture(units: list[Unit]) -> list[Unit]:
    """Turn section labels and page numbers into furniture (dropped later).

    Short labels count as furniture only at the page's edges, and not the group
    right after the last text or right before the first: that one is the headline
    of the nearest article.
    """
    text_positions = [i for i, u in enumerate(units) if u.kind is UnitKind.TEXT]
    first_text = text_positions[0] if text_positions else len(units)
    last_text = text_positions[-1] if text_positions else -1
    marked: list[Unit] = []
    for index, unit in enumerate(units):
        at_edge = (index < first_text - 1 or index > last_text + 1) or not text_positions
        if unit.kind is UnitKind.HEADS and is_furniture(unit.texts, at_edge=at_edge):
            marked.append(Unit(UnitKind.FURNITURE, unit.lines))
        else:
            marked.append(unit)
    return marked


def page_units(lines: tuple[SourceLine, ...]) -> tuple[Unit, ...]:
    """The structural units of a page, top to bottom (lines must be cleaned)."""
    units: list[Unit] = []
    for run in _runs(lines):
        units.extend(_classify(run))
    return tuple(_mark_furniture(_glue_quotes(units)))
