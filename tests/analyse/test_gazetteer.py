"""Gazetteer data and English names: tables checked against each other and against rules."""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest

from generator.analyse.gazetteer import KeyKind, Level, build_gazetteer, load_gazetteer
from generator.analyse.region_names import split_ethnic, split_generic, transliterate

GAZ = load_gazetteer()
IM = "150000"


def _table(name: str) -> list[dict[str, str]]:
    text = resources.files("generator.data").joinpath(name).read_text(encoding="utf-8")
    lines = (line for line in io.StringIO(text) if not line.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


HAND = {row["adcode"]: row for row in _table("region_names_en.tsv")}
IM_COUNTIES = [d for d in GAZ.divisions.values() if d.level is Level.COUNTY and d.adcode.startswith("15")]
IM_CITIES = [d for d in GAZ.divisions.values() if d.level is Level.CITY and d.adcode.startswith("15")]


def test_levels_and_parents_are_consistent() -> None:
    for division in GAZ.divisions.values():
        assert len(division.adcode) == 6 and division.adcode.isdigit()
        if division.level is Level.PROVINCE:
            assert division.parent is None and division.adcode.endswith("0000")
        else:
            parent = GAZ.get(division.parent or "")
            assert parent.level.rank < division.level.rank
            assert division.adcode.startswith(parent.adcode[:2])


def test_has_all_34_province_level_divisions_with_hand_names() -> None:
    provinces = [d for d in GAZ.divisions.values() if d.level is Level.PROVINCE]
    assert len(provinces) == 34
    assert all(d.adcode in HAND for d in provinces)


def test_inner_mongolia_has_12_prefectures_and_103_counties() -> None:
    assert len(IM_CITIES) == 12
    assert len(IM_COUNTIES) == 103


def test_every_inner_mongolia_division_has_a_hand_written_english_name() -> None:
    missing = [d.name for d in IM_CITIES + IM_COUNTIES if d.adcode not in HAND]
    assert missing == []


def test_hand_table_matches_the_gazetteer() -> None:
    for code, row in HAND.items():
        assert GAZ.get(code).name == row["zh"], code
        assert GAZ.get(code).en == row["en"]


@pytest.mark.parametrize(
    ("zh", "en", "short"),
    [
        ("呼和浩特市", "Hohhot City", "Hohhot"),
        ("包头市", "Baotou City", "Baotou"),
        ("乌海市", "Wuhai City", "Wuhai"),
        ("赤峰市", "Chifeng City", "Chifeng"),
        ("通辽市", "Tongliao City", "Tongliao"),
        ("鄂尔多斯市", "Ordos City", "Ordos"),
        ("呼伦贝尔市", "Hulunbuir City", "Hulunbuir"),
        ("巴彦淖尔市", "Bayannur City", "Bayannur"),
        ("乌兰察布市", "Ulanqab City", "Ulanqab"),
        ("兴安盟", "Hinggan League", "Hinggan League"),
        ("锡林郭勒盟", "Xilingol League", "Xilingol League"),
        ("阿拉善盟", "Alxa League", "Alxa League"),
        ("内蒙古自治区", "Inner Mongolia Autonomous Region", "Inner Mongolia"),
        ("河南省", "Henan Province", "Henan"),
        ("广西壮族自治区", "Guangxi Zhuang Autonomous Region", "Guangxi"),
        ("北京市", "Beijing Municipality", "Beijing"),
        ("香港特别行政区", "Hong Kong Special Administrative Region", "Hong Kong"),
        ("西藏自治区", "Tibet Autonomous Region", "Tibet"),
        ("乌鲁木齐市", "Urumqi City", "Urumqi"),
        ("喀什地区", "Kashgar Prefecture", "Kashgar Prefecture"),
    ],
)
def test_official_english_names(zh: str, en: str, short: str) -> None:
    (division,) = GAZ.by_name(zh)
    assert (division.en, division.en_short) == (en, short)


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("杭锦后旗", "Hanggin Rear Banner"),
        ("乌拉特中旗", "Urad Middle Banner"),
        ("东乌珠穆沁旗", "East Ujimqin Banner"),
        ("库伦旗", "Hure Banner"),
        ("武川县", "Wuchuan County"),
        ("海勃湾区", "Haibowan District"),
        ("扎兰屯市", "Zalantun City"),
        ("二连浩特市", "Erenhot City"),
        ("阿尔山市", "Arxan City"),
        ("额济纳旗", "Ejin Banner"),
        ("鄂温克族自治旗", "Evenk Autonomous Banner"),
        ("莫力达瓦达斡尔族自治旗", "Morin Dawa Daur Autonomous Banner"),
        ("科尔沁右翼前旗", "Horqin Right Front Banner"),
        ("锡林浩特市", "Xilinhot City"),
        ("达尔罕茂明安联合旗", "Darhan Muminggan United Banner"),
    ],
)
def test_inner_mongolia_county_names(zh: str, en: str) -> None:
    (division,) = GAZ.by_name(zh)
    assert division.en == en


