"""The bigram search index (pure): keys, postings code, shards, escaping, determinism."""

from __future__ import annotations

import json
import random

import pytest

from generator.render.search import (
    B64,
    END,
    SearchDoc,
    build_index,
    decode_postings,
    encode_postings,
    keys,
    shard_of,
    stem,
)


def test_han_runs_become_bigrams_and_an_end_key() -> None:
    han, words = keys("复工复产，Hohhot 2020年")
    assert han == {"复工", "工复", "复产", "产" + END, "年" + END}
    assert words == {"hohhot", "2020"}


def test_full_width_letters_and_digits_are_ascii_words() -> None:
    assert keys("ＣＯＶＩＤ１９")[1] == {"covid19"}


@pytest.mark.parametrize("family", [["resume", "resumes", "resumed", "resuming", "resumption"], ["city", "cities"]])
def test_word_forms_share_a_stem(family: list[str]) -> None:
    assert len({stem(word) for word in family}) == 1


@pytest.mark.parametrize("pair", [("business", "busy"), ("bus", "by"), ("miss", "mis")])
def test_different_words_keep_different_stems(pair: tuple[str, str]) -> None:
    assert stem(pair[0]) != stem(pair[1])


def test_postings_round_trip() -> None:
    rng = random.Random(7)
    for _ in range(300):
        pages = rng.randint(1, 6000)
        numbers = sorted(rng.sample(range(pages), rng.randint(0, min(pages, 400))))
        assert decode_postings(encode_postings(numbers, pages)) == numbers


def _rice_as_text(numbers: list[int], k: int) -> str:
    """The code written out six bits at a time, as the worker reads it (the format's definition)."""
    bits, previous = "", -1
    for number in numbers:
        value, previous = number - previous - 1, number
        bits += "0" * (value >> k) + "1" + (format(value & ((1 << k) - 1), f"0{k}b") if k else "")
    bits += "0" * (-len(bits) % 6)
    return B64[k] + "".join(B64[int(bits[i : i + 6], 2)] for i in range(0, len(bits), 6))


def test_postings_code_is_the_six_bit_definition() -> None:
    assert encode_postings([0, 2, 3], 10) == "Bu"  # k=1: 10 11 10 -> 101110
    rng = random.Random(11)
    for _ in range(300):
        pages = rng.randint(1, 20000)
        numbers = sorted(rng.sample(range(pages), rng.randint(0, min(pages, 300))))
        code = encode_postings(numbers, pages)
        assert code == _rice_as_text(numbers, B64.index(code[0]))


def test_a_key_and_its_first_character_share_a_shard() -> None:
    for shards in (8, 64, 1024):
        assert shard_of("复工", shards) == shard_of("复" + END, shards) == shard_of("复产", shards)
        assert shard_of("resume", shards) == shard_of("resumption", shards)


def _docs_table(files: dict[str, str]) -> list:
    text = files["assets/search/docs.js"]
    return json.loads("[" + text.removeprefix("digestSearchDocs(").removesuffix(");\n") + "]")


def test_word_pages_cover_the_stem() -> None:
    docs = [SearchDoc("a.html", "a", "", "work resumption"), SearchDoc("b.html", "b", "", "factories resume")]
    files = build_index(docs)
    shard = next(text for path, text in files.items() if "resume" in text and path != "assets/search/docs.js")
    args = json.loads("[" + shard[shard.index("(") + 1 : -3] + "]")
    words, codes = args[3].split(" "), args[4].split(" ")
    table = dict(zip(words, codes, strict=True))
    assert decode_postings(table["resume"]) == decode_postings(table["resumption"]) == [0, 1]


def test_hostile_titles_stay_text_in_the_script() -> None:
    hostile = "</script><script>alert(1)</script>\u2028"
    files = build_index([SearchDoc("a.html", hostile, hostile, hostile)])
    text = files["assets/search/docs.js"]
    assert "</" not in text and "\u2028" not in text
    assert _docs_table(files)[1] == [["a.html", hostile, hostile]]


def test_same_input_same_bytes() -> None:
    docs = [SearchDoc(f"p{i}.html", f"标题{i}", "", f"第{i}篇 复工复产 企业{i * 7}") for i in range(50)]
    assert build_index(docs) == build_index(list(docs))
    assert _docs_table(build_index(docs))[0]["shards"] >= 8
