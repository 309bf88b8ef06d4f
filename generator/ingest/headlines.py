"""Headlines, kickers, subtitles and page furniture in newspaper text dumps.

A headline in a PDF dump is a short line without sentence punctuation standing
between blank lines. Its parts follow newspaper typography: a kicker (引题) above
the main title, the main title in one or two decks, and a subtitle (副题) opened
by a dash (`——`). Section labels (`盟市·风景线`, `要闻`), page numbers and edition
marks are furniture, not headlines. All functions are pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from generator.ingest.datelines import byline_line_names, compact, is_lead_start

MAX_HEADLINE_CHARS = 32
_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("（", "）"), ("「", "」"), ("『", "』"), ("【", "】"))
# A date alone on its line signs a notice or letter (`2020年3月30日`).
_DATE_ONLY_RE = re.compile(r"^(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日$")
# Q&A labels open a question or an answer, never a headline.
_QA_LABEL_RE = re.compile(r"^(?:本报)?(?:记者|问|答|主持人)\s*[:：]")
# Sentence and clause punctuation never stands inside a headline deck, except in a
# subtitle (`——…`), which may be a full clause.
_CLAUSE_PUNCT_RE = re.compile(r"[。，、；！？!?;…]|,(?!\d)")
_END_PUNCT_RE = re.compile(r"[。，、；：！？!?;:…]$")
SUBTITLE_RE = re.compile(r"^\s*(?:——|－－|--|―{1,2}|—)\s*")
_QUOTES = "“”‘’「」『』﹃﹄﹁﹂\"'"
QUOTE_ONLY_RE = re.compile(rf"^[{_QUOTES}\s]+$")
_OPENING_QUOTES = "“‘「『﹃﹁"
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
# Section labels and edition furniture: `盟市·风景线`, `第3版`, `要闻`, `责任编辑：…`.
_FURNITURE_RE = re.compile(
    r"^(?:第?\s*[0-9０-９一二三四五六七八九十]+\s*版.*|[0-9０-９\-—]+|.{0,6}·.{0,6}"
    r"|(?:责任)?编辑[:：].*|本版(?:编辑|责编|主编).*|责编[:：].*|美编[:：].*|校对[:：].*"
    # Masthead lines: the issue date with its weekday, the edition count.
    r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:星期|周)[一二三四五六日天].{0,16}|(?:今日|本期|共)[0-9０-９一二三四五六七八九十]+版"
    r"|要闻|综合(?:新闻)?|时政(?:新闻)?|国内(?:新闻)?|国际(?:新闻)?|地方(?:新闻)?|本地新闻"
    r"|经济|社会|民生|文化|体育|评论|理论|副刊|专版|专题|广告|图片新闻|新闻速递)$"
)
MAX_FURNITURE_CHARS = 6
# Suffixes of place and organisation names: a short line ending in one, printed above
# the title, names who the story is about (a kicker such as `兴安盟`, `包头稀土研究院`).
_NAME_SUFFIX_RE = re.compile(
    r"(?:省|市|县|区|旗|盟|州|镇|乡|村|苏木|嘎查|街道|社区|厅|局|委|院|部|办|所|站|队|"
    r"公司|集团|中心|银行|大学|学校|医院|协会|联合会|合作社|委员会|政府|办公室|指挥部)$"
)
_ORGANISATION_SUFFIX_RE = re.compile(
    r"(?:厅|局|委|院|办|所|站|公司|集团|中心|银行|协会|联合会|合作社|委员会|政府|办公室|指挥部)$"
)
# Verbs that make a short line a clause, not a name (`市领导调研山阳区`).
_ACTION_RE = re.compile(
    r"调研|视察|考察|督导|检查|召开|举行|出席|会见|看望|慰问|部署|推进|开展|实施|发布|走访|"
    r"强调|指出|要求|表示|参加|主持|签署|启动|打响|助力|推动|加快|筑牢|守护|开通|获批|成立|组建|设立|挂牌"
)
# A line reporting who said what is a kicker over the quoted message.
_SPEECH_RE = re.compile(r"(?:强调|指出|表示|要求|提出|希望|说)$")
MAX_KICKER_NAME_CHARS = 16
PARALLEL_DECK_SLACK = 1
MIN_PARALLEL_DECK_CHARS = 5
# Grammatical particles and light verbs no place or organisation name contains.
_NOT_IN_NAMES_RE = re.compile(r"[了着过的让把被给往进到吗呢]")


# A deck that announces the form of the piece under it (an interview, a reporter's
# notebook): it introduces what follows, so it never closes the story above.
_INTRO_DECK_RE = re.compile(r"^(?:独家|本报|记者)?(?:专访|对话|访谈|记者手记|记者观察|现场直击)")
# An interview's `——` deck naming whom the reporter visited: `——访某局局长`.
_INTERVIEW_DECK_RE = re.compile(r"^(?:——|－－|--|―{1,2}|—)\s*(?:访|专访|对话)")


@dataclass(frozen=True, slots=True)
class Headline:
    """The typographic parts of one article's headline."""

    title: str | None
    subtitle: str | None = None
    kicker: str | None = None


