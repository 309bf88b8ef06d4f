"""Dateline leads and bylines: the structural openers and closers of a news article.

Chinese papers open a report with a dateline lead (`本报呼伦贝尔3月29日电（记者 李玉琢）`,
`本报讯（记者郭树勋）`, `新华社北京3月1日电`) and often close it with the reporter's
name in full-width parentheses (`（何国栋）`). Features and photo stories put a byline
block above the body instead (`本报记者 董柏生`, `□本报记者 韩继旺 摄影报道`).
All functions here are pure and work on already cleaned text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.surnames import COMMON_SURNAMES

# Roles printed next to names, in Simplified and Traditional forms (Traditional pages
# print `記者`, `通訊員`); longest first so `本报记者` wins over `记者`.
ROLES: tuple[str, ...] = (
    "本报特约记者",
    "本報特約記者",
    "本报通讯员",
    "本報通訊員",
    "本报记者",
    "本報記者",
    "特约通讯员",
    "特約通訊員",
    "特约记者",
    "特約記者",
    "见习记者",
    "見習記者",
    "实习记者",
    "實習記者",
    "首席记者",
    "首席記者",
    "摄影报道",
    "攝影報道",
    "通讯员",
    "通訊員",
    "实习生",
    "實習生",
    "记者",
    "記者",
    "摄影",
    "攝影",
    "文/图",
    "文／图",
    "文/圖",
    "文／圖",
    # The same credit in the other order or with a middle dot (`图/文`, `文·图`).
    "图/文",
    "图／文",
    "圖/文",
    "圖／文",
    "文·图",
    "文·圖",
    "报道",
    "報道",
)
# A role may be letter-spaced or cut by a line wrap (`（记` / `者 刘志远）` joined as `记 者`).
# `本报` and `文/` also stand before other roles: `本报首席记者`, `文/本报记者`.
_ROLE_RE = re.compile(
    r"(?:[文图圖]\s*[/／·]\s*)?(?:本\s*[报報网網台臺]\s*)?(?:"
    + "|".join(r"\s*".join(re.escape(ch) for ch in role) for role in ROLES)
    + ")"
)
# A role word that only counts at the end of a photo byline (`韩继旺 摄`).
_TRAILING_SHOT_RE = re.compile(r"(?:\s|[/／])\s*[摄攝]$")  # `王勇 摄`, `王嘉兴/摄`
_HAN = r"\u3400-\u9fff"
_NAME_CHARS_RE = re.compile(rf"^[{_HAN}·•\s、/／]+$")
_SPACE_RE = re.compile(r"[\s\u3000]+")
_NAME_SEPARATOR_RE = re.compile(r"[\s\u3000、,，/／]+")
MAX_NAME_CHARS = 6
MAX_DOTTED_NAME_CHARS = 16
MAX_NAMES = 4
# Credits that stand in parentheses where a name would: agencies, `综合`, `完`.
_NOT_NAME_RE = re.compile(r"(?:社|网|網|报|報|台|臺|电|電|讯|訊|综合|綜合|编译|編譯|整理|供稿|完)$")

# Outlets that open a lead: this paper, or a named agency / site / paper / station.
_OUTLET = rf"本[报報]|[{_HAN}]{{1,6}}?(?:社|网|網|报|報|台|臺)"
# `本报呼伦贝尔 3 月 29 日电 （记者 …` ; the place is optional (`本报讯`), as is the date.
LEAD_RE = re.compile(
    rf"^\s*(?P<outlet>{_OUTLET})\s*(?P<place>[{_HAN}]{{0,10}}?)\s*"
    r"(?:(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日\s*)?"
    r"(?P<kind>电|電|讯|訊|消息)\s*"
    r"(?:[（(](?P<who>[^（）()]{0,40})(?P<close>[）)])?)?"
)
# A line that starts a lead; used to cut a run of lines at a new report. Another
# outlet than 本报 must state a date (`新华社北京3月1日电`) so that body text such as
# `互联网电视…` is not taken for a lead; the place never contains a role word.
LEAD_START_RE = re.compile(
    rf"^\s*(?:本[报報](?![{_HAN}]*[记記]者)\s*[{_HAN}]{{0,10}}?\s*(?:\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*)?"
    rf"|[{_HAN}]{{1,6}}?(?:社|网|網|报|報|台|臺)\s*[{_HAN}]{{0,10}}?\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*)"
    r"(?:电|電|讯|訊)(?=[\s（(：:]|$)"
)
# Name list in parentheses at the very end of a line (`（刘世凯 张燕茹）`, `(记者 于海东)`).
_TRAILING_PARENS_RE = re.compile(r"[（(](?P<who>[^（）()]{2,30})[）)]\s*$")
# Before a trailing byline the body has ended a sentence, or the byline stands alone.
_SENTENCE_END_RE = re.compile(r"(?:^|[。！？!?”’」』…\.])\s*$")


@dataclass(frozen=True, slots=True)
class Lead:
    """What a dateline lead states. `end` is the offset where the body text begins."""

    outlet: str
    place: str | None
    month: int | None
    day: int | None
    names: tuple[str, ...]
    end: int


@dataclass(frozen=True, slots=True)
class TrailingByline:
    """A byline in parentheses at the end of a line; `text` is the line without it."""

    text: str
    names: tuple[str, ...]


def compact(text: str) -> str:
    """`text` without any whitespace (letter-spacing in PDF dumps is noise)."""
    return _SPACE_RE.sub("", text)


def split_names(text: str) -> tuple[str, ...]:
    """Personal names from a byline fragment with the roles removed.

    Names are separated by spaces or `、`, and a role word always ends the name before
    it (`记者贺雪 通讯员张 志军` -> 贺雪, 张志军). PDF letter-spacing and line wraps split
    a name into one-character pieces (`刘 洋`, `乔 楠`, `郭洪 申`), so inside the stretch
    between two roles a one-character piece is glued to its neighbour: Chinese personal
    names have at least two characters.
    """
    names: list[str] = []
    position = 0
    for match in [*_ROLE_RE.finditer(text), None]:
        stretch = text[position : match.start() if match else len(text)]
        if match is not None and position == 0 and _is_affiliation(stretch, match.group()):
            stretch = ""
        for piece in _glue_pieces(_LETTER_SPACED_SHOT_RE.sub("", _TRAILING_SHOT_RE.sub("", stretch.strip()))):
            names.extend(_unglued_names(piece))
        position = match.end() if match else len(text)
    return tuple(n for n in names if _is_name(n))


_REPORTER_ROLE_RE = re.compile(r"(?:记|記)\s*者|通\s*(?:讯|訊)\s*(?:员|員)|实\s*习\s*生|實\s*習\s*生")
# `贺 勇摄`: a letter-spaced name with the photo credit glued to its last character.
_LETTER_SPACED_SHOT_RE = re.compile(rf"(?<=[{_HAN}]\s[{_HAN}])[摄攝]$")


MAX_AFFILIATION_CHARS = 12
_AFFILIATION_STOP_RE = re.compile(r"[。！？!?，,；;：:（）()]")


def _is_affiliation(stretch: str, role: str) -> bool:
    """True when the text before the first role is whom the reporter works for, glued to the
    role (`央视记者刘璇`, `大皖新闻记者 项磊`, `甘肃广电总台全媒体记者:刘欣`): a name stands
    after its role, and before a photo credit (`鲜 敢摄影报道`) it is the photographer's."""
    return (
        bool(stretch.strip())
        and not stretch[-1].isspace()
        and len(compact(stretch)) <= MAX_AFFILIATION_CHARS
        and _AFFILIATION_STOP_RE.search(stretch) is None
        and _REPORTER_ROLE_RE.search(role) is not None
    )


