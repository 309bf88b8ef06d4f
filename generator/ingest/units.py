"""Cut a newspaper page's cleaned lines into typed units: text, headlines, bylines.

A unit is a run of non-blank lines that plays one structural role. Blank lines
separate runs; a run is also cut before a dateline lead, before a byline line that
follows a finished sentence, and after an end mark or closing byline, because PDF
dumps often print two reports without a blank between them. A headline set without
blank lines around it is cut out by its width: clearly narrower than the column of
the text it stands above (see `_cut_headlines`). Pure functions over `SourceLine`s
whose text is already cleaned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from generator.ingest.chars import display_width
from generator.ingest.clean import strip_marks
from generator.ingest.datelines import byline_line_names, compact, is_lead_start, is_photo_byline, trailing_byline
from generator.ingest.headlines import (
    is_balanced,
    is_furniture,
    is_headline_line,
    is_organisation_line,
    is_quote_only,
    opens_quote,
)
from generator.ingest.paragraphs import starts_item
from generator.models import SourceLine

MAX_HEADLINE_GROUP_LINES = 6
MAX_BYLINE_BLOCK_LINES = 3
MAX_PEELED_HEADLINE_LINES = 3
# Widths relative to the run's typical line (its text column): a headline set
# without blank lines is clearly narrower; a paragraph's first line fills the column.
NARROW_HEADLINE_RATIO = 0.8
FULL_LINE_RATIO = 0.85
# Display columns below which a run is text set around a photo, not a news column.
MIN_COLUMN_WIDTH = 20
COLUMN_PERCENTILE = 0.8
_SENTENCE_END_RE = re.compile(r"[。！？!?…”’」』]\s*$")
# The tail of a parenthesis opened on the line above: `静）`.
WRAPPED_CLOSE_RE = re.compile(r"^[^（()）]{1,12}[）)]$")


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


def _closes_wrapped_byline(previous: str, text: str) -> bool:
    """True if `text` ends a byline opened on the line above (`…工作。（记者 王` / `静）`)."""
    return WRAPPED_CLOSE_RE.match(text) is not None and trailing_byline(f"{previous.rstrip()} {text}") is not None


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


def _width(text: str) -> int:
    """Display width without spaces: PDF letter-spacing widens a line without adding text."""
    return display_width(compact(text))


def _column_width(texts: list[str]) -> int:
    """A high percentile (80th) of the widths of a run's lines: its column."""
    widths = sorted(_width(t) for t in texts if t)
    return widths[min(len(widths) - 1, int(len(widths) * COLUMN_PERCENTILE))] if widths else 0


def _is_narrow_headline(text: str, width: int) -> bool:
    """A headline-like line clearly narrower than the text column.

    Hard-wrapped body lines fill the column, and a paragraph's short last line ends
    its sentence; enumerated points (`（一）…`) are the body's own sub-items.
    """
    return is_headline_line(text) and not starts_item(text) and _width(text) < NARROW_HEADLINE_RATIO * width


def _opens_text(text: str, width: int) -> bool:
    """True for a line that can open a paragraph under a headline: a full column line,
    a dateline lead or a byline."""
    return _width(text) >= FULL_LINE_RATIO * width or is_lead_start(text) or byline_line_names(text) is not None


def _cut_headlines(run: tuple[SourceLine, ...], *, last: bool) -> tuple[tuple[SourceLine, ...], ...]:
    """Cut out headlines printed right above their body, without a blank line.

    A headline block is up to three narrow headline-like lines that start the run or
    follow a finished sentence, standing above a full column line (or a lead or
    byline). A narrow line at the end of a run is left alone (a column break often
    leaves a paragraph's first line alone above a blank) unless the run is the last
    text of the page (`last`). Runs that are all headline lines, and narrow columns
    (text set around a photo), are left whole.
    """
    texts = [line.text.strip() for line in run]
    # The run's own column: pages mix column widths, and a run is one column's text.
    width = _column_width(texts)
    if width < MIN_COLUMN_WIDTH or len(run) < 2 or all(is_headline_line(t) for t in texts):
        return (run,)
    pieces: list[tuple[SourceLine, ...]] = []
    start = index = 0
    while index < len(run):
        end = index
        if index == 0 or _SENTENCE_END_RE.search(texts[index - 1]):
            while end < len(run) and end - index < MAX_PEELED_HEADLINE_LINES and _is_narrow_headline(texts[end], width):
                end += 1
        # A bare organisation name under the page's last text signs it (a notice).
        signature = end - index == 1 and is_organisation_line(texts[index])
        closes_page = last and end == len(run) and index > 0 and not signature
        if index < end and (closes_page or (end < len(run) and _opens_text(texts[end], width))):
            if index > start:
                pieces.append(run[start:index])
            pieces.append(run[index:end])
            start = index = end
            continue
        index += 1
    if start < len(run):
        pieces.append(run[start:])
    return tuple(pieces)


def leading_headline(run: tuple[SourceLine, ...]) -> int:
    """How many lines at the top of a hard-wrapped run are a headline set right above
    its text without a blank line (0 if none); see `_cut_headlines`."""
    pieces = _cut_headlines(run, last=False)
    if len(pieces) < 2 or not all(is_headline_line(line.text) for line in pieces[0]):
        return 0
    return len(pieces[0])


def _peel_before_opener(run: tuple[SourceLine, ...], following: str) -> tuple[tuple[SourceLine, ...], ...]:
    """Split a headline glued under a finished body off it when the next run (after a
    blank line) opens another article with a lead, byline block or `上接` mark.

    A column break may leave a paragraph's first line alone above a blank, but such a
    line is as wide as the column; a headline is clearly narrower.
    """
    if len(run) < 3 or not (_is_hard_start(following) or byline_line_names(following) is not None):
        return (run,)
    pieces = _peel_headline(run)
    if len(pieces) < 2:
        return (run,)
    width = _column_width([line.text.strip() for line in pieces[0]])
    if width < MIN_COLUMN_WIDTH or any(_width(line.text) >= NARROW_HEADLINE_RATIO * width for line in pieces[1]):
        return (run,)
    return pieces


def _opens_byline_block(text: str, previous: str) -> bool:
    """A byline line (`□本报记者 杨柳`) after a finished sentence opens a new article."""
    return _SENTENCE_END_RE.search(previous.strip()) is not None and byline_line_names(text) is not None


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
        if current and (_is_hard_start(text) or _opens_byline_block(text, current[-1].text)):
            runs.extend(_peel_headline(tuple(current)))
            current = []
        current.append(line)
        if _is_hard_end(text) or (len(current) >= 2 and _closes_wrapped_byline(current[-2].text, text)):
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
            hard_end=_is_hard_end(texts[-1]) or (len(texts) >= 2 and _closes_wrapped_byline(texts[-2], texts[-1])),
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
    runs = _runs(lines)
    # Index of the last run holding prose: after it come only headlines and furniture.
    last_text = max(
        (i for i, run in enumerate(runs) if not all(is_headline_line(line.text) for line in run)), default=-1
    )
    units: list[Unit] = []
    for index, run in enumerate(runs):
        following = runs[index + 1][0].text.strip() if index + 1 < len(runs) else ""
        for part in _peel_before_opener(run, following):
            for piece in _cut_headlines(part, last=index == last_text):
                units.extend(_classify(piece))
    return tuple(_mark_furniture(_glue_quotes(units)))
