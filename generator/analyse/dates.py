"""Every date mentioned in an article, normalised to ISO.

Chinese news writes dates in several ways: `2020年3月29日`, `2020-03-12`, `3月29日`,
`3 月 29 日` (spacing is normalised by cleaning), a month shared by a list of days
(`2月13日、14日`, `2月10日、11 日`), and words relative to the article's date
(`昨日`, `今天`, `前天`). A date without a year takes the year of the reference date
(the article's own date), moved back a year when it would otherwise fall more than two
months after the reference (a January paper speaking of `12月30日`); an undated article
uses the year its page writes out most often (`dominant_year`).
Document numbers (`2020年第8号`, `〔2020〕5号`) and years alone are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_FULL = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]"
)
_ISO = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d{2})[-./](?P<m>1[0-2]|0?[1-9])[-./](?P<d>3[01]|[12]\d|0?[1-9])(?![\d])")
_MONTH_DAY = re.compile(r"(?<![\d年])(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]")
# Further days sharing the month just named: "2月13日、14日", "2月10日、11 日", "2月1日至3日".
_MORE_DAYS = re.compile(r"\s*(?:[、，,和及至到—–-]|以及)\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]")
_RELATIVE = {"前天": -2, "前日": -2, "昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "明天": 1, "明日": 1}
_RELATIVE_RE = re.compile("|".join(sorted(_RELATIVE, key=len, reverse=True)))
# "今日" also means "these days" in set phrases; only count it when not part of a longer word.
_RELATIVE_BLOCKERS = ("今日头条", "昨日黄花")


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    iso: str
    start: int


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:  # 2月30日 and the like: a typo, not a date
        return None


def _year_for(month: int, reference: dt.date | None) -> int | None:
    if reference is None:
        return None
    year = reference.year
    # More than two months after the reference: the previous year is meant.
    if month - reference.month > 2:
        year -= 1
    return year


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*第)")


def year_counts(texts: Iterable[str]) -> Counter[int]:
    """How often each year is written out (`2020年`) in `texts`; counts of parts add up."""
    return Counter(int(m.group(1)) for text in texts for m in _YEAR.finditer(text))


def most_written_year(counts: Counter[int]) -> int | None:
    """The year with the highest count (ties: the latest); None when there is none."""
    if not counts:
        return None
    return min(counts, key=lambda year: (-counts[year], -year))


def dominant_year(texts: Iterable[str]) -> int | None:
    """The year most often written out (`2020年`) in `texts`; for year-less dates."""
    return most_written_year(year_counts(texts))


def find_dates(text: str, *, reference: str | None = None, year: int | None = None) -> tuple[DateMention, ...]:
    """Date mentions in reading order.

    Year-less dates take their year from `reference` (the article's date), else from
    `year` (e.g. the year the page writes out most); relative words need `reference`.
    """
    ref = dt.date.fromisoformat(reference) if reference else None
    default_year = year
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(start: int, end: int, iso: str | None) -> None:
        if iso and free(start, end):
            found.append(DateMention(text[start:end], iso, start))
            taken.append((start, end))

    for pattern in (_FULL, _ISO):
        for m in pattern.finditer(text):
            add(m.start(), m.end(), _make(int(m["y"]), int(m["m"]), int(m["d"])))
            _add_more_days(text, m.end(), int(m["y"]), int(m["m"]), add)
    for m in _MONTH_DAY.finditer(text):
        if not free(m.start(), m.end()):
            continue
        year = _year_for(int(m["m"]), ref) if ref is not None else default_year
        if year is None:
            continue
        add(m.start(), m.end(), _make(year, int(m["m"]), int(m["d"])))
        _add_more_days(text, m.end(), year, int(m["m"]), add)
    if ref is not None:
        for m in _RELATIVE_RE.finditer(text):
            if any(text.startswith(blocker, m.start()) for blocker in _RELATIVE_BLOCKERS):
                continue
            add(m.start(), m.end(), (ref + dt.timedelta(days=_RELATIVE[m.group()])).isoformat())
    return tuple(sorted(found, key=lambda d: d.start))


def _add_more_days(text: str, pos: int, year: int, month: int, add: Callable[[int, int, str | None], None]) -> None:
    while True:
        more = _MORE_DAYS.match(text, pos)  # match() anchors at pos
        if more is None:
            return
        add(more.start("d"), more.end(), _make(year, month, int(more["d"])))
        pos = more.end()


def dates_mentioned(text: str, *, reference: str | None = None, year: int | None = None) -> tuple[str, ...]:
    """Distinct ISO dates mentioned, sorted."""
    return tuple(sorted({d.iso for d in find_dates(text, reference=reference, year=year)}))
