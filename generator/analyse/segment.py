"""Chinese word segmentation behind a small interface.

jieba keeps a process-wide default tokenizer that any import can mutate
(``jieba.add_word``, ``jieba.load_userdict``). We never touch it: a
:class:`Segmenter` owns its own ``jieba.Tokenizer`` loaded with the project's
user dictionary, and :func:`load_segmenter` builds it once per process (the
dictionary takes ~0.7 s to load) and never at import time.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import jieba
import yaml

logger = logging.getLogger(__name__)

# A user-dictionary line: word, optional frequency, optional part-of-speech tag.
_USERDICT_LINE = re.compile(r"^(?P<word>\S+)(?:\s+(?P<freq>\d+))?(?:\s+(?P<tag>[a-z]+))?$")
# Words added without a frequency get at least this much, so that a compound
# like 复工复产 wins against its halves even where context favours a split.
_MIN_USER_FREQ = 2000
# A compound token is split into dictionary sub-words of at least this length
# (single characters are too ambiguous to count as matches).
_MIN_SUBWORD = 2
_MIN_PLACE_NAME = 3
# jieba's own pattern for the runs it cuts one by one (`jieba.re_han_default`).
_HAN_RUN = jieba.re_han_default
# Distinct runs (and words) remembered per segmenter: a few MB, and far more than one
# seed's articles hold, so each run of a seed is cut once.
_BLOCK_CACHE = 1 << 17


@dataclass(frozen=True, slots=True)
class Token:
    """A word and its character span in the text it was cut from."""

    text: str
    start: int
    end: int


class Segmenter:
    """A jieba tokenizer with the project's user dictionary.

    Instances are effectively immutable after construction: the wrapped
    tokenizer is only read (cut, dictionary lookups).
    """

    __slots__ = ("_block_words", "_cached_split_points", "_cached_tokens", "_tokenizer", "_user_words")

    def __init__(self, tokenizer: jieba.Tokenizer, user_words: frozenset[str]) -> None:
        self._tokenizer = tokenizer
        self._user_words = user_words
        # Regions, topics, keywords and summaries all segment the same article text:
        # cut it once. Bounded, and owned by this instance (no module-level state).
        self._cached_tokens = lru_cache(maxsize=4096)(self._tokens_uncached)
        # The analysers read different slices of one article (title, body, body without
        # bylines, lead and rest, sentences, captions). jieba cuts every run of Han
        # characters, letters and digits on its own (see `_tokens_uncached`), so a slice
        # is cut by looking its runs up here: each run is cut by jieba once, and a slice's
        # tokens are exactly those of a fresh `cut` of it.
        self._block_words = lru_cache(maxsize=_BLOCK_CACHE)(self._cut_block)
        # A pure function of the word and the dictionary, asked for every token of every text.
        self._cached_split_points = lru_cache(maxsize=_BLOCK_CACHE)(self._split_points_uncached)

    @property
    def user_words(self) -> frozenset[str]:
        """Words the project's user dictionary added (place names, policy terms)."""
        return self._user_words

    def cut(self, text: str) -> tuple[str, ...]:
        """Cut ``text`` into words (jieba's default mode, HMM on for unknown names)."""
        return tuple(token.text for token in self._cached_tokens(text))

    def tokens(self, text: str) -> tuple[Token, ...]:
        """Cut ``text`` into words with their character spans; blanks dropped."""
        return self._cached_tokens(text)

    def _cut_block(self, block: str) -> tuple[str, ...]:
        return tuple(self._tokenizer.cut(block, HMM=True))

    def _tokens_uncached(self, text: str) -> tuple[Token, ...]:
        # jieba's `Tokenizer.cut` (default mode) splits the text with `re_han_default`
        # and cuts each matching run independently of its neighbours; everything
        # between runs comes out one character at a time (or as `\r\n`), and blanks
        # are dropped here. Doing the same split ourselves lets each run's words come
        # from `_block_words`, with the very tokens a whole-text cut would give.
        out: list[Token] = []
        pos = 0
        for index, part in enumerate(_HAN_RUN.split(text)):
            if index % 2:  # a run: cut by jieba (once per distinct run)
                for word in self._block_words(part):
                    out.append(Token(word, pos, pos + len(word)))
                    pos += len(word)
            else:
                for char in part:
                    if not char.isspace():
                        out.append(Token(char, pos, pos + 1))
                    pos += 1
        return tuple(out)

    def forget(self) -> None:
        """Drop every remembered cut (benchmarks time cold segmentation with it)."""
        self._cached_tokens.cache_clear()
        self._block_words.cache_clear()
        self._cached_split_points.cache_clear()

    def is_word(self, word: str) -> bool:
        """True when ``word`` is an entry of the dictionary (not a mere prefix)."""
        return self._tokenizer.FREQ.get(word, 0) > 0

    def subwords(self, word: str) -> tuple[str, ...]:
        """Split a compound into dictionary words that tile it exactly, else ().

        复工复产 -> (复工, 复产). The tiling uses pieces of >= 2 characters,
        preferring fewer pieces; failing that, a word plus one bound character
        at either edge (开|复工, 复工|率). 修复工程 never yields 复工 because
        修 and 程 would both be stray characters.
        """
        n = len(word)
        if n < _MIN_SUBWORD + 1:
            return ()
        # best[i] = shortest tiling of word[:i] as a tuple of pieces, or None.
        best: list[tuple[str, ...] | None] = [None] * (n + 1)
        best[0] = ()
        for end in range(_MIN_SUBWORD, n + 1):
            for start in range(0, end - _MIN_SUBWORD + 1):
                prefix = best[start]
                piece = word[start:end]
                if prefix is None or piece == word or not self.is_word(piece):
                    continue
                candidate = (*prefix, piece)
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
        if best[n]:
            return best[n] or ()
        # A word plus one bound character (开|复工, 复工|率) is still a
        # compound of that word; two stray characters (修|复工|程) are not.
        if self.is_word(word[1:]):
            return (word[0], word[1:])
        if self.is_word(word[:-1]):
            return (word[:-1], word[-1])
        return ()

    def split_points(self, word: str) -> tuple[int, ...]:
        """Offsets inside ``word`` where it divides into dictionary words.

        See `_split_points_uncached`; remembered per word (topics ask for every token).
        """
        return self._cached_split_points(word)

    def _split_points_uncached(self, word: str) -> tuple[int, ...]:
        """Offsets inside ``word`` where it divides into dictionary words.

        The union of the tiling from :meth:`subwords` and of every two-way
        split into words (养老保险费 -> 4 as 养老保险|费, 2 as 养老|保险费).
        Single characters count only beside a word of >= 2 characters, so a
        stray character pair never creates a boundary.
        """
        points: set[int] = set()
        offset = 0
        for piece in self.subwords(word)[:-1]:
            offset += len(piece)
            points.add(offset)
        for k in range(1, len(word)):
            left, right = word[:k], word[k:]
            if max(len(left), len(right)) < _MIN_SUBWORD:
                continue
            if self.is_word(left) and self.is_word(right):
                points.add(k)
        return tuple(sorted(points))


