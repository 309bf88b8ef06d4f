"""Spaces inside a line of Chinese text.

PDF extraction puts spaces where the typesetter justified a line, and scrapes keep
non-breaking spaces; Chinese prose itself has none. Rules, for one space between a
left character L and a right character R (runs of spaces count as one space):

* L or R is CJK punctuation (`，` `（` `“` …): removed (`19.7% ，` -> `19.7%，`).
* one side Han, the other a Latin letter, digit or symbol: removed
  (`3 月 29 日` -> `3月29日`, `QC830 冷室` -> `QC830冷室`, `Ⅰ 级` -> `Ⅰ级`); a letter
  of another script (Cyrillic, Hangul) keeps its space.
* both Latin / digits: kept, one space (`Inner Mongolia`, `550 mm`).
* both Han: kept, except in a letter-spaced line. A space between Han runs separates
  names in bylines (`（记者 郭洪申 见习记者 薛一群）`) and headline segments
  (`科学管控 分类施策`), and a byline wrapped mid-name leaves a one-character run
  (`（记者 刘` / `洋）`), so single-character runs alone do not license removal.
* letter-spaced line (`紧 盯 安 全 数 据`, justified lines of PDF columns): three or more
  space-separated chunks that are single Han characters, and they are at least 60% of
  the chunks containing Han. Then every space touching Han or CJK punctuation goes.

Leading indentation is kept as it is (a paragraph / article-start cue for the caller);
trailing whitespace is removed.
"""

from __future__ import annotations

import re
import unicodedata

from generator.ingest.chars import HAN_RE, is_cjk_punct, is_han

_SPACE_RUN_RE = re.compile(r" {2,}")
# A single space with one character of context on each side; lookarounds keep it linear.
_GAP_RE = re.compile(r"(?<=(\S)) (?=(\S))")
_LETTER_SPACED_MIN_SINGLES = 3
_LETTER_SPACED_MIN_SHARE = 0.6


def is_letter_spaced(text: str) -> bool:
    """True when most space-separated Han chunks of `text` are single characters."""
    if " " not in text:
        return False
    han_chunks = [chunk for chunk in text.split() if HAN_RE.search(chunk)]
    singles = sum(1 for chunk in han_chunks if len(chunk) == 1)
    return singles >= _LETTER_SPACED_MIN_SINGLES and singles >= _LETTER_SPACED_MIN_SHARE * len(han_chunks)


def _keep_gap(left: str, right: str, letter_spaced: bool) -> bool:
    if is_cjk_punct(left) or is_cjk_punct(right):
        return False
    left_han, right_han = is_han(left), is_han(right)
    if left_han and right_han:
        return not letter_spaced
    if left_han or right_han:
        # Han next to a Latin letter, digit or symbol (`3 月`, `Ⅰ 级`, `30 ℃`) loses the
        # space; next to a letter of another script (Cyrillic, Hangul) it keeps it.
        other = right if left_han else left
        return _foreign_letter(other)
    return True


def _foreign_letter(ch: str) -> bool:
    return ch.isalpha() and not ch.isascii() and not unicodedata.name(ch, "").startswith("LATIN")


def normalise_spacing(text: str) -> str:
    """Apply the spacing rules above to one line (whitespace already mapped to ' ')."""
    body = text.lstrip(" ")
    if not body:
        return ""  # a blank line has no indentation to keep
    indent = text[: len(text) - len(body)]
    body = _SPACE_RUN_RE.sub(" ", body.rstrip())
    if " " not in body:
        return indent + body
    letter_spaced = is_letter_spaced(body)
    body = _GAP_RE.sub(lambda m: " " if _keep_gap(m.group(1), m.group(2), letter_spaced) else "", body)
    return indent + body
