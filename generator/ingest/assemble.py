"""Labelled lines -> article line groups: the small deterministic assembler after the tagger.

Rules (and nothing else):

1. A `B-` line closes the article being built and opens a new one.
2. An `I-` line joins the article being built; before any article, or right under a column
   label that belongs to no article (`O-column`: briefs under a shared label), it opens one.
3. An `O-` line belongs to no article: page furniture, or a page-level header field (`O-meta`).
4. An article with no text of its own (no body or caption line, or only a fragment under
   MIN_TEXT_CHARS with no sentence end: a lone headline, a byline block, a `本报讯` set on its
   own line) joins the article after it, or the one before it at the end of the page: text
   is never dropped because of a boundary error. With page furniture between it and that
   article (`技术支持：…` over a nav bar), it heads no article: it goes out with the furniture.
   Nor does a titled one at the page's foot under a story that has its own title.
5. An article has one headline block. A group holding two, with a report's text between them
   and blank lines setting them apart, is two articles the tagger ran together: it is cut
   before the second block when the first block opens the group (headlines above their
   stories), after the first block otherwise (headlines below their stories). Then any
   headline block still standing between report text above and below it is a boundary too:
   the headline goes with the side whose nearest text repeats clearly more of its words (a
   headline printed after its story, or above the next one); a subheading whose words both
   sides repeat alike cuts nothing, nor does a line left inside an open `《“（`, or one line
   between body lines under a line that stops mid-sentence (a wrap the tagger misread).

Every non-blank line ends up in exactly one article or in `outside` (a tested property).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from generator.ingest.line_features import PageLine, han_pairs
from generator.ingest.paragraphs import closes_sentence
from generator.ingest.roles import Boundary, LineRole

_TEXT_ROLES = frozenset({LineRole.BODY, LineRole.CAPTION})
_HEAD_ROLES = frozenset({LineRole.TITLE, LineRole.KICKER, LineRole.SUBTITLE})


@dataclass(frozen=True, slots=True)
class TaggedLine:
    number: int
    text: str
    role: LineRole
    boundary: Boundary
    blank_before: bool = False
    blank_after: bool = False


@dataclass(frozen=True, slots=True)
class ArticleLines:
    """The lines of one article, in page order, each with its role."""

    lines: tuple[TaggedLine, ...]

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        return self.lines[-1].number

    def texts(self, *roles: LineRole) -> tuple[str, ...]:
        return tuple(line.text for line in self.lines if line.role in roles)

    def has_text(self) -> bool:
        return any(line.role in _TEXT_ROLES for line in self.lines)


@dataclass(frozen=True, slots=True)
class AssembledPage:
    articles: tuple[ArticleLines, ...]
    outside: tuple[TaggedLine, ...]  # furniture and page-level header lines


# Text shorter than this with no sentence end is a fragment (a lead set on its own line,
# `本报讯`), not a report of its own.
MIN_TEXT_CHARS = 20
_SENTENCE_END = ("。", "！", "？", "!", "?")


def _has_text(group: list[TaggedLine]) -> bool:
    text = "".join("".join(line.text.split()) for line in group if line.role in _TEXT_ROLES)
    return bool(text) and (len(text) >= MIN_TEXT_CHARS or any(mark in text for mark in _SENTENCE_END))


def _head_blocks(group: list[TaggedLine]) -> list[tuple[int, int]]:
    """[start, end) index ranges of the runs of headline lines (title, kicker, deck)."""
    blocks: list[tuple[int, int]] = []
    for index, line in enumerate(group):
        if line.role not in _HEAD_ROLES:
            continue
        if blocks and blocks[-1][1] == index:
            blocks[-1] = (blocks[-1][0], index + 1)
        else:
            blocks.append((index, index + 1))
    return blocks


# Report text compared with a headline block on each side of it, nearest first
# (characters), and how much larger a share of the headline's character pairs one side must
# repeat to take it. Chosen on the cross-validation folds (`tests.quality.splitter_cv`):
# 150-600 characters and margins 0-0.4 score within 0.002 of each other.
HEADLINE_CONTEXT_CHARS = 300
HEADLINE_AFFINITY_MARGIN = 0.2


def _text(lines: Sequence[TaggedLine]) -> str:
    return "".join(line.text for line in lines if line.role in _TEXT_ROLES)


def _headline_affinity(headline: str, text: str) -> float:
    """Share of the headline's character pairs that `text` repeats."""
    pairs = han_pairs(headline)
    return len(pairs & han_pairs(text)) / len(pairs) if pairs else 0.0


