"""The site's own search index: character bigrams, sharded into script files (pure).

Why not Material's search: its worker cuts a Chinese query greedily against the tokens of
its lunr index and never tries the whole query as one token, so as soon as the first
character of a query is a token anywhere (in a large corpus every common character is),
复工 is searched as `复*`: every word starting with 复. Lunr is also word-based (复工 inside
修复工程 is no hit) and loads and indexes the whole text in the browser on every page
load (75 MB and 8 s at 5,000 articles). See BENCHMARKS.md §5.

What this index does instead:

* Every run of Han characters is indexed as its overlapping character bigrams plus an
  end key (the last character and `|`). A query's bigrams must all be present, so a
  two-character query matches exactly the pages containing it, and a single character
  is the union of the keys that start with it.
* Latin letters and digits are indexed as lower-case words. An English word's postings
  are those of every word with the same stem (`stem`), so resume, resumed and resumption
  find the same pages with no stemmer in the browser.
* Postings (sorted page numbers, Rice-coded gaps in base64 characters) are split into shards by
  a hash of the key's first character (first two for words); a query loads only the
  shards of its keys. Shards and the page table are JavaScript files that call a global
  function, so they load through `importScripts`, which the iframe-worker shim turns into
  script tags under `file://` (where `fetch` is refused).

The worker that reads these files is `site_templates/theme/assets/javascripts/digest-search.js`;
its tokenizer, hash and decoder must stay in step with this module.
"""

from __future__ import annotations

import base64
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.analyse.topics import Topic
from generator.models import LocalizedArticle
from generator.render.regions import RegionIndex
from generator.render.views import (
    Entry,
    article_path,
    entry,
    first_sentence,
    newest_first,
    region_chain,
    region_label,
    region_path,
    topic_label,
    topic_path,
)

SEARCH_DIR = "assets/search"
"""Where the index lives, relative to a language's docs (and site) root."""

FORMAT_VERSION = 1

# Han: CJK Unified Ideographs, Extension A and the compatibility block (BMP only, so one
# UTF-16 unit per character in the browser). The same ranges are in the worker.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"[{HAN}]+|[a-z0-9]+")
_HAN_RUN = re.compile(f"[{HAN}]")
END = "|"
"""Marks the last character of a Han run: with it every character starts some key."""

# Postings are Rice-coded bit strings written 6 bits per character in the base64url
# alphabet (no character needs escaping in JSON or JavaScript); the first character is
# the Rice parameter. A space separates keys and codes in a shard.
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

SHARD_TARGET_BYTES = 24_000
"""Shards are sized so a query's few shards load in milliseconds; the count is a power of two."""
MIN_SHARDS, MAX_SHARDS = 8, 4096
PREVIEW_CHARS = 60


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One search result: a page (or an anchor in one), what the result shows, what finds it."""

    location: str  # relative to the language root, e.g. "articles/2020-03-12-0c94f240e4.html"
    title: str
    preview: str
    text: str  # everything that finds the page, in any language


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII) and lower case, as the worker does."""
    return unicodedata.normalize("NFKC", text).lower()


_VOWEL = re.compile("[aeiouy]")


