"""Key figures: numbers with units and the phrase they describe.

Conventions (also what the JSON export carries):

* ``value`` is in **base units**: 1.39亿元 -> 139000000 with ``unit_zh`` 元,
  15.8万亩 -> 158000 亩; researchers can sum and compare without parsing
  scale words. The figure as a reader would say it is in ``text_en``
  ("139 million yuan", "158,000 mu").
* A range stores its lower bound (2—3个月 -> 2) and shows the range in
  ``text_en`` ("2–3 months"). "多/余/以上" (more than) shows as "more than".
* Rates keep both units: 290元/吨 -> 290, ``元/吨``, "290 yuan per tonne".
* Not figures: years (2020年), dates (3月29日), clock times (12时), ordinals
  (第一, 一是), document numbers (〔2020〕5号, 第8号), phone numbers, model
  names (QC830), and a bare 一 before a classifier (一名 = "a").

``extract_figures`` returns at most ``limit`` figures, most salient first
(money, rates and people before generic counts and durations; earlier and
larger figures before later and smaller ones).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

import cn2an

from generator.analyse.figure_units import (
    KIND_WEIGHT,
    PER_UNITS,
    SCALES,
    UNITS,
    UNITS_BY_ZH,
    Unit,
    UnitKind,
    counted_noun,
)
from generator.models import Figure

MAX_FIGURES = 8
MAX_CONTEXT = 40

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CHINESE = r"[〇零一二两三四五六七八九十百千]+"
_RANGE_SEP = r"\s*(?:—{1,2}|–|－|-|~|～|至|到)\s*"
_APPROX = r"(?:多|余|来)"
_ABOUT = "来"  # 3万来块钱: "about", where 多/余/以上 mean "more than"
_SCALE_ALT = "|".join(sorted(SCALES, key=len, reverse=True))
_UNIT_ALT = "|".join(re.escape(u.zh) for u in sorted(UNITS, key=lambda u: len(u.zh), reverse=True))
_PER_ALT = "|".join(sorted(PER_UNITS, key=len, reverse=True))

_TAIL = (
    rf"\s*(?P<approx1>{_APPROX})?(?P<scale>{_SCALE_ALT})?(?P<approx2>{_APPROX})?\s*"
    rf"(?P<unit>{_UNIT_ALT})(?:\s*/\s*(?P<per>{_PER_ALT}))?(?P<above>以上|多)?"
)
# Not preceded by a letter/digit/point (QC830, 3.5 inside 13.5) or by 第 (ordinal).
FIGURE_ARABIC = re.compile(rf"(?<![A-Za-z0-9.,第])(?P<num>{_ARABIC})(?:{_RANGE_SEP}(?P<num2>{_ARABIC}))?{_TAIL}")
# Also not after characters that make a word with a numeral (唯一, 统一, 之一).
FIGURE_CHINESE = re.compile(rf"(?<![第〇零一二两三四五六七八九十百千万亿唯统之同逐专单])(?P<num>{_CHINESE}){_TAIL}")
# Two digit characters in a row are a listing (一一, 七八个), not a numeral.
_DIGIT_RUN = re.compile(r"[一二两三四五六七八九]{2}")
# Hedges around a number: 近50吨 (nearly), 约30% / 70%左右 (about).
_HEDGE_BEFORE: Mapping[str, str] = MappingProxyType({"近": "nearly", "约": "about"})
_HEDGE_AFTER = "左右"

# Characters that, right after a unit, show it was the start of another word
# (项目 is not "items", 年底 is a date, 种植 is farming).
_UNIT_FALSE_FOLLOWERS: Mapping[str, str] = MappingProxyType(
    {
        "项": "目",
        "处": "理长置罚",
        "名": "单额义称",
        "人": "民员士才口",
        "家": "庭乡属长",
        "年": "度底初末级中份前后来",
        "天": "然气",
        "周": "边年转",
        "台": "账风",
        "起": "来草",
        "张": "贴",
        "种": "植子类养",
        "次": "日",
        "支": "持付出援部",
        "所": "有以在属谓",
        "头": "等部",
        "条": "件例",
        "个": "人体别",
        "只": "是有要能",
        "件": "事",
        "批": "准复示",
        "例": "如",
    }
)
_CLAUSE_BREAK = re.compile(r"[，。；！？：\n,;!?:]")
_ENUM_BREAK = re.compile(r"[、]")
_QUOTES = (("“", "”"), ("「", "」"), ('"', '"'))


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """One figure found in a text, with where it was and how salient it is."""

    start: int
    end: int
    figure: Figure
    salience: float


def _to_decimal(number: str) -> Decimal | None:
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None


def _chinese_value(numeral: str) -> Decimal | None:
    if _DIGIT_RUN.search(numeral):
        return None
    try:
        return Decimal(str(cn2an.cn2an(numeral, "smart")))
    except (ValueError, KeyError, IndexError):
        return None


def format_number(value: Decimal) -> str:
    """English rendering: 139000000 -> "139 million", 158000 -> "158,000", 1373.5 -> "1,373.5"."""
    for size, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        # Only when the scaled number stays short (1.39亿 -> 139 million); an
        # exact 5,924,200 reads better in full than as 5.9242 million.
        if value >= size and (value / size) == (value / size).quantize(Decimal("0.01")):
            return f"{_plain(value / size)} {word}"
    return _plain(value, grouped=True)


def _plain(value: Decimal, *, grouped: bool = False) -> str:
    text = f"{value:,f}" if grouped else f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@dataclass(frozen=True, slots=True)
class _Breaks:
    """Where one text's clause and enumeration breaks are (sorted offsets), found once.

    Looking for the break before each figure by scanning from the start of the text
    made long articles quadratic (a 200,000-character article: seconds per figure).
    """

    clause: tuple[int, ...]
    enum: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> _Breaks:
        def positions(pattern: re.Pattern[str]) -> tuple[int, ...]:
            # Every break is one character: offsets do not depend on where a scan starts.
            return tuple(m.start() for m in pattern.finditer(text) if not _is_digit_comma(text, m.start()))

        return cls(clause=positions(_CLAUSE_BREAK), enum=positions(_ENUM_BREAK))


def _clause(text: str, start: int, end: int, breaks: _Breaks | None = None, word_starts: tuple[int, ...] = ()) -> str:
    """The shortest phrase around [start, end) that says what the number counts.

    When no break is near enough and the phrase is cut to `MAX_CONTEXT`, the cut moves to
    the nearest word start inside it (given `word_starts`), never splitting a word.
    """
    breaks = breaks or _Breaks.of(text)

    def bounds(positions: tuple[int, ...], lo: int, hi: int) -> tuple[int, int]:
        # After the last break in [lo, start), up to the first one in [end, hi).
        before = bisect.bisect_left(positions, start)
        left = positions[before - 1] + 1 if before and positions[before - 1] >= lo else lo
        after = bisect.bisect_left(positions, end)
        right = positions[after] if after < len(positions) and positions[after] < hi else hi
        return left, right

    left, right = bounds(breaks.clause, 0, len(text))
    if right - left > MAX_CONTEXT:
        left, right = bounds(breaks.enum, left, right)
    if right - left > MAX_CONTEXT:
        half = (MAX_CONTEXT - (end - start)) // 2
        cut_left = max(left, start - max(half, 0))
        cut_right = min(right, cut_left + MAX_CONTEXT)
        left = _word_start_at_or_after(word_starts, cut_left, limit=start) if cut_left > left else left
        right = _word_start_at_or_before(word_starts, cut_right, limit=end) if cut_right < right else right
    return re.sub(r"\s+", "", text[left:right]).strip("（）()“”\"'《》 ")


def _word_start_at_or_after(word_starts: tuple[int, ...], offset: int, *, limit: int) -> int:
    """The first word start in [offset, limit], else `offset` (no segmentation given)."""
    at = bisect.bisect_left(word_starts, offset)
    return word_starts[at] if at < len(word_starts) and word_starts[at] <= limit else offset


def _word_start_at_or_before(word_starts: tuple[int, ...], offset: int, *, limit: int) -> int:
    """The last word start in [limit, offset], else `offset`."""
    at = bisect.bisect_right(word_starts, offset) - 1
    return word_starts[at] if at >= 0 and word_starts[at] >= limit else offset


def _is_digit_comma(text: str, index: int) -> bool:
    """A comma inside a number (1,544) is not a clause break."""
    return text[index] == "," and 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()


def _inside_short_quote(text: str, start: int, end: int) -> bool:
    """True for slogans like “四个意识”: a short quotation around the figure."""
    for opening, closing in _QUOTES:
        left = text.rfind(opening, max(0, start - 6), start + 1)
        if left < 0:
            continue
        right = text.find(closing, end, end + 6)
        if right >= 0 and right - left <= 8:
            return True
    return False


def _english(unit: Unit, per: str | None, context: str, after: str) -> tuple[str, str, str]:
    """(unit_zh, English unit singular, English unit plural) for a match.

    A generic classifier takes the English of the noun it counts (`after`: the text right
    after the unit, to the clause break): 2000个就业岗位 -> jobs, 80家银行 -> banks.
    """
    en_one, en_many = unit.en_one, unit.en_many
    noun = counted_noun(after) if unit.kind in (UnitKind.COUNT, UnitKind.POPULATION) and per is None else None
    if noun is not None:
        en_one, en_many = noun.en_one, noun.en_many
    elif unit.zh == "户" and "企业" in context:
        # Chinese counts firms in 户 too, after the noun (规模以上工业企业153户).
        en_one, en_many = "firm", "firms"
    if per is None:
        return unit.canonical, en_one, en_many
    return f"{unit.canonical}/{per}", f"{en_one} per {PER_UNITS[per]}", f"{en_many} per {PER_UNITS[per]}"


def _text_en(low: Decimal, high: Decimal | None, en_one: str, en_many: str, *, qualifier: str) -> str:
    number = format_number(low) if high is None else f"{format_number(low)}–{format_number(high)}"
    if en_one == "%":
        rendered = f"{number}%"
    elif en_one == "-fold":
        rendered = f"{number}-fold"
    else:
        rendered = f"{number} {en_one if high is None and low == 1 else en_many}"
    return f"{qualifier} {rendered}" if qualifier else rendered


def _salience(unit: Unit, value: Decimal, start: int, length: int, *, chinese: bool) -> float:
    score = KIND_WEIGHT[unit.kind]
    if unit.kind is not UnitKind.PERCENT and value > 0:
        score += min(math.log10(float(value) + 1.0) / 8.0, 1.0)
    score += 1.0 - start / max(length, 1)
    if chinese:
        score -= 1.0
    return score


def _is_false_figure(text: str, m: re.Match[str], value: Decimal, unit: Unit) -> bool:
    after = text[m.end("unit") : m.end("unit") + 1]
    if after and after in _UNIT_FALSE_FOLLOWERS.get(unit.zh, ""):
        return True
    if value <= 0:
        return True
    if unit.zh == "年" and (value >= 100 or m.group("scale") or "." in m.group("num")):
        return True  # 2020年 is a year, not a duration
    return False


def _match_figure(
    text: str, m: re.Match[str], *, chinese: bool, breaks: _Breaks, word_starts: tuple[int, ...] = ()
) -> FigureMatch | None:
    unit = UNITS_BY_ZH[m.group("unit")]
    low = _chinese_value(m.group("num")) if chinese else _to_decimal(m.group("num"))
    if low is None:
        return None
    if chinese and (low == 1 or (unit.zh == "个" and _inside_short_quote(text, m.start(), m.end()))):
        return None  # 一名/一个 is an article; “四个意识” a slogan
    if _is_false_figure(text, m, low, unit):
        return None
    scale = SCALES.get(m.group("scale") or "", Decimal(1))
    high_raw = _to_decimal(m.groupdict().get("num2") or "")
    high = high_raw * scale if high_raw is not None else None
    value = low * scale
    context = _clause(text, m.start(), m.end(), breaks, word_starts)
    after = _CLAUSE_BREAK.split(text[m.end() : m.end() + 12], maxsplit=1)[0]
    unit_zh, en_one, en_many = _english(unit, m.group("per"), context, after)
    approx = {m.group("approx1"), m.group("approx2"), m.group("above")} - {None}
    qualifier = "about" if approx == {_ABOUT} else "more than" if approx else ""
    if not qualifier and text.startswith(_HEDGE_AFTER, m.end()):
        qualifier = "about"
    if not qualifier and m.start() > 0:
        qualifier = _HEDGE_BEFORE.get(text[m.start() - 1], "")
    figure = Figure(
        value=float(value),
        unit_zh=unit_zh,
        context_zh=context,
        unit_en=en_many,
        text_en=_text_en(value, high, en_one, en_many, qualifier=qualifier),
    )
    return FigureMatch(m.start(), m.end(), figure, _salience(unit, value, m.start(), len(text), chinese=chinese))


def find_figures(text: str, *, word_starts: Sequence[int] = ()) -> tuple[FigureMatch, ...]:
    """Every figure in ``text`` in reading order (no ranking, no de-duplication).

    `word_starts` (sorted offsets where a word starts, from the segmenter) keep a shortened
    context from starting or ending inside a word (头稀土研究院 was 包头稀土研究院).
    """
    found: list[FigureMatch] = []
    breaks = _Breaks.of(text)
    starts = tuple(word_starts)
    for pattern, chinese in ((FIGURE_ARABIC, False), (FIGURE_CHINESE, True)):
        for m in pattern.finditer(text):
            match = _match_figure(text, m, chinese=chinese, breaks=breaks, word_starts=starts)
            if match is not None:
                found.append(match)
    found.sort(key=lambda f: f.start)
    return tuple(found)


def extract_figures(text: str, *, limit: int = MAX_FIGURES, word_starts: Sequence[int] = ()) -> tuple[Figure, ...]:
    """Key figures of ``text``, most salient first, at most ``limit``, no repeats.

    A figure repeated with the same value and unit is kept once (its first,
    usually fullest, mention).
    """
    seen: set[tuple[float, str]] = set()
    unique: list[FigureMatch] = []
    for match in find_figures(text, word_starts=word_starts):
        key = (match.figure.value, match.figure.unit_zh)
        if key not in seen:
            seen.add(key)
            unique.append(match)
    unique.sort(key=lambda f: (-f.salience, f.start))
    return tuple(f.figure for f in unique[:limit])
