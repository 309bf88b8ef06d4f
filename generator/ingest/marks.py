"""Continuation and end marks of newspaper pages.

* `（下转第三版①）`, `(下转第3版)`, `（转第3版）`: the article continues on another page.
* `■上接第1版`, `（上接第一版）`, `（紧接第一版）`, `（接第2版）`: the text continues an
  article from another page.
* `①5` after the last sentence: the paper's end-of-article mark (circled page position
  plus an editor's number), not text; so is a bracketed `（完）` (wire copy's "end").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from generator.ingest.chars import CIRCLED_NUMBERS

_PAGE_NUMBER = r"[A-Za-z]?[一二三四五六七八九十百零〇\d]{1,4}"  # `A1`: a section letter first

# `转` alone is a jump only inside brackets and before a page number: `（转第3版）`.
_CONTINUES_TO_RE = re.compile(
    rf"[（(【\[]\s*(?:下转|转至|转)\s*(?:第\s*)?({_PAGE_NUMBER})\s*(?:版|页|面)\s*([{CIRCLED_NUMBERS}]?)\s*[）)】\]]"
    # `下转A4版`, `■下转第三版` may stand bare, at the end of a line.
    rf"|(?:[■□▲△◆◇●○]\s*)?下转\s*(?:第\s*)?({_PAGE_NUMBER})\s*(?:版|页|面)\s*([{CIRCLED_NUMBERS}]?)\s*$"
)
# `上接` / `紧接` may stand after a bullet or bare; a bare `接` only inside brackets.
_CONTINUED_FROM_RE = re.compile(
    rf"(?:(?:[■□▲△◆◇●○]\s*|[（(【\[]\s*)?(?:上接|紧接)|[（(【\[]\s*接)\s*(?:第\s*)?({_PAGE_NUMBER})\s*(?:版|页|面)"
    rf"\s*([{CIRCLED_NUMBERS}]?)(?:\s*[）)】\]])?\s*"
)
# A circled number and one or two digits closing a line after sentence punctuation.
_END_MARK_RE = re.compile(rf"(?<=[。！？!?…”’」』）)])\s*[{CIRCLED_NUMBERS}]\s*\d{{1,2}}\s*$")
# Wire copy closes with a bracketed "end": `…工作。（完）`, `【全文完】`.
# No leading `\s*`: tried at every space of a long blank run it would be quadratic; the
# text before the mark is right-stripped instead.
_END_WORD_RE = re.compile(r"[（(【\[]\s*(?:全文)?完\s*[）)】\]]\s*$")


@dataclass(frozen=True, slots=True)
class Marks:
    """A line with its page marks removed, and what the marks said."""

    text: str
    continues_to: str | None  # "第三版①" for （下转第三版①）
    continued_from: str | None  # "第1版" for ■上接第1版
    end_mark: bool


def strip_marks(text: str) -> Marks:
    """Remove continuation marks (anywhere in the line) and an end mark (at its end)."""
    continues_to: str | None = None
    continued_from: str | None = None
    to_match = _CONTINUES_TO_RE.search(text)
    if to_match:
        page, marker = (to_match.group(1), to_match.group(2)) if to_match.group(1) else to_match.group(3, 4)
        continues_to = f"第{page}版{marker}"
        # The gap before the mark goes with it; trimming here, not in the pattern,
        # keeps the search linear on lines with long runs of spaces.
        text = text[: to_match.start()].rstrip() + text[to_match.end() :]
    from_match = _CONTINUED_FROM_RE.search(text)
    if from_match:
        continued_from = f"第{from_match.group(1)}版{from_match.group(2)}"
        text = text[: from_match.start()] + text[from_match.end() :]
    end_match = _END_MARK_RE.search(text)
    if end_match:
        text = text[: end_match.start()]
    elif (end_match := _END_WORD_RE.search(text)) is not None:
        text = text[: end_match.start()].rstrip()
    return Marks(
        text=text,
        continues_to=continues_to,
        continued_from=continued_from,
        end_mark=end_match is not None,
    )


@dataclass(frozen=True, slots=True)
class PageReference:
    """What a mark's page reference says: the page number (None if unreadable) and the
    circled marker that pairs the two halves of one story (① in 下转第三版①)."""

    number: int | None
    marker: str


_REFERENCE_RE = re.compile(rf"^第({_PAGE_NUMBER})版([{CIRCLED_NUMBERS}]?)$")


def page_reference(reference: str) -> PageReference:
    """Parse a `continues_to` / `continued_from` value (`第三版①`, `第1版`, `第A2版`)."""
    match = _REFERENCE_RE.match(reference.strip())
    if match is None:
        return PageReference(None, "")
    digits = match.group(1)  # `A2` stays unread: page 2 of section A is not page 2 of B
    number: int | None
    if digits.isdigit():
        number = int(digits)
    else:
        try:
            number = int(cn2an.cn2an(digits, "smart"))
        except (ValueError, KeyError, IndexError):
            number = None
    return PageReference(number, match.group(2))
