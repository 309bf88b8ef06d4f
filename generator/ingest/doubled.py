"""Doubled glyphs from bold fonts: `发放惠企发放惠企““大红包大红包””` -> `发放惠企“大红包”`.

PDF dumps of headlines set in fake bold (text drawn twice) repeat every run of
characters between punctuation marks, and every punctuation mark, twice. The artifact
is recognised per line only when ALL of these hold, so real repetition in prose
(`两手抓、两不误`, `谢谢谢谢`, `天天`) is untouched:

* every text run is some X written twice (XX), or the whole line is (spaces included);
* every punctuation run is made of identical pairs (`““`, `，，`);
* the undoubled text is long enough to be a headline fragment: three or more characters
  in all, or two or more doubled runs; and no X is one character repeated
  (`谢谢谢谢` -> X=`谢谢` is a real reduplication).

A text run may also be doubled chunk by chunk where the PDF broke the line into spans
(`上门服务上门服务助复工助复工` -> `上门服务助复工`): it is undone only when the WHOLE run
splits into doubled chunks (X1X1 X2X2 …) of two or more characters each, with at least
`_MIN_CHUNKED_CHARS` characters left, so reduplicated verbs in prose (`研究研究`) and
AABB words (`高高兴兴`) are untouched.

Dashes and ellipses are printed in pairs (`——`, `……`) in normal text, so a pair of
them neither proves nor disproves doubling; four of them are halved like other marks.
"""

from __future__ import annotations

import re

# Text runs (letters, digits, Han), whitespace runs, and runs of one repeated mark.
_TOKEN_RE = re.compile(r"\w+|\s+|([^\w\s])\1*")
_PAIRED_IN_PROSE = frozenset("…—-─_.·")
_MIN_UNDOUBLED_CHARS = 3
# A chunk-by-chunk doubled run: each chunk at least two characters, five or more in all.
_MIN_CHUNK_CHARS = 2
_MIN_CHUNKED_CHARS = 5
# Headline runs are short; longer runs are prose and are not searched (nor is a whole line
# longer than two such runs halved).
_MAX_CHUNKED_RUN = 80


def _halve_run(run: str) -> str | None:
    """X for a text run XX, else None."""
    half, odd = divmod(len(run), 2)
    if odd or half == 0 or run[:half] != run[half:]:
        return None
    return run[:half]


def _halve_chunks(run: str) -> str | None:
    """X1X2… for a run X1X1X2X2… (every chunk doubled, each of two or more characters,
    none one repeated character), else None. The shortest first chunk that lets the rest
    split too is taken."""
    if len(run) > _MAX_CHUNKED_RUN or len(run) < 2 * _MIN_CHUNKED_CHARS or len(run) % 2:
        return None

    # Starts from which the rest cannot be split: without them, runs like `abab…abcd`
    # would be retried along every tiling (exponential).
    dead: set[int] = set()

    def split(start: int) -> str | None:
        if start == len(run):
            return ""
        if start in dead:
            return None
        for size in range(_MIN_CHUNK_CHARS, (len(run) - start) // 2 + 1):
            chunk = run[start : start + size]
            if chunk == run[start + size : start + 2 * size] and len(set(chunk)) > 1:
                rest = split(start + 2 * size)
                if rest is not None:
                    return chunk + rest
        dead.add(start)
        return None

    halved = split(0)
    return halved if halved is not None and len(halved) >= _MIN_CHUNKED_CHARS else None


def _is_text(token: str) -> bool:
    # `\w` is exactly the alphanumerics plus underscore.
    return token[0].isalnum() or token[0] == "_"


def undouble_once(line: str) -> str | None:
    """The line with doubling undone, or None when the line is not a doubled artifact."""
    stripped = line.strip()
    if len(stripped) < 2:
        return None
    leading = line[: len(line) - len(line.lstrip())]
    trailing = line[len(line.rstrip()) :]
    # Only a headline-length line can be one bold line drawn twice; a long prose line that
    # repeats its paragraph (scraped pages do) is the text as printed.
    whole = _halve_run(stripped) if len(stripped) <= 2 * _MAX_CHUNKED_RUN else None
    if whole is not None and len(whole.replace(" ", "")) >= _MIN_UNDOUBLED_CHARS and len(set(whole)) > 1:
        # The whole line twice, spaces included: `大兴安岭 防火大兴安岭 防火`.
        return leading + whole + trailing
    tokens = [match.group(0) for match in _TOKEN_RE.finditer(stripped)]
    out: list[str] = []
    undoubled_chars = 0
    doubled_runs = 0
    evidence = False
    for token in tokens:
        if token.isspace():
            out.append(token)
        elif _is_text(token):
            half = _halve_run(token)
            if half is None:
                half = _halve_chunks(token)
            if half is None or (len(half) > 1 and len(set(half)) == 1):
                return None
            out.append(half)
            undoubled_chars += len(half)
            doubled_runs += 1
            evidence = True
        else:
            mark = token[0]
            if len(token) % 2:
                return None
            if mark in _PAIRED_IN_PROSE and len(token) == 2:
                out.append(token)
                continue
            out.append(token[: len(token) // 2])
            evidence = True
    if not evidence:
        return None
    if doubled_runs and undoubled_chars < _MIN_UNDOUBLED_CHARS and doubled_runs < 2:
        return None
    return leading + "".join(out) + trailing


def undouble(line: str) -> str:
    """Undo bold-font doubling in `line`, repeatedly (text drawn four times halves twice).

    Returns `line` unchanged when it is not entirely doubled.
    """
    current = line
    while True:
        halved = undouble_once(current)
        if halved is None or halved == current:
            return current
        current = halved


def is_doubled(line: str) -> bool:
    """True when `line` is a bold-font doubling artifact that `undouble` would change."""
    return undouble_once(line) is not None