def is_balanced(text: str) -> bool:
    """True if every quote and bracket opened in `text` is closed in it.

    A headline is set whole; a body line cut by the column width often leaves a
    quotation open (`…要求和“绿色`).
    """
    return all(text.count(left) == text.count(right) for left, right in _PAIRS)


def is_quote_only(text: str) -> bool:
    """True for a line holding nothing but quote marks (vertical title layouts)."""
    return bool(text.strip()) and QUOTE_ONLY_RE.match(text) is not None


def opens_quote(text: str) -> bool:
    """True if `text` starts with an opening quote mark."""
    stripped = text.strip()
    return bool(stripped) and stripped[0] in _OPENING_QUOTES


def is_headline_line(text: str) -> bool:
    """True if `text` could be (part of) a headline.

    Short, with Han characters, no sentence or clause punctuation (a subtitle opened
    by `——` may carry commas), not ending like an unfinished sentence, and not a
    dateline lead or byline.
    """
    stripped = text.strip()
    if is_quote_only(stripped):
        return True
    size = len(compact(stripped))
    if size == 0 or size > MAX_HEADLINE_CHARS or not _HAN_RE.search(stripped):
        return False
    is_subtitle = SUBTITLE_RE.match(stripped) is not None
    if not is_subtitle and _CLAUSE_PUNCT_RE.search(stripped):
        return False
    if _END_PUNCT_RE.search(stripped) or stripped.endswith(("）", ")")):
        return False
    if _QA_LABEL_RE.match(stripped) or _DATE_ONLY_RE.match(stripped):
        return False
    if is_lead_start(stripped) or byline_line_names(stripped) is not None:
        return False
    return True


def is_furniture(lines: tuple[str, ...], *, at_edge: bool) -> bool:
    """True if a one-line headline-like group is page furniture, not a headline.

    Explicit section/edition patterns are furniture anywhere; a very short label
    (`镜观`) only at the top or bottom of the page, where mastheads and section
    labels are printed.
    """
    if len(lines) != 1:
        # Edition and section labels stacked without a blank line (`第4版` / `综合新闻`).
        return len(lines) > 1 and all(_FURNITURE_RE.match(compact(line)) for line in lines)
    text = compact(lines[0])
    if _FURNITURE_RE.match(text):
        return True
    return at_edge and len(text) <= MAX_FURNITURE_CHARS


def _despace(line: str) -> str:
    """Keep word spaces of a headline (`抗击疫情 共赴时艰`) but drop letter-spacing (`镜 观`)."""
    pieces = line.split()
    if len(pieces) > 1 and sum(len(p) == 1 for p in pieces) * 2 >= len(pieces):
        return "".join(pieces)
    return " ".join(pieces)


def _repeated_by(part: str, following: list[str]) -> bool:
    """True when the next line (`following`: it, or nothing) starts with all of `part`."""
    short, longer = compact(part), compact("".join(following))
    return bool(short) and len(longer) > len(short) and longer.startswith(short)


def join_decks(lines: tuple[str, ...]) -> str:
    """Join the lines of one headline into a string.

    Quote marks glue without space. Two decks of nearly equal length are parallel
    phrases set one under the other and keep a space between them, as a one-line
    headline does (`众志成城抗疫情 党员战“疫”勇先行`); lines of clearly different
    length are one phrase wrapped by the layout and join without space.
    """
    parts = [_despace(line) for line in lines if line.strip()]
    # A kicker the headline repeats at its start (`新华全媒+` over `新华全媒+丨河曲草原…`) is
    # printed once.
    parts = [part for index, part in enumerate(parts) if not _repeated_by(part, parts[index + 1 : index + 2])]
    if not parts:
        return ""
    result = parts[0]
    for previous, part in pairwise(parts):
        glue = ""
        quote_edge = previous[-1] in _QUOTES or part[0] in _QUOTES
        prev_len = len(compact(previous))
        part_len = len(compact(part))
        if not quote_edge and min(prev_len, part_len) >= 4 and abs(prev_len - part_len) <= 2:
            glue = " "
        result += glue + part
    return result


