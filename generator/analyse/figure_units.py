"""Units of Chinese news figures: what they count, in English, and how much they matter.

Kept apart from :mod:`generator.analyse.figures` so the table can grow without
the extractor growing with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType


class UnitKind(StrEnum):
    """What a unit measures; decides salience and how English renders it."""

    MONEY = "money"
    PERCENT = "percent"
    POPULATION = "population"  # people, households, firms
    QUANTITY = "quantity"  # tonnes, mu, km²: physical amounts
    COUNT = "count"  # generic classifiers: items, times, pieces
    DURATION = "duration"


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as written in Chinese, with English singular and plural forms."""

    zh: str
    en_one: str
    en_many: str
    kind: UnitKind
    base: str = ""  # canonical spelling when several mean the same (块钱 -> 元)

    @property
    def canonical(self) -> str:
        """The unit as stored in ``Figure.unit_zh``."""
        return self.base or self.zh


def _u(zh: str, en_one: str, en_many: str, kind: UnitKind, base: str = "") -> Unit:
    return Unit(zh, en_one, en_many, kind, base)


# Order does not matter: the extractor tries longer units first.
UNITS: tuple[Unit, ...] = (
    _u("元", "yuan", "yuan", UnitKind.MONEY),
    _u("块钱", "yuan", "yuan", UnitKind.MONEY, "元"),
    _u("美元", "US dollar", "US dollars", UnitKind.MONEY),
    _u("%", "%", "%", UnitKind.PERCENT),
    _u("％", "%", "%", UnitKind.PERCENT, "%"),
    _u("个百分点", "percentage point", "percentage points", UnitKind.PERCENT),
    _u("百分点", "percentage point", "percentage points", UnitKind.PERCENT, "个百分点"),
    _u("人次", "person-time", "person-times", UnitKind.POPULATION),
    _u("人", "person", "people", UnitKind.POPULATION),
    _u("名", "person", "people", UnitKind.POPULATION, "人"),
    _u("户", "household", "households", UnitKind.POPULATION),
    _u("家", "firm", "firms", UnitKind.POPULATION),
    _u("吨", "tonne", "tonnes", UnitKind.QUANTITY),
    _u("公斤", "kg", "kg", UnitKind.QUANTITY),
    _u("千克", "kg", "kg", UnitKind.QUANTITY, "公斤"),
    _u("亩", "mu", "mu", UnitKind.QUANTITY),
    _u("公顷", "hectare", "hectares", UnitKind.QUANTITY),
    _u("平方公里", "km²", "km²", UnitKind.QUANTITY),
    _u("平方米", "m²", "m²", UnitKind.QUANTITY),
    _u("立方米", "m³", "m³", UnitKind.QUANTITY),
    _u("公里", "km", "km", UnitKind.QUANTITY),
    _u("千米", "km", "km", UnitKind.QUANTITY, "公里"),
    _u("毫米", "mm", "mm", UnitKind.QUANTITY),
    _u("mm", "mm", "mm", UnitKind.QUANTITY, "毫米"),
    _u("千瓦时", "kWh", "kWh", UnitKind.QUANTITY),
    _u("头", "head", "head", UnitKind.QUANTITY),
    _u("只", "unit", "units", UnitKind.COUNT),
    _u("个", "item", "items", UnitKind.COUNT),
    _u("项", "item", "items", UnitKind.COUNT),
    _u("条", "item", "items", UnitKind.COUNT),
    _u("处", "site", "sites", UnitKind.COUNT),
    _u("笔", "transaction", "transactions", UnitKind.COUNT),
    _u("件", "piece", "pieces", UnitKind.COUNT),
    _u("张", "piece", "pieces", UnitKind.COUNT),
    _u("次", "time", "times", UnitKind.COUNT),
    _u("辆", "vehicle", "vehicles", UnitKind.COUNT),
    _u("台", "unit", "units", UnitKind.COUNT),
    _u("套", "set", "sets", UnitKind.COUNT),
    _u("批", "batch", "batches", UnitKind.COUNT),
    _u("支", "team", "teams", UnitKind.COUNT),
    _u("起", "case", "cases", UnitKind.COUNT),
    _u("例", "case", "cases", UnitKind.COUNT),
    _u("种", "kind", "kinds", UnitKind.COUNT),
    _u("所", "institution", "institutions", UnitKind.COUNT),
    _u("倍", "-fold", "-fold", UnitKind.COUNT),
    _u("天", "day", "days", UnitKind.DURATION),
    _u("个月", "month", "months", UnitKind.DURATION),
    _u("小时", "hour", "hours", UnitKind.DURATION),
    _u("周", "week", "weeks", UnitKind.DURATION),
    _u("年", "year", "years", UnitKind.DURATION),
)

UNITS_BY_ZH: Mapping[str, Unit] = MappingProxyType({u.zh: u for u in UNITS})


@dataclass(frozen=True, slots=True)
class CountedNoun:
    """What a generic classifier counts, when the noun after it says so: 2000个就业岗位 are
    jobs, not "items"; 8000只口罩 masks; 80家银行 banks; 153户企业 firms."""

    zh: str
    en_one: str
    en_many: str


def _n(zh: str, en_one: str, en_many: str) -> CountedNoun:
    return CountedNoun(zh, en_one, en_many)


