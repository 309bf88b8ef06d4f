"""Which layout a decoded seed has (`SourceFormat`), from scored features.

No single string decides. Each format has a score built from several cues, and the
highest score above its threshold wins; below every threshold the file is PLAIN.

* HTML: the name ends in `.html` / `.htm`, or the text starts with an HTML document.
* ANNOTATED: pinyin annotations confirmed by the character's reading (`工(gong)`), per
  hundred Han characters.
* WEB_PAGE: distinct kinds of site furniture: breadcrumb, labelled header fields,
  tool links, editor credit, disclaimer, `|` link lists, comment counters.
* NEWSPAPER_PAGE: hard-wrapped short lines of similar width (a column), dateline leads
  (`本报…电`, `本报讯`), and short headline-like lines between blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from generator.ingest.chars import count_han, display_width
from generator.ingest.pinyin_noise import count_pinyin_annotations
from generator.models import SourceFormat, SourceLine

_HTML_START_RE = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.I)
_DATELINE_RE = re.compile(r"^\s*[□■]?\s*本报(?:讯|[^\s，。]{0,12}?\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|讯))")

# Web furniture, grouped by kind; the score counts kinds, not hits, so a page that
# says 来源 ten times is not more of a web page than one that says it once.
_WEB_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Also a whole line of short Han items chained by `>` (`某某网 > 要闻 > 正文`).
    (
        "breadcrumb",
        re.compile(
            r"(?:当前位置|您的位置|你的位置)|首页\s*(?:»|>|＞|→|›)"
            r"|^[\u3400-\u9fff][^>＞»›。，\s]{0,11}(?:\s*[>＞»›]\s*[\u3400-\u9fff][^>＞»›。，\s]{0,11})+$"
        ),
    ),
    ("header", re.compile(r"(?:发布日期|发布时间|来源|浏览次数|点击数)\s*[:：]")),
    (
        "tools",
        re.compile(
            r"放大字体|缩小字体|字[体号]\s*[:：]\s*大|打印本文|关闭窗口|告诉好友|分享到|扫一扫|在手机.{0,4}打开"
            r"|【\s*(?:打印|关闭)\s*】"
        ),
    ),
    # Web articles sign off with bare `编辑：`/`审核：` lines; newspaper pages print
    # `本版编辑：`, which this does not match at the line start.
    ("credit", re.compile(r"[（(【\[]\s*(?:责编|责任编辑|编辑)\s*[:：]|^(?:责任编辑|编辑|审核|责编)\s*[:：]")),
    ("disclaimer", re.compile(r"免责声明|版权所有|Copyright|ICP备", re.I)),
    # A long `|` link list anywhere, or a whole line of three or more short menu items.
    ("links", re.compile(r"(?:[^|｜\n]{1,20}[|｜]){3,}|^(?:[^|｜\n。，]{1,10}[|｜]){2,}[^|｜\n。，]{1,10}$")),
    (
        "comments",
        re.compile(r"(?<!\d)\d{1,9}\s*条.{0,12}评论|相关评论|网友评论|推荐资讯|相关阅读|点击排行|[上下]一[篇条]"),
    ),
)

# Thresholds, tuned on the formats' structure (see tests/ingest/test_read.py).
_ANNOTATED_PER_100_HAN = 3.0
_WEB_MIN_KINDS = 2
_NEWSPAPER_MIN_SCORE = 2.0
_COLUMN_MAX_WIDTH = 70  # display columns; a newspaper column is 10-35 characters
_COLUMN_SIMILAR = 0.2  # within ±20% of the median width
_HEADLINE_MAX_CHARS = 24
SAMPLE_LINES = 5000


@dataclass(frozen=True, slots=True)
class FormatFeatures:
    """The measurements `detect_format` decides from (exposed for tests and logging)."""

    han: int
    annotations: int
    web_kinds: tuple[str, ...]
    lines: int
    median_width: float
    similar_width_share: float
    datelines: int
    headline_like: int

    @property
    def annotations_per_100_han(self) -> float:
        return 100.0 * self.annotations / self.han if self.han else 0.0

    @property
    def newspaper_score(self) -> float:
        """Column layout (0-2) plus dateline leads and headline-like lines (each up to 1.5)."""
        if self.lines < 5 or self.median_width > _COLUMN_MAX_WIDTH:
            column = 0.0
        else:
            column = 2.0 * self.similar_width_share
        return column + min(1.5, 0.5 * self.datelines) + min(1.5, 0.25 * self.headline_like)


def _headline_like(lines: list[str], index: int) -> bool:
    """A short line without sentence punctuation standing between blank lines."""
    text = lines[index].strip()
    if not text or len(text) > _HEADLINE_MAX_CHARS or re.search(r"[。，；！？,;]", text):
        return False
    before = index == 0 or not lines[index - 1].strip()
    after = index + 1 >= len(lines) or not lines[index + 1].strip()
    return before and after and count_han(text) >= 4


def measure(lines: tuple[SourceLine, ...]) -> FormatFeatures:
    """Compute the features of the first `SAMPLE_LINES` lines (all passes linear).

    A layout shows within its first pages; sampling keeps detection on a huge dump to
    a fraction of a second.
    """
    texts = [line.text for line in lines[:SAMPLE_LINES]]
    non_blank = [t.strip() for t in texts if t.strip()]
    han = sum(count_han(t) for t in non_blank)
    annotations = sum(count_pinyin_annotations(t) for t in non_blank if "(" in t or "（" in t)
    kinds = tuple(kind for kind, pattern in _WEB_CUES if any(pattern.search(t) for t in non_blank))
    widths = [display_width(t) for t in non_blank]
    mid = float(median(widths)) if widths else 0.0
    similar = sum(1 for w in widths if abs(w - mid) <= _COLUMN_SIMILAR * mid) / len(widths) if widths else 0.0
    return FormatFeatures(
        han=han,
        annotations=annotations,
        web_kinds=kinds,
        lines=len(non_blank),
        median_width=mid,
        similar_width_share=similar,
        datelines=sum(1 for t in non_blank if _DATELINE_RE.match(t)),
        headline_like=sum(1 for i in range(len(texts)) if _headline_like(texts, i)),
    )


def detect_format(name: str, lines: tuple[SourceLine, ...]) -> SourceFormat:
    """The layout of a decoded seed, from its name and scored text features."""
    lowered = name.lower()
    if lowered.endswith((".html", ".htm")):
        return SourceFormat.HTML
    head = "\n".join(line.text for line in lines[:5])
    if _HTML_START_RE.match(head):
        return SourceFormat.HTML
    features = measure(lines)
    candidates: list[tuple[float, SourceFormat]] = []
    if features.annotations_per_100_han >= _ANNOTATED_PER_100_HAN:
        candidates.append((features.annotations_per_100_han / _ANNOTATED_PER_100_HAN, SourceFormat.ANNOTATED))
    if len(features.web_kinds) >= _WEB_MIN_KINDS:
        candidates.append((len(features.web_kinds) / _WEB_MIN_KINDS, SourceFormat.WEB_PAGE))
    if features.newspaper_score >= _NEWSPAPER_MIN_SCORE:
        candidates.append((features.newspaper_score / _NEWSPAPER_MIN_SCORE, SourceFormat.NEWSPAPER_PAGE))
    if not candidates:
        return SourceFormat.PLAIN
    return max(candidates, key=lambda c: c[0])[1]
