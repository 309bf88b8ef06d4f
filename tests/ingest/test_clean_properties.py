"""Properties of clean_line and join_paragraphs on arbitrary text (hypothesis)."""

from __future__ import annotations

from collections import Counter

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.ingest.chars import HAN_RE
from generator.ingest.clean import clean_line, join_paragraphs
from generator.ingest.doubled import is_doubled
from generator.ingest.forms import normalise_forms
from generator.ingest.spacing import normalise_spacing

# Arbitrary text, weighted towards what dumps contain: Han, CJK punctuation, ASCII,
# spaces, control characters, vertical forms, full-width letters.
_ALPHABET = st.one_of(
    st.characters(),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),
    st.sampled_from(list("，。、；：？！“”（）《》…—　 \t\x00\u200b﹃﹄︵︶ＡＢ１２％ab12()")),
)
TEXT = st.text(alphabet=_ALPHABET, max_size=60)
LINES = st.lists(TEXT, max_size=12)
PLAIN_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),
        st.sampled_from(list("，。、；：？！“”《》…— ab12\t")),
    ),
    max_size=60,
)


def _han(text: str) -> Counter[str]:
    return Counter(HAN_RE.findall(text))


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_clean_line_is_idempotent(text: str) -> None:
    once = clean_line(text)
    assert clean_line(once) == once


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_clean_line_output_is_one_trimmed_line(text: str) -> None:
    cleaned = clean_line(text)
    assert "\n" not in cleaned and "\r" not in cleaned and "\x00" not in cleaned
    assert cleaned == cleaned.rstrip()


@settings(max_examples=200, deadline=None)
@given(PLAIN_TEXT)
def test_clean_line_keeps_every_han_character_without_parentheses_or_doubling(text: str) -> None:
    # Without parentheses no annotation can match; exclude lines that are doubled once
    # their spacing is normalised (the only other place Han characters may go).
    assume(not is_doubled(normalise_spacing(normalise_forms(text))))
    assert _han(clean_line(text)) == _han(text)


@settings(max_examples=200, deadline=None)
@given(LINES)
def test_join_paragraphs_never_raises_and_yields_stripped_paragraphs(lines: list[str]) -> None:
    paragraphs = join_paragraphs(lines)
    assert all(p and p == p.strip() for p in paragraphs)
    assert not any("\n" in p for p in paragraphs)


@settings(max_examples=200, deadline=None)
@given(LINES)
def test_join_paragraphs_keeps_all_non_space_text_in_order(lines: list[str]) -> None:
    def squeeze(text: str) -> str:
        return "".join(text.split())

    assert squeeze("".join(join_paragraphs(lines))) == squeeze("".join(lines))


@settings(max_examples=200, deadline=None)
@given(LINES)
def test_join_paragraphs_paragraph_is_a_fixpoint(lines: list[str]) -> None:
    # Feeding one output paragraph back gives it unchanged (idempotence per paragraph;
    # re-joining ALL paragraphs is not idempotent by design: a paragraph ending without
    # punctuation continues into the next, exactly the column-break rule).
    for paragraph in join_paragraphs(lines):
        assert join_paragraphs([paragraph]) == (paragraph,)