def parse_userdict(text: str) -> tuple[tuple[str, int | None, str | None], ...]:
    """Parse a jieba user dictionary: ``word [freq] [tag]`` per line, ``#`` comments."""
    entries: list[tuple[str, int | None, str | None]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = _USERDICT_LINE.match(line)
        if match is None:
            logger.warning("userdict: cannot parse line %r", raw)
            continue
        freq = match.group("freq")
        entries.append((match.group("word"), int(freq) if freq else None, match.group("tag")))
    return tuple(entries)


@lru_cache(maxsize=1)
def project_userdict() -> tuple[tuple[str, int | None, str | None], ...]:
    """The entries of ``data/userdict.txt``, parsed once per process: a bad line is warned
    about once, by the first build step that reads it (the driver checks it on every build)."""
    return parse_userdict(read_data_text("userdict.txt"))


def build_segmenter(
    userdict: tuple[tuple[str, int | None, str | None], ...], *, extra_words: tuple[str, ...] = ()
) -> Segmenter:
    """Build a fresh :class:`Segmenter` from parsed user-dictionary entries (slow: loads jieba's dict)."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    added: set[str] = set()
    # Extra words (thousands of place names) get a fixed frequency: computing
    # jieba's suggested one for each would triple the load time.
    entries = (*userdict, *((w, _MIN_USER_FREQ, "ns") for w in extra_words))
    for word, freq, tag in entries:
        if freq is None:
            freq = max(tokenizer.suggest_freq(word, False), _MIN_USER_FREQ)
        # Never lower the frequency of a word jieba already knows well (防控),
        # and never 0, which would write to jieba's global force-split table.
        freq = max(freq, tokenizer.FREQ.get(word, 0), 1)
        tokenizer.add_word(word, freq, tag)
        added.add(word)
    return Segmenter(tokenizer, frozenset(added))


def read_data_text(name: str) -> str:
    """Read a UTF-8 file from ``generator/data``."""
    return resources.files("generator.data").joinpath(name).read_text(encoding="utf-8")


def gazetteer_words(text: str) -> tuple[str, ...]:
    """Place names (and aliases of >= 3 characters) from ``gazetteer.tsv`` text.

    Reads the columns by header name so the file may gain columns; short
    names are skipped because two-character aliases (北京) are already
    jieba words and would only distort its frequencies.
    """
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return ()
    header = lines[0].split("\t")
    if "name" not in header:
        return ()
    name_at = header.index("name")
    alias_at = header.index("aliases") if "aliases" in header else None
    words: set[str] = set()
    for line in lines[1:]:
        cells = line.split("\t")
        names = [cells[name_at]] if name_at < len(cells) else []
        if alias_at is not None and alias_at < len(cells):
            names.extend(a for a in re.split(r"[,，;；|\s]+", cells[alias_at]) if a)
        words.update(n.strip() for n in names if len(n.strip()) >= _MIN_PLACE_NAME)
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def load_segmenter() -> Segmenter:
    """The project's segmenter, built once per process.

    Words: ``data/userdict.txt``, the place names of ``data/gazetteer.tsv``
    when that file is present, and the taxonomy's terms.
    """
    try:
        places = gazetteer_words(read_data_text("gazetteer.tsv"))
    except FileNotFoundError:
        places = ()
    return build_segmenter(project_userdict(), extra_words=(*places, *taxonomy_words()))


def taxonomy_words() -> tuple[str, ...]:
    """Every term of ``data/topics.yml``: topic matching relies on them being words.

    复工 must be a dictionary word for 复工复产 to split as 复工|复产.
    """
    data = yaml.safe_load(read_data_text("topics.yml")) or []
    words: set[str] = set()
    for entry in data if isinstance(data, list) else ():
        for key in ("hints", "strong", "weak"):
            values = entry.get(key) if isinstance(entry, dict) else None
            words.update(v for v in values or () if isinstance(v, str) and len(v) >= _MIN_SUBWORD)
    return tuple(sorted(words))