# Surnames that may open a name inside a run; not the characters that open transliterated
# Mongolian, Tibetan and Uyghur names (乌力吉巴雅尔 is one person, or two, but no surname says).
_UNGLUE_SURNAMES = COMMON_SURNAMES - frozenset("乌巴阿哈那呼额萨敖达嘎格特吉扎索多次买艾")


def _unglued_names(run: str) -> tuple[str, ...]:
    """Names printed with no space between them (`茅晖晖郑嵇平何伟卫`): a run too long for one
    name is cut into two- and three-character names that each open with a common surname,
    three-character names preferred; a run with no such cut is left whole (a long
    transliterated name)."""
    if len(run) <= MAX_NAME_CHARS - 2 or len(run) > 4 * 3 or not all("\u4e00" <= c <= "\u9fff" for c in run):
        return (run,)
    # best[i]: the cut of run[:i] with the most three-character names, or None.
    best: list[tuple[str, ...] | None] = [None] * (len(run) + 1)
    best[0] = ()
    for end in range(2, len(run) + 1):
        for size in (3, 2):
            start = end - size
            prefix = best[start] if start >= 0 else None
            if prefix is None or run[start] not in _UNGLUE_SURNAMES:
                continue
            candidate = (*prefix, run[start:end])
            current = best[end]
            if current is None or sum(len(n) == 3 for n in candidate) > sum(len(n) == 3 for n in current):
                best[end] = candidate
    return best[-1] if best[-1] and len(best[-1]) >= 2 else (run,)


