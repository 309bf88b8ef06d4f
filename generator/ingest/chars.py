"""Character classes and widths shared by the ingest text functions.

Chinese text mixes three kinds of characters whose typography differs: Han ideographs,
full-width (CJK) punctuation, and narrow Latin letters / digits. The cleaning rules
(spacing, line joining, doubled glyphs) are written in terms of these classes.
"""

from __future__ import annotations

import re
import unicodedata

# Han ideographs: CJK Unified Ideographs and Extension A, Compatibility Ideographs,
# the ideographic zero, and the supplementary-plane extensions (B onwards).
HAN_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{HAN_CLASS}]")

# Punctuation that belongs to Chinese typography: it is full width (or treated as such
# in CJK fonts) and never needs a space on either side. Listed explicitly rather than
# taken from Unicode categories so that ASCII punctuation keeps Latin spacing rules.
CJK_PUNCT = "，。、；：？！…—～·‧“”‘’「」『』（）《》〈〉【】〔〕〖〗［］｛｝﹃﹄﹁﹂■□▲△●○◆◇★☆①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳　"
CJK_PUNCT_SET = frozenset(CJK_PUNCT)

CIRCLED_NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def is_han(ch: str) -> bool:
    """True for one Han ideograph (any CJK ideograph block, plus 〇)."""
    return HAN_RE.fullmatch(ch) is not None


def is_cjk_punct(ch: str) -> bool:
    """True for full-width / CJK punctuation that takes no surrounding spaces."""
    if ch in CJK_PUNCT_SET:
        return True
    # The rest of the Halfwidth and Fullwidth Forms block, minus letters and digits.
    return 0xFF01 <= ord(ch) <= 0xFF65 and not ch.isalnum()


def char_width(ch: str) -> int:
    """Display width of one character: 2 for wide and full-width (CJK), 0 for combining, else 1.

    Ambiguous-width characters (“ ” … —) count 1: measured on PDF column dumps, a line
    with two curly quotes holds as many ideographs as one without, less one.
    """
    if ch.isascii():
        return 1
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


# char_width of every character met so far: the line model measures every line of every
# page, and a dictionary lookup per character (summed in C) is ten times faster than three
# Unicode property calls. Bounded by the number of distinct characters; same results.
_WIDTHS: dict[str, int] = {}


def display_width(text: str) -> int:
    """Display width of `text` (sum of `char_width`); ASCII-only text is its length."""
    if text.isascii():
        return len(text)
    try:
        return sum(map(_WIDTHS.__getitem__, text))
    except KeyError:
        _WIDTHS.update((ch, char_width(ch)) for ch in set(text).difference(_WIDTHS))
        return sum(map(_WIDTHS.__getitem__, text))


def count_han(text: str) -> int:
    """Number of Han ideographs in `text`."""
    return len(HAN_RE.findall(text))
