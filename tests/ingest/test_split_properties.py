"""Splitting never raises on arbitrary Unicode, whatever format the page is taken for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ingest.read import split_lines
from generator.ingest.split import split_document
from generator.models import SourceDocument, SourceFormat

# Arbitrary text, with the characters news structure is built from mixed in.
STRUCTURE = st.sampled_from(
    ["\n", "\n\n", "。", "（", "）", "记者", "本报讯", "电", "——", "■", "①5", "“", "”", " ", "(gong)"]
)
PAGE = st.lists(st.one_of(st.text(max_size=12), STRUCTURE), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(PAGE, st.sampled_from(list(SourceFormat)))
def test_split_document_never_raises_and_keeps_provenance(text: str, fmt: SourceFormat) -> None:
    lines = split_lines(text)
    doc = SourceDocument(name="p.txt", encoding="utf-8", format=fmt, lines=lines)
    for article in split_document(doc):
        assert 1 <= article.line_start <= article.line_end <= max(1, len(lines))
        assert article.source_file == "p.txt"