def _paired_singles(pieces: list[str]) -> list[str]:
    """A run of four or six one-character pieces (`鲜 敢 赵 耀`, `朱 磊 陈 晗`) is letter-spaced
    two-character names when every pair opens with a common surname."""
    out: list[str] = []
    index = 0
    while index < len(pieces):
        end = index
        while end < len(pieces) and len(pieces[end]) == 1:
            end += 1
        run = pieces[index:end]
        if len(run) in (4, 6) and all(run[k] in _UNGLUE_SURNAMES for k in range(0, len(run), 2)):
            out.extend(run[k] + run[k + 1] for k in range(0, len(run), 2))
            index = end
        else:
            out.append(pieces[index])
            index += 1
    return out


def _glue_pieces(text: str) -> list[str]:
    """Names in one stretch between roles, one-character pieces glued to a neighbour."""
    pieces = _paired_singles([p for p in _NAME_SEPARATOR_RE.split(text) if p])
    names: list[str] = []
    current = ""
    for index, piece in enumerate(pieces):
        current += piece
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if len(current) >= 2 and (following is None or len(following) >= 2):
            names.append(current)
            current = ""
    if current:
        if names and len(current) == 1:
            names[-1] += current
        else:
            names.append(current)
    return names


def _is_name(token: str) -> bool:
    """A personal name: 2-6 Han characters (Mongolian and other transliterated names
    run long), or given·family names joined by a middle dot; never a credit word."""
    if _NOT_NAME_RE.search(token):
        return False
    if "·" in token or "•" in token:
        return 3 <= len(token) <= MAX_DOTTED_NAME_CHARS
    return 2 <= len(token) <= MAX_NAME_CHARS


def looks_like_names(text: str) -> bool:
    """True if `text` holds only roles and personal names (1 to 4 of them)."""
    # A photographer's credit ends with a bare `摄` (`本报记者 王芳 摄`).
    first_role = _ROLE_RE.search(text)
    if first_role is not None and _is_affiliation(text[: first_role.start()], first_role.group()):
        text = text[first_role.start() :]  # `央视记者刘璇`: the outlet is no name
    stripped = _TRAILING_SHOT_RE.sub("", _ROLE_RE.sub(" ", text).strip())
    if not stripped or not _NAME_CHARS_RE.match(stripped):
        return False
    pieces = [p for p in _NAME_SEPARATOR_RE.split(stripped) if p]
    names = split_names(text)
    return 1 <= len(names) <= MAX_NAMES and len("".join(names)) == len("".join(pieces))