def test_hainan_district_of_wuhai_is_not_hainan_province() -> None:
    (district,) = GAZ.by_name("海南区")
    assert district.parent == "150300" and district.en == "Hainan District"


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("焦作市", "Jiaozuo City"),
        ("孟州市", "Mengzhou City"),
        ("六安市", "Lu'an City"),
        ("蚌埠市", "Bengbu City"),
        ("铅山县", "Yanshan County"),
        ("西安市", "Xi'an City"),
        ("单县", "Shan County"),
        ("长治市", "Changzhi City"),
        ("长子县", "Zhangzi County"),
        ("城区", "Chengqu District"),
        ("大兴安岭地区", "Daxing'anling Prefecture"),
        ("长阳土家族自治县", "Changyang Tujia Autonomous County"),
        ("海西蒙古族藏族自治州", "Haixi Mongol and Tibetan Autonomous Prefecture"),
        ("神农架林区", "Shennongjia Forestry District"),
        ("吕梁市", "Lüliang City"),
        ("珲春市", "Hunchun City"),
        # A one-character place part is never a people: 融水 + 苗族, not 融 + 水族.
        ("融水苗族自治县", "Rongshui Miao Autonomous County"),
        ("彭水苗族土家族自治县", "Pengshui Miao and Tujia Autonomous County"),
        ("西藏自治区", "Xizang Autonomous Region"),
    ],
)
def test_transliterate(zh: str, en: str) -> None:
    assert transliterate(zh) == en


def test_rule_names_elsewhere_come_from_transliteration() -> None:
    (division,) = GAZ.by_name("焦作市")
    assert division.en == "Jiaozuo City" and division.en_short == "Jiaozuo"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("焦作市", ("焦作", "市", "City")), ("兴安盟", ("兴安", "盟", "League")), ("红河", ("红河", "", ""))],
)
def test_split_generic(name: str, expected: tuple[str, str, str]) -> None:
    assert split_generic(name) == expected


def test_split_ethnic_keeps_a_place_that_looks_like_a_people() -> None:
    assert split_ethnic("蒙古") == ("蒙古", ())
    assert split_ethnic("西藏") == ("西藏", ())
    assert split_ethnic("海西蒙古族藏族") == ("海西", ("蒙古", "藏"))


def test_conventional_aliases_name_their_division() -> None:
    for row in _table("region_aliases.tsv"):
        assert GAZ.get(row["adcode"]).name == row["name"]
        assert row["adcode"] in GAZ.keys[row["alias"]].adcodes


@pytest.mark.parametrize(
    ("key", "kind", "adcodes"),
    [
        ("包头", KeyKind.SHORT, ("150200",)),
        ("吉林", KeyKind.SHORT, ("220000", "220200")),  # province and city: context decides
        ("朝阳区", KeyKind.NAME, ("110105", "220104")),
        ("阳泉市城区", KeyKind.QUALIFIED, ("140302",)),
        ("锡盟", KeyKind.CONVENTIONAL, ("152500",)),
    ],
)
def test_keys(key: str, kind: KeyKind, adcodes: tuple[str, ...]) -> None:
    assert (GAZ.keys[key].kind, GAZ.keys[key].adcodes) == (kind, adcodes)


