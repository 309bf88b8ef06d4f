"""One-article files (web pages, plain and annotated text): where the headline and
the credits are. Pure helpers for `split`.

* a web page's headline: the original title (`原标题`), else the headline line found
  by `web_article` (meta `page_headline`), else the page title without channel;
* a plain or annotated file may open with a headline block: set apart by a blank
  line (a credit line may stand under the decks in that block), or set right above
  the text (narrower than the prose under it);
* the text may open with a byline block (`本报记者 乔木`), as features do.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from generator.ingest.chars import display_width
from generator.ingest.datelines import byline_line_names, compact, split_names
from generator.ingest.headlines import is_headline_line
from generator.ingest.metadata import meta_value
from generator.ingest.units import MAX_BYLINE_BLOCK_LINES, leading_headline
from generator.ingest.web_article import CHANNEL_PREFIX_RE
from generator.models import SourceLine

# Meta key for the headline line found by `web_article.headline_line`.
PAGE_HEADLINE = "page_headline"
MAX_HEADLINE_LINES = 3
# A headline over a prose line without a blank between them is clearly narrower.
HEADLINE_WIDTH_RATIO = 0.6
_PROSE_END_RE = re.compile(r"[。！？!?；;]")


def web_title(meta: Sequence[tuple[str, str]]) -> str | None:
    """Headline of a scraped page: the original title, else the line printed above the
    header, else the page title; without an aggregator's channel prefix."""
    original = meta_value(meta, "original_title")
    if original:
        return original
    title = meta_value(meta, PAGE_HEADLINE) or meta_value(meta, "title", "page_title")
    if title is None:
        return None
    return CHANNEL_PREFIX_RE.sub("", title).strip() or None


def leading_headline_block(lines: tuple[SourceLine, ...]) -> tuple[tuple[str, ...], tuple[SourceLine, ...]]:
    """(headline lines, rest) when a file opens with a headline block before its text.

    The block is set apart by a blank line; or it is up to three headline lines
    (kicker, title, `——` deck) directly above a clearly wider line of prose (one
    paragraph per line), or narrower than the column of hard-wrapped text under it.
    """
    start = next((i for i, line in enumerate(lines) if line.text.strip()), len(lines))
    end = next((i for i in range(start, len(lines)) if not lines[i].text.strip()), len(lines))
    block = lines[start:end]
    rest = lines[end:]
    has_text_after = any(line.text.strip() for line in rest)
    if block and has_text_after and all(is_headline_line(line.text) for line in block):
        return tuple(line.text.strip() for line in block), rest
    heads = _heads_over_credits(block)
    if heads and has_text_after:
        # Headline decks with the credit line under them (`文/图 本报记者 …`): the
        # credits stay with the text for `byline_block`.
        return tuple(line.text.strip() for line in block[:heads]), lines[start + heads :]
    size = 0
    while size < min(MAX_HEADLINE_LINES, len(block) - 1) and is_headline_line(block[size].text):
        size += 1
    if not (size and _heads_prose(tuple(line.text for line in block[:size]), block[size].text)):
        # Hard-wrapped text: a headline narrower than the column above a full line.
        size = leading_headline(block)
    if size:
        return tuple(line.text.strip() for line in block[:size]), lines[start + size :]
    return (), lines


def _heads_over_credits(block: tuple[SourceLine, ...]) -> int:
    """How many headline lines open `block` when the rest of it is byline lines (0 if not)."""
    size = 0
    while size < min(MAX_HEADLINE_LINES, len(block) - 1) and is_headline_line(block[size].text):
        size += 1
    rest = block[size:]
    if size and len(rest) <= MAX_BYLINE_BLOCK_LINES and all(byline_line_names(line.text) for line in rest):
        return size
    return 0


def _heads_prose(heads: tuple[str, ...], prose: str) -> bool:
    """True if `heads` are headline lines printed right above the prose line `prose`.

    A hard-wrapped body line is as wide as the next one; a headline is a short line
    without sentence punctuation over a line that writes sentences.
    """
    if _PROSE_END_RE.search(prose) is None:
        return False
    limit = HEADLINE_WIDTH_RATIO * display_width(prose.strip())
    return all(display_width(head.strip()) <= limit for head in heads)


def byline_block(lines: tuple[SourceLine, ...]) -> tuple[tuple[SourceLine, ...], tuple[SourceLine, ...]]:
    """(byline lines, rest) when the text opens with a byline block (`本报记者 乔木`)."""
    numbered = [i for i, line in enumerate(lines) if line.text.strip()]
    block = list(itertools.takewhile(lambda i: byline_line_names(lines[i].text) is not None, numbered))
    block = block[:MAX_BYLINE_BLOCK_LINES]
    if not block or len(block) == len(numbered):
        return (), lines
    return tuple(lines[i] for i in block), lines[block[-1] + 1 :]


def title_line(lines: Sequence[SourceLine], title: str | None, *, before: int) -> int | None:
    """Number of the first line above the body that shows `title` (the page's headline)."""
    if not title:
        return None
    wanted = compact(title)
    for line in lines:
        if line.number >= before:
            return None
        if wanted in compact(line.text):
            return line.number
    return None


def author_names(meta: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """Names from a page's author fields (`作者：张三 李四`, `记者：王五 通讯员：赵六`), roles removed."""
    return tuple(dict.fromkeys(name for key, value in meta if key == "author" and value for name in split_names(value)))