# Leads beyond the classic `本报/新华社…电` grammar, as wire services, news sites, apps and
# Hong Kong / Taiwan outlets print them (one owner: every stage asks `parse_lead`):
# `央视网消息(新闻联播):`, `大皖新闻讯`, `见圳客户端·深圳新闻网湖北黄冈2月13日电`,
# `中國僑網三亞5月21電`, `据皖西日报报道`.
_WIDE_OUTLET = rf"[{_HAN}A-Za-z·•/／]{{1,20}}(?:社|网|網|报|報|台|臺|客户端|客戶端|新闻|新聞|APP|融媒)"
_WIDE_LEAD_RE = re.compile(
    rf"^\s*(?P<outlet>本[网網台臺]|{_WIDE_OUTLET})(?![{_HAN}]*[记記]者)\s*(?P<place>[{_HAN}]{{0,10}}?)\s*"
    r"(?:(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日?\s*)?"
    rf"(?P<place_after>[{_HAN}]{{0,6}}?)"  # `東南網2月2日廈門訊`: the place after the date
    r"(?P<kind>电|電|讯|訊|消息)(?=[\s（(：:【\[\d记記]|$)"
    r"(?:\s*[（(](?P<program>[^（）()]{1,12})[）)](?=\s*[:：]))?\s*[:：]?\s*"
    r"(?:[（(](?P<who>[^（）()]{0,40})(?P<close>[）)])?)?"
)
# Without a date only these kinds of outlet open a report with a bare `讯`/`消息`: a news
# site, an app, a broadcaster (`大河网讯`, `大益陽客戶端訊`, `央视网消息：`).
_UNDATED_OUTLET_RE = re.compile(r"(?:网|網|客户端|客戶端|新闻|新聞|APP|融媒|台|臺)$")
_ATTRIBUTION_RE = re.compile(
    rf"^\s*据(?P<outlet>[{_HAN}]{{2,12}}?(?:报|報|社|网|網|台|臺|客户端))(?:报道|報道|消息)\s*[,，:：]?\s*"
)
# A whole lead in brackets: `【香港商報網訊】`, `(中央社記者盧太城台東縣21日電)`, `(澳門電台消息)`,
# `【記者林紫馨、賴玟茹/臺北報導】`, `【特訊】`.
_BRACKET_LEAD_RE = re.compile(
    r"^\s*[（(【\[〔]\s*(?P<inner>[^（）()【】\[\]〔〕]{0,40}?(?:电|電|讯|訊|消息|报道|報導|报导))\s*[）)】\]〕]\s*"
)
_BRACKET_REPORTER_RE = re.compile(
    rf"(?:记者|記者)\s*(?P<who>[{_HAN}·、，,\s]{{2,30}}?)\s*(?:[/／]|(?=[{_HAN}]{{2,6}}?\d)|$)"
)
_BRACKET_PLACE_RE = re.compile(rf"[/／]\s*(?P<place>[{_HAN}]{{2,8}}?)(?:报道|報導|报导)$")
_DAY_RE = re.compile(r"(?:(?P<month>\d{1,2})\s*月\s*)?(?P<day>\d{1,2})\s*日?\s*(?:电|電|讯|訊)$")
_BRACKET_OUTLET_RE = re.compile(rf"^(?P<outlet>[{_HAN}]{{1,10}}?(?:社|网|網|报|報|台|臺))")


def _classic_lead(text: str) -> Lead | None:
    match = LEAD_RE.match(text)
    if match is None or not LEAD_START_RE.match(text):
        return None
    who = match.group("who") or ""
    names = split_names(who) if who and looks_like_names(who) else ()
    month = match.group("month")
    day = match.group("day")
    end = match.end() if (match.group("close") or not who) else match.start("who")
    place = match.group("place") or None
    return Lead(
        outlet=match.group("outlet"),
        place=place,
        month=int(month) if month else None,
        day=int(day) if day else None,
        names=names,
        end=end,
    )


def _wide_lead(text: str) -> Lead | None:
    match = _WIDE_LEAD_RE.match(text)
    if match is None:
        return None
    outlet = match.group("outlet")
    dated = match.group("day") is not None
    if match.group("place_after") and not dated:
        return None
    if not dated and (
        match.group("place")
        or match.group("kind") in ("电", "電")
        or not (_UNDATED_OUTLET_RE.search(outlet) or outlet.startswith("本"))
    ):
        return None  # an undated lead is the outlet and `讯`/`消息` alone: `大河网讯`
    if match.group("kind") == "消息" and not dated and not re.match(r"\s*[（(:：]", text[match.end("kind") :]):
        return None  # `…网消息显示` is a sentence, `央视网消息：` a lead
    who = match.group("who") or ""
    names = split_names(who) if who and looks_like_names(who) else ()
    end = match.end() if (match.group("close") or not who) else match.start("who")
    month, day = match.group("month"), match.group("day")
    return Lead(
        outlet=outlet,
        place=match.group("place") or match.group("place_after") or None,
        month=int(month) if month else None,
        day=int(day) if day else None,
        names=names,
        end=end,
    )