@pytest.mark.parametrize("word", ["城区", "郊区", "矿区", "青山", "和平", "东方", "新华"])
def test_generic_names_and_common_words_are_not_keys(word: str) -> None:
    assert word not in GAZ.keys


def test_divisions_created_after_2017_exist() -> None:
    (laiwu,) = GAZ.by_name("莱芜区")
    assert [d.name for d in GAZ.chain(laiwu.adcode)] == ["山东省", "济南市", "莱芜区"]
    (nagqu,) = GAZ.by_name("那曲市")
    assert (nagqu.adcode, nagqu.level, nagqu.en, nagqu.en_short) == ("540600", Level.CITY, "Nagqu City", "Nagqu")
    (zouping,) = GAZ.by_name("邹平市")
    assert zouping.level is Level.COUNTY and GAZ.get(zouping.parent or "").name == "滨州市"
    assert zouping.en == "Zouping City"


@pytest.mark.parametrize("retired", ["莱芜市", "那曲地区", "邹平县", "滦县", "郫县", "户县"])
def test_retired_names_are_no_divisions(retired: str) -> None:
    assert GAZ.by_name(retired) == ()


@pytest.mark.parametrize(
    ("former", "today"),
    [
        ("莱芜市", "莱芜区"),  # prefecture merged into 济南市 (2019)
        ("那曲地区", "那曲市"),  # prefecture made a city (2017-18), same territory
        ("邹平县", "邹平市"),
        ("滦县", "滦州市"),
        ("郫县", "郫都区"),
        ("户县", "鄠邑区"),
        ("襄樊市", "襄阳市"),
        ("邢台市桥东区", "襄都区"),  # 张家口 still has a 桥东区: qualified by the old parent
    ],
)
def test_former_names_resolve_to_todays_division(former: str, today: str) -> None:
    key = GAZ.keys[former]
    assert key.kind is KeyKind.FORMER and not key.needs_context
    assert [GAZ.get(c).name for c in key.adcodes] == [today]


def test_former_short_forms_are_short_keys() -> None:
    (xiangyang,) = GAZ.by_name("襄阳市")
    assert GAZ.keys["襄樊"].kind is KeyKind.SHORT and GAZ.keys["襄樊"].adcodes == (xiangyang.adcode,)
    assert "桥东区" in GAZ.keys and GAZ.keys["桥东区"].kind is KeyKind.NAME  # a name today wins


def test_build_gazetteer_reads_former_names() -> None:
    gaz = build_gazetteer(
        "adcode\tname\tlevel\tparent\ten\taliases\tformer\n"
        "990000\t甲省\tprovince\t\tJia Province\t\t\n"
        "990100\t乙丙市\tcity\t990000\tYibing City\t乙丙\t乙丙地区|丁市\n",
    )
    assert gaz.keys["丁市"].kind is KeyKind.FORMER and gaz.keys["丁市"].adcodes == ("990100",)
    assert gaz.keys["乙丙地区"].adcodes == ("990100",) and gaz.by_name("丁市") == ()


def test_build_gazetteer_from_literal_tables() -> None:
    gaz = build_gazetteer(
        "adcode\tname\tlevel\tparent\ten\taliases\n"
        "990000\t甲省\tprovince\t\tJia Province\t\n"
        "990100\t乙丙市\tcity\t990000\tYibing City\t乙丙\n"
        "990102\t城区\tcounty\t990100\tChengqu District\t\n",
        "adcode\tzh\ten\tshort\n990000\t甲省\tJia Official\tJia\n",
    )
    assert gaz.get("990000").en == "Jia Official" and gaz.get("990000").en_short == "Jia"
    assert gaz.get("990100").en_short == "Yibing"
    assert set(gaz.keys) == {"甲省", "乙丙市", "乙丙", "乙丙市城区", "乙丙城区"}
    assert [d.name for d in gaz.chain("990102")] == ["甲省", "乙丙市", "城区"]
