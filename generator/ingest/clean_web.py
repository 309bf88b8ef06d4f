"""Site furniture in scraped web pages: breadcrumbs, toolbars, header, footer.

Rules come from the structure that news-site templates share, not from one site:

* breadcrumbs: `当前位置` / `您的位置` lead-ins, or a `首页` trail joined by `»` `>` `→` `/`;
* font and tool links: `放大字体 缩小字体`, `【字体：大 中 小】`, lines made only of
  bracketed links (`[ 打印本文 ]  [ 关闭窗口 ]`), `上一篇：…`;
* the header line: labelled fields `发布日期:` `来源:` `作者:` `浏览次数:` -> meta
  `date`, `source`, `author`; the line goes;
* `核心提示:` / `导读:` / `摘要:` leads repeat the article (meta `summary`);
  `原标题:` -> meta `original_title`; `(责编:…)` / `责任编辑：…` -> meta `editors`;
* disclaimers and copyright lines; `|`-separated link lists (footers, menus);
* the tail: after a section heading such as `推荐资讯` `相关阅读` `点击排行` (or a
  ranked list `热点排行` once the text has started) or the comment counter, the
  remaining short lines are lists of other pages, and comment prompts (`文明发言`,
  `登录后发表评论`) are the site's even though they are sentences;
* the title: the last short line with words above the header (the site's name,
  menus and date strips come first; a later line replaces an earlier one): meta
  `page_title`, and the short lines above it go; a channel prefix (`XX频道:` /
  `XX网:`) is split off into meta `channel`;
* boxed fields (`【来源：X】【发布时间：…】`) end at their bracket.

Lines that stay keep their original numbers. Meta keys appear once (first wins).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.ingest.datelines import looks_like_names
from generator.ingest.paragraphs import closes_sentence
from generator.models import SourceLine

_Note = Callable[[str, str], None]

_BREADCRUMB_LEAD_RE = re.compile(r"^(?:当前位置|您的位置|你的位置|您现在的位置|现在位置|所在位置)\s*[:：]?")
_BREADCRUMB_TRAIL_RE = re.compile(r"(?:首页|主页|网站首页)\s*(?:»|>|＞|→|/|›|>>)")
# Any short trail of two or more separators between short segments: `新闻 > 经济 > 正文`.
_TRAIL_RE = re.compile(r"^[^\s»>＞›→]{1,12}(?:\s*(?:»|>>|>|＞|›|→)\s*[^\s»>＞›→]{1,12}){2,}$")
_FONT_TOOL_RE = re.compile(
    r"(?:放大字体|缩小字体|默认字体|[【\[]? ?字[体号]\s*[:：]\s*[大中小]\s*[大中小]?\s*[大中小]?\s*[】\]]?)"
)
_BRACKET_LINKS_RE = re.compile(r"^(?:\s*[\[【［][^\]】］]{0,16}[\]】］])+\s*$")
_FIELD_RE = re.compile(
    r"(发布日期|发布时间|发表时间|更新时间|日期|时间|信息来源|来源|稿源|作者|浏览次数|浏览|点击数|点击|阅读"
    # Who wrote it, in the header's own words: `记者：郁琼源 于文静`, `文：倪明伟`. Only as a
    # label of its own (not `原文：`, `本报记者：`, which the credit-line grammar reads).
    r"|(?<![\u3400-\u9fff])(?:记者|撰文|文|通讯员))"
    r"\s*[:：]\s*"
)
_WRITER_LABELS = ("记者", "撰文", "文", "通讯员")
_AUTHOR_LABELS = ("作者", *_WRITER_LABELS)
# Templates box each field (`【来源：X】【发布时间：…】`) or separate them with bars.
_FIELD_END_RE = re.compile(r"[】【\[\]［］|｜()（）]")  # `(作者:范吉存)`: a field set in parentheses
_DATE_LABELS = ("发布日期", "发布时间", "发表时间", "更新时间", "日期", "时间")
_DATE_RE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?:\s*(\d{1,2}:\d{2}(?::\d{2})?))?"
)
_LEAD_SUMMARY_RE = re.compile(r"^(?:核心提示|导读|摘要|内容提要)\s*[:：]\s*(.*)$")
_ORIGINAL_TITLE_RE = re.compile(r"^原标题\s*[:：]\s*(.+)$")
_EDITORS_RE = re.compile(r"^[（(\[【]?\s*(?:责编|责任编辑|编辑|审核|校对|责任校对)\s*[:：]\s*(.+?)\s*[）)\]】]?$")
# Several credits on one line: `编辑：张敏　审核：李强` -> names only.
_CREDIT_LABEL_RE = re.compile(r"(?:责编|责任编辑|编辑|审核|校对|责任校对|审校|监制)\s*[:：]|\s{2,}")
_DISCLAIMER_RE = re.compile(r"^(?:免责声明|版权声明|特别声明|声明)\s*[:：]")
_COPYRIGHT_RE = re.compile(r"(?:Copyright|©|版权所有|ICP备|ICP证|公网安备|All Rights Reserved)", re.I)
_SITE_DISCLAIMER_RE = re.compile(r"本(?:站|网)[^。]{0,30}(?:不承担|不作任何保证|无关|不代表)")
_PIPE_RE = re.compile(r"[|｜]")
_PREV_NEXT_RE = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]")
_TAIL_HEADINGS = (
    "推荐图文",
    "推荐资讯",
    "推荐阅读",
    "相关阅读",
    "相关新闻",
    "相关文章",
    "相关资讯",
    "点击排行",
    "热点推荐",
    "热门文章",
    "热点新闻",
    "延伸阅读",
    "相关评论",
    "网友评论",
    "发表评论",
    "我要评论",
    "最新评论",
)
_RANKING_HEADING_RE = re.compile(r"^.{0,6}(?:排行榜?|排名|榜单|TOP\s*\d+)\s*$", re.I)
# Etiquette and login prompts under a comment box: sentences, but the site's.
_COMMENT_PROMPT_RE = re.compile(
    r"文明(?:发言|上网|评论|留言)|理性(?:发言|表达|评论)|遵守.{0,12}(?:法律|法规|规定|公约)"
    r"|仅代表(?:网友|用户)|(?:登录|注册)后(?:才能|方可|即可)?(?:发表|参与|评论)|请先登录|发表评论|评论须知"
)
_COMMENT_COUNTER_RE = re.compile(r"(?<!\d)\d{1,9}\s*条.{0,12}评论|评论\s*[(（]?\s*\d+\s*[)）]?|查看全部")
_FURNITURE_WORDS_RE = re.compile(
    "|".join(
        (
            *_TAIL_HEADINGS,
            "资讯搜索",
            "告诉好友",
            "打印本文",
            "关闭窗口",
            "返回顶部",
            "收藏本文",
            "分享到",
            "扫一扫",
            "我要纠错",
            "打印",
            "关闭",
            "收藏",
            # share targets listed after 分享到
            "微信",
            "微博",
            "朋友圈",
            "QQ空间",
            "QQ",
        )
    )
)
_LEFTOVER_RE = re.compile(r"[\s\[\]【】［］|｜:：/·]+")
_SUBTITLE_RE = re.compile(r"^(?:——|－－|--|―)")
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
_WEEKDAY_RE = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]\b")
_TITLE_MIN_HAN = 4
_CHANNEL_TITLE_RE = re.compile(r"^([^\s:：]{1,16}(?:频道|网|栏目|新闻|资讯|在线))\s*[:：]\s*(.+)$")
# A line reads as body text when it is long or ends a sentence.
_BODY_MIN_CHARS = 40
_TITLE_MAX_CHARS = 60
# A header line (date, source, counters, font tools) is never longer than this.
_HEADER_MAX_CHARS = 160
_FOOTER_MIN_PIPES = 3
_FOOTER_MAX_SEGMENT = 20
_SHORT_FURNITURE_LINE = 30


def _looks_like_body(text: str) -> bool:
    return len(text) >= _BODY_MIN_CHARS or closes_sentence(text)


def _is_breadcrumb(text: str) -> bool:
    return bool(_BREADCRUMB_LEAD_RE.match(text) or _BREADCRUMB_TRAIL_RE.search(text) or _TRAIL_RE.match(text))


def _is_link_list(text: str) -> bool:
    if "|" not in text and "｜" not in text:
        return False
    segments = [s.strip() for s in _PIPE_RE.split(text) if s.strip()]
    if len(segments) <= _FOOTER_MIN_PIPES:
        return False
    short = sum(1 for s in segments if len(s) <= _FOOTER_MAX_SEGMENT)
    return short >= 0.7 * len(segments)


def _is_furniture(text: str) -> bool:
    """Tool bars, comment counters and lines of only furniture words."""
    if _BRACKET_LINKS_RE.match(text) or _PREV_NEXT_RE.match(text):
        return True
    if len(text) > _SHORT_FURNITURE_LINE:
        return False
    rest = _FURNITURE_WORDS_RE.sub("", _FONT_TOOL_RE.sub("", text))
    return _LEFTOVER_RE.sub("", rest) == ""


def _is_disclaimer(text: str) -> bool:
    return bool(_DISCLAIMER_RE.match(text) or _COPYRIGHT_RE.search(text) or _SITE_DISCLAIMER_RE.search(text))


def _header_parts(text: str) -> tuple[str, list[re.Match[str]]] | None:
    """(text without font tools, labelled fields) when `text` is a header line, else None.

    A header line is short, has at least one labelled field and is not a sentence.
    """
    if len(text) > _HEADER_MAX_CHARS:
        return None
    body = _FONT_TOOL_RE.sub(" ", text).strip()
    found = list(_FIELD_RE.finditer(body))
    # `记者：` also opens an interviewer's question (`记者：近期国家…`): as a header field the
    # writer's label must be followed by names.
    ends = [match.start() for match in found[1:]] + [len(body)] if found else []
    fields = [
        match
        for match, end in zip(found, ends, strict=True)
        if match.group(1) not in _WRITER_LABELS or looks_like_names(_field_value(body[match.end() : end]))
    ]
    if not fields or closes_sentence(body):
        return None
    return body, fields


def header_fields(text: str) -> tuple[tuple[str, str], ...]:
    """Meta from a header line `发布日期:2020-03-12  来源:人民网  作者:张三`, else ().

    The date is returned in ISO form (`2020-03-12`, with ` HH:MM` when the page gives
    a time); a bare date before the first label counts too.
    """
    parts = _header_parts(text)
    if parts is None:
        return ()
    body, fields = parts
    found: list[tuple[str, str]] = []
    for index, match in enumerate(fields):
        end = fields[index + 1].start() if index + 1 < len(fields) else len(body)
        value = _field_value(body[match.end() : end])
        label = match.group(1)
        if label in ("信息来源", "来源", "稿源"):
            found.append(("source", value.split()[0] if value else value))
        elif label in _AUTHOR_LABELS:
            found.append(("author", value))
        elif label in _DATE_LABELS:
            date = _DATE_RE.search(value)
            if date:
                found.append(("date", _iso(date)))
    if not any(key == "date" for key, _value in found):
        # Templates often print the date bare before the labelled fields.
        date = _DATE_RE.search(body[: fields[0].start()])
        if date:
            found.insert(0, ("date", _iso(date)))
    return tuple((k, v) for k, v in found if v)


def _field_value(raw: str) -> str:
    """A field's value without the brackets templates set fields in: `【来源：X】【…` -> `X`."""
    return _FIELD_END_RE.split(raw.strip().lstrip("【[［"), maxsplit=1)[0].strip()


