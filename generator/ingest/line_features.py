"""Features of each non-blank line of a page, for the line tagger (a linear-chain CRF).

The features are the cues an editor reads a raw page by, and the cues the earlier hand
rules used: how wide a line is against the page's column width, how it ends, whether it
opens with a dateline lead or reads as a credit line, furniture and header-field words,
page and continuation marks, its place on the page, blank lines around it, and how much of
its wording the lines above and below repeat (a headline shares words with its own body,
which is how a headline printed after its body is told from one printed before the next).

Lines are featurised in Simplified script, so Traditional pages look like Simplified ones
to the model. Pure functions; every pass over the page is linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.ingest.chars import display_width
from generator.ingest.clean_web import is_site_furniture
from generator.ingest.datelines import byline_line_names, compact, is_lead_start, parse_lead, trailing_byline
from generator.ingest.marks import strip_marks
from generator.ingest.paragraphs import closes_sentence, typical_width
from generator.ingest.script import to_simplified

Features = dict[str, float]

# Lines of context each way whose wording a line is compared with.
OVERLAP_WINDOW = 6
# Only this many characters of a line are featurised: a 1 MB line is no more informative
# than its start and end, and every regex below then runs on bounded text.
MAX_FEATURE_CHARS = 400

_LENGTH_BINS = (2, 4, 6, 8, 10, 12, 14, 16, 20, 25, 30, 35, 40, 50, 60, 80, 120, 200)
_RATIO_BINS = (0.3, 0.5, 0.7, 0.85, 0.95, 1.05, 1.3, 2.0)
_SHARE_BINS = (0.0, 0.15, 0.3, 0.5, 0.7, 0.9)

_SENTENCE_PUNCT_RE = re.compile(r"[。！？!?；;]")
_COMMA_RE = re.compile(r"[，,、]")
_SPACE_BETWEEN_HAN_RE = re.compile(r"[\u3400-\u9fff”“\"》《][ \u3000]+[\u3400-\u9fff“”\"《》]")
_DECK_RE = re.compile(r"^\s*(?:——|－－|--|―|—)")
_BULLET_RE = re.compile(r"^\s*[□■◎●◆◇▲△★☆○•·]")
_INDENT_RE = re.compile(r"^(?:\u3000|\s{2,})")
_OPEN_PAREN_RE = re.compile(r"^\s*[（(【\[]")
_CLOSE_PAREN_RE = re.compile(r"[）)】\]]\s*$")
_DIGIT_START_RE = re.compile(r"^\s*\d")
_ENUM_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])")

_EDITOR_RE = re.compile(
    r"(?:责任编辑|责编|编辑|审核|审校|校对|统筹|监制|策划|终审|初审|复审|出品|制作|设计|排版)\s*[:：丨|]?"
)
_REPORTER_RE = re.compile(r"(?:记者|通讯员|实习生|特约|撰稿|作者)")
_PHOTO_RE = re.compile(r"(?:摄影|[\s　]摄$|摄$|供图|图片来源|资料图|图/|图：|图:|视觉中国|新华社发|新华社记者)")
_CAPTION_OPEN_RE = re.compile(r"^\s*(?:图为|圖為|图①|图②|图③|上图|下图|左图|右图|图片|图\d|[①②③④⑤⑥])")
_SOURCE_FIELD_RE = re.compile(r"(?:来源|来自|出处|稿源)\s*[:：]")
_AUTHOR_FIELD_RE = re.compile(r"(?:作者|记者|撰文|文)\s*[:：]")
_TIME_FIELD_RE = re.compile(r"(?:发布时间|发布日期|发表时间|更新时间|时间|日期)\s*[:：]")
_COUNTER_RE = re.compile(r"(?:浏览|阅读|点击|访问|评论)(?:量|次数|数)?\s*[:：]?\s*\d|\d+\s*(?:次浏览|人阅读|阅读)")
_ISO_DATE_RE = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_CLOCK_RE = re.compile(r"\d{1,2}:\d\d")
_MONTH_DAY_RE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日")
_WEEKDAY_RE = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]")
_PAGE_LABEL_RE = re.compile(r"第\s*[\d一二三四五六七八九十零〇]{1,3}\s*[版页]|[A-Z]?\d{1,2}\s*版|版\s*[次名]")
_URL_RE = re.compile(r"https?://|www\.|\.(?:com|cn|net|org|gov)\b", re.I)
_FILE_RE = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp|tiff?)\b", re.I)
_KEYWORDS_RE = re.compile(r"^\s*(?:关键词|关键字|标签|Tags?)\s*[:：]", re.I)
_NAV_RE = re.compile(r"(?:首页|正文|当前位置|您的位置|>|»|›|→|＞)")
_SHARE_RE = re.compile(
    r"(?:分享|转发|打印|关闭|收藏|扫一扫|二维码|微信|微博|朋友圈|QQ|字体|字号|大\s*中\s*小|返回|顶部|纠错)"
)
_RELATED_RE = re.compile(r"(?:相关|推荐|延伸|热门|热点|排行|更多|往期|猜你喜欢|精彩)")
_COPYRIGHT_RE = re.compile(
    r"(?:Copyright|©|版权|ICP|备案|公网安备|All Rights Reserved|违法和不良|举报|联系我们|关于我们)", re.I
)
_PIPE_RE = re.compile(r"[|｜]")
_QUESTION_RE = re.compile(r"^\s*(?:问|答|记者|[A-Za-z\u3400-\u9fff]{1,4})\s*[:：]")
_END_WORD_RE = re.compile(r"[（(【\[]\s*(?:全文)?完\s*[）)】\]]\s*$")
_OUTLET_WORD_RE = re.compile(r"(?:日报|晚报|早报|商报|时报|都市报|新闻|电视台|广播|网|社)")
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
_ASCII_ALNUM_RE = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class PageLine:
    """A non-blank line as the tagger sees it: its number, its text, and the blanks around it."""

    number: int
    text: str
    blank_before: bool
    blank_after: bool


def page_lines(numbered: Sequence[tuple[int, str]]) -> tuple[PageLine, ...]:
    """The non-blank lines of a page, each knowing whether a blank line (or the page's edge)
    stands next to it."""
    items = list(numbered)
    last = len(items) - 1

    def blank(index: int) -> bool:
        return index < 0 or index > last or not items[index][1].strip()

    return tuple(
        PageLine(number, text, blank_before=blank(i - 1), blank_after=blank(i + 1))
        for i, (number, text) in enumerate(items)
        if text.strip()
    )


def _bin(value: float, bins: Sequence[float]) -> int:
    for index, edge in enumerate(bins):
        if value <= edge:
            return index
    return len(bins)


def _bounded(text: str) -> str:
    if len(text) <= MAX_FEATURE_CHARS:
        return text
    half = MAX_FEATURE_CHARS // 2
    return text[:half] + " " + text[-half:]


def han_pairs(text: str) -> frozenset[str]:
    """The pairs of neighbouring Han characters of `text` (other characters skipped): the
    unit in which a line's wording is compared with its neighbours'."""
    chars = "".join(_HAN_RE.findall(text))
    return frozenset(chars[i : i + 2] for i in range(len(chars) - 1))


def _overlap_shares(grams: Sequence[frozenset[str]]) -> tuple[list[float], list[float]]:
    """For each line, the share of its character pairs found in the lines just above / below.

    Windows are small and fixed, so this is linear in the number of lines.
    """
    above: list[float] = []
    below: list[float] = []
    n = len(grams)
    for i, own in enumerate(grams):
        if not own:
            above.append(0.0)
            below.append(0.0)
            continue
        up = frozenset().union(*grams[max(0, i - OVERLAP_WINDOW) : i]) if i else frozenset()
        down = frozenset().union(*grams[i + 1 : min(n, i + 1 + OVERLAP_WINDOW)])
        above.append(len(own & up) / len(own))
        below.append(len(own & down) / len(own))
    return above, below


# Lines on each side of a gap whose wording is compared (TextTiling): a story that ends
# without a headline or lead still changes its words where the next one starts.
COHESION_WINDOW = 4
COHESION_PAIRS = 80


def _gap_cohesion(grams: Sequence[frozenset[str]]) -> list[float]:
    """For each line, how much the text just above shares words with the text from it down
    (share of the smaller side's character pairs); 1.0 at the top of the page. Each side
    takes lines until it holds COHESION_PAIRS pairs (at most COHESION_WINDOW * 3 lines), so
    narrow columns are compared on as much text as wide ones."""
    out: list[float] = []
    n = len(grams)
    for i in range(n):
        above: set[str] = set()
        j = i - 1
        while j >= 0 and len(above) < COHESION_PAIRS and i - j <= 3 * COHESION_WINDOW:
            above |= grams[j]
            j -= 1
        below: set[str] = set()
        j = i
        while j < n and len(below) < COHESION_PAIRS and j - i < 3 * COHESION_WINDOW:
            below |= grams[j]
            j += 1
        smaller = min(len(above), len(below))
        out.append(len(above & below) / smaller if smaller else 1.0)
    return out


def _own_features(text: str, width: int) -> Features:
    """What a line shows by itself (Simplified, bounded text)."""
    stripped = text.strip()
    flat = compact(stripped)
    length = display_width(flat) // 2 or len(flat)
    f: Features = {
        "bias": 1.0,
        f"len={_bin(len(flat), _LENGTH_BINS)}": 1.0,
        f"width_ratio={_bin(display_width(stripped) / width, _RATIO_BINS) if width else -1}": 1.0,
        f"first={stripped[:1]}" if not _HAN_RE.match(stripped[:1]) else "first=HAN": 1.0,
        f"last={stripped[-1:]}" if not _HAN_RE.match(stripped[-1:]) else "last=HAN": 1.0,
    }
    # The words a line opens and closes with (`本报`, `新华`, `图为`, `记者`, `…摄`, `报道`):
    # cues the model weighs itself instead of a hand-kept list.
    f[f"head2={flat[:2]}"] = 1.0
    f[f"tail2={flat[-2:]}"] = 1.0
    han = len(_HAN_RE.findall(flat))
    f[f"han_share={_bin(han / max(1, len(flat)), _SHARE_BINS)}"] = 1.0
    f[f"ascii_share={_bin(len(_ASCII_ALNUM_RE.findall(flat)) / max(1, len(flat)), _SHARE_BINS)}"] = 1.0
    sentences = len(_SENTENCE_PUNCT_RE.findall(stripped))
    commas = len(_COMMA_RE.findall(stripped))
    f[f"sentences={min(sentences, 3)}"] = 1.0
    f[f"commas={min(commas, 4)}"] = 1.0
    checks = {
        "closes_sentence": closes_sentence(stripped),
        "space_between_han": _SPACE_BETWEEN_HAN_RE.search(stripped) is not None,
        "deck_dash": _DECK_RE.match(stripped) is not None,
        "bullet": _BULLET_RE.match(stripped) is not None,
        "indent": _INDENT_RE.match(text) is not None,
        "open_paren": _OPEN_PAREN_RE.match(stripped) is not None,
        "close_paren": _CLOSE_PAREN_RE.search(stripped) is not None,
        "digit_start": _DIGIT_START_RE.match(stripped) is not None,
        "enumerator": _ENUM_RE.match(stripped) is not None,
        "lead_start": is_lead_start(stripped),
        "lead": parse_lead(stripped) is not None,
        "byline_line": byline_line_names(stripped) is not None,
        "trailing_byline": trailing_byline(stripped) is not None,
        "editor_word": _EDITOR_RE.search(stripped) is not None,
        "reporter_word": _REPORTER_RE.search(stripped) is not None,
        "photo_word": _PHOTO_RE.search(stripped) is not None,
        "caption_open": _CAPTION_OPEN_RE.match(stripped) is not None,
        "source_field": _SOURCE_FIELD_RE.search(stripped) is not None,
        "author_field": _AUTHOR_FIELD_RE.search(stripped) is not None,
        "time_field": _TIME_FIELD_RE.search(stripped) is not None,
        "counter": _COUNTER_RE.search(stripped) is not None,
        "full_date": _ISO_DATE_RE.search(stripped) is not None,
        "clock": _CLOCK_RE.search(stripped) is not None,
        "month_day": _MONTH_DAY_RE.search(stripped) is not None,
        "weekday": _WEEKDAY_RE.search(stripped) is not None,
        "page_label": _PAGE_LABEL_RE.search(stripped) is not None,
        "url": _URL_RE.search(stripped) is not None,
        "file_name": _FILE_RE.search(stripped) is not None,
        "keywords": _KEYWORDS_RE.match(stripped) is not None,
        "nav": _NAV_RE.search(stripped) is not None,
        "share": _SHARE_RE.search(stripped) is not None,
        "related": _RELATED_RE.search(stripped) is not None,
        "copyright": _COPYRIGHT_RE.search(stripped) is not None,
        "pipes": len(_PIPE_RE.findall(stripped)) >= 2,
        "speaker": _QUESTION_RE.match(stripped) is not None,
        "end_word": _END_WORD_RE.search(stripped) is not None,
        "outlet_word": _OUTLET_WORD_RE.search(stripped) is not None,
        "no_han": han == 0,
        "site_furniture": is_site_furniture(stripped),
    }
    marks = strip_marks(stripped)
    checks["continues_to"] = marks.continues_to is not None
    checks["continued_from"] = marks.continued_from is not None
    checks["only_mark"] = (marks.continues_to or marks.continued_from or marks.end_mark) is not None and not compact(
        marks.text
    )
    # The last line of a wrapped paragraph: a finished sentence on a line short of the column.
    checks["para_end"] = checks["closes_sentence"] and bool(width) and display_width(stripped) < 0.9 * width
    for name, value in checks.items():
        if value:
            f[name] = 1.0
    if length <= 12 and sentences == 0:
        f["short_no_sentence"] = 1.0
    if 4 <= len(flat) <= 40 and sentences == 0 and commas <= 1 and not stripped.endswith(("，", ",", "、")):
        f["headline_shape"] = 1.0
    return f


# Own features copied onto the neighbours, prefixed: the few that say what a line is.
_CONTEXT_KEYS = (
    "len=",
    "width_ratio=",
    "closes_sentence",
    "lead_start",
    "lead",
    "byline_line",
    "editor_word",
    "photo_word",
    "caption_open",
    "deck_dash",
    "time_field",
    "source_field",
    "full_date",
    "short_no_sentence",
    "headline_shape",
    "para_end",
    "sentences=",
    "page_label",
    "nav",
    "share",
    "related",
    "url",
    "only_mark",
    "space_between_han",
    "continued_from",
    "continues_to",
)


def _context(own: Features, prefix: str) -> Features:
    return {f"{prefix}{k}": v for k, v in own.items() if k.startswith(_CONTEXT_KEYS)}


def line_features(lines: Sequence[PageLine], *, layout: str | None = None) -> list[Features]:
    """One feature dict per non-blank line of a page, in order.

    `layout` is what format detection made of the file (`newspaper-page`, `web-page`, ...),
    given to the model as a hint it may weigh, never a switch between code paths.
    """
    texts = [_bounded(to_simplified(line.text)) for line in lines]
    width = typical_width(texts)
    own = [_own_features(text, width) for text in texts]
    grams = [han_pairs(text) for text in texts]
    above, below = _overlap_shares(grams)
    cohesion = _gap_cohesion(grams)
    n = len(lines)
    # What the whole page is like: how many reports open on it, how long it is. A page of one
    # article cuts at nothing; a page with eight leads cuts at each.
    leads = sum(1 for f in own if "lead_start" in f)
    page = {
        f"page_leads={min(leads, 4)}": 1.0,
        f"page_lines={_bin(n, (5, 15, 40, 100, 250))}": 1.0,
    }
    out: list[Features] = []
    for i, line in enumerate(lines):
        f = dict(own[i])
        f.update(page)
        # Cues whose meaning depends on the page: a short unpunctuated line is a headline on a
        # page of many reports, an intertitle inside the one article of a plain file.
        for cue in ("short_no_sentence", "lead_start", "space_between_han", "blank_before"):
            if cue in f or (cue == "blank_before" and line.blank_before):
                f[f"{cue}&leads={min(leads, 2)}"] = 1.0
                if layout:
                    f[f"{cue}&layout={layout}"] = 1.0
        if line.blank_before:
            f["blank_before"] = 1.0
        if line.blank_after:
            f["blank_after"] = 1.0
        f[f"overlap_above={_bin(above[i], _SHARE_BINS)}"] = 1.0
        f[f"overlap_below={_bin(below[i], _SHARE_BINS)}"] = 1.0
        f[f"cohesion={_bin(cohesion[i], _SHARE_BINS)}"] = 1.0
        around = [cohesion[j] for j in range(max(0, i - 3), min(n, i + 4)) if j != i]
        if around and cohesion[i] < 0.6 * (sum(around) / len(around)):
            f["cohesion_dip"] = 1.0
            if "closes_sentence" in own[i - 1]:
                f["cohesion_dip&above_end"] = 1.0
            if "para_end" in own[i - 1]:
                f["cohesion_dip&above_para_end"] = 1.0
        f[f"overlap_dir={'up' if above[i] > below[i] + 0.1 else 'down' if below[i] > above[i] + 0.1 else 'even'}"] = 1.0
        if i == 0:
            f["first_line"] = 1.0
        if i == n - 1:
            f["last_line"] = 1.0
        f[f"from_start={min(i, 5)}"] = 1.0
        f[f"from_end={min(n - 1 - i, 5)}"] = 1.0
        f[f"position={int(10 * i / n)}"] = 1.0
        if layout:
            f[f"layout={layout}"] = 1.0
        if "headline_shape" in f:
            # A headline is an unpunctuated line that does not fill the column, set between a
            # finished sentence (or a gap) and the next report's text.
            full = width and display_width(texts[i].strip()) >= 0.95 * width
            above_end = i == 0 or line.blank_before or "closes_sentence" in own[i - 1]
            below_lead = i + 1 < n and ("lead_start" in own[i + 1] or "byline_line" in own[i + 1])
            f[f"headline&full={bool(full)}"] = 1.0
            f[f"headline&above_end={above_end}"] = 1.0
            f[f"headline&below_lead={below_lead}"] = 1.0
            f[f"headline&above_end={above_end}&full={bool(full)}"] = 1.0
        if "lead_start" in f and i:
            # A lead under a finished sentence opens a report; under a headline it goes on one.
            above_line = own[i - 1]
            kind = "other"
            if "closes_sentence" in above_line:
                kind = "sentence"
            elif "short_no_sentence" in above_line:
                kind = "short"
            f[f"lead&above={kind}"] = 1.0
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                f.update(_context(own[j], f"{offset:+d}:"))
                if (offset == -1 and line.blank_before) or (offset == 1 and line.blank_after):
                    f[f"{offset:+d}:gap"] = 1.0
            else:
                f[f"{offset:+d}:edge"] = 1.0
        out.append(f)
    return out


__all__ = ["MAX_FEATURE_CHARS", "OVERLAP_WINDOW", "Features", "PageLine", "han_pairs", "line_features", "page_lines"]
