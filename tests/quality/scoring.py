"""Score predicted articles against hand-labelled gold articles (pure functions).

Segmentation: predicted and gold articles of one source file are matched one-to-one by the
intersection-over-union (IoU) of their line ranges. Only *content* (non-blank) lines count,
because PDF dumps scatter blank lines through articles and between them: a prediction that
starts one blank line earlier than the label is the same cut. A pair matches when its IoU is at
least `IOU_THRESHOLD` (0.6); since that is above 0.5, a prediction can overlap that much with at
most one of several disjoint gold ranges, so the greedy best-first pairing is unambiguous.
Precision, recall and F1 are counted over articles.

Field scores are accuracies over *gold* articles: a gold article that no prediction matched
counts as a miss for every field, so a splitter cannot raise its title score by dropping hard
articles.

- title: exact after whitespace normalisation (`normalise_title`); a gold article may list
  `title_alternatives` for genuinely debatable headlines (documented in its YAML comment).
- byline: the same multiset of names (order-insensitive), whitespace removed inside names.
- date: the same ISO string (None == None matches: "unknowable" is a label too).
- kind: the same ArticleKind value.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

IOU_THRESHOLD = 0.6

# Whitespace next to a non-ASCII character (CJK, full-width punctuation) is layout, not text:
# `众志成城抗疫情 党员战“疫”勇先行` and the same deck without the space are the same headline.
# Between two ASCII words (`Inner Mongolia`) a space is text and is kept (collapsed to one).
_SPACE_NEAR_WIDE = re.compile(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+")
_SPACE_RUN = re.compile(r"\s+")
# split_lines in generator.ingest.read ends lines at \r\n, \r and \n only (not at the other
# separators str.splitlines knows), so line numbers here agree with the pipeline's.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class PredictedArticle(Protocol):
    """What the scorer reads from a prediction (generator.models.RawArticle fits)."""

    @property
    def source_file(self) -> str: ...
    @property
    def line_start(self) -> int: ...
    @property
    def line_end(self) -> int: ...
    @property
    def title(self) -> str | None: ...
    @property
    def byline(self) -> tuple[str, ...]: ...
    @property
    def date(self) -> str | None: ...
    @property
    def kind(self) -> object: ...


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One hand-labelled article (see tests/data/labelled/gold/README.md for the conventions)."""

    source_file: str
    line_start: int
    line_end: int
    title: str | None
    byline: tuple[str, ...]
    date: str | None
    kind: str
    subtitle: str | None = None
    kicker: str | None = None
    dateline_place: str | None = None
    title_alternatives: tuple[str | None, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    gold: GoldArticle
    predicted: PredictedArticle
    iou: float


@dataclass(frozen=True, slots=True)
class FileAlignment:
    """The outcome of matching one source file's predictions to its gold articles."""

    source_file: str
    matches: tuple[Match, ...]
    missed: tuple[GoldArticle, ...]
    spurious: tuple[PredictedArticle, ...]


@dataclass(frozen=True, slots=True)
class Scores:
    gold_count: int
    predicted_count: int
    matched_count: int
    title_correct: int
    byline_correct: int
    date_correct: int
    kind_correct: int
    # Informational (not gated): the deck structure and the dateline place.
    subtitle_correct: int = 0
    kicker_correct: int = 0
    place_correct: int = 0

    @property
    def precision(self) -> float:
        if self.predicted_count == 0:
            return 1.0 if self.gold_count == 0 else 0.0
        return self.matched_count / self.predicted_count

    @property
    def recall(self) -> float:
        return _ratio(self.matched_count, self.gold_count)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def title_accuracy(self) -> float:
        return _ratio(self.title_correct, self.gold_count)

    @property
    def byline_accuracy(self) -> float:
        return _ratio(self.byline_correct, self.gold_count)

    @property
    def date_accuracy(self) -> float:
        return _ratio(self.date_correct, self.gold_count)

    @property
    def kind_accuracy(self) -> float:
        return _ratio(self.kind_correct, self.gold_count)

    @property
    def subtitle_accuracy(self) -> float:
        return _ratio(self.subtitle_correct, self.gold_count)

    @property
    def kicker_accuracy(self) -> float:
        return _ratio(self.kicker_correct, self.gold_count)

    @property
    def place_accuracy(self) -> float:
        return _ratio(self.place_correct, self.gold_count)


def _ratio(part: int, whole: int) -> float:
    # Nothing to get right means nothing got wrong.
    return 1.0 if whole == 0 else part / whole


def content_line_numbers(text: str) -> frozenset[int]:
    """1-based numbers of the lines of `text` that hold more than whitespace."""
    return frozenset(number for number, line in enumerate(_LINE_BREAK.split(text), start=1) if line.strip())


def line_iou(a: tuple[int, int], b: tuple[int, int], *, content_lines: frozenset[int] | None = None) -> float:
    """IoU of two inclusive line ranges, counting only `content_lines` when given.

    Falls back to counting every line when neither range holds a content line.
    """
    (a_start, a_end), (b_start, b_end) = a, b
    if content_lines is not None:
        in_a = {n for n in content_lines if a_start <= n <= a_end}
        in_b = {n for n in content_lines if b_start <= n <= b_end}
        union = len(in_a | in_b)
        if union:
            return len(in_a & in_b) / union
    size_a = max(0, a_end - a_start + 1)
    size_b = max(0, b_end - b_start + 1)
    inter = max(0, min(a_end, b_end) - max(a_start, b_start) + 1)
    union_all = size_a + size_b - inter
    return 0.0 if union_all == 0 else inter / union_all


def align_file(
    source_file: str,
    predicted: Sequence[PredictedArticle],
    gold: Sequence[GoldArticle],
    *,
    content_lines: frozenset[int] | None = None,
    threshold: float = IOU_THRESHOLD,
) -> FileAlignment:
    """Match one file's predictions to its gold articles, best IoU first, one-to-one."""
    candidates = sorted(
        (
            (line_iou((g.line_start, g.line_end), (p.line_start, p.line_end), content_lines=content_lines), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
        ),
        key=lambda c: (-c[0], gold[c[1]].line_start, predicted[c[2]].line_start, c[1], c[2]),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for iou, gi, pi in candidates:
        if iou < threshold:
            break
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi, iou))
    pairs.sort(key=lambda t: gold[t[0]].line_start)
    return FileAlignment(
        source_file=source_file,
        matches=tuple(Match(gold[gi], predicted[pi], iou) for gi, pi, iou in pairs),
        missed=tuple(g for gi, g in enumerate(gold) if gi not in used_gold),
        spurious=tuple(p for pi, p in enumerate(predicted) if pi not in used_pred),
    )


def align(
    predicted: Iterable[PredictedArticle],
    gold: Iterable[GoldArticle],
    *,
    content_lines_by_file: Mapping[str, frozenset[int]] | None = None,
    threshold: float = IOU_THRESHOLD,
) -> tuple[FileAlignment, ...]:
    """Align every source file named by either side; files sorted by name."""
    pred_by_file: dict[str, list[PredictedArticle]] = {}
    for p in predicted:
        pred_by_file.setdefault(p.source_file, []).append(p)
    gold_by_file: dict[str, list[GoldArticle]] = {}
    for g in gold:
        gold_by_file.setdefault(g.source_file, []).append(g)
    lines = content_lines_by_file or {}
    return tuple(
        align_file(
            name,
            pred_by_file.get(name, []),
            gold_by_file.get(name, []),
            content_lines=lines.get(name),
            threshold=threshold,
        )
        for name in sorted(pred_by_file.keys() | gold_by_file.keys())
    )


def normalise_title(title: str | None) -> str | None:
    """Whitespace-only normalisation; an empty or blank title is no title."""
    if title is None:
        return None
    text = _SPACE_RUN.sub(" ", _SPACE_NEAR_WIDE.sub("", title)).strip()
    return text or None


def title_matches(predicted: str | None, gold: GoldArticle) -> bool:
    """True when the predicted title equals the gold title or one of its alternatives."""
    got = normalise_title(predicted)
    return any(got == normalise_title(t) for t in (gold.title, *gold.title_alternatives))


def _name_key(names: Iterable[str]) -> Counter[str]:
    return Counter(_SPACE_RUN.sub("", n) for n in names if n.strip())


def byline_matches(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """Same names, in any order (letter-spacing inside a name ignored)."""
    return _name_key(predicted) == _name_key(gold)


def _value(kind: object) -> object:
    # ArticleKind is a str Enum; compare by its value so "photo-story" == PHOTO_STORY.
    return getattr(kind, "value", kind)


def kind_matches(predicted: object, gold: str) -> bool:
    return _value(predicted) == gold


def _iso(date: object) -> str | None:
    if date is None:
        return None
    iso = getattr(date, "isoformat", None)
    return iso() if callable(iso) else str(date)


def date_matches(predicted: object, gold: str | None) -> bool:
    return _iso(predicted) == gold


def deck_matches(predicted: str | None, gold: str | None) -> bool:
    """Subtitle or kicker: like titles, whitespace-normalised; a leading —— is not text."""
    return normalise_title(_strip_dashes(predicted)) == normalise_title(_strip_dashes(gold))


def _strip_dashes(deck: str | None) -> str | None:
    return None if deck is None else deck.strip().lstrip("—-－").strip()


def _extra(article: PredictedArticle, name: str) -> str | None:
    # subtitle/kicker/dateline_place are RawArticle fields but not part of the scoring Protocol.
    value = getattr(article, name, None)
    return value if isinstance(value, str) else None


def score(alignments: Iterable[FileAlignment]) -> Scores:
    """Sum the alignments of any number of files into one set of scores."""
    gold_count = predicted_count = matched = 0
    title = byline = date = kind = subtitle = kicker = place = 0
    for al in alignments:
        gold_count += len(al.matches) + len(al.missed)
        predicted_count += len(al.matches) + len(al.spurious)
        matched += len(al.matches)
        for m in al.matches:
            title += title_matches(m.predicted.title, m.gold)
            byline += byline_matches(m.predicted.byline, m.gold.byline)
            date += date_matches(m.predicted.date, m.gold.date)
            kind += kind_matches(m.predicted.kind, m.gold.kind)
            subtitle += deck_matches(_extra(m.predicted, "subtitle"), m.gold.subtitle)
            kicker += deck_matches(_extra(m.predicted, "kicker"), m.gold.kicker)
            place += _extra(m.predicted, "dateline_place") == m.gold.dateline_place
    return Scores(gold_count, predicted_count, matched, title, byline, date, kind, subtitle, kicker, place)


# The last three columns are informational (not gated).
TABLE_COLUMNS = (
    "set",
    "gold",
    "pred",
    "match",
    "P",
    "R",
    "F1",
    "title",
    "byline",
    "date",
    "kind",
    "subtitle",
    "kicker",
    "place",
)


def format_table(rows: Sequence[tuple[str, Scores]]) -> str:
    """A fixed-width score table, one row per (label, scores)."""
    body = [
        (
            label,
            str(s.gold_count),
            str(s.predicted_count),
            str(s.matched_count),
            *(
                f"{v:.3f}"
                for v in (
                    s.precision,
                    s.recall,
                    s.f1,
                    s.title_accuracy,
                    s.byline_accuracy,
                    s.date_accuracy,
                    s.kind_accuracy,
                    s.subtitle_accuracy,
                    s.kicker_accuracy,
                    s.place_accuracy,
                )
            ),
        )
        for label, s in rows
    ]
    widths = [max(len(TABLE_COLUMNS[i]), *(_display_width(r[i]) for r in body)) for i in range(len(TABLE_COLUMNS))]

    def fmt(cells: Sequence[str]) -> str:
        first = cells[0] + " " * (widths[0] - _display_width(cells[0]))
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join((first, *rest)).rstrip()

    return "\n".join([fmt(TABLE_COLUMNS), fmt(["-" * w for w in widths]), *map(fmt, body)])


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _describe(start: int, end: int, title: str | None) -> str:
    return f"lines {start}-{end} {title!r}"


def format_report(alignments: Iterable[FileAlignment]) -> str:
    """Readable per-file differences: missed and spurious articles, wrong fields."""
    out: list[str] = []
    for al in alignments:
        lines: list[str] = []
        for g in al.missed:
            lines.append(f"  MISSED   gold {_describe(g.line_start, g.line_end, g.title)}")
        for p in al.spurious:
            lines.append(f"  SPURIOUS pred {_describe(p.line_start, p.line_end, p.title)}")
        for m in al.matches:
            g, p = m.gold, m.predicted
            where = f"gold lines {g.line_start}-{g.line_end} ~ pred {p.line_start}-{p.line_end}"
            if not title_matches(p.title, g):
                lines.append(f"  TITLE    {where}: expected {g.title!r}, got {p.title!r}")
            if not byline_matches(p.byline, g.byline):
                lines.append(f"  BYLINE   {where}: expected {list(g.byline)}, got {list(p.byline)}")
            if not date_matches(p.date, g.date):
                lines.append(f"  DATE     {where}: expected {g.date!r}, got {_iso(p.date)!r}")
            if not kind_matches(p.kind, g.kind):
                lines.append(f"  KIND     {where}: expected {g.kind!r}, got {_value(p.kind)!r}")
            for label, name, expected in (
                ("subtitle", "subtitle", g.subtitle),
                ("kicker", "kicker", g.kicker),
            ):
                got = _extra(p, name)
                if not deck_matches(got, expected):
                    lines.append(f"  ({label}) {where}: expected {expected!r}, got {got!r}")
            got_place = _extra(p, "dateline_place")
            if got_place != g.dateline_place:
                lines.append(f"  (place)  {where}: expected {g.dateline_place!r}, got {got_place!r}")
        if lines:
            out.append(f"{al.source_file}:")
            out.extend(lines)
    return "\n".join(out) if out else "no differences"
