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
