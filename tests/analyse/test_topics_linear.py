"""`term_counts` on long, repetitive text: same counts as the obvious algorithm, linear work.

A 3 MB seed of repeated terms once ran for minutes: every match was compared with every
match already taken. No test here measures time; linearity is asserted on a count of
interpreter events, which does not depend on the machine.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyse.topics import term_counts


def reference_term_counts(terms: tuple[str, ...], text: str, boundaries: frozenset[int]) -> dict[str, int]:
    """The specification: every boundary match, longest first then leftmost then by term, kept unless it overlaps."""
    spans = sorted(
        (
            (start, start + len(term), term)
            for term in terms
            for start in range(len(text) - len(term) + 1)
            if text.startswith(term, start) and start in boundaries and start + len(term) in boundaries
        ),
        key=lambda s: (-(s[1] - s[0]), s[0], s[2]),
    )
    taken: list[tuple[int, int]] = []
    counts: dict[str, int] = {}
    for start, end, term in spans:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        counts[term] = counts.get(term, 0) + 1
    return counts


# Few letters, so terms overlap, nest and repeat as in 复工复产复工.
_letters = st.sampled_from("工业企复产")
_terms = st.lists(st.text(_letters, min_size=1, max_size=4), min_size=1, max_size=6).map(tuple)


@st.composite
def _repetitive_text(draw: st.DrawFn) -> tuple[str, frozenset[int]]:
    pieces = draw(st.lists(st.text(_letters, min_size=1, max_size=5), min_size=1, max_size=4))
    order = draw(st.lists(st.integers(0, len(pieces) - 1), min_size=1, max_size=60))
    text = "".join(pieces[i] for i in order)
    every = draw(st.integers(1, 3))
    # Word boundaries: a regular grid plus some drawn ones, always both ends.
    extra = draw(st.sets(st.integers(0, len(text)), max_size=len(text) + 1))
    return text, frozenset({0, len(text), *range(0, len(text) + 1, every), *extra})


@settings(max_examples=300, deadline=None)
@given(terms=_terms, sample=_repetitive_text())
def test_term_counts_matches_the_reference(terms: tuple[str, ...], sample: tuple[str, frozenset[int]]) -> None:
    text, boundaries = sample
    assert term_counts(terms, text, boundaries) == reference_term_counts(terms, text, boundaries)


def _profile_events(func: Callable[[], object]) -> int:
    """How many calls (Python and C, generator resumptions included) running `func` makes."""
    count = 0

    def profiler(_frame: object, event: str, _arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profiler)
    try:
        func()
    finally:
        sys.setprofile(None)
    return count


def _nested_terms_text(repeats: int) -> tuple[tuple[str, ...], str, frozenset[int]]:
    text = "重点工业企业复工复产" * repeats
    return ("工业", "工业企业", "重点工业企业", "复工", "复产", "复工复产"), text, frozenset(range(0, len(text) + 1, 2))


def test_work_grows_linearly_with_repetitions() -> None:
    small, large = (_nested_terms_text(n) for n in (400, 1600))
    work_small = _profile_events(lambda: term_counts(*small))
    work_large = _profile_events(lambda: term_counts(*large))
    # Four times the text: about four times the work when linear, sixteen when quadratic.
    assert work_large < 5 * work_small, (work_small, work_large)


def test_two_megabytes_of_repeated_terms_are_counted() -> None:
    terms, text, boundaries = _nested_terms_text(70_000)  # 700,000 characters, 2.1 MB in UTF-8
    assert len(text.encode("utf-8")) > 2_000_000
    assert term_counts(terms, text, boundaries) == {"重点工业企业": 70_000, "复工复产": 70_000}
