"""Rebuild the paragraphs of one article from hard-wrapped lines.

Three layouts occur in dumps, often mixed:

* paragraphs separated by blank lines, but PDF column breaks also leave blank lines in
  mid-sentence (`……同时，由` / blank / `该局16名老党员组成…`);
* no blank lines at all: a paragraph ends on a line that closes a sentence and is
  clearly shorter than the column;
* one paragraph per line (scrapes): when the typical line is wider than any print
  column (over 120 display columns), lines are not hard-wrapped and each is a paragraph.

Decision at each boundary between a line P and the next line N:

1. N starts with an enumerator (`一是` `二、` `（一）` `1.`) or a speaker label (`记者：`)
   and P ends a sentence (or with `：` `；`): new paragraph.
2. P ends a sentence (`。！？…` maybe followed by closing quotes / brackets, or `：`):
   new paragraph if a blank line separates them, or P is clearly shorter than the
   typical line, or N is indented while most lines are not, or N is followed by a blank
   line without ending a sentence itself. The last is a PDF artifact: the indented first
   line of a paragraph is extracted as its own chunk, so a blank line follows it
   (`……等方面。` / `具体政策举措为：免收承租国有资产` / blank / `类经营用房的……`).
3. P does not end a sentence: the lines are joined (a blank line here is a column break),
   except when P closes a short block that a blank line opened and closes, with no
   sentence end in it: that is an intertitle (`及早安排部署，领导带` / `头指导督导在防控一线`).

Lines are joined without a space, except between two Latin letters (`Inner` +
`Mongolia` -> `Inner Mongolia`). The typical width is a high percentile of display
widths (CJK = 2 columns), so one overlong line does not set the column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.ingest.chars import display_width

_ENUMERATOR_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}(?:是|要|、|．|\.)"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|\d{1,2}(?:\.|、|．)(?!\d)"
    r"|第[一二三四五六七八九十]{1,3}[，、,]"
    r"|[①-⑳])"
)
# `记者：` / `张德：` / `主持人：` at the start of a line: up to five Han characters and a
# colon. Longer stretches before a colon are prose (`具体政策举措为：`).
_SPEAKER_RE = re.compile(r"^[\u4e00-\u9fff·]{1,5}[：:](?!\s*$)")
# Sentence ends are checked from the end of the line with str methods rather than a
# `…[”’]*$` search, which is quadratic on a long run of closing quotes.
_SENTENCE_FINAL = "。！？!?…"
_CLOSERS = "”’」』）)》"
_COLONS = "：:"
# A byline in brackets after a sentence end: `……阻击战。 （何国栋）`.
_BYLINE_MAX_CHARS = 24
_LIST_END_RE = re.compile(r"[；;]$")
_SENTENCE_MARK_RE = re.compile(r"[。！？!?]")
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")

# "Clearly shorter than the column": at most this share of the typical width.
_SHORT_LINE_RATIO = 0.85
_WIDTH_PERCENTILE = 0.8
# An intertitle block is at most this many lines.
_HEADING_MAX_LINES = 2
# No print column is this wide (60 ideographs): such lines were never hard-wrapped.
_UNWRAPPED_MIN_WIDTH = 120
# Indentation marks paragraphs only when few lines are indented.
_INDENT_MAX_SHARE = 0.3


def typical_width(lines: Sequence[str]) -> int:
    """A high percentile (80th) of the display widths of the non-blank lines."""
    widths = sorted(display_width(line.strip()) for line in lines if line.strip())
    if not widths:
        return 0
    return widths[min(len(widths) - 1, int(len(widths) * _WIDTH_PERCENTILE))]


def closes_sentence(text: str) -> bool:
    """True when `text` ends with `。！？…` maybe followed by closing quotes / brackets."""
    bare = text.rstrip().rstrip(_CLOSERS)
    return bool(bare) and bare[-1] in _SENTENCE_FINAL


def ends_sentence(text: str) -> bool:
    """True when `text` ends a sentence (or a lead-in colon, or a trailing byline)."""
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped[-1] in _COLONS or closes_sentence(stripped):
        return True
    if stripped[-1] in "）)":
        opening = max(stripped.rfind("（"), stripped.rfind("("))
        inside = stripped[opening + 1 : -1]
        if opening > 0 and 0 < len(inside) <= _BYLINE_MAX_CHARS:
            before = stripped[:opening].rstrip().rstrip("”’」』")
            return bool(before) and before[-1] in _SENTENCE_FINAL
    return False


def starts_item(text: str) -> bool:
    """True when `text` starts with an enumerator or a Q&A speaker label."""
    stripped = text.lstrip()
    return bool(_ENUMERATOR_RE.match(stripped) or _SPEAKER_RE.match(stripped))


def _latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


class _Block:
    """Lines of the paragraph being built (a private accumulator, local to one call)."""

    __slots__ = ("has_sentence_end", "lines", "opened_by_gap")

    def __init__(self, first: str, *, opened_by_gap: bool) -> None:
        self.lines = [first]
        self.opened_by_gap = opened_by_gap
        self.has_sentence_end = _SENTENCE_MARK_RE.search(first) is not None

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.has_sentence_end = self.has_sentence_end or _SENTENCE_MARK_RE.search(line) is not None

    def text(self) -> str:
        pieces = [self.lines[0]]
        for line in self.lines[1:]:
            # Only a Latin word split across lines needs its space back.
            if _latin_letter(pieces[-1][-1]) and _latin_letter(line[0]):
                pieces.append(" ")
            pieces.append(line)
        return "".join(pieces)


def _breaks(
    block: _Block,
    line: str,
    *,
    gap: bool,
    short_limit: float,
    indent_marks: bool,
    indented: bool,
    before_gap: bool,
) -> bool:
    """True when `line` starts a new paragraph after `block` (rules 1-3 of the module doc)."""
    prev = block.lines[-1]
    prev_ends = ends_sentence(prev)
    if starts_item(line) and (prev_ends or _LIST_END_RE.search(prev)):
        return True
    if prev_ends:
        return (
            gap
            or display_width(prev) <= short_limit
            or (indent_marks and indented)
            or (before_gap and not ends_sentence(line))
        )
    if gap and block.opened_by_gap and not block.has_sentence_end:
        return len(block.lines) <= _HEADING_MAX_LINES and display_width(prev) <= short_limit
    return False


def join_paragraphs(lines: Sequence[str]) -> tuple[str, ...]:
    """Paragraphs of ONE article rebuilt from its hard-wrapped lines (see module doc)."""
    if isinstance(lines, str):
        raise TypeError("join_paragraphs takes a sequence of lines, not one string")
    # An item holding line breaks is several lines.
    lines = [piece for line in lines for piece in _LINE_BREAK_RE.split(line)]
    width = typical_width(lines)
    if width > _UNWRAPPED_MIN_WIDTH:
        return tuple(line.strip() for line in lines if line.strip())
    short_limit = width * _SHORT_LINE_RATIO
    non_blank = [line for line in lines if line.strip()]
    indented_count = sum(1 for line in non_blank if _indent(line) > 0)
    indent_marks = 0 < indented_count <= _INDENT_MAX_SHARE * len(non_blank)

    paragraphs: list[str] = []
    block: _Block | None = None
    gap = True  # the start of the article counts as opened by a gap
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            gap = True
            continue
        if block is None:
            block = _Block(line, opened_by_gap=True)
        elif _breaks(
            block,
            line,
            gap=gap,
            short_limit=short_limit,
            indent_marks=indent_marks,
            indented=_indent(raw) > 0,
            before_gap=index + 1 < len(lines) and not lines[index + 1].strip(),
        ):
            paragraphs.append(block.text())
            block = _Block(line, opened_by_gap=gap)
        else:
            block.add(line)
        gap = False
    if block is not None:
        paragraphs.append(block.text())
    return tuple(paragraphs)
