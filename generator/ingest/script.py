"""Traditional -> Simplified Chinese with OpenCC."""

from __future__ import annotations

from functools import lru_cache

import opencc

from generator.ingest.chars import is_han

# Share of Han characters that t2s changes above which a text is Traditional. Simplified
# text is changed too, rarely (variant forms), so a small share is not enough.
_TRADITIONAL_SHARE = 0.08
_TRADITIONAL_MIN_CHANGED = 2


@lru_cache(maxsize=4)
def converter(config: str = "t2s") -> opencc.OpenCC:
    """One OpenCC converter per configuration name, built on first use."""
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """`text` converted to Simplified Chinese (OpenCC `t2s`, phrase-aware)."""
    if not text:
        return text
    return str(converter("t2s").convert(text))


def looks_traditional(text: str) -> bool:
    """True when enough of `text`'s Han characters change under t2s conversion."""
    converted = to_simplified(text)
    han = 0
    changed = 0
    # t2s maps character for character except for rare phrase rewrites; compare by
    # position and fall back to set difference when the lengths differ.
    if len(converted) == len(text):
        for before, after in zip(text, converted, strict=True):
            if is_han(before):
                han += 1
                changed += before != after
    else:
        simplified = set(converted)
        for before in text:
            if is_han(before):
                han += 1
                changed += before not in simplified
    return changed >= _TRADITIONAL_MIN_CHANGED and changed >= _TRADITIONAL_SHARE * han
