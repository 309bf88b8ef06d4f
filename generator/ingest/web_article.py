"""Where a scraped web page's article starts and ends, from the template's structure.

`clean_web.strip_web_boilerplate` removes the furniture it recognises; these rules
bound the article itself, so that furniture of a template it does not know (a
site-name line, a search box, a comment prompt) stays outside:

* news templates print the page's own headline directly above the header line that
  carries the publication date and source (`发布时间：… 来源：…`); the site's name
  and menus come before it, so the headline is the nearest line above the header;
* the article ends at the editor credits (`编辑：…`, `审核：…`, `(责编:…)`) or the
  links to the previous and next pages (`上一篇：…`), which templates print right
  under the text; whatever follows belongs to the site.

Pure functions over cleaned `SourceLine`s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.ingest.clean_web import header_fields
from generator.models import SourceLine

MAX_WEB_HEADLINE_CHARS = 60
# A line reads as article text when it is long or finishes a sentence.
MIN_BODY_CHARS = 40
_SENTENCE_END_RE = re.compile(r"[。！？!?][”’」』）)]*\s*$")
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
# Menus, breadcrumbs and tool links: separators and brackets no headline uses.
_NAVIGATION_RE = re.compile(r"[>»›→|｜\[\]【】]|>>")
# Aggregators prefix the page title with their channel: `全球内蒙古频道:…`.
CHANNEL_PREFIX_RE = re.compile(r"^[^:：\s]{1,12}(?:频道|栏目|专题|资讯|新闻)[:：]\s*")
_CREDIT_RE = re.compile(r"^[（(\[【]?\s*(?:责编|责任编辑|编辑|审核|校对|责任校对|审校|监制)\s*[:：]")
_PREV_NEXT_RE = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]")


def looks_like_body(text: str) -> bool:
    """True for a line of article prose: long, or ending a sentence."""
    stripped = text.strip()
    return len(stripped) >= MIN_BODY_CHARS or _SENTENCE_END_RE.search(stripped) is not None


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
    return next(
        (i for i, line in enumerate(lines) if looks_like_body(line.text) and not header_fields(line.text.strip())),
        len(lines),
    )


def headline_line(lines: Sequence[SourceLine]) -> SourceLine | None:
    """The page's headline: the nearest non-blank line above the first header line.

    None when the page has no header line before its text, or the line above the
    header is not headline-like (a breadcrumb, a menu).
    """
    body = _first_body_index(lines)
    header = next((i for i in range(body) if header_fields(lines[i].text.strip())), None)
    if header is None:
        return None
    above = next((lines[i] for i in range(header - 1, -1, -1) if lines[i].text.strip()), None)
    if above is None or not _is_headline(above.text):
        return None
    return above


def headline_text(line: SourceLine) -> str:
    """The headline shown by `line`, without an aggregator's channel prefix."""
    return CHANNEL_PREFIX_RE.sub("", line.text.strip()).strip()


def article_end(lines: Sequence[SourceLine]) -> int | None:
    """Number of the first line after the article text: editor credits or prev/next links."""
    body = _first_body_index(lines)
    for line in lines[body:]:
        text = line.text.strip()
        if _CREDIT_RE.match(text) or _PREV_NEXT_RE.match(text):
            return line.number
    return None


def bound_article(
    kept: Sequence[SourceLine], *, after: int | None, before: int | None
) -> tuple[SourceLine, ...]:
    """Lines of `kept` strictly between line numbers `after` and `before` (None: open)."""
    return tuple(
        line
        for line in kept
        if (after is None or line.number > after) and (before is None or line.number < before)
    )