def _iso(date: re.Match[str]) -> str:
    year, month, day, clock = date.groups()
    iso = f"{year}-{int(month):02d}-{int(day):02d}"
    return f"{iso} {clock}" if clock else iso


def strip_web_boilerplate(
    lines: tuple[SourceLine, ...],
) -> tuple[tuple[SourceLine, ...], tuple[tuple[str, str], ...]]:
    """(body lines, meta) of a scraped page: site furniture removed, header read as meta."""
    meta: dict[str, str] = {}
    kept: list[SourceLine] = []
    title_candidate: SourceLine | None = None
    seen_header = False
    body_started = False
    in_tail = False

    def note(key: str, value: str) -> None:
        value = " ".join(value.split())  # NBSP and runs of spaces from the page
        if value and key not in meta:
            meta[key] = value

    for line in lines:
        text = line.text.strip()
        if not text:
            if not in_tail:
                kept.append(line)
            continue
        if in_tail:
            if (
                _looks_like_body(text)
                and not _is_disclaimer(text)
                and not _is_link_list(text)
                and not _COMMENT_PROMPT_RE.search(text)
            ):
                in_tail = False
                kept.append(line)
            continue
        if (
            any(text.startswith(h) for h in _TAIL_HEADINGS)
            # Ranked lists (`热点排行`, `24小时排行榜`) only once the article has started:
            # above it, a short channel label must not swallow the page.
            or (body_started and _RANKING_HEADING_RE.match(text))
        ) or (len(text) <= _SHORT_FURNITURE_LINE and _COMMENT_COUNTER_RE.search(text)):
            in_tail = True
            continue
        summary = _LEAD_SUMMARY_RE.match(text)
        original = _ORIGINAL_TITLE_RE.match(text)
        editors = _EDITORS_RE.match(text) if len(text) <= _SHORT_FURNITURE_LINE + 10 else None
        if summary:
            note("summary", summary.group(1).strip())
        elif original:
            note("original_title", original.group(1).strip())
        elif editors:
            note("editors", "、".join(p.strip() for p in _CREDIT_LABEL_RE.split(editors.group(1)) if p.strip()))
        elif _is_breadcrumb(text) or _is_disclaimer(text) or _is_link_list(text):
            pass
        elif not body_started and _header_parts(text) is not None:
            for key, value in header_fields(text):
                note(key, value)
            seen_header = True
            if title_candidate is not None:
                # Short lines above the headline (no text has started) are the site's.
                number = title_candidate.number
                kept[:] = [kept_line for kept_line in kept if kept_line.number > number]
                _note_title(title_candidate.text.strip(), note)
                title_candidate = None
        elif _is_furniture(text):
            pass
        else:
            if _looks_like_body(text):
                body_started = True
            elif not seen_header and _could_be_title(text):
                # The headline is printed right above the header; the site's name and
                # slogans come first, so a later short line replaces an earlier one.
                title_candidate = line
            kept.append(line)
    while kept and not kept[-1].text.strip():
        kept.pop()
    return tuple(kept), tuple(meta.items())


