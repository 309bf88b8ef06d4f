"""English names for Chinese administrative divisions by rule: pinyin plus a generic term.

Used by ``scripts/build_gazetteer.py`` to fill the English column of the gazetteer for
every division that has no hand-written name in ``generator/data/region_names_en.tsv``
(the hand table wins: Inner Mongolia's Mongolian-derived names are not pinyin).

Conventions (those of the Ministry of Civil Affairs' English renderings and of the
standard references):

* the place part is Hanyu Pinyin written as one word, first letter capitalised, with an
  apostrophe before a syllable that starts with a, o or e (Xi'an, Lu'an, Ji'an);
* the generic part is translated: 市 City, 县 County, 区 District, 旗 Banner, 盟 League,
  地区 Prefecture, 自治州 Autonomous Prefecture, 自治县 Autonomous County, 林区 Forestry
  District, 特区 Special District, 新区 New Area, 矿区 Mining District;
* ethnic autonomous divisions name their peoples in English between the place and the
  generic part: 长阳土家族自治县 -> Changyang Tujia Autonomous County, 海西蒙古族藏族自治州
  -> Haixi Mongol and Tibetan Autonomous Prefecture;
* a one-character place part keeps its generic syllable when the generic is 区 (城区 ->
  Chengqu District, as the districts themselves write it) and drops it for 县 (温县 -> Wen
  County).
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Final

from pypinyin import Style, lazy_pinyin

# Longest first: 自治县 must be tried before 县, 地区 before 区.
_GENERICS: Final[tuple[tuple[str, str], ...]] = (
    ("特别行政区", "Special Administrative Region"),
    ("自治州", "Autonomous Prefecture"),
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("自治区", "Autonomous Region"),
    ("地区", "Prefecture"),
    ("林区", "Forestry District"),
    ("特区", "Special District"),
    ("新区", "New Area"),
    ("矿区", "Mining District"),
    ("省", "Province"),
    ("市", "City"),
    ("县", "County"),
    ("区", "District"),
    ("旗", "Banner"),
    ("盟", "League"),
)

# The 56 officially recognised peoples (names as in GB/T 3304 romanisation / common
# English usage), keyed without the optional 族; some names in division titles omit 族.
ETHNIC_EN: Final[MappingProxyType[str, str]] = MappingProxyType(
    {
        "汉": "Han",
        "蒙古": "Mongol",
        "回": "Hui",
        "藏": "Tibetan",
        "维吾尔": "Uygur",
        "苗": "Miao",
        "彝": "Yi",
        "壮": "Zhuang",
        "布依": "Bouyei",
        "朝鲜": "Korean",
        "满": "Manchu",
        "侗": "Dong",
        "瑶": "Yao",
        "白": "Bai",
        "土家": "Tujia",
        "哈尼": "Hani",
        "哈萨克": "Kazak",
        "傣": "Dai",
        "黎": "Li",
        "傈僳": "Lisu",
        "佤": "Va",
        "畲": "She",
        "高山": "Gaoshan",
        "拉祜": "Lahu",
        "水": "Shui",
        "东乡": "Dongxiang",
        "纳西": "Naxi",
        "景颇": "Jingpo",
        "柯尔克孜": "Kirgiz",
        "土": "Tu",
        "达斡尔": "Daur",
        "仫佬": "Mulao",
        "羌": "Qiang",
        "布朗": "Blang",
        "撒拉": "Salar",
        "毛南": "Maonan",
        "仡佬": "Gelao",
        "锡伯": "Xibe",
        "阿昌": "Achang",
        "普米": "Pumi",
        "塔吉克": "Tajik",
        "怒": "Nu",
        "乌孜别克": "Uzbek",
        "俄罗斯": "Russian",
        "鄂温克": "Evenki",
        "德昂": "De'ang",
        "保安": "Bonan",
        "裕固": "Yugur",
        "京": "Gin",
        "塔塔尔": "Tatar",
        "独龙": "Derung",
        "鄂伦春": "Oroqen",
        "赫哲": "Hezhen",
        "门巴": "Monba",
        "珞巴": "Lhoba",
        "基诺": "Jino",
        "各": "Multi-ethnic",
    }
)

# Place-name readings pypinyin 0.55 gets wrong (heteronyms read as in common words).
# Keyed by the characters of the place part; values are space-separated syllables.
PINYIN_OVERRIDES: Final[MappingProxyType[str, str]] = MappingProxyType(
    {
        "六安": "lu an",
        "六合": "lu he",
        "蚌埠": "beng bu",
        "蚌山": "beng shan",
        "铅山": "yan shan",
        "长治": "chang zhi",
        "长垣": "chang yuan",
        "长子": "zhang zi",
        "朝阳": "chao yang",
        "长": "chang",  # 长春, 长沙, 长阳; 长子 is listed above as the exception
        "朝": "chao",
        "单": "shan",  # 单县 (Shan County)
        "郫都": "pi du",
        "珲春": "hun chun",
        "洪洞": "hong tong",
        "繁峙": "fan shi",
        "乐亭": "lao ting",
        "番禺": "pan yu",
        "大埔": "da bu",
        "蔚": "yu",  # 蔚县
        "莘": "shen",  # 莘县
        "浚": "xun",  # 浚县
        "涡阳": "guo yang",
        "柏乡": "bai xiang",
        "台州": "tai zhou",
        "丽水": "li shui",
        "厦门": "xia men",
        "重庆": "chong qing",
        "东阿": "dong e",
        "阿城": "a cheng",
        "解放": "jie fang",
        "曲阜": "qu fu",
        "曲靖": "qu jing",
        "会理": "hui li",
        "会泽": "hui ze",
        "会同": "hui tong",
        "尉犁": "yu li",
        "焉耆": "yan qi",
        "巢湖": "chao hu",
        "筠连": "jun lian",
        "珙县": "gong xian",
        "枞阳": "zong yang",
        "黄陂": "huang pi",
        "牟平": "mu ping",
        "中牟": "zhong mou",
        "荥阳": "xing yang",
        "荥经": "ying jing",
        "犍为": "qian wei",
        "虢镇": "guo zhen",
        "歙县": "she xian",
        "歙": "she",
        "黟": "yi",
        "滑": "hua",
        "茌平": "chi ping",
        "鄄城": "juan cheng",
        "厍": "she",
    }
)
_MAX_OVERRIDE: Final[int] = max(len(k) for k in PINYIN_OVERRIDES)
_ETHNIC_BY_LENGTH: Final[tuple[str, ...]] = tuple(sorted(ETHNIC_EN, key=len, reverse=True))
_VOWEL_INITIALS: Final[frozenset[str]] = frozenset("aoe")


def split_generic(name: str) -> tuple[str, str, str]:
    """Split a division name into (place, generic Chinese, generic English).

    >>> split_generic("焦作市")
    ('焦作', '市', 'City')

    A name with no known generic ending is returned whole with empty generic parts.
    """
    for zh, en in _GENERICS:
        if name.endswith(zh) and len(name) > len(zh):
            return name[: -len(zh)], zh, en
    return name, "", ""


def split_ethnic(place: str) -> tuple[str, tuple[str, ...]]:
    """Strip trailing people names from the place part of an autonomous division.

    >>> split_ethnic("海西蒙古族藏族")
    ('海西', ('蒙古', '藏'))

    Only strips while at least two characters of place name are left, so 西藏 (not
    西 + 藏族) and 内蒙古 survive.
    """
    peoples: list[str] = []
    rest = place
    while True:
        for ethnic in _ETHNIC_BY_LENGTH:
            for form in (ethnic + "族", ethnic):
                # 西藏 and 内蒙古 end like a people but are places: keep >= 2 characters.
                if rest.endswith(form) and len(rest) - len(form) >= 2:
                    peoples.insert(0, ethnic)
                    rest = rest[: -len(form)]
                    break
            else:
                continue
            break
        else:
            return rest, tuple(peoples)


def syllables(place: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of a place name, with place-name heteronym overrides."""
    out: list[str] = []
    plain = ""
    i = 0
    while i < len(place):
        for size in range(min(_MAX_OVERRIDE, len(place) - i), 0, -1):
            reading = PINYIN_OVERRIDES.get(place[i : i + size])
            if reading is not None:
                # Convert the pending run together so pypinyin can use its phrase table.
                out.extend(lazy_pinyin(plain, style=Style.NORMAL, v_to_u=True) if plain else ())
                plain = ""
                out.extend(reading.split())
                i += size
                break
        else:
            plain += place[i]
            i += 1
    out.extend(lazy_pinyin(plain, style=Style.NORMAL, v_to_u=True) if plain else ())
    return tuple(out)


