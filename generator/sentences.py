"""Split Chinese text into sentences and clauses.

Chinese news text ends sentences with 。！？ (and their half-width forms, which scraped
pages use), with an ellipsis ……, and, in enumerations of measures, with ；. A closing
quotation mark or bracket right after the end mark belongs to the sentence: in
``“……到位。”谈到……`` the sentence ends after ``”``.

End marks *inside* a quotation do not end the sentence (``“A。B。”他说。`` is one
sentence), but only when the quotation closes within the same paragraph: PDF dumps
often lose a closing quote, and an unbalanced ``“`` must not swallow the paragraph.
"""

from __future__ import annotations

import re

# Marks that end a sentence. "." is left out on purpose: it is the decimal point in
# "8.5吨" and scraped pages never use it as a Chinese full stop.
_STRONG_ENDERS = frozenset("。！？!?")
_SEMICOLONS = frozenset("；;")
_ELLIPSIS = frozenset("…")
# Closing marks that stay with the sentence they follow.
_CLOSERS = frozenset("”’」』）)》〉】]")
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")"}
_CLAUSE_BREAK = re.compile(r"[，,；;：:、]")
_BLANK = re.compile(r"\s*\n\s*")
_ELLIPSIS_MARK = "……"


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Return (open, close) index pairs of quotations/brackets that close in `text`.

    Unmatched openers are ignored, so a lost closing quote protects nothing.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    closing_to_opening = {close: open_ for open_, close in _PAIRS.items()}
    for index, char in enumerate(text):
        if char in _PAIRS:
            stack.append((char, index))
        elif char in closing_to_opening:
            opener = closing_to_opening[char]
            # Pop back to the matching opener; anything above it was unbalanced.
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == opener:
                    spans.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return spans


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    return any(start < index < end for start, end in spans)


def _split_paragraph(text: str, enders: frozenset[str]) -> list[str]:
    spans = _protected_spans(text)
    span_ends = {end for _, end in spans}
    sentences: list[str] = []
    start = 0
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        ends_here = char in enders and not _inside(spans, index)
        # An end mark inside a quotation ends the sentence where the quotation
        # closes right after it: "……到位。”谈到" splits after "”".
        closes_quote = index in span_ends and index > 0 and text[index - 1] in enders and not _inside(spans, index)
        if ends_here or closes_quote:
            end = index + 1
            # Runs such as "？！" or "……" end once, then take any closing marks along.
            while end < length and (text[end] in enders or text[end] in _ELLIPSIS):
                end += 1
            while end < length and text[end] in _CLOSERS:
                end += 1
            sentences.append(text[start:end])
            start = index = end
            continue
        index += 1
    if start < length:
        sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]


def split_sentences(text: str, *, semicolons: bool = True) -> tuple[str, ...]:
    """Split `text` into sentences, keeping every character but surrounding blanks.

    `semicolons=True` also ends sentences at ；, which in Chinese official prose
    separates full statements in a list of measures. Line breaks always end a
    sentence (they separate paragraphs once a cleaner has joined wrapped lines).

    >>> split_sentences("他说：“好。”我们走吧！")
    ('他说：“好。”', '我们走吧！')
    """
    enders = _STRONG_ENDERS | _ELLIPSIS | (_SEMICOLONS if semicolons else frozenset())
    result: list[str] = []
    for paragraph in _BLANK.split(text):
        if paragraph.strip():
            result.extend(_split_paragraph(paragraph.strip(), enders))
    return tuple(result)


def split_clauses(sentence: str) -> tuple[str, ...]:
    """Split a sentence after each clause mark (，；：、 and half-width forms)."""
    clauses: list[str] = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        clauses.append(sentence[start : match.end()])
        start = match.end()
    if start < len(sentence):
        clauses.append(sentence[start:])
    return tuple(c for c in clauses if c)


def truncate_at_clause(sentence: str, max_chars: int) -> str:
    """Cut `sentence` to at most `max_chars` characters at a ，or ；boundary, ending in ……

    Used only for sentences far longer than a summary allows. The clause mark at the
    cut is replaced by the ellipsis. When no ，/；falls within the limit the cut is
    made at `max_chars` itself, so the result never exceeds `max_chars + 2`.
    """
    if len(sentence) <= max_chars:
        return sentence
    head = sentence[:max_chars]
    cut = max((head.rfind(mark) for mark in "，；,;"), default=-1)
    if cut <= 0:
        cut = max_chars
    return head[:cut].rstrip("，；,;：:、 ") + _ELLIPSIS_MARK