# A reporter glued to the place and date (`中央社記者盧太城台東縣21日電`): most names have three
# characters, and a place at least two.
_GLUED_PLACE_RE = re.compile(rf"(?P<run>[{_HAN}]{{4,12}})\s*\d")


def _name_before_place(run: str) -> str:
    """The name opening `run` (name + place): `盧太城|台東縣`, `王磊|台北`."""
    return run[:3] if len(run) >= 5 else run[:2]


def _bracket_lead(text: str) -> Lead | None:
    match = _BRACKET_LEAD_RE.match(text)
    if match is None:
        return None
    inner = match.group("inner").strip()
    classic = _classic_lead(inner) or _wide_lead(inner)
    if classic is not None:
        return replace(classic, end=match.end())
    reporter = _BRACKET_REPORTER_RE.search(inner)
    who = reporter.group("who") if reporter else ""
    glued = _GLUED_PLACE_RE.match(inner, reporter.start("who")) if reporter else None
    glued_place = None
    if glued is not None:
        who = _name_before_place(glued.group("run"))
        glued_place = glued.group("run")[len(who) :]
    names = split_names(who) if who and looks_like_names(who) else ()
    day = _DAY_RE.search(inner)
    place = _BRACKET_PLACE_RE.search(inner)
    outlet = _BRACKET_OUTLET_RE.match(inner)
    return Lead(
        outlet=outlet.group("outlet") if outlet else "本报",
        place=place.group("place") if place else glued_place,
        month=int(day.group("month")) if day and day.group("month") else None,
        day=int(day.group("day")) if day else None,
        names=names,
        end=match.end(),
    )


def _attribution_lead(text: str) -> Lead | None:
    match = _ATTRIBUTION_RE.match(text)
    if match is None:
        return None
    return Lead(outlet=match.group("outlet"), place=None, month=None, day=None, names=(), end=match.end())


# Reporters printed after the lead without brackets: `本报讯 记者 焦隆 王彤 当日是…` (names
# each followed by a space, the text after the last) or `…讯 通讯员李浩报道:`.
_NAME_TOKEN = rf"[{_HAN}·•]{{2,4}}"
_LOOSE_REPORTERS_RE = re.compile(
    rf"^[\s:：]*(?P<who>(?:(?:{_ROLE_RE.pattern})\s*{_NAME_TOKEN}(?:[\s、]+{_NAME_TOKEN}){{0,3}}\s*)+?)"
    r"(?:(?:报道|報道|報導)\s*[:：]\s*|(?<=\s))"
)


def _with_loose_reporters(lead: Lead, text: str) -> Lead:
    """`lead` with the reporters printed after it without brackets, when there are any."""
    if lead.names:
        return lead
    match = _LOOSE_REPORTERS_RE.match(text[lead.end :])
    if match is None:
        return lead
    who = match.group("who")
    names = split_names(who)
    if not names or not looks_like_names(who.strip()):
        return lead
    return replace(lead, names=names, end=lead.end + match.end())


def parse_lead(text: str) -> Lead | None:
    """Parse a dateline lead at the start of `text` (which may span wrapped lines).

    Returns None when `text` does not open with a lead. The reporter list may be cut
    by the line wrap; pass the first lines joined with spaces so it is complete.
    Forms: the classic `本报…电/讯`, `新华社…电` (`LEAD_RE`); news sites, apps and
    broadcasters (`大河网讯`, `央视网消息：`, `中國僑網三亞5月21電`); a lead in brackets
    (`【香港商報網訊】`, `(中央社記者…21日電)`); an attribution (`据皖西日报报道`).
    """
    lead = _classic_lead(text) or _wide_lead(text) or _bracket_lead(text)
    if lead is not None:
        return _with_loose_reporters(lead, text)
    return _attribution_lead(text)