def _could_be_title(text: str) -> bool:
    """A short line with words that is not a date strip (`2020年3月18日 星期三`) or a deck."""
    return (
        len(text) <= _TITLE_MAX_CHARS
        and len(_HAN_RE.findall(text)) >= _TITLE_MIN_HAN
        and not _SUBTITLE_RE.match(text)
        and not _DATE_RE.match(text)
        and _WEEKDAY_RE.search(text) is None
    )


def _note_title(text: str, note: _Note) -> None:
    channel = _CHANNEL_TITLE_RE.match(text)
    if channel:
        note("channel", channel.group(1))
        note("page_title", channel.group(2).strip())
    else:
        note("page_title", text)


def is_site_furniture(text: str) -> bool:
    """A line of the site's, not the article's: breadcrumbs, tool bars (`【字号：大 中 小】`,
    `[打印本文] [关闭窗口]`), link lists, disclaimers and copyright lines."""
    stripped = text.strip()
    bare = _LEFTOVER_RE.sub("", _FONT_TOOL_RE.sub("", stripped))
    return bool(stripped) and (
        _is_breadcrumb(stripped)
        or _is_link_list(stripped)
        or _is_furniture(stripped)
        or _is_disclaimer(stripped)
        or (_FONT_TOOL_RE.search(stripped) is not None and not _HAN_RE.search(_FURNITURE_WORDS_RE.sub("", bare)))
    )


def strip_channel_prefix(title: str) -> str:
    """A web page title without the channel it was filed under (`全球内蒙古频道:唐毅…` -> `唐毅…`)."""
    channel = _CHANNEL_TITLE_RE.match(title.strip())
    return channel.group(2).strip() if channel else title