def stem(word: str) -> str:
    """A light English stemmer: inflections and -mption, so resume/resumes/resumed/resuming/
    resumption share a stem. Conservative on purpose: a wrong merge costs precision."""
    if not word.isalpha() or len(word) <= 3:
        return word
    for suffix, replacement in (("mptions", "m"), ("mption", "m"), ("ies", "y"), ("ied", "y"), ("sses", "ss")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and _VOWEL.search(word[: -len(suffix)]):
            word = word[: -len(suffix)]
            # stopped -> stopp -> stop; but not fill, miss, buzz
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def keys(text: str) -> tuple[set[str], set[str]]:
    """(Han keys, words) of a text: bigrams and end keys of every Han run, Latin/digit words."""
    han: set[str] = set()
    words: set[str] = set()
    for run in _TOKEN.findall(normalise(text)):
        if _HAN_RUN.match(run):
            han.update(map(str.__add__, run, run[1:]))  # the bigrams, pair by pair in C
            han.add(run[-1] + END)
        else:
            words.add(run)
    return han, words


def shard_of(key: str, shards: int) -> int:
    """FNV-1a (32 bit) of the key's head over UTF-16 code units, modulo the shard count.

    The head is the first character of a Han key (so a one-character query finds every
    key it starts in one shard) and the first two letters of a word (prefix search).
    """
    head = key[0] if _HAN_RUN.match(key) else key[:2]
    value = 0x811C9DC5
    units = head.encode("utf-16-le")
    for i in range(0, len(units), 2):
        value ^= units[i] | (units[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % shards


def _rice_parameter(count: int, span: int) -> int:
    """The Rice parameter for `count` gaps spread over `span` pages (about log2 of the mean gap)."""
    mean = max(1.0, span / max(count, 1))
    k = 0
    while k < 24 and (1 << (k + 1)) <= mean * 0.69:
        k += 1
    return k


_RUN = 256


def _joined_bits(runs: list[tuple[int, int]]) -> tuple[int, int]:
    """One or two (bits, length) runs as one, the first's bits first."""
    if len(runs) == 1:
        return runs[0]
    (first, first_length), (second, second_length) = runs
    return (first << second_length) | second, first_length + second_length


def encode_postings(numbers: Sequence[int], pages: int) -> str:
    """Sorted page numbers as Rice-coded gaps (gap-1: quotient as zeros and a one, then k bits).

    Trailing padding is zeros, which never complete a value, so no count is stored. The
    bits are gathered in one integer and written out by the standard base64url encoder
    (the alphabet of `B64`): the same characters as six bits at a time, in a fraction of
    the time (the index of a large corpus encodes millions of gaps).
    """
    k = _rice_parameter(len(numbers), pages)
    low = (1 << k) - 1
    stop = 1 << k  # the one that ends the quotient, just above the k remainder bits
    # Runs of values gathered in small integers, then joined pairwise: shifting one growing
    # integer for every value would copy it each time (quadratic for a key on most pages).
    runs: list[tuple[int, int]] = []  # (bits, length)
    bits, length, previous = 0, 0, -1
    for count, number in enumerate(numbers, start=1):
        value = number - previous - 1
        previous = number
        width = (value >> k) + 1 + k
        bits = (bits << width) | stop | (value & low)
        length += width
        if count % _RUN == 0:
            runs.append((bits, length))
            bits, length = 0, 0
    runs.append((bits, length))
    while len(runs) > 1:
        runs = [_joined_bits(runs[i : i + 2]) for i in range(0, len(runs), 2)]
    bits, length = runs[0]
    padding = -length % 24  # whole bytes, and whole base64 quads: no "=" to strip
    data = (bits << padding).to_bytes((length + padding) // 8, "big")
    return B64[k] + base64.urlsafe_b64encode(data).decode("ascii")[: -(-length // 6)]


def decode_postings(code: str) -> list[int]:
    """The inverse of `encode_postings` (the worker has the same loop)."""
    k = B64.index(code[0])
    stream = "".join(format(B64.index(char), "06b") for char in code[1:])
    numbers: list[int] = []
    previous, i = -1, 0
    while True:
        one = stream.find("1", i)
        if one < 0 or one + 1 + k > len(stream):
            return numbers
        value = ((one - i) << k) | (int(stream[one + 1 : one + 1 + k], 2) if k else 0)
        previous += value + 1
        numbers.append(previous)
        i = one + 1 + k


def _script(function: str, *args: object) -> str:
    """A call of a global function with JSON arguments, safe to load as a script.

    `</` is escaped although these files are never inlined in HTML, so the text stays
    safe wherever it ends up; U+2028/2029 are escaped for older JavaScript parsers.
    """
    body = ",".join(json.dumps(arg, ensure_ascii=False, separators=(",", ":")) for arg in args)
    body = body.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{function}({body});\n"


def _shard_count(total_bytes: int) -> int:
    count = MIN_SHARDS
    while count < MAX_SHARDS and total_bytes / count > SHARD_TARGET_BYTES:
        count *= 2
    return count


def _postings(docs: Sequence[SearchDoc]) -> dict[str, list[int]]:
    """Key -> sorted page numbers; a word's pages are those of every word of its stem."""
    han_pages: dict[str, list[int]] = defaultdict(list)
    word_pages: dict[str, set[int]] = defaultdict(set)
    for number, doc in enumerate(docs):
        han, words = keys(doc.text)
        for key in han:
            han_pages[key].append(number)
        for word in words:
            word_pages[word].add(number)
    by_stem: dict[str, set[int]] = defaultdict(set)
    for word, pages in word_pages.items():
        by_stem[stem(word)] |= pages
    postings: dict[str, list[int]] = dict(han_pages)
    for word in word_pages:
        postings[word] = sorted(by_stem[stem(word)])
    return postings


def _shard_arrays(table: Mapping[str, str]) -> tuple[str, str, str, str]:
    """(Han keys, their codes, words, their codes) of one shard, each joined by spaces.

    Han keys are grouped by first character: "复工查 疫情" holds 复工, 复查 and 疫情, so a
    bigram costs one character besides its code.
    """
    han = sorted(key for key in table if _HAN_RUN.match(key))
    words = sorted(key for key in table if not _HAN_RUN.match(key))
    groups: dict[str, list[str]] = {}
    for key in han:
        groups.setdefault(key[0], []).append(key[1])
    return (
        " ".join(first + "".join(tails) for first, tails in groups.items()),
        " ".join(table[key] for key in han),
        " ".join(words),
        " ".join(table[key] for key in words),
    )


def build_index(docs: Sequence[SearchDoc]) -> dict[str, str]:
    """The index files of one language, keyed by path relative to the language's docs root.

    Pages are numbered in the order given, which is also the order of equally good results.
    """
    encoded = {key: encode_postings(pages, len(docs)) for key, pages in _postings(docs).items()}
    count = _shard_count(sum(len(key.encode()) + len(code) + 2 for key, code in encoded.items()))
    shards: list[dict[str, str]] = [{} for _ in range(count)]
    for key in sorted(encoded):
        shards[shard_of(key, count)][key] = encoded[key]
    files = {
        f"{SEARCH_DIR}/docs.js": _script(
            "digestSearchDocs",
            {"version": FORMAT_VERSION, "shards": count},
            [[doc.location, doc.title, doc.preview] for doc in docs],
        )
    }
    for number, table in enumerate(shards):
        files[f"{SEARCH_DIR}/s{number}.js"] = _script("digestSearchShard", number, *_shard_arrays(table))
    return files


def preview(text: str) -> str:
    """At most PREVIEW_CHARS characters of a summary, cut at a character with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"


def joined(parts: Iterable[str | None]) -> str:
    """Searchable text from optional parts, one per line (a line break ends a Han run)."""
    return "\n".join(part for part in parts if part)


def names(pairs: Iterable[tuple[str, str | None]]) -> list[str]:
    """Both languages' forms of (Chinese, English) names, for cross-language search."""
    out: list[str] = []
    for zh, en in pairs:
        out.append(zh)
        if en:
            out.append(en)
    return out


def _html(page: str) -> str:
    """The built page of a docs path (`use_directory_urls: false`)."""
    return page.removesuffix(".md") + ".html"


def site_search_docs(
    articles: Sequence[LocalizedArticle],
    lang: str,
    *,
    t: Mapping[str, str],
    topics: Mapping[str, Topic],
    regions: RegionIndex,
    topic_members: Mapping[str, Sequence[str]],
    place_names_en: Mapping[str, str],
) -> list[SearchDoc]:
    """Every search entry of one language: region and topic pages, then articles newest first.

    An article is found by what its page shows (on English pages that includes the
    Chinese original) and by the other language's names of its places, topics and
    outlet, so 呼和浩特 works on the English site and Hohhot on the Chinese one.
    """
    docs: list[SearchDoc] = []
    for code in sorted(regions.names):
        zh, en = regions.names[code]
        above = " › ".join(regions.label(parent, lang) for parent in regions.ancestors(code))
        docs.append(
            SearchDoc(_html(region_path(code)), region_label(zh, en, lang), preview(above), joined([zh, en, above]))
        )
    for code, topic in sorted(topics.items()):
        if topic_members.get(code):
            other = topic.zh if lang == "en" else topic.en
            docs.append(
                SearchDoc(_html(topic_path(code)), topic_label(topics, code, lang), other, joined([topic.zh, topic.en]))
            )
    listed = newest_first([entry(loc, lang, t, topics) for loc in articles])
    by_id = {loc.article.id: loc for loc in articles}
    # Near-duplicates after the originals: the same text, so never above them.
    for item in sorted(listed, key=lambda e: e.duplicate):
        docs.append(_article_doc(by_id[item.id], item, lang, t, topics, place_names_en))
    return docs


def _article_doc(
    loc: LocalizedArticle,
    item: Entry,
    lang: str,
    t: Mapping[str, str],
    topics: Mapping[str, Topic],
    place_names_en: Mapping[str, str],
) -> SearchDoc:
    a, raw = loc.article, loc.article.raw
    english = lang == "en"
    codes = (a.topics.primary, *a.topics.secondary)
    shown = [
        item.title,
        raw.subtitle,
        loc.subtitle_en.text if english else raw.kicker,
        raw.title if english else None,
        item.summary,
        *raw.paragraphs,
        *raw.captions,
        *a.keywords,
        *raw.byline,
        *(loc.byline_en if english else ()),
    ]
    other_names = [
        raw.outlet,
        loc.outlet_en,
        *names((zh, en) for _, zh, en in region_chain(a.region)),
        *names((name, place_names_en.get(name)) for name in a.regions_mentioned),
        *names((topics[code].zh, topics[code].en) for code in codes if code in topics),
    ]
    return SearchDoc(
        _html(article_path(a.id)), item.title, preview(first_sentence(item.summary, lang)), joined(shown + other_names)
    )