# Pure, and asked again and again for the same few thousand words (every keyword and topic
# evidence word of every article gets its pinyin): remembered.
@lru_cache(maxsize=1 << 16)
def pinyin_word(place: str) -> str:
    """Place name as one capitalised pinyin word: 西安 -> Xi'an, 呼和浩特 -> Huhehaote."""
    parts = syllables(place)
    word = ""
    for index, syllable in enumerate(parts):
        if index and syllable[:1] in _VOWEL_INITIALS:
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


def transliterate(name: str) -> str:
    """Rule-based English name of a division: 孟州市 -> Mengzhou City.

    Ethnic autonomous divisions list their peoples: 长阳土家族自治县 -> Changyang Tujia
    Autonomous County. Hand-written official names (provinces, Inner Mongolia) live in
    ``generator/data/region_names_en.tsv`` and take precedence over this.
    """
    place, generic_zh, generic_en = split_generic(name)
    peoples: tuple[str, ...] = ()
    if generic_zh.startswith("自治"):
        place, peoples = split_ethnic(place)
    elif len(place) == 1 and generic_zh == "区":
        # 城区, 郊区, 东区: the districts write the generic syllable into the name.
        place = name
    english = pinyin_word(place)
    if peoples:
        names = [ETHNIC_EN[p] for p in peoples]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        english = f"{english} {joined}"
    return f"{english} {generic_en}".strip()