_PAIRED_MARKS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("【", "】"))


def _left_open(text: str) -> bool:
    """The text stops inside a title, quotation or bracket (`…同意《关于`): the short line
    after it goes on the sentence, whatever the tagger called it."""
    tail = text[-HEADLINE_CONTEXT_CHARS:]
    return any(tail.rfind(opening) > tail.rfind(closing) for opening, closing in _PAIRED_MARKS)


def _wrapped_line(group: Sequence[TaggedLine], start: int, end: int) -> bool:
    """One line between body lines, under one that stops mid-sentence (`…自治区文化和旅游厅`):
    a wrapped line of the paragraph that repeats the headline's words, not a headline."""
    if end - start != 1 or start == 0 or end == len(group):
        return False
    above, below = group[start - 1], group[end]
    return above.role is LineRole.BODY and below.role is LineRole.BODY and not closes_sentence(above.text.strip())


def _nearest_text_lines(group: Sequence[TaggedLine], low: int, start: int) -> list[TaggedLine]:
    """The text lines of `group[low:start]` nearest `start`, back to HEADLINE_CONTEXT_CHARS
    characters of text: all the rule reads above a headline, so a group holding many headline
    blocks is read in linear time."""
    nearest: list[TaggedLine] = []
    chars = 0
    for index in range(start - 1, low - 1, -1):
        line = group[index]
        if line.role in _TEXT_ROLES:
            nearest.append(line)
            chars += len("".join(line.text.split()))
            if chars >= HEADLINE_CONTEXT_CHARS:
                break
    return nearest[::-1]


def _split_by_headline_affinity(group: list[TaggedLine]) -> list[list[TaggedLine]]:
    """Rule 5, second part: a headline block with report text above and below it is cut from
    the side whose nearest text repeats clearly fewer of its words."""
    blocks = _head_blocks(group)
    cuts: list[int] = []
    for index, (start, end) in enumerate(blocks):
        above = _nearest_text_lines(group, cuts[-1] if cuts else 0, start)
        # The text below it runs to the next headline block, which may head a story of its own.
        below = group[end : blocks[index + 1][0] if index + 1 < len(blocks) else len(group)]
        if not (_has_text(above) and _has_text(below)) or _left_open(_text(above)) or _wrapped_line(group, start, end):
            continue
        headline = "".join(line.text for line in group[start:end])
        to_above = _headline_affinity(headline, _text(above)[-HEADLINE_CONTEXT_CHARS:])
        to_below = _headline_affinity(headline, _text(below)[:HEADLINE_CONTEXT_CHARS])
        if to_below > to_above + HEADLINE_AFFINITY_MARGIN:
            cuts.append(start)  # printed above its story
        elif to_above > to_below + HEADLINE_AFFINITY_MARGIN:
            cuts.append(end)  # printed after its story
        # else a subheading of one report: its words belong to both sides
    bounds = [0, *cuts, len(group)]
    return [group[a:b] for a, b in pairwise(bounds)]


