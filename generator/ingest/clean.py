"""Cleaning of decoded lines: the public face of the ingest text repairs.

All functions are pure. The work is done in small modules; this one composes the
per-line repairs into `clean_line` and re-exports the rest so callers import one place:

| function | module |
|---|---|
| `clean_line` | here: forms -> pinyin -> spacing -> doubled glyphs, to a fixpoint |
| `strip_marks`, `Marks` | `marks` |
| `strip_web_boilerplate` | `clean_web` |
| `join_paragraphs` | `paragraphs` |
| `to_simplified`, `looks_traditional` | `script` |
"""

from __future__ import annotations

from generator.ingest.clean_web import strip_web_boilerplate
from generator.ingest.doubled import undouble
from generator.ingest.forms import normalise_forms
from generator.ingest.marks import Marks, strip_marks
from generator.ingest.paragraphs import join_paragraphs
from generator.ingest.pinyin_noise import strip_pinyin_annotations
from generator.ingest.script import looks_traditional, to_simplified
from generator.ingest.spacing import normalise_spacing

__all__ = [
    "Marks",
    "clean_line",
    "join_paragraphs",
    "looks_traditional",
    "strip_marks",
    "strip_web_boilerplate",
    "to_simplified",
]


def _clean_once(text: str) -> str:
    text = normalise_forms(text)
    text = strip_pinyin_annotations(text)
    text = normalise_spacing(text)
    return undouble(text)


def clean_line(text: str) -> str:
    """Per-line repairs that need no context from other lines.

    In order: control / zero-width characters dropped (tab -> space), vertical and small
    punctuation forms and full-width Latin letters and digits mapped to their usual forms;
    pinyin annotations removed (`工(gong)(gong)作` -> `工作`); spaces normalised
    (`3 月 29 日` -> `3月29日`, names in bylines kept apart); a line that is entirely
    doubled by a bold font undoubled; trailing whitespace removed. Leading indentation is
    kept because it marks paragraph and article starts.

    Repeated until nothing changes, so `clean_line(clean_line(x)) == clean_line(x)`:
    one repair can expose another (removing letter-spacing can reveal a doubled line).
    Every step only removes characters or maps them one to one, so this terminates.
    """
    current = text
    while True:
        cleaned = _clean_once(current)
        if cleaned == current:
            return cleaned
        current = cleaned