def is_lead_start(line: str) -> bool:
    """True if a line opens a report with a dateline (`本报讯`, `本报通辽3月29日电`)."""
    return LEAD_START_RE.match(line) is not None or parse_lead(line) is not None


def trailing_byline(line: str) -> TrailingByline | None:
    """A reporter byline closing `line` (`…阻击战。 （何国栋）`), or None.

    The parenthesis must hold only names and roles and must follow a finished
    sentence (or be the whole line): `（嘎查村）管控` or `（2月12日下午）` are text.
    """
    match = _TRAILING_PARENS_RE.search(line)
    if match is None:
        return None
    before = line[: match.start()]
    if not _SENTENCE_END_RE.search(before):
        return None
    who = match.group("who")
    if not looks_like_names(who):
        return None
    return TrailingByline(text=before.rstrip(), names=split_names(who))


_BYLINE_LINE_RE = re.compile(r"^[□■◎●]?\s*(?P<rest>.+)$")
_ROLE_SPACED_RE = re.compile(rf"(?:{_ROLE_RE.pattern})\s")
_PHOTO_CREDIT_RE = re.compile(r"(?:摄影报道|攝影報道|摄影|攝影|\s[摄攝])$")


def byline_line_names(line: str) -> tuple[str, ...] | None:
    """Names from a byline line printed above a body (`本报通讯员 乔 楠`), else None.

    The line must carry a role word: a bare short name is more likely a kicker.
    A role glued to what follows counts only in the paper's own form (`本报记者董柏生`,
    `□记者…`): `记者走基层` is a column title, not a reporter called 走基层.
    """
    match = _BYLINE_LINE_RE.match(line.strip())
    if match is None:
        return None
    rest = match.group("rest")
    if len(compact(rest)) > 30 or not _ROLE_RE.search(rest):
        return None
    if not looks_like_names(rest):
        return None
    marked = line.strip()[:1] in "□■◎●" or rest.startswith(("本报", "本報"))
    if not marked and not _ROLE_SPACED_RE.search(rest) and not _PHOTO_CREDIT_RE.search(rest):
        return None
    return split_names(rest)


def is_photo_byline(lines: tuple[str, ...]) -> bool:
    """True if a byline block credits photographs (`摄影报道`, `摄影`, `… 摄`)."""
    joined = " ".join(lines)
    return "摄影" in joined or "攝影" in joined or _TRAILING_SHOT_RE.search(joined.strip()) is not None


# Editorial credits on a line of their own: `责任编辑：张三`, `(责编:陈悦、袁勃)`, `统筹 王云`.
_EDITOR_ROLES = (
    r"(?:责任编辑|責任編輯|责编|責編|版式设计|版式設計|美术编辑|美術編輯|美编|美編|编辑|編輯|审核|審核|审校|審校|"
    r"校对|校對|统筹|統籌|监制|監製|策划|策劃|终审|終審|初审|初審|复审|複審)"
)
# A site's tag may stand before the credit: `【纠错】 责任编辑: 吴咏玲`.
EDITOR_CREDIT_RE = re.compile(rf"^(?:[【\[][^】\]]{{1,6}}[】\]]\s*)?[（(【\[]?\s*{_EDITOR_ROLES}\s*[:：丨|]?\s*")
_CREDIT_SPLIT_RE = re.compile(rf"{_EDITOR_ROLES}\s*[:：丨|]?")
_CREDIT_BRACKETS_RE = re.compile(r"^[（(【\[]\s*|\s*[）)】\]]\s*$")
_SITE_TAG_RE = re.compile(r"^[【\[][^】\]]{1,6}[】\]]\s*(?=\S)")
_AUTHOR_LABEL_RE = re.compile(
    r"^(?:文|图|圖|文图|文圖|作者|撰文|摄影|攝影|(?:本[报報网網]?|全媒体)?(?:记者|記者|通讯员|通訊員))\s*[/／:：丨|]\s*"
)


