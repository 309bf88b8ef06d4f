"""Pinyin annotations pasted after characters: `工(gong)(gong)作` -> `工作`.

Some scraped pages carry a reading in parentheses after characters, sometimes repeated.
An annotation is recognised only when all of these hold, so that real parentheses
(`(2020)28號`, `(以下简称《意见》)`, `(QC)`, `(a)`) survive:

* it directly follows a Han character, in ASCII or full-width parentheses;
* its content is lowercase Latin letters (diacritics and a tone digit 1-5 allowed);
* with tones removed it is a syllable of the Mandarin syllable inventory;
* it is one of that character's readings, or the line is clearly annotated (several
  confirmed annotations) and the syllable has two or more letters. Single-letter
  syllables (`a` `e` `o`) must match the character's reading: `(a)` as a list label
  after a word is common.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, pinyin
from pypinyin.constants import PINYIN_DICT

from generator.ingest.chars import HAN_CLASS

# One or more parenthesised lowercase groups right after a Han character. Each group is
# bounded ({1,8} letters), so the pattern is linear on long lines.
_ANNOTATION_RUN_RE = re.compile(f"(?<=[{HAN_CLASS}])((?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{{1,8}}[1-5]?[)）])+)")
_GROUP_RE = re.compile(r"[(（]([^()（）]+)[)）]")
_U_UMLAUT = str.maketrans(dict.fromkeys("üǖǘǚǜ", "v"))

# A line with at least this many reading-confirmed annotations is an annotated line,
# where annotations whose reading pypinyin does not list are still noise.
_ANNOTATED_LINE_MIN = 3


def _plain_syllable(group: str) -> str:
    """`gōng` / `gong1` / `lü` -> `gong` / `gong` / `lv` (pypinyin's NORMAL style)."""
    # ü must become v before decomposition, or stripping marks would leave a bare u.
    base = group.rstrip("12345").translate(_U_UMLAUT)
    decomposed = unicodedata.normalize("NFD", base)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def syllable_inventory() -> frozenset[str]:
    """Every Mandarin syllable pypinyin knows, toneless, `ü` written `v` (about 400)."""
    syllables: set[str] = set()
    for readings in PINYIN_DICT.values():
        for reading in readings.split(","):
            syllables.add(_plain_syllable(reading))
    return frozenset(s for s in syllables if s.isascii() and s.isalpha())


@lru_cache(maxsize=8192)
def readings(char: str) -> frozenset[str]:
    """Toneless readings of one Han character (empty when pypinyin does not know it)."""
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore", v_to_u=False)
    return frozenset(r for group in found for r in group if r.isascii() and r.isalpha())


def _syllables(run: str) -> tuple[str, ...]:
    return tuple(_plain_syllable(g) for g in _GROUP_RE.findall(run))


def _classify(text: str) -> tuple[tuple[int, int, bool, bool], ...]:
    """(start, end, confirmed, plausible) for each annotation run in `text`.

    confirmed: every syllable is a reading of the preceding character.
    plausible: every syllable is in the inventory and has two or more letters.
    """
    inventory = syllable_inventory()
    found: list[tuple[int, int, bool, bool]] = []
    for match in _ANNOTATION_RUN_RE.finditer(text):
        syllables = _syllables(match.group(1))
        if not all(s in inventory for s in syllables):
            continue
        char_readings = readings(text[match.start() - 1])
        confirmed = all(s in char_readings for s in syllables)
        plausible = all(len(s) >= 2 for s in syllables)
        found.append((match.start(), match.end(), confirmed, plausible))
    return tuple(found)


def count_pinyin_annotations(text: str) -> int:
    """Number of annotation runs in `text` whose reading matches the character."""
    return sum(1 for _start, _end, confirmed, _plausible in _classify(text) if confirmed)


def strip_pinyin_annotations(text: str) -> str:
    """Remove pinyin annotations after Han characters; keep every other parenthesis."""
    if "(" not in text and "（" not in text:
        return text
    runs = _classify(text)
    if not runs:
        return text
    annotated_line = sum(1 for run in runs if run[2]) >= _ANNOTATED_LINE_MIN
    pieces: list[str] = []
    position = 0
    for start, end, confirmed, plausible in runs:
        if confirmed or (annotated_line and plausible):
            pieces.append(text[position:start])
            position = end
    pieces.append(text[position:])
    return "".join(pieces)
