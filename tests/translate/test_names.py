"""People's names in pinyin, family name first."""

from __future__ import annotations

import pytest

from generator.translate.names import byline_en, person_name_en, split_name, surname_en


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("何国栋", "He Guodong"),
        ("唐毅", "Tang Yi"),
        ("欧阳修", "Ouyang Xiu"),
        ("司马光", "Sima Guang"),
        ("诸葛亮", "Zhuge Liang"),
        ("单田芳", "Shan Tianfang"),
        ("曾国藩", "Zeng Guofan"),
        ("解缙", "Xie Jin"),
        ("仇英", "Qiu Ying"),
        ("朴槿惠", "Piao Jinhui"),
        ("乐嘉", "Yue Jia"),
        ("区文", "Ou Wen"),
        ("查良镛", "Zha Liangyong"),
        ("吕学先", "Lü Xuexian"),  # ü keeps its diaeresis
        ("詹长松", "Zhan Changsong"),  # 长 in a given name is chang
        ("李建安", "Li Jian'an"),  # apostrophe before a vowel-initial syllable
        ("阿不都·热合曼", "Abudou Reheman"),  # no family name in a transcribed name
        ("记者 王大伟", "Wang Dawei"),  # a role word is not part of the name
        ("文天祥", "Wen Tianxiang"),  # ... but 文 alone begins a family name
        ("何 国栋", "He Guodong"),  # a space between family and given name
        # Mongolian names have no family name: one pinyin word.
        ("巴特尔", "Bate'er"),
        ("胡日查", "Huricha"),
        ("苏日娜", "Surina"),
        ("孟和", "Menghe"),
        ("乌力吉木仁", "Wulijimuren"),
        ("孟和平", "Meng Heping"),  # a Han name that only starts like one
        ("苏和平", "Su Heping"),
    ],
)
def test_person_name_en(name: str, english: str) -> None:
    assert person_name_en(name) == english


def test_latin_name_is_unchanged() -> None:
    assert person_name_en("  John Smith ") == "John Smith"


@pytest.mark.parametrize(
    ("name", "parts"),
    [("欧阳修", ("欧阳", "修")), ("欧阳", ("欧", "阳")), ("何国栋", ("何", "国栋"))],
)
def test_split_name(name: str, parts: tuple[str, str]) -> None:
    assert split_name(name) == parts


@pytest.mark.parametrize(("surname", "english"), [("单", "Shan"), ("何", "He"), ("欧阳", "Ouyang"), ("吕", "Lü")])
def test_surname_en(surname: str, english: str) -> None:
    assert surname_en(surname) == english


def test_byline_keeps_order_and_drops_empty() -> None:
    assert byline_en(("郭洪申", "", "薛一群")) == ("Guo Hongshen", "Xue Yiqun")