# Nouns news counts with 个/只/家/户/名/项/台...; the longest match right after the classifier
# wins (就业岗位 before 岗位). Grows with the corpus: add a noun, never a special case.
COUNTED_NOUNS: tuple[CountedNoun, ...] = (
    _n("就业岗位", "job", "jobs"),
    _n("岗位", "job", "jobs"),
    _n("口罩", "mask", "masks"),
    _n("医用口罩", "medical mask", "medical masks"),
    _n("防护服", "protective suit", "protective suits"),
    _n("银行", "bank", "banks"),
    _n("金融机构", "financial institution", "financial institutions"),
    _n("企业", "firm", "firms"),
    _n("工业企业", "industrial firm", "industrial firms"),
    _n("公司", "company", "companies"),
    _n("商户", "business", "businesses"),
    _n("个体工商户", "self-employed business", "self-employed businesses"),
    _n("超市", "supermarket", "supermarkets"),
    _n("药店", "pharmacy", "pharmacies"),
    _n("医院", "hospital", "hospitals"),
    _n("学校", "school", "schools"),
    _n("村", "village", "villages"),
    _n("行政村", "village", "villages"),
    _n("社区", "community", "communities"),
    _n("小区", "residential compound", "residential compounds"),
    _n("乡镇", "township", "townships"),
    _n("项目", "project", "projects"),
    _n("重点项目", "key project", "key projects"),
    _n("贫困户", "poor household", "poor households"),
    _n("农户", "farming household", "farming households"),
    _n("家庭", "family", "families"),
    _n("党员", "Party member", "Party members"),
    _n("干部", "official", "officials"),
    _n("志愿者", "volunteer", "volunteers"),
    _n("医护人员", "medical worker", "medical workers"),
    _n("医务人员", "medical worker", "medical workers"),
    _n("工人", "worker", "workers"),
    _n("员工", "employee", "employees"),
    _n("职工", "employee", "employees"),
    _n("农民工", "migrant worker", "migrant workers"),
    _n("学生", "student", "students"),
    _n("患者", "patient", "patients"),
    _n("病例", "case", "cases"),
    _n("确诊病例", "confirmed case", "confirmed cases"),
    _n("检测点", "checkpoint", "checkpoints"),
    _n("卡口", "checkpoint", "checkpoints"),
    _n("车辆", "vehicle", "vehicles"),
    _n("货车", "truck", "trucks"),
    _n("航班", "flight", "flights"),
    _n("列车", "train", "trains"),
    _n("工作组", "working group", "working groups"),
    _n("督查组", "inspection team", "inspection teams"),
    _n("合作社", "cooperative", "cooperatives"),
    _n("养殖场", "farm", "farms"),
    _n("牛", "head of cattle", "head of cattle"),
    _n("羊", "sheep", "sheep"),
    _n("猪", "pig", "pigs"),
    _n("贷款", "loan", "loans"),
    _n("政策", "policy", "policies"),
    _n("措施", "measure", "measures"),
    _n("举措", "measure", "measures"),
)

COUNTED_BY_ZH: Mapping[str, CountedNoun] = MappingProxyType({n.zh: n for n in COUNTED_NOUNS})
_COUNTED_LENGTHS: tuple[int, ...] = tuple(sorted({len(n.zh) for n in COUNTED_NOUNS}, reverse=True))
# How far after the classifier the noun may start (8000只医用口罩, 2000个新增就业岗位).
_COUNTED_REACH = 3


def counted_noun(after: str) -> CountedNoun | None:
    """The noun a classifier counts, from the text right after it, or None.

    The earliest noun wins, and at one place the longest (就业岗位 over 岗位); a
    modifier of up to `_COUNTED_REACH` characters may come first (新增就业岗位).
    """
    for offset in range(min(_COUNTED_REACH, len(after)) + 1):
        for size in _COUNTED_LENGTHS:
            noun = COUNTED_BY_ZH.get(after[offset : offset + size])
            if noun is not None:
                return noun
    return None


# Denominators of rates such as 290元/吨 ("yuan per tonne").
PER_UNITS: Mapping[str, str] = MappingProxyType(
    {
        "吨": "tonne",
        "亩": "mu",
        "人": "person",
        "月": "month",
        "年": "year",
        "天": "day",
        "日": "day",
        "公斤": "kg",
        "斤": "jin",
        "头": "head",
        "千瓦时": "kWh",
    }
)

# Scale words written between a number and its unit (15.8万亩, 1.39亿元).
SCALES: Mapping[str, Decimal] = MappingProxyType(
    {
        "万亿": Decimal("1000000000000"),
        "千万": Decimal("10000000"),
        "百万": Decimal("1000000"),
        "亿": Decimal("100000000"),
        "万": Decimal("10000"),
        "千": Decimal("1000"),
    }
)

# Salience weight of each kind of figure (money and rates are what readers scan for).
KIND_WEIGHT: Mapping[UnitKind, float] = MappingProxyType(
    {
        UnitKind.MONEY: 3.0,
        UnitKind.PERCENT: 2.5,
        UnitKind.POPULATION: 2.0,
        UnitKind.QUANTITY: 2.0,
        UnitKind.COUNT: 1.0,
        UnitKind.DURATION: 0.5,
    }
)
