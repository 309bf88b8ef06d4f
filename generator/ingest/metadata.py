"""Per-article metadata: year, date, outlet and kind. Pure functions, tried as cascades.

The date of an article is decided by the first source that states it, and the article
says which (`DateBasis`):

1. the sidecar's date (`seeds/<file>.yml`, `date:`): an editor's statement wins (`sidecar`);
2. the article's own dateline (`本报呼伦贝尔3月29日电`) with the year of the page (`dateline`);
3. the issue date its page prints: an e-paper header or a web page's `发布日期:2020-03-12`
   (`issue`); or the page date, the most common dateline date among the page's other
   articles, because on a newspaper page a report without its own dateline was filed for
   the same issue (`issue`);
4. later, in analysis: the latest date the text itself names (`text`), shown as such.

Otherwise the date is unknown (None, `none`).

The year of a month/day dateline is, in order: the year of a full date in the web
header or sidecar; else the most recent plausible year written on the page
(`2020年`, `（2020）`, `财金〔2020〕5号`), because a report cites the current and past
years far more often than future ones; target years (`到2025年`) are skipped. Else
unknown, and the date is None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date

from generator.ingest.outlets import canonical_outlet
from generator.models import ArticleKind, DateBasis

MIN_YEAR = 1949
MAX_YEAR = 2100
_ISO_RE = re.compile(r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
# A year written in text: `2020年`, `（2020）`, `〔2020〕`, `[2020]`, `2020-03-12`.
_YEAR_RE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?=\s*(?:年|[）)〕］\]]|[-/.]\d))")
# A target year (`到2025年`, `至2035年`) lies ahead of the issue; `截至2020年` does not.
_TARGET_YEAR_RE = re.compile(r"(?<!截)(?:到|至)\s*$")
_SOURCE_RE = re.compile(r"^\s*(?:来源|来自|稿源|出处)\s*[:：]\s*(?P<v>\S.*?)\s*$")
# Q&A labels: a question from the reporter, answers by named speakers.
_QUESTION_RE = re.compile(r"^\s*(?:本报)?记者\s*[:：]")
_ANSWER_RE = re.compile(r"^\s*[\u3400-\u9fff]{2,4}\s*[:：]")
_INTERVIEW_LEAD_RE = re.compile(r"记者[^。]{0,10}专访|专访了|接受[^。]{0,12}(?:专访|采访)")
# Words of a public notice: calls to the public, hotlines, announcements.
_NOTICE_RE = re.compile(r"电话|热线|举报|公告|通告|启事|声明|特此|敬请|请广大|欢迎")
MAX_NOTICE_CHARS = 400


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """`yyyy-mm-dd`, or None when a part is missing or the date does not exist."""
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_iso_date(text: str | None) -> str | None:
    """A full date written as `2020-03-12`, `2020/3/12` or `2020年3月12日`, as ISO."""
    if not text:
        return None
    match = _ISO_RE.search(text)
    if match is None:
        return None
    return iso_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))


def years_in_text(text: str) -> tuple[int, ...]:
    """Plausible years written in `text`, in order of appearance."""
    found = (
        int(m.group("y"))
        for m in _YEAR_RE.finditer(text)
        if not _TARGET_YEAR_RE.search(text[max(0, m.start() - 3) : m.start()])
    )
    return tuple(y for y in found if MIN_YEAR <= y <= MAX_YEAR)


def infer_year(*, known_dates: Iterable[str | None], texts: Iterable[str]) -> int | None:
    """The year for month/day datelines on a page (see the module docstring's cascade)."""
    for known in known_dates:
        iso = parse_iso_date(known)
        if iso is not None:
            return int(iso[:4])
    years = [y for text in texts for y in years_in_text(text)]
    return max(years) if years else None


def page_date(dateline_dates: Iterable[str | None]) -> str | None:
    """The most common dateline date on a page (ties: the latest), or None."""
    counts = Counter(d for d in dateline_dates if d)
    if not counts:
        return None
    best = max(counts.items(), key=lambda item: (item[1], item[0]))
    return best[0]


def article_date(
    *,
    dateline: str | None,
    header_date: str | None,
    sidecar_date: str | None,
    page: str | None,
) -> tuple[str | None, DateBasis]:
    """(date, how it is known): the sidecar's date (an editor's correction wins), the
    article's own dateline, the issue date its page or web page prints (header, 发布时间),
    the page date its neighbours' datelines give; else (None, NONE). The text basis
    (`DateBasis.TEXT`) is decided later, by analysis, from the dates the text names."""
    candidates = (
        (parse_iso_date(sidecar_date), DateBasis.SIDECAR),
        (dateline, DateBasis.DATELINE),
        (parse_iso_date(header_date), DateBasis.ISSUE),
        (page, DateBasis.ISSUE),
    )
    for candidate, basis in candidates:
        if candidate:
            return candidate, basis
    return None, DateBasis.NONE


# A paper's name where its page header prints it: `衡山法制报2020.02.14 星期五 版次：03`.
_PAPER_NAME_RE = re.compile(
    r"^\s*《?(?P<name>[\u3400-\u9fff]{2,12}?(?:日报|晚报|早报|时报|商报|都市报|法制报|报|新闻网|网))》?"
)


def paper_name(header: str) -> str | None:
    """The outlet a page header line names first, or None (`第05版：要闻` names none)."""
    match = _PAPER_NAME_RE.match(header)
    return match.group("name") if match else None


def outlet_from_meta(meta: Iterable[tuple[str, str]]) -> str | None:
    """The publisher named by page metadata (`source` / `来源`), or None."""
    for key, value in meta:
        if key.lower() in {"source", "outlet", "来源", "publisher", "site_name", "sitename"} and value.strip():
            found = _SOURCE_RE.match(value)
            return (found.group("v") if found else value).strip()
    return None


def meta_value(meta: Iterable[tuple[str, str]], *keys: str) -> str | None:
    """The first non-empty value for one of `keys` in metadata pairs."""
    wanted = {k.lower() for k in keys}
    for key, value in meta:
        if key.lower() in wanted and value.strip():
            return value.strip()
    return None


def article_outlet(*, lead_outlet: str | None, meta_outlet: str | None, sidecar_outlet: str | None) -> str | None:
    """Outlet cascade: the sidecar (an editor's statement wins over what was detected), a
    named outlet in the lead (`新华社`), page metadata.

    `本报` ("this paper") names no one, so it is no outlet. Each name is cleaned by
    `canonical_outlet` (no date, channel or bracket glued on).
    """
    if canonical_outlet(sidecar_outlet):
        return canonical_outlet(sidecar_outlet)
    if lead_outlet and lead_outlet != "本报":
        return canonical_outlet(lead_outlet)
    return canonical_outlet(meta_outlet)


def is_interview(paragraphs: Iterable[str]) -> bool:
    """Q&A layout (a `记者：` question answered by a named `某某：`) or a stated interview."""
    paras = tuple(paragraphs)
    questions = sum(1 for p in paras if _QUESTION_RE.match(p))
    answers = sum(1 for p in paras if _ANSWER_RE.match(p) and not _QUESTION_RE.match(p))
    if questions >= 1 and answers >= 1:
        return True
    head = "".join(paras[:2])
    return _INTERVIEW_LEAD_RE.search(head) is not None


def is_notice(paragraphs: Iterable[str], *, has_title: bool, has_byline: bool) -> bool:
    """A short public notice: no headline, no byline, and notice wording."""
    if has_title or has_byline:
        return False
    text = "".join(paragraphs)
    return 0 < len(text) <= MAX_NOTICE_CHARS and _NOTICE_RE.search(text) is not None


def article_kind(
    paragraphs: Iterable[str],
    *,
    continued_from: str | None,
    photo: bool,
    has_title: bool,
    has_byline: bool,
    starts_mid_sentence: bool = False,
) -> ArticleKind:
    """Kind cascade: continuation, photo story, interview, notice, article.

    A continuation (a `上接` mark, or text that opens mid-sentence at the top of a
    page) comes first because a tail printed on another page is navigated as such
    whatever it contains.
    """
    paras = tuple(paragraphs)
    if continued_from is not None or starts_mid_sentence:
        return ArticleKind.CONTINUATION
    if photo:
        return ArticleKind.PHOTO_STORY
    if is_interview(paras):
        return ArticleKind.INTERVIEW
    if is_notice(paras, has_title=has_title, has_byline=has_byline):
        return ArticleKind.NOTICE
    return ArticleKind.ARTICLE