def _split_headline_blocks(group: list[TaggedLine]) -> list[list[TaggedLine]]:
    """Rule 5: one headline block per article (see the module docstring)."""
    blocks = _head_blocks(group)
    if len(blocks) < 2:
        return [group]
    headline_first = not any(line.role in _TEXT_ROLES for line in group[: blocks[0][0]])
    cuts: list[int] = []
    for (_, previous_end), (start, _) in pairwise(blocks):
        between = group[previous_end:start]
        # Headline blocks stand apart: a blank line before the second, and below the
        # stories one after the first (a short body line tagged as a title sits in the text).
        set_apart = group[start].blank_before and (headline_first or group[previous_end - 1].blank_after)
        if not set_apart or not _has_text(between):
            continue
        cut = start if headline_first else previous_end
        if _has_text(group[(cuts[-1] if cuts else 0) : cut]) and _has_text(group[cut:]):
            cuts.append(cut)
    bounds = [0, *cuts, len(group)]
    return [group[a:b] for a, b in pairwise(bounds)]


def _merge_textless(
    groups: list[list[TaggedLine]], outside: list[TaggedLine]
) -> tuple[list[list[TaggedLine]], list[TaggedLine]]:
    """(articles, lines set apart): rule 4. A textless group with page furniture between it
    and the next article's text heads no article: it is furniture the model misread
    (`技术支持：…` above a site's nav bar), set apart with the furniture."""
    outside_numbers = [line.number for line in outside]  # in page order already
    merged: list[list[TaggedLine]] = []
    apart: list[TaggedLine] = []
    carry: list[TaggedLine] = []
    for group in groups:
        if carry and _any_between(outside_numbers, carry[-1].number, group[0].number):
            apart.extend(_as_furniture(carry))
            carry = []
        group = carry + group
        carry = []
        if _has_text(group):
            merged.append(group)
        else:
            carry = group
    if carry and merged and _has_title(carry) and _has_title(merged[-1]):
        # Under a story that has its headline, a headline-shaped line at the page's foot is
        # no headline printed after it: it is a footer the model misread (`技术支持：…`).
        apart.extend(_as_furniture(carry))
    elif carry:
        if merged:
            merged[-1].extend(carry)
        else:
            merged.append(carry)
    return merged, apart


def _as_furniture(lines: list[TaggedLine]) -> list[TaggedLine]:
    return [replace(line, boundary=Boundary.OUTSIDE, role=LineRole.FURNITURE) for line in lines]


def _has_title(group: list[TaggedLine]) -> bool:
    return any(line.role is LineRole.TITLE for line in group)


def _any_between(numbers: list[int], low: int, high: int) -> bool:
    index = bisect.bisect_right(numbers, low)
    return index < len(numbers) and numbers[index] < high


def _is_shared_label(line: TaggedLine) -> bool:
    """A column label outside every article (`■新闻超市` over briefs): what follows it opens
    a story, whatever the story above it was."""
    return line.boundary is Boundary.OUTSIDE and line.role is LineRole.COLUMN


def assemble(lines: Sequence[PageLine], labels: Sequence[tuple[Boundary, LineRole]]) -> AssembledPage:
    """Group tagged lines into articles (see the module docstring). Pure."""
    if len(lines) != len(labels):
        raise ValueError(f"{len(lines)} lines but {len(labels)} labels")
    groups: list[list[TaggedLine]] = []
    outside: list[TaggedLine] = []
    current: list[TaggedLine] | None = None
    after_label = False
    for line, (boundary, role) in zip(lines, labels, strict=True):
        tagged = TaggedLine(line.number, line.text, role, boundary, line.blank_before, line.blank_after)
        opens_after_label, after_label = after_label, _is_shared_label(tagged)
        if boundary is Boundary.OUTSIDE:
            outside.append(tagged)
            continue
        if boundary is Boundary.BEGIN or current is None or opens_after_label:
            current = [tagged]
            groups.append(current)
        else:
            current.append(tagged)
    groups = [part for group in groups for part in _split_headline_blocks(group)]
    groups = [part for group in groups for part in _split_by_headline_affinity(group)]
    kept, apart = _merge_textless(groups, outside)
    articles = tuple(ArticleLines(tuple(group)) for group in kept)
    outside = sorted([*outside, *apart], key=lambda line: line.number)
    return AssembledPage(articles, tuple(outside))


__all__ = ["ArticleLines", "AssembledPage", "TaggedLine", "assemble"]