def editor_credit_names(line: str) -> tuple[str, ...] | None:
    """Names from an editorial credit line (`责任编辑：张三`, `（责编：陈悦、袁勃）`,
    `编辑 王云 审核 李四`), else None. Editors are not the article's authors."""
    text = line.strip()
    if not EDITOR_CREDIT_RE.match(text) or len(compact(text)) > 40:
        return None
    rest = _CREDIT_BRACKETS_RE.sub("", _SITE_TAG_RE.sub("", text))
    names: list[str] = []
    for piece in _CREDIT_SPLIT_RE.split(rest):
        piece = piece.strip(" :：丨|")
        if piece and looks_like_names(piece):
            names.extend(split_names(piece))
    return tuple(names) if names else None


# A labelled credit anywhere on a short line: editors, layout, reporters by label
# (`版式设计:蔡华伟 责编：宋蓉凯`, `甘肃广电总台全媒体记者:刘欣 …`), or a `图/文` credit.
_LABELLED_CREDIT_RE = re.compile(
    r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯|美编|美編|版式设计|版式設計|设计|設計|制图|製圖|审核|審核|校对|校對|"
    r"统筹|統籌|监制|監製)\s*[:：丨|]"
    # A reporter by label only with a name after it: `对话记者：一线的声音` is a headline.
    rf"|(?:记者|記者|通讯员|通訊員|摄影|攝影)\s*[:：丨|]\s*[{_HAN}·]{{2,4}}(?:[\s、，,]|$)"
    r"|(?:图|圖|文)\s*[/／]\s*(?:文|图|圖)\s*$"
)
MAX_CREDIT_LINE_CHARS = 60


def is_credit_line(line: str) -> bool:
    """True for a line that only credits people (`新华社记者 范培珅 摄`, `[责任编辑：苏倩]`,
    `本报记者 董柏生`, `版式设计:蔡华伟`): never a headline, whatever its shape."""
    text = line.strip()
    if not text or len(compact(text)) > MAX_CREDIT_LINE_CHARS:
        return False
    if editor_credit_names(text) is not None or byline_line_names(text) is not None:
        return True
    if _LABELLED_CREDIT_RE.search(text):
        return True
    label = _AUTHOR_LABEL_RE.match(_CREDIT_BRACKETS_RE.sub("", text))
    if label is not None and looks_like_names(_CREDIT_BRACKETS_RE.sub("", text)[label.end() :]):
        return True  # `文/张三`, `作者：李四`
    # A photo credit with almost nothing before it (`新华社记者 王松 摄`), not a caption.
    tail = _PHOTO_CREDIT_END_RE.search(text)
    return tail is not None and len(compact(text[: tail.start()])) <= 6


# A photo credit closing a caption or a sentence: `新华社记者林善传摄`, `王勇/摄`, `(卢启建摄)`,
# `中青报·中青网记者 王嘉兴/摄`, `陈颖 摄影报道`.
_PHOTO_SUFFIX = r"(?<![拍航])\s*[/／]?\s*(?:摄影报道|攝影報道|摄影|攝影|摄|攝)"
_CREDIT_PREFIX = (
    r"(?:[^\s。！？，,；;（()）]{0,20}?(?:记者|記者|通讯员|通訊員|作者\s*[:：]|图\s*[/／:：]|圖\s*[/／:：]))?"
)
_PHOTO_CREDIT_END_RE = re.compile(
    rf"(?:^|(?<=[。！？!?”’）)\]】\s]))(?:新华社发|新華社發|[^\s。！？，,（()）]{{0,8}}?发)?\s*[（(]?{_CREDIT_PREFIX}\s*"
    rf"(?![者員员])(?P<who>[{_HAN}·•、\s]{{2,30}}?){_PHOTO_SUFFIX}\s*[）)]?"
    # An agency after the credit: `庄文斌摄(人民视觉)`, `王勇 摄（新华社发）`.
    rf"(?:\s*[（(][^（()）]{{1,12}}[）)])?\s*$"
)
# Inside a paragraph (a caption printed inline, then the text goes on): only with a role word.
_PHOTO_CREDIT_INLINE_RE = re.compile(
    rf"(?<=[。！？!?”’）)])\s*[^\s。！？，,（()）]{{0,12}}?(?:记者|記者|通讯员|通訊員)\s*"
    rf"(?P<who>[{_HAN}·•、\s]{{2,14}}?){_PHOTO_SUFFIX}"
)
_PHOTO_CREDIT_PARENS_RE = re.compile(rf"[（(]{_CREDIT_PREFIX}\s*(?P<who>[{_HAN}·•、\s]{{2,30}}?){_PHOTO_SUFFIX}[）)]")
# Credit lines that name the outlet before the role: `青岛日报/青岛观/青报网记者 孙欣 通讯员 梁孝鹏`.
_OUTLET_BEFORE_ROLE_RE = re.compile(
    r"^(?:(?!记者|記者|通讯员|通訊員)[^\s。！？，,；;]){2,24}?(?=(?:全媒体)?(?:记者|記者|通讯员|通訊員))"
)


