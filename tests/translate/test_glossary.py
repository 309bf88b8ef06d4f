"""Outlets, organisations and terms from the glossary and the gazetteer."""

from __future__ import annotations

import pytest

from generator.analyse.gazetteer import load_gazetteer
from generator.errors import ConfigError
from generator.models import Region
from generator.translate.glossary import (
    find_terms,
    glossary_terms,
    hints_for,
    load_glossary,
    outlet_en,
    parse_glossary,
    resolve_place,
    term_en,
)

# Regions by code only: the glossary reads province and city through the gazetteer.
INNER_MONGOLIA_COUNTY = Region(adcode="150125")  # a county of Hohhot, Inner Mongolia
JIAOZUO = Region(adcode="410800")  # Jiaozuo City, Henan


@pytest.mark.parametrize(
    ("outlet", "english"),
    [
        ("内蒙古日报", "Inner Mongolia Daily"),
        ("人民网", "People's Daily Online"),
        ("焦作日报", "Jiaozuo Daily"),
        ("包头日报", "Baotou Daily"),  # not listed: {place}日报 with the gazetteer's name
        ("洛阳晚报", "Luoyang Evening News"),
        ("某某周刊", None),  # unknown: nothing is invented
        (None, None),
    ],
)
def test_outlet_en(outlet: str | None, english: str | None) -> None:
    assert outlet_en(outlet, load_glossary()) == english


@pytest.mark.parametrize(
    ("zh", "region", "english"),
    [
        ("自治区工信厅", INNER_MONGOLIA_COUNTY, "Inner Mongolia Department of Industry and Information Technology"),
        ("自治区商务厅", INNER_MONGOLIA_COUNTY, "Inner Mongolia Department of Commerce"),
        ("自治区农牧厅", INNER_MONGOLIA_COUNTY, "Inner Mongolia Department of Agriculture and Animal Husbandry"),
        ("自治区水利厅", INNER_MONGOLIA_COUNTY, "Inner Mongolia Department of Water Resources"),
        ("自治区交通运输厅", INNER_MONGOLIA_COUNTY, "Inner Mongolia Department of Transport"),
        ("水利厅", INNER_MONGOLIA_COUNTY, "Inner Mongolia Department of Water Resources"),  # own province implied
        ("水利厅", None, "Department of Water Resources"),
        ("河南省商务厅", None, "Henan Department of Commerce"),
        ("市商务局", JIAOZUO, "Jiaozuo Municipal Bureau of Commerce"),
        ("乌海市交通运输局", None, "Wuhai Municipal Bureau of Transport"),
        (
            "国家税务总局武川县税务局",
            None,
            "Wuchuan County Taxation Bureau of the State Taxation Administration",
        ),
        ("武川县税务局", None, "Wuchuan County Taxation Bureau"),
        ("金桥开发区税务局", None, "Jinqiao Development Zone Taxation Bureau"),
        ("兴安盟金融办", None, "Hinggan League Financial Affairs Office"),
        ("复工复产", None, "resumption of work and production"),
        ("火星商务局", None, None),  # not a place: no composed name
    ],
)
def test_term_en(zh: str, region: Region | None, english: str | None) -> None:
    assert term_en(zh, load_glossary(), region=region) == english


def test_find_terms_in_running_text() -> None:
    text = "该批物资由自治区政府商务厅集中采购，国家税务总局武川县税务局的税干们推动复工复产。"
    terms = find_terms(text, load_glossary(), region=INNER_MONGOLIA_COUNTY)
    found = {t.zh: t.en for t in terms}
    assert found["自治区政府商务厅"] == "Inner Mongolia Department of Commerce"
    assert found["国家税务总局武川县税务局"].startswith("Wuchuan County Taxation Bureau")
    assert found["复工复产"] == "resumption of work and production"
    # The shorter match inside the longer one is not reported separately.
    assert "国家税务总局" not in found


def test_resolve_place_prefers_the_articles_province() -> None:
    gazetteer = load_gazetteer()
    place = resolve_place("自治区", gazetteer=gazetteer, region=INNER_MONGOLIA_COUNTY)
    assert place is not None and place.short == "Inner Mongolia"
    assert resolve_place("自治区", gazetteer=gazetteer, region=None) is None


def test_hints_are_sorted_pairs() -> None:
    hints = hints_for(["复工复产与疫情防控"], load_glossary())
    assert hints == tuple(sorted(hints))
    assert ("复工复产", "resumption of work and production") in hints


def test_glossary_terms_cover_every_section() -> None:
    sections = {t.section for t in glossary_terms(load_glossary())}
    assert sections == {"outlet", "organisation", "term"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("outlets: [1, 2]", "outlets"),
        ("colours: {}", "unknown sections"),
        ("outlet_patterns: {'日报': 'Daily'}", "{place}"),
        ("outlets: {a: [", "invalid YAML"),
    ],
)
def test_parse_glossary_errors_name_the_file(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=r"my\.yml") as info:
        parse_glossary(text, source="my.yml")
    assert message in str(info.value)
