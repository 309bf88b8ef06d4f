"""Where a scraped web page's article starts and ends, from the template's structure.

`clean_web.strip_web_boilerplate` removes the furniture it recognises; these rules
bound the article itself, so that furniture of a template it does not know (a
site-name line, a search box, a comment prompt) stays outside:

* the page's own headline is the last headline-like line before the text: templates
  print the site's name and menus first, then the headline next to the header line
  with the publication date and source (`发布时间：… 来源：…`), above or below it;
* the article ends at the editor and source credits (`编辑：…`, `审核：…`, `(责编:…)`,
  `来源：…`) or the links to the previous and next pages (`上一篇：…`), which
  templates print right under the text; whatever follows belongs to the site.

Pure functions over cleaned `SourceLine`s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.ingest.chars import display_width
from generator.ingest.clean_web import header_fields
from generator.models import SourceLine

MAX_WEB_HEADLINE_CHARS = 60
# A line reads as article text when it is long or finishes a sentence.
MIN_BODY_CHARS = 40
# A hard-wrapped line fills its column (the widest line near it) but for a
# character or two; a headline set above the text is clearly narrower.
WRAPPED_LINE_RATIO = 0.85
WRAP_WINDOW = 5
_SENTENCE_END_RE = re.compile(r"[。！？!?][”’」』）)]*\s*$")
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
# Menus, breadcrumbs and tool links: separators and brackets no headline uses.
_NAVIGATION_RE = re.compile(r"[>»›→|｜\[\]【】]|>>")
# Aggregators prefix the page title with their channel: `全球内蒙古频道:…`, or a
# bracketed column label: `【战疫一线】…`.
CHANNEL_PREFIX_RE = re.compile(r"^(?:[^:：\s]{1,12}(?:频道|栏目|专题|资讯|新闻)[:：]|【[^】]{1,10}】)\s*")
_CREDIT_RE = re.compile(
    r"^[（(\[【]?\s*(?:责编|责任编辑|编辑|审核|校对|责任校对|审校|监制|来源|稿源|本文来源|文章来源)\s*[:：]"
)
_SUBTITLE_RE = re.compile(r"^(?:——|－－|--|―)")
_PREV_NEXT_RE = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]")


def looks_like_body(text: str) -> bool:
    """True for a line of article prose: long, ending a sentence, or holding a full stop
    (a headline never does; a short last paragraph may end with a byline)."""
    stripped = text.strip()
    return len(stripped) >= MIN_BODY_CHARS or _SENTENCE_END_RE.search(stripped) is not None or "。" in stripped


def _is_headline(text: str) -> bool:
    stripped = CHANNEL_PREFIX_RE.sub("", text.strip())
    return (
        0 < len(stripped) <= MAX_WEB_HEADLINE_CHARS
        and _HAN_RE.search(stripped) is not None
        and _NAVIGATION_RE.search(stripped) is None
        and not looks_like_body(stripped)
        and not header_fields(stripped)
    )


def _first_body_index(lines: Sequence[SourceLine]) -> int:
    # A header line can be long (date, source, counters, tools) without being text.
    first = next(
        (i for i, line in enumerate(lines) if looks_like_body(line.text) and not header_fields(line.text.strip())),
        len(lines),
    )
    return _wrapped_paragraph_start(lines, first)


def _wrapped_paragraph_start(lines: Sequence[SourceLine], index: int) -> int:
    """Index of the first line of the hard-wrapped paragraph holding `lines[index]`.

    A page saved like a PDF dump wraps its text at a column: the lines above the first
    one that finishes a sentence are text too when they fill the column and end
    mid-sentence; the headline above them is narrower than the column.
    """
    window = [line.text.strip() for line in lines[max(0, index - WRAP_WINDOW) : index + WRAP_WINDOW]]
    column = _Column(max(map(display_width, window), default=0), max(map(len, window), default=0))
    while index > 0:
        text = lines[index - 1].text.strip()
        if (
            not text
            or not column.filled_by(text)
            or _SENTENCE_END_RE.search(text)
            or header_fields(text)
            or _CREDIT_RE.match(text)
            or _NAVIGATION_RE.search(text)
        ):
            break
        index -= 1
    return index


@dataclass(frozen=True)
class _Column:
    """Width of a hard-wrapped column, in display cells and in characters: a dump wraps
    at one or the other (half-width digits fit two to a cell in print, not in a
    converter that counts characters)."""

    width: int
    chars: int

    def filled_by(self, text: str) -> bool:
        return display_width(text) >= WRAPPED_LINE_RATIO * self.width or len(text) >= WRAPPED_LINE_RATIO * self.chars


def headline_line(lines: Sequence[SourceLine]) -> SourceLine | None:
    """The page's headline: the last headline-like line above the article's first line.

    Header lines (date, source), menus, breadcrumbs, tool links, editor credits and
    `——` decks are skipped; the site's name, printed first, is taken only when no
    other headline-like line stands between it and the text. None if there is none.
    """
    body = _first_body_index(lines)
    for line in reversed(lines[:body]):
        text = line.text.strip()
        if not text or header_fields(text) or _CREDIT_RE.match(text) or _SUBTITLE_RE.match(text):
            continue
        if _is_headline(text):
            return line
    return None


def headline_text(line: SourceLine) -> str:
    """The headline shown by `line`, without an aggregator's channel prefix."""
    return CHANNEL_PREFIX_RE.sub("", line.text.strip()).strip()


def article_end(lines: Sequence[SourceLine]) -> int | None:
    """Number of the first line after the article text: credits or prev/next links."""
    body = _first_body_index(lines)
    for line in lines[body:]:
        text = line.text.strip()
        if _CREDIT_RE.match(text) or _PREV_NEXT_RE.match(text):
            return line.number
    return None


def bound_article(kept: Sequence[SourceLine], *, after: int | None, before: int | None) -> tuple[SourceLine, ...]:
    """Lines of `kept` strictly between line numbers `after` and `before` (None: open)."""
    return tuple(
        line for line in kept if (after is None or line.number > after) and (before is None or line.number < before)
    )
