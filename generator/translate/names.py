"""People's names in Hanyu Pinyin, family name first: 何国栋 -> He Guodong.

Conventions (GB/T 28039-2011, the romanisation of Chinese personal names, as used by
Xinhua and China Daily):

* family name and given name are two words, family name first, each capitalised;
* a given name of two syllables is written as one word (Guodong), with an apostrophe
  before a syllable starting with a, o or e when it could be misread (Xi'an, Jian'an);
* ü keeps its diaeresis (Lü, Nü);
* compound family names are one word (欧阳修 -> Ouyang Xiu);
* several characters read differently as family names than in ordinary words (单 Shan,
  曾 Zeng, 解 Xie, 仇 Qiu, 朴 Piao ...): pypinyin reads words, not names, so the family
  name is read from the table below, and only the given name goes to pypinyin;
* names of ethnic minorities written with a middle dot (阿不都·热合曼) have no family
  name: every part is one word; Mongolian names, common in Inner Mongolia's press and
  written without a dot, are one word too (巴特尔 -> Bate'er, 苏日娜 -> Surina).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from pypinyin import Style, lazy_pinyin

# Family names whose reading differs from the character's everyday reading, or that
# pypinyin's default reading gets wrong for a name.
SURNAME_READINGS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "单": "shan",
        "曾": "zeng",
        "解": "xie",
        "仇": "qiu",
        "朴": "piao",
        "乐": "yue",
        "区": "ou",
        "查": "zha",
        "盖": "ge",
        "华": "hua",
        "任": "ren",
        "种": "chong",
        "繁": "po",
        "黑": "he",
        "折": "she",
        "员": "yun",
        "缪": "miao",
        "覃": "qin",
        "召": "shao",
        "秘": "bi",
        "那": "na",
        "能": "nai",
        "朝": "chao",
        "翟": "zhai",
        "贾": "jia",
        "柏": "bai",
        "宓": "mi",
        "隗": "wei",
        "燕": "yan",
        "乜": "nie",
        "句": "gou",
        "祭": "zhai",
        "薄": "bo",
        "莘": "shen",
        "牟": "mou",
        "都": "du",
        "尉": "wei",
        "洗": "xian",
        "冼": "xian",
        "长": "chang",
        "过": "guo",
        "褚": "chu",
        "宁": "ning",
        "曲": "qu",
        "强": "qiang",
        "吕": "lü",
        "沈": "shen",
        "石": "shi",
        "藏": "zang",
        "厍": "she",
        "阚": "kan",
        "郇": "xun",
        "於": "yu",
        "车": "che",
        "传": "chuan",
        "参": "can",
        "訾": "zi",
    }
)

# Two-character family names, written as one word.
COMPOUND_SURNAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "欧阳": "ouyang",
        "司马": "sima",
        "上官": "shangguan",
        "诸葛": "zhuge",
        "东方": "dongfang",
        "皇甫": "huangfu",
        "尉迟": "yuchi",
        "公孙": "gongsun",
        "慕容": "murong",
        "长孙": "zhangsun",
        "宇文": "yuwen",
        "司徒": "situ",
        "司空": "sikong",
        "夏侯": "xiahou",
        "令狐": "linghu",
        "澹台": "tantai",
        "万俟": "moqi",
        "端木": "duanmu",
        "公冶": "gongye",
        "闻人": "wenren",
        "申屠": "shentu",
        "轩辕": "xuanyuan",
        "呼延": "huyan",
        "南宫": "nangong",
        "独孤": "dugu",
        "拓跋": "tuoba",
        "百里": "baili",
        "东郭": "dongguo",
        "西门": "ximen",
        "钟离": "zhongli",
        "宗政": "zongzheng",
        "濮阳": "puyang",
        "淳于": "chunyu",
        "太史": "taishi",
        "赫连": "helian",
        "第五": "diwu",
    }
)

# Characters whose commonest reading in given names differs from pypinyin's choice,
# which follows everyday words (长松 is Changsong, not Zhangsong).
GIVEN_NAME_READINGS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "长": "chang",
        "行": "xing",
        "朝": "chao",
        "曾": "zeng",
        "单": "dan",
        "柏": "bai",
        "茜": "qian",
        "铭": "ming",
    }
)

# Mongolian personal names written in Chinese characters have no family name; by the
# national standard they are spelt in pinyin as one word (乌兰夫 -> Wulanfu). They are
# recognised by transcription clusters that Han names do not use (巴特尔, 胡日查, 苏日娜)
# and, for short names whose characters a Han name could also have, as whole names.
MONGOLIAN_CLUSTERS: Final[tuple[str, ...]] = (
    "巴特",
    "巴图",
    "特尔",
    "日查",
    "日娜",
    "日勒",
    "日格",
    "格日",
    "吉日",
    "乌日",
    "额日",
    "嘎拉",
    "乌力吉",
    "额尔敦",
    "其其格",
    "其木格",
    "那顺",
    "朝鲁",
    "斯琴",
    "宝音",
    "毕力格",
    "敖其尔",
    "道尔吉",
    "巴雅尔",
    "满都拉",
    "阿拉坦",
    "图雅",
    "托娅",
    "塔娜",
    "娜仁",
    "仁钦",
    "吉雅",
    "查干",
    "乌兰",
    "高娃",
    "呼和",
    "额尔德尼",
    "图门",
    "苏布道",
    "达赖",
    "阿古拉",
)
MONGOLIAN_NAMES: Final[frozenset[str]] = frozenset(
    {"孟和", "苏和", "布和", "萨仁", "哈斯", "达来", "扎布", "桑布", "敖登", "其其", "图布"}
)
_HAN_RE: Final[re.Pattern[str]] = re.compile(r"^[\u3400-\u9fff]+$")
_ETHNIC_SEPARATORS_RE: Final[re.Pattern[str]] = re.compile(r"[·•・‧.．]")
_VOWEL_INITIALS: Final[frozenset[str]] = frozenset("aoe")
# Bylines sometimes keep a role word; the name after it is what is transliterated.
# One-character roles (文, 图, 摄) need a separator: 文 also begins family names.
_ROLE_PREFIX_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?:(?:本报|本台|本刊|特约)?(?:记者|通讯员|实习生|摄影)[:：\s]*|(?:文|图|摄)[:：/／]\s*)"
)


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def join_syllables(syllables: Iterable[str]) -> str:
    """Syllables as one pinyin word, with the apostrophe where a syllable could be misread."""
    word = ""
    for index, syllable in enumerate(syllables):
        if index and syllable[:1] in _VOWEL_INITIALS:
            word += "'"
        word += syllable
    return word


def _given_syllables(given: str) -> list[str]:
    out: list[str] = []
    for char in given:
        reading = GIVEN_NAME_READINGS.get(char)
        out.append(reading if reading else lazy_pinyin(char, style=Style.NORMAL, v_to_u=True)[0])
    return out


def split_name(name: str) -> tuple[str, str]:
    """(family name, given name) of a Han name; a compound family name needs 3+ characters."""
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def surname_en(surname: str) -> str:
    """A family name in pinyin, using its name reading: 单 -> Shan, 欧阳 -> Ouyang."""
    reading = COMPOUND_SURNAMES.get(surname) or SURNAME_READINGS.get(surname)
    if reading is None:
        reading = join_syllables(lazy_pinyin(surname, style=Style.NORMAL, v_to_u=True))
    return _capitalise(reading)


def is_mongolian_name(name: str) -> bool:
    """A Mongolian name in Chinese characters (no family name), by its transcription."""
    if name[:2] in COMPOUND_SURNAMES:
        return False
    return name in MONGOLIAN_NAMES or any(cluster in name for cluster in MONGOLIAN_CLUSTERS)


def person_name_en(name: str) -> str:
    """A person's name in pinyin, family name first: 何国栋 -> He Guodong.

    Text that is not a Chinese name (Latin letters, digits, mixed) is returned stripped
    and unchanged: nothing is guessed.
    """
    name = _ROLE_PREFIX_RE.sub("", name.strip())
    compact = "".join(name.split())
    parts = [p for p in _ETHNIC_SEPARATORS_RE.split(compact) if p]
    if len(parts) > 1 and all(_HAN_RE.match(p) for p in parts):
        # A transcribed minority name has no family name: each part is one word.
        return " ".join(_capitalise(join_syllables(_given_syllables(p))) for p in parts)
    if not _HAN_RE.match(compact) or len(compact) < 2:
        return name
    if is_mongolian_name(compact):
        return _capitalise(join_syllables(_given_syllables(compact)))
    family, given = split_name(compact)
    return f"{surname_en(family)} {_capitalise(join_syllables(_given_syllables(given)))}"


def byline_en(byline: Iterable[str]) -> tuple[str, ...]:
    """Every name of a byline in pinyin, order kept, empty entries dropped."""
    return tuple(en for en in (person_name_en(n) for n in byline) if en)
