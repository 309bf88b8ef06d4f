"""English names of outlets, organisations and recurring terms (`generator/data/glossary_en.yml`).

Exact entries are looked up as they are; patterns with a `{place}` slot (国家税务总局{place}
税务局, {place}日报) and government departments (自治区商务厅, 市商务局) are composed
from the gazetteer's English names, so a bureau of any county gets its English without
being listed. `自治区`, `省`, `市` without a name mean the article's own province or city.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final

import yaml

from generator.analyse.gazetteer import Division, Gazetteer, Level, load_gazetteer
from generator.analyse.region_names import pinyin_word
from generator.errors import ConfigError
from generator.models import Region

GLOSSARY_FILE: Final[str] = "glossary_en.yml"
SECTIONS: Final[tuple[str, ...]] = ("outlets", "organisations", "terms")
PATTERN_SECTIONS: Final[tuple[str, ...]] = ("outlet_patterns", "organisation_patterns")
PLACE_SLOT: Final[str] = "{place}"

# Words that name the article's own province or city instead of a place.
_OWN_PROVINCE: Final[frozenset[str]] = frozenset({"自治区", "省", "全区", "我区", "全省", "我省"})
_OWN_CITY: Final[frozenset[str]] = frozenset({"市", "全市", "我市"})
_OWN_LEAGUE: Final[frozenset[str]] = frozenset({"盟", "全盟", "我盟"})
_HAN_RUN: Final[str] = r"[\u3400-\u9fff]{1,12}"
_HAN_RUN_OPTIONAL: Final[str] = r"[\u3400-\u9fff]{0,12}"
# A development zone or park is not a division but names bureaus like one.
_ZONE_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?P<stem>[\u3400-\u9fff]{2,4})(?P<kind>经济技术开发区|开发区|高新区|示范区|新区)$"
)
_ZONE_EN: Final[Mapping[str, str]] = MappingProxyType(
    {
        "经济技术开发区": "Economic and Technological Development Zone",
        "开发区": "Development Zone",
        "高新区": "High-tech Zone",
        "示范区": "Demonstration Zone",
        "新区": "New Area",
    }
)


@dataclass(frozen=True, slots=True)
class Term:
    zh: str
    en: str
    section: str  # "outlet", "organisation", "term"


@dataclass(frozen=True, slots=True)
class Pattern:
    section: str
    zh: str  # with the {place} slot
    en: str  # with {place} and/or {place_short}
    regex: re.Pattern[str]  # finds candidates in running text; group "place" is too long


@dataclass(frozen=True, slots=True)
class Glossary:
    entries: Mapping[str, Term]
    patterns: tuple[Pattern, ...]
    departments: Mapping[str, str]
    department_re: re.Pattern[str]
    # The distinct lengths of the exact entries, shortest first: where `find_terms` looks.
    entry_lengths: tuple[int, ...] = ()


def _entry_spans(text: str, glossary: Glossary) -> list[tuple[int, int, Term]]:
    """Every occurrence of every exact entry in `text`, overlapping ones included: a dictionary
    lookup per position and entry length (linear in the text, whatever the glossary's size)."""
    lengths = glossary.entry_lengths or tuple(sorted({len(key) for key in glossary.entries if key}))
    entries = glossary.entries
    return [
        (start, start + length, entries[text[start : start + length]])
        for start in range(len(text))
        for length in lengths
        if start + length <= len(text) and text[start : start + length] in entries
    ]


def _section_singular(section: str) -> str:
    return section.removesuffix("_patterns").removesuffix("s")


def _compile_pattern(section: str, zh: str, en: str, source: str) -> Pattern:
    if zh.count(PLACE_SLOT) != 1:
        raise ConfigError(f"{source}: {section}: {zh!r} must contain {PLACE_SLOT} once")
    before, after = zh.split(PLACE_SLOT)
    regex = re.compile(re.escape(before) + f"(?P<place>{_HAN_RUN}?)" + re.escape(after))
    return Pattern(_section_singular(section), zh, en, regex)


def parse_glossary(text: str, *, source: str = GLOSSARY_FILE) -> Glossary:
    """Build a Glossary from YAML text; every problem names the file and section."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping of sections")
    unknown = set(data) - {*SECTIONS, *PATTERN_SECTIONS, "departments"}
    if unknown:
        raise ConfigError(f"{source}: unknown sections: {', '.join(sorted(unknown))}")

    def mapping(section: str) -> dict[str, str]:
        value = data.get(section) or {}
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise ConfigError(f"{source}: {section}: expected Chinese: English pairs")
        return {k.strip(): v.strip() for k, v in value.items()}

    entries: dict[str, Term] = {}
    for section in SECTIONS:
        for zh, en in mapping(section).items():
            entries.setdefault(zh, Term(zh, en, _section_singular(section)))
    patterns = tuple(
        _compile_pattern(section, zh, en, source) for section in PATTERN_SECTIONS for zh, en in mapping(section).items()
    )
    departments = mapping("departments")
    stems = "|".join(re.escape(s) for s in sorted(departments, key=len, reverse=True)) or "(?!)"
    department_re = re.compile(f"(?P<place>{_HAN_RUN_OPTIONAL}?)(?P<gov>政府)?(?P<stem>{stems})(?P<kind>厅|局)")
    return Glossary(
        entries=MappingProxyType(entries),
        patterns=patterns,
        departments=MappingProxyType(departments),
        department_re=department_re,
        entry_lengths=tuple(sorted({len(zh) for zh in entries if zh})),
    )


@cache
def load_glossary() -> Glossary:
    """The packaged glossary, parsed once per process."""
    text = resources.files("generator.data").joinpath(GLOSSARY_FILE).read_text(encoding="utf-8")
    return parse_glossary(text, source=f"generator/data/{GLOSSARY_FILE}")


@dataclass(frozen=True, slots=True)
class Place:
    """English forms of a place a term names."""

    en: str  # official: "Wuchuan County", "Inner Mongolia Autonomous Region"
    short: str  # display: "Wuchuan County", "Inner Mongolia", "Hohhot"
    level: Level | None


def _own(region: Region | None, level: Level, gazetteer: Gazetteer) -> Division | None:
    if region is None or not region.adcode or region.adcode not in gazetteer.divisions:
        return None
    chain = gazetteer.chain(region.adcode)
    return chain[level.rank] if len(chain) > level.rank else None


def _division_place(division: Division) -> Place:
    return Place(division.en, division.en_short, division.level)


def resolve_place(text: str, *, gazetteer: Gazetteer, region: Region | None = None) -> Place | None:
    """The English of a place word: a gazetteer name or short form, or 自治区/市 (own area)."""
    if text in _OWN_PROVINCE or text in _OWN_CITY or text in _OWN_LEAGUE:
        level = Level.PROVINCE if text in _OWN_PROVINCE else Level.CITY
        own = _own(region, level, gazetteer)
        return _division_place(own) if own else None
    key = gazetteer.keys.get(text)
    if key is not None:
        codes = key.adcodes
        if region is not None and region.adcode and region.adcode in gazetteer.divisions:
            province = gazetteer.chain(region.adcode)[0].adcode
            # An ambiguous short form (朝阳) means the one in the article's province.
            codes = tuple(sorted(codes, key=lambda c: not gazetteer.is_within(c, province)))
        return _division_place(gazetteer.get(codes[0]))
    zone = _ZONE_RE.match(text)
    if zone:
        english = f"{pinyin_word(zone['stem'])} {_ZONE_EN[zone['kind']]}"
        return Place(english, english, None)
    return None


def _longest_place(run: str, *, gazetteer: Gazetteer, region: Region | None) -> tuple[str, Place] | None:
    """The longest tail of `run` that names a place (running text puts words before it)."""
    for start in range(len(run)):
        place = resolve_place(run[start:], gazetteer=gazetteer, region=region)
        if place is not None:
            return run[start:], place
    return None


def _fill(template: str, place: Place) -> str:
    return template.replace("{place_short}", place.short).replace("{place}", place.en)


def _department_en(stem_en: str, kind: str, place: Place | None) -> str:
    if kind == "厅":  # provincial level
        return f"{place.short} Department of {stem_en}" if place else f"Department of {stem_en}"
    if place is None:
        return f"Bureau of {stem_en}"
    if place.level is Level.CITY and place.en.endswith(" City"):
        return f"{place.short} Municipal Bureau of {stem_en}"
    return f"{place.en} Bureau of {stem_en}"


def _department_terms(
    text: str, glossary: Glossary, *, gazetteer: Gazetteer, region: Region | None
) -> list[tuple[int, int, Term]]:
    """Government departments: (place) + subject + 厅/局, with their spans in `text`."""
    out = []
    for match in glossary.department_re.finditer(text):
        hit = _longest_place(match["place"], gazetteer=gazetteer, region=region) if match["place"] else None
        start = match.start("gov") if match["gov"] else match.start("stem")
        place: Place | None = None
        if hit is not None:
            name, place = hit
            start = match.start("place") + len(match["place"]) - len(name)
        elif match["kind"] == "厅":
            # A 厅 is provincial: without a name it belongs to the article's province.
            own = _own(region, Level.PROVINCE, gazetteer)
            place = _division_place(own) if own else None
        en = _department_en(glossary.departments[match["stem"]], match["kind"], place)
        out.append((start, match.end(), Term(text[start : match.end()], en, "organisation")))
    return out


def find_terms(
    text: str, glossary: Glossary, *, gazetteer: Gazetteer | None = None, region: Region | None = None
) -> tuple[Term, ...]:
    """Every glossary term found in `text`, longest matches first, each once, in text order."""
    gazetteer = gazetteer or load_gazetteer()
    found = _entry_spans(text, glossary)
    for pattern in glossary.patterns:
        for match in pattern.regex.finditer(text):
            if match.start("place") > match.start():
                # Literal text before the slot: the whole slot must be the place.
                whole = resolve_place(match["place"], gazetteer=gazetteer, region=region)
                hit = (match["place"], whole) if whole else None
            else:
                hit = _longest_place(match["place"], gazetteer=gazetteer, region=region)
            if hit is None:
                continue
            name, place = hit
            start = match.start("place") + len(match["place"]) - len(name)
            start = match.start() if match.start("place") > match.start() else start
            zh = text[start : match.end()]
            found.append((start, match.end(), Term(zh, _fill(pattern.en, place), pattern.section)))
    found.extend(_department_terms(text, glossary, gazetteer=gazetteer, region=region))
    # Longest first at each position, then drop matches inside a longer one.
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    chosen: list[tuple[int, int, Term]] = []
    for start, end, term in found:
        if any(s <= start and end <= e for s, e, _ in chosen):
            continue
        chosen.append((start, end, term))
    seen: dict[str, Term] = {}
    for _, _, term in chosen:
        seen.setdefault(term.zh, term)
    return tuple(seen.values())


def term_en(
    zh: str, glossary: Glossary, *, gazetteer: Gazetteer | None = None, region: Region | None = None
) -> str | None:
    """English of a whole name or term, or None when the glossary cannot say."""
    zh = zh.strip()
    if zh in glossary.entries:
        return glossary.entries[zh].en
    terms = find_terms(zh, glossary, gazetteer=gazetteer, region=region)
    whole = [t for t in terms if t.zh == zh]
    return whole[0].en if whole else None


def outlet_en(outlet: str | None, glossary: Glossary, *, gazetteer: Gazetteer | None = None) -> str | None:
    """An outlet's English name (人民网 -> People's Daily Online, 焦作日报 -> Jiaozuo Daily)."""
    if not outlet:
        return None
    return term_en(outlet, glossary, gazetteer=gazetteer)


def glossary_terms(glossary: Glossary) -> tuple[Term, ...]:
    """The exact entries, sorted by section then Chinese (what `extract` puts in the PO)."""
    return tuple(sorted(glossary.entries.values(), key=lambda t: (t.section, t.zh)))


def hints_for(
    texts: Iterable[str], glossary: Glossary, *, gazetteer: Gazetteer | None = None, region: Region | None = None
) -> tuple[tuple[str, str], ...]:
    """(Chinese, English) pairs for the terms of `texts`: what a machine backend must respect."""
    pairs: dict[str, str] = {}
    for text in texts:
        for term in find_terms(text, glossary, gazetteer=gazetteer, region=region):
            pairs.setdefault(term.zh, term.en)
    return tuple(sorted(pairs.items()))