def merge_quote_lines(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Attach quote-only lines to the line they belong to (`“` to the next, `”` to the previous)."""
    merged: list[str] = []
    carry = ""
    for line in lines:
        text = line.strip()
        if is_quote_only(text):
            quote = compact(text)
            if quote[0] in _OPENING_QUOTES:
                carry += quote
            elif merged:
                merged[-1] += quote
            else:
                carry += quote
            continue
        merged.append(carry + text)
        carry = ""
    if carry:
        if merged:
            merged[-1] += carry
        else:
            merged.append(carry)
    return tuple(merged)


def _is_kicker_line(line: str, rest: tuple[str, ...]) -> bool:
    """A first headline line that introduces the title (the `rest` lines) rather than
    being part of it."""
    text = compact(line)
    if _SPEECH_RE.search(text) and len(text) >= 6:
        return True
    following = compact("".join(rest))
    # Two decks of the same length are a parallel pair (对仗), one title, even when the
    # first happens to end like a place name (`春风吹进某某村` / `绿意铺满科尔沁`).
    if (
        len(rest) == 1
        and min(len(text), len(following)) >= MIN_PARALLEL_DECK_CHARS
        and abs(len(text) - len(following)) <= PARALLEL_DECK_SLACK
    ):
        return False
    return is_name_line(text) and len(following) >= 4


def is_intro_deck(lines: tuple[str, ...]) -> bool:
    """True for a headline group announcing the genre of the piece below it
    (`专访某局局长`, `对话种粮大户`, `记者手记`)."""
    return bool(lines) and _INTRO_DECK_RE.match(compact(lines[0])) is not None


def is_interview_deck(lines: tuple[str, ...]) -> bool:
    """True for a group opening with an interview's `——访…` deck (the subtitle under
    an interview's title)."""
    return bool(lines) and _INTERVIEW_DECK_RE.match(lines[0].strip()) is not None


def is_name_line(line: str) -> bool:
    """True for a bare place or organisation name (`兴安盟`, `包头稀土研究院`): short,
    ending like a name, with no action. Above a title it is a kicker."""
    text = compact(line)
    return (
        len(text) <= MAX_KICKER_NAME_CHARS
        and _NAME_SUFFIX_RE.search(text) is not None
        and _ACTION_RE.search(text) is None
        and _NOT_IN_NAMES_RE.search(text) is None
    )


def is_organisation_line(line: str) -> bool:
    """True for a bare organisation name (`某市自来水公司`, `某县人民政府`): under a
    notice it signs it. Place names (`…牧区`) end headlines too, so they do not count."""
    return is_name_line(line) and _ORGANISATION_SUFFIX_RE.search(compact(line)) is not None


def compose_headline(groups: tuple[tuple[str, ...], ...]) -> Headline:
    """Kicker, title and subtitle from the headline groups of one article, top to bottom.

    Each group is the lines of one blank-separated block. A `——` line is the
    subtitle. With several groups, the last main group is the title and earlier
    ones are kickers (a stacked 引题). Inside one group, a first line that names a
    place or body (`兴安盟`) or reports speech (`…时强调`) is the kicker.
    """
    main_groups: list[tuple[str, ...]] = []
    subtitle_parts: list[str] = []
    for group in groups:
        lines = merge_quote_lines(group)
        main: list[str] = []
        for line in lines:
            if SUBTITLE_RE.match(line) or subtitle_parts:
                subtitle_parts.append(SUBTITLE_RE.sub("", line, count=1))
            else:
                main.append(line)
        if main:
            main_groups.append(tuple(main))
    subtitle = "".join(compact(p) for p in subtitle_parts) or None
    if not main_groups:
        return Headline(title=None, subtitle=subtitle)
    kicker_parts = [join_decks(g) for g in main_groups[:-1]]
    title_lines = main_groups[-1]
    if len(title_lines) >= 2 and _is_kicker_line(title_lines[0], title_lines[1:]):
        kicker_parts.append(join_decks(title_lines[:1]))
        title_lines = title_lines[1:]
    kicker = " ".join(kicker_parts) or None
    return Headline(title=join_decks(title_lines) or None, subtitle=subtitle, kicker=kicker)