# The agency that sent a picture, before its photographer: `新华网发 邓兴东 摄`.
_AGENCY_SENT_RE = re.compile(rf"^[{_HAN}]{{1,8}}?(?:社|网|網|报|報|台|臺)\s*[发發]\s+")


def _names_in(who: str) -> tuple[str, ...]:
    who = who.strip()
    return split_names(who) if who and looks_like_names(who) else ()


def photo_credit_names(text: str) -> tuple[str, ...]:
    """Photographers credited in `text`: in parentheses anywhere (`新华社发(卢启建摄)`) or
    closing it (`…进行登记。新华社记者王松摄`, `王勇/摄`). `拍摄的` inside a sentence is not one."""
    names: list[str] = []
    for pattern in (_PHOTO_CREDIT_PARENS_RE, _PHOTO_CREDIT_INLINE_RE):
        for match in pattern.finditer(text):
            names.extend(_names_in(match.group("who")))
    text = text.strip()
    # Only the end can hold a closing credit; searching from there keeps this linear.
    tail = _PHOTO_CREDIT_END_RE.search(text, max(0, len(text) - 60))
    if tail is not None:
        names.extend(_names_in(tail.group("who")))
    return tuple(dict.fromkeys(names))


def credit_line_names(line: str) -> tuple[str, ...] | None:
    """Author names from a credit line of its own: a byline line (`本报记者 董柏生`), a
    photo credit (`张三 摄`, `作者:骆学峰/摄`), `文/张三`, `(记者 张三)`, or one that names the
    outlet first (`青岛日报/青报网记者 孙欣 通讯员 梁孝鹏`); None when the line is not one."""
    names = byline_line_names(line)
    if names is not None:
        return names
    if parse_lead(line) is not None or line.count("（") + line.count("(") != line.count("）") + line.count(")"):
        return None  # a dateline lead, or a credit cut by a line wrap: the lead's grammar reads it
    text = _CREDIT_BRACKETS_RE.sub("", line.strip())
    if len(compact(text)) > 40:
        return None
    text = _OUTLET_BEFORE_ROLE_RE.sub("", text)
    text = _AGENCY_SENT_RE.sub("", text)
    text = _AUTHOR_LABEL_RE.sub("", text)
    photo = re.search(_PHOTO_SUFFIX + r"\s*$", text)
    if photo is not None:
        text = text[: photo.start()]
    if not text or len(compact(text)) > 30:
        return None
    if not looks_like_names(text):
        return None
    if _ROLE_RE.search(text) or photo:
        return split_names(text)
    names = split_names(text)
    # Brackets alone (`（穆明飞）`) are weak evidence: a site tag (`【纠错】`, `(图侵删)`) is
    # bracketed too. Without a role or a photo credit every name must open with a surname.
    if text != line.strip() and all(_has_surname(name) for name in names):
        return names
    return None


def _has_surname(name: str) -> bool:
    return "·" in name or "•" in name or name[:1] in COMMON_SURNAMES
