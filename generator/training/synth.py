"""Synthetic raw pages with gold line labels, for training and testing the line tagger.

Corpus articles (real text, `generator.training.corpus`) are laid out the way they reach us:
e-paper pages extracted from PDF, scraped web pages, multi-page scrapes, plain text dumps and
pages of one-line briefs. Because the synthesiser places every line itself, each line's label
(`generator.ingest.roles`) and each article's span and fields are known by construction.

Decisions:

* Determinism: inputs sorted by id, one `random.Random(seed)` for article order, one
  `random.Random(f"{seed}:{layout}:{n}")` per page (string seeds are hashed with SHA-512 by
  `random`, not with `hash()`); no set iteration anywhere. Same inputs, same bytes.
* Articles are drawn from a shuffled deck (refilled when empty) shared by all layouts, pages
  made round-robin over layouts: every article is used once before any is reused.
* Gold fields describe what the page prints: `title` / `subtitle` / `kicker` / `column` are
  None when not printed; `byline` is the corpus names plus invented editor names the page
  prints as credits; `date` is the corpus date only where the page gives evidence for it
  (a dateline lead, a printed source line with the date, or a page header / publish-time
  field the synthesiser printed with that very date).
* Script: corpus `hant` articles are already Traditional; about one page in five of
  Simplified articles is converted with OpenCC s2t, articles and gold alike (whole
  paragraphs, before wrapping, so wrapped lines join back to the converted title). Invented
  furniture follows the page's script.
* Encodings: UTF-8 mostly, GB18030 (Simplified) or CP950 (Traditional), UTF-16 with BOM,
  UTF-8 with BOM; `\\r\\n` on some pages. Every choice is checked with
  `generator.ingest.read.decode`; one that does not round-trip falls back to UTF-8.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.errors import IngestError
from generator.ingest.assemble import MIN_TEXT_CHARS
from generator.ingest.datelines import compact, parse_lead
from generator.ingest.read import decode
from generator.ingest.roles import Boundary, LineRole, label
from generator.training.corpus import CorpusArticle, load_corpus, outlet_key, paragraph_roles
from generator.training.furniture import FURNITURE_SPLITS, furniture_pools

__all__ = ["LAYOUTS", "GoldArticle", "SyntheticPage", "main", "synthesise"]

LAYOUTS = ("epaper", "web", "multiweb", "plain", "oneline")
# Share of scraped pages without any site chrome (reader mode, copied by hand).
BARE_WEB_SHARE = 0.15


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of a synthetic page; lines are 1-based, inclusive, as `split_lines` numbers them."""

    line_start: int
    line_end: int
    title: str | None
    subtitle: str | None
    kicker: str | None
    byline: tuple[str, ...]
    date: str | None
    kind: str
    column: str | None
    outlet: str
    corpus_id: str
    script: str


@dataclass(frozen=True, slots=True)
class SyntheticPage:
    """A page as a file (`data`, `encoding`) and as text (`\\n` breaks) with one label per line."""

    name: str
    layout: str
    text: str
    data: bytes
    encoding: str
    labels: tuple[str | None, ...]
    articles: tuple[GoldArticle, ...]


# --- page drafts ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    """A drafted line: role None means blank; story None means outside every article."""

    text: str
    role: LineRole | None
    story: int | None


@dataclass(frozen=True, slots=True)
class _Item:
    """An article as printed on this page (converted if the page is), with its paragraph roles."""

    article: CorpusArticle
    roles: tuple[LineRole, ...]
    loose_captions: tuple[str, ...]  # captions not printed inside the paragraphs


@dataclass(frozen=True, slots=True)
class _Story:
    """Gold fields of one drafted article, in the order the layout made them."""

    item: _Item
    title: str | None
    subtitle: str | None
    kicker: str | None
    column: str | None
    date: str | None
    extra_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Draft:
    lines: tuple[_Line, ...]
    stories: tuple[_Story, ...]


class _Kit:
    """Invented furniture of one page's half, in the page's script."""

    def __init__(self, pools: Mapping[str, tuple[str, ...]], convert: Callable[[str], str]) -> None:
        self.pools = pools
        self.convert = convert

    def raw(self, rng: random.Random, pool: str) -> str:
        return rng.choice(self.pools[pool])

    def pick(self, rng: random.Random, pool: str) -> str:
        return self.convert(self.raw(rng, pool))

    def name(self, rng: random.Random) -> str:
        given = "".join(self.raw(rng, "given_chars") for _ in range(rng.choice((1, 2, 2))))
        return self.convert(self.raw(rng, "surnames") + given)

    def site(self, rng: random.Random) -> str:
        return self.convert(self.raw(rng, "places") + self.raw(rng, "site_suffixes"))

    def paper(self, rng: random.Random) -> str:
        return self.convert(self.raw(rng, "places") + self.raw(rng, "paper_suffixes"))

    def host(self, rng: random.Random) -> str:
        return f"www.{self.raw(rng, 'host_words')}.{rng.choice(('com', 'cn', 'com.cn', 'net', 'gov.cn'))}"

    def digits(self, rng: random.Random, count: int) -> str:
        return "".join(str(rng.randrange(10)) for _ in range(count))

    def fill(self, rng: random.Random, template: str) -> str:
        return self.convert(
            template.format(
                site=self.raw(rng, "places") + self.raw(rng, "site_suffixes"),
                paper=self.raw(rng, "places") + self.raw(rng, "paper_suffixes"),
                place=self.raw(rng, "places"),
                abbr=self.raw(rng, "province_abbrs"),
                year=rng.randint(2015, 2024),
                digits=self.digits(rng, rng.randint(5, 8)),
                num=rng.randint(1, 99),
                host=self.host(rng),
                name=self.raw(rng, "surnames") + self.raw(rng, "given_chars"),
            )
        )

    def teaser(self, rng: random.Random) -> str:
        return self.convert(self.raw(rng, "places") + self.raw(rng, "teaser_events"))


def _blank() -> _Line:
    return _Line("", None, None)


def _out(text: str, role: LineRole) -> _Line:
    return _Line(text, role, None)


# --- text helpers -----------------------------------------------------------------------------

_BREAKS_RE = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_FULL_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INDENT = "\u3000\u3000"


def _one_line(text: str) -> str:
    """No line break may hide inside a printed line: it would shift every line number."""
    return _BREAKS_RE.sub(" ", text).strip()


def _width_of(char: str) -> float:
    # ASCII takes half a CJK cell in a PDF column; everything else a full one.
    return 0.5 if char.isascii() else 1.0


_NO_LINE_START = frozenset("，。、；：？！）】」』”’》〉,.;:?!)]")
_PUNCTUATION_ONLY_RE = re.compile(r"^[\W_]+$")


def _wrap(text: str, width: float) -> list[str]:
    """Hard-wrap at `width` cells, as a PDF extractor breaks a column; pieces stripped, none empty."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0.0
    for char in _one_line(text):
        cell = _width_of(char)
        # Typesetting never opens a line with closing punctuation: it hangs at the end of the
        # line before (the PDF text then runs one cell over the column).
        if current and used + cell > width and char not in _NO_LINE_START:
            pieces.append("".join(current))
            current, used = [], 0.0
        current.append(char)
        used += cell
    if current:
        pieces.append("".join(current))
    return [piece.strip() for piece in pieces if piece.strip()]


def _headline_lines(rng: random.Random, text: str, width: int) -> list[str]:
    """1-3 lines: short headlines sometimes break at their space, long ones wrap evenly."""
    text = _one_line(text)
    if len(text) <= width:
        parts = text.split()
        if len(parts) == 2 and rng.random() < 0.5:
            return parts
        return [text]
    width = max(width, math.ceil(len(text) / 3))
    return _wrap(text, width)


def _is_full_date(date: str | None) -> bool:
    return bool(date and _FULL_DATE_RE.match(date))


def _ymd(date: str) -> tuple[int, int, int]:
    year, month, day = (int(part) for part in date.split("-"))
    return year, month, day


def _weekday(date: str) -> str:
    return _WEEKDAYS[dt.date(*_ymd(date)).weekday()]


def _cn_date(rng: random.Random, date: str) -> str:
    year, month, day = _ymd(date)
    style = rng.randrange(4)
    if style == 0:
        return f"{year}年{month}月{day}日"
    if style == 1:
        return f"{year}年{month:02d}月{day:02d}日"
    if style == 2:
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}.{month:02d}.{day:02d}"


def _web_date(rng: random.Random, date: str) -> str:
    year, month, day = _ymd(date)
    clock = f"{rng.randint(6, 22):02d}:{rng.randrange(60):02d}"
    if rng.random() < 0.4:
        clock += f":{rng.randrange(60):02d}"
    style = rng.randrange(4)
    if style == 0:
        return f"{year}-{month:02d}-{day:02d} {clock}"
    if style == 1:
        return f"{year}年{month:02d}月{day:02d}日 {clock}"
    if style == 2:
        return f"{year}/{month:02d}/{day:02d} {clock}"
    return f"{year}-{month:02d}-{day:02d}"


def _self_date(item: _Item, *, all_printed: bool, first_printed: bool) -> str | None:
    """The corpus date when the printed paragraphs themselves carry it (dateline or source line)."""
    article = item.article
    if not _is_full_date(article.date):
        return None
    if article.date_basis == "dateline" and (all_printed or first_printed):
        return article.date
    if article.date_basis == "byline line" and all_printed:
        return article.date
    return None


def _header_date(item: _Item, printed: str | None) -> str | None:
    """A page header / publish-time field dates every article under it that has no date of its
    own: a story without a dateline on a page of 14 February was printed on 14 February."""
    return printed


def _dated_by_neighbours(stories: list[_Story]) -> list[_Story]:
    """On a page without a printed header, a story with no date of its own was filed for the
    issue its neighbours' datelines give (the most common one; ties: the latest), the
    convention the digest documents for newspaper pages."""
    counts = Counter(s.date for s in stories if s.date)
    if not counts:
        return stories
    common = max(counts.items(), key=lambda item: (item[1], item[0]))[0]
    return [s if s.date else dataclasses.replace(s, date=common) for s in stories]


def _unprinted_names(item: _Item) -> tuple[str, ...]:
    """Byline names not yet printed anywhere in the article (dateline, paragraphs, captions)."""
    article = item.article
    printed = compact("".join((article.dateline or "", *article.paragraphs, *article.captions)))
    return tuple(name for name in article.byline if compact(name) and compact(name) not in printed)


# --- building blocks --------------------------------------------------------------------------


def _paragraph_lines(
    item: _Item, story: int, *, width: float | None, style: str, skip_first: bool = False
) -> list[_Line]:
    """The article's paragraphs: hard-wrapped (`width`) or one per line; `style` marks paragraph
    breaks: "blank" (an empty line), "indent" (two full-width spaces) or "none"."""
    lines: list[_Line] = []
    pairs = list(zip(item.article.paragraphs, item.roles, strict=True))
    for index, (paragraph, role) in enumerate(pairs[1:] if skip_first else pairs):
        text = _one_line(paragraph)
        if not text or _PUNCTUATION_ONLY_RE.match(text):
            continue  # a stray `】` the source split off its paragraph is no printed line
        owner = None if role is LineRole.FURNITURE else story
        pieces = _wrap(text, width) if width is not None and role is not LineRole.FURNITURE else [text]
        if style == "indent" and role is LineRole.BODY:
            pieces[0] = _INDENT + pieces[0]
        if style == "blank" and index and lines:
            lines.append(_Line("", None, story))
        lines.extend(_Line(piece, role, owner) for piece in pieces)
    return lines


def _caption_lines(captions: Sequence[str], story: int, width: float | None) -> list[_Line]:
    lines: list[_Line] = []
    for caption in captions:
        pieces = _wrap(caption, width) if width is not None else [_one_line(caption)]
        lines.extend(_Line(piece, LineRole.CAPTION, story) for piece in pieces if piece)
    return lines


def _byline_text(rng: random.Random, kit: _Kit, names: Sequence[str], kind: str) -> str:
    joiner = rng.choice((" ", " ", "、", "  "))
    joined = joiner.join(names)
    if kind == "photo" and rng.random() < 0.6:
        return (
            f"{joined} {kit.convert('摄')}"
            if rng.random() < 0.5
            else f"{kit.convert('本报记者')} {joined} {kit.convert('摄')}"
        )
    if len(names) >= 2 and rng.random() < 0.3:
        return kit.convert(f"本报记者 {' '.join(names[:-1])} 通讯员 {names[-1]}")
    prefix = rng.choice(("本报记者 ", "□本报记者 ", "记者 ", "文/", "●本报记者 ", "本报通讯员 ", "■记者 "))
    return kit.convert(prefix) + joined


def _epaper_byline_lines(rng: random.Random, kit: _Kit, item: _Item, story: int) -> list[_Line]:
    names = _unprinted_names(item)
    if not names or rng.random() < 0.25:
        return []
    if len(names) >= 3 and rng.random() < 0.4:  # reporters on one line, the rest on the next
        split = rng.randint(1, len(names) - 1)
        return [
            _Line(_byline_text(rng, kit, names[:split], "article"), LineRole.BYLINE, story),
            _Line(kit.convert("通讯员 ") + " ".join(names[split:]), LineRole.BYLINE, story),
        ]
    return [_Line(_byline_text(rng, kit, names, item.article.kind), LineRole.BYLINE, story)]


def _page_label(rng: random.Random, kit: _Kit) -> str:
    template = kit.raw(rng, "page_label_formats")
    return kit.convert(template.format(num=rng.randint(1, 16), section=kit.raw(rng, "sections")))


def _page_credit(rng: random.Random, kit: _Kit) -> str:
    roles = [kit.raw(rng, "page_credit_roles") for _ in range(rng.randint(1, 3))]
    unique = list(dict.fromkeys(roles))
    return "  ".join(kit.convert(role) + rng.choice((" ", "：", "　")) + kit.name(rng) for role in unique)


# English notes the corpus adds after an outlet name: `延安日报 e-paper`, `yybnet.net local news`.
_ENGLISH_TAIL_RE = re.compile(r"\s+[A-Za-z][A-Za-z .\-]*$")


def _printed_outlet(rng: random.Random, kit: _Kit, item: _Item) -> str:
    """The outlet as a page prints it: its Chinese name, else an invented paper name."""
    name = _ENGLISH_TAIL_RE.sub("", outlet_key(item.article.outlet)).strip()
    return kit.convert(name) if name and not name.isascii() else kit.paper(rng)


def _paper_name(rng: random.Random, kit: _Kit, item: _Item) -> str:
    if item.article.outlet_kind in ("city", "provincial", "national") and rng.random() < 0.5:
        return _printed_outlet(rng, kit, item)
    return kit.paper(rng)


def _source_line(rng: random.Random, kit: _Kit, item: _Item) -> str:
    year, month, day = _ymd(item.article.date)
    paper = _paper_name(rng, kit, item)
    page = rng.randint(1, 16)
    if rng.random() < 0.5:
        return f"《 {paper} 》( {year}年{month:02d}月{day:02d}日 {page:02d} 版)"
    return f"《{paper}》（{year}年{month}月{day}日 第{page}版）"


# --- layout: e-paper --------------------------------------------------------------------------


def _epaper_header(rng: random.Random, kit: _Kit, anchor: _Item, date: str | None) -> list[_Line]:
    paper = _paper_name(rng, kit, anchor)
    printed = ""
    if date is not None:
        printed = _cn_date(rng, date) + (" " + kit.convert(_weekday(date)) if rng.random() < 0.7 else "")
    label_text = _page_label(rng, kit)
    style = rng.randrange(4)
    lines: list[_Line]
    if style == 0:
        lines = [_out(" ".join(part for part in (paper, printed, label_text) if part), LineRole.META)]
    elif style == 1:
        lines = [_out(part, LineRole.META) for part in (printed, label_text) if part]
    elif style == 2:
        lines = [_out(part, LineRole.META) for part in (paper, printed, label_text) if part]
    else:
        lines = [_out(" ".join(part for part in (label_text, printed) if part), LineRole.META)]
    if rng.random() < 0.3:
        lines.append(_out(_page_credit(rng, kit), LineRole.FURNITURE))
    return lines


def _epaper_story(
    rng: random.Random, kit: _Kit, item: _Item, story: int, *, width: int, style: str, page_date: str | None
) -> tuple[list[_Line], _Story]:
    article = item.article
    column = article.column if article.column and rng.random() < 0.7 else None
    if column is None and rng.random() < 0.2:
        column = kit.pick(rng, "columns")
    title = article.title
    kicker = article.kicker if title and article.kicker and rng.random() < 0.8 else None
    subtitle = article.subtitle if title and article.subtitle and rng.random() < 0.9 else None
    title_width = rng.randint(8, 20)
    first_is_body = bool(item.roles) and item.roles[0] is LineRole.BODY
    headline_after = bool(title) and first_is_body and rng.random() < 0.3

    headline: list[_Line] = []
    if kicker:
        headline += [_Line(piece, LineRole.KICKER, story) for piece in _headline_lines(rng, kicker, title_width + 4)]
    if title:
        headline += [_Line(piece, LineRole.TITLE, story) for piece in _headline_lines(rng, title, title_width)]
    if subtitle:
        deck = subtitle if subtitle.startswith("—") or rng.random() < 0.4 else "——" + subtitle
        headline += [_Line(piece, LineRole.SUBTITLE, story) for piece in _wrap(deck, title_width + 4)]

    bylines = _epaper_byline_lines(rng, kit, item, story)
    body = _paragraph_lines(item, story, width=width, style=style)
    loose = _caption_lines(item.loose_captions, story, width)
    jump_from = not headline_after and rng.random() < 0.08  # a headline-after story opens with its body
    jump_to = rng.random() < 0.08
    if jump_from:
        mark = kit.convert(rng.choice(("■上接第1版", "（上接第一版）", "(上接第1版)", "上接A1版", "（上接第1版）")))
        body.insert(0, _Line(mark, LineRole.MARK, story))
    if jump_to:
        mark = kit.convert(rng.choice(("（下转第三版）", "(下转第2版)", "下转A4版", "（下转第5版）", "■下转第三版")))
        body.append(_Line(mark, LineRole.MARK, story))
    captions_first = bool(loose) and rng.random() < 0.5

    lines: list[_Line] = []
    if headline_after:
        column = None  # a column label would open the article above its body
        lines += bylines + body + ([_Line("", None, story)] if rng.random() < 0.5 else []) + headline + loose
    else:
        if column:
            lines.append(_Line(column, LineRole.COLUMN, story))
        lines += headline
        lines += loose if captions_first else []
        lines += bylines + body
        lines += [] if captions_first else loose
    date = _self_date(item, all_printed=True, first_printed=True) or _header_date(item, page_date)
    if date is None and _is_full_date(article.date) and rng.random() < 0.4:
        # the per-story source line of web e-papers: 《XX日报》（2020年07月20日 04版）
        lines.append(_Line(_source_line(rng, kit, item), LineRole.META, story))
        date = article.date
    gold = _Story(item, title, subtitle, kicker, column, date)
    return lines, gold


def _is_report_text(text: str) -> bool:
    return len(text) >= MIN_TEXT_CHARS or any(mark in text for mark in "。！？!?")


def _short_text(item: _Item) -> tuple[str, bool]:
    """(text, carries_the_dateline): the first body paragraph, and whether it prints the
    article's dateline (a story whose first paragraph is a photo caption prints its
    `新华社…电` lead in the second, and that dates it)."""
    article = item.article
    for index, (paragraph, role) in enumerate(zip(article.paragraphs, item.roles, strict=True)):
        # A label the corpus keeps as text (`摘要`, `【一线讲述】`) is no report of its own: the
        # digest joins such a fragment to the next article, so the page must not print it as one.
        if role is LineRole.BODY and _is_report_text(_one_line(paragraph)):
            dateline = _one_line(article.dateline or "")
            return _one_line(paragraph), index == 0 or bool(dateline and _one_line(paragraph).startswith(dateline))
    return _one_line(article.paragraphs[0]) if article.paragraphs else "", True


_BRIEF_MAX = 150


def _brief_cut(text: str) -> str:
    """A brief keeps its opening sentences: cut at the last full stop within `_BRIEF_MAX` characters."""
    if len(text) <= _BRIEF_MAX:
        return text
    stop = max(text.rfind("。", 0, _BRIEF_MAX), text.rfind("！", 0, _BRIEF_MAX))
    return text[: stop + 1] if stop >= 40 else text


def _brief_lines(
    rng: random.Random, kit: _Kit, items: Sequence[tuple[int, _Item]], *, width: int, page_date: str | None
) -> tuple[list[_Line], list[_Story]]:
    """2-4 short items under one shared column label (outside every article: it is no one's)."""
    column = kit.pick(rng, "brief_columns")
    lines: list[_Line] = [_out(rng.choice(("", "■", "□", "▲")) + column, LineRole.COLUMN)]
    stories: list[_Story] = []
    for story, item in items:
        text, first = _short_text(item)
        text = _brief_cut(text)
        title = item.article.title if item.article.title and rng.random() < 0.7 else None
        if title:
            lines += [_Line(piece, LineRole.TITLE, story) for piece in _headline_lines(rng, title, width)]
            if rng.random() < 0.3:
                text = rng.choice(("　　", "■", "●")) + text
        lines += [_Line(piece, LineRole.BODY, story) for piece in _wrap(text, width)]
        if rng.random() < 0.4:
            lines.append(_blank())
        date = _self_date(item, all_printed=False, first_printed=first) or _header_date(item, page_date)
        stories.append(_Story(item, title, None, None, None, date))
    return lines, stories


def _epaper(rng: random.Random, items: Sequence[_Item], kit: _Kit) -> _Draft:
    """A newspaper page extracted from PDF: header, stories, briefs, captions, jump marks."""
    width = rng.randint(10, 35)
    style = rng.choice(("blank", "none", "indent", "indent"))
    anchor = items[0]
    page_date = anchor.article.date if _is_full_date(anchor.article.date) and rng.random() < 0.8 else None
    lines: list[_Line] = []
    if rng.random() < 0.85:
        lines += _epaper_header(rng, kit, anchor, page_date)
        lines += [_blank()] * rng.randint(0, 2)
    else:
        page_date = None  # no header printed: nothing on the page dates its stories
    brief_count = rng.randint(2, 4) if len(items) >= 4 and rng.random() < 0.35 else 0
    brief_count = min(brief_count, len(items) - 1)
    main_items = list(enumerate(items[: len(items) - brief_count]))
    stories: list[_Story] = []
    for story, item in main_items:
        story_lines, gold = _epaper_story(rng, kit, item, story, width=width, style=style, page_date=page_date)
        lines += story_lines
        stories.append(gold)
        lines += [_blank()] * rng.choice((0, 1, 1, 2))
        if rng.random() < 0.04:  # a page label left mid-page by the extractor
            lines.append(_out(_page_label(rng, kit), LineRole.FURNITURE))
    if brief_count:
        brief_items = [(len(main_items) + offset, item) for offset, item in enumerate(items[-brief_count:])]
        brief, brief_stories = _brief_lines(rng, kit, brief_items, width=width, page_date=page_date)
        lines += brief
        stories += brief_stories
    if page_date is None:
        stories = _dated_by_neighbours(stories)
    if rng.random() < 0.3:
        lines.append(_out(kit.fill(rng, kit.raw(rng, "page_footers")), LineRole.FURNITURE))
    if rng.random() < 0.2:
        lines.append(_out(_page_credit(rng, kit), LineRole.FURNITURE))
    return _Draft(tuple(_sprinkle_blanks(rng, lines, 0.03)), tuple(stories))


def _sprinkle_blanks(rng: random.Random, lines: Sequence[_Line], share: float) -> list[_Line]:
    """Random empty lines, as PDF extraction leaves them."""
    out: list[_Line] = []
    for line in lines:
        out.append(line)
        if line.role is not None and rng.random() < share:
            out.append(_blank())
    return out


# --- layout: web ------------------------------------------------------------------------------


def _nav_line(rng: random.Random, kit: _Kit) -> str:
    count = rng.randint(5, 12)
    words = [kit.pick(rng, "nav_words") for _ in range(count)]
    words = list(dict.fromkeys(words))
    return rng.choice(("  ", " | ", " ", "　", " · ")).join(words)


def _breadcrumb(rng: random.Random, kit: _Kit, item: _Item) -> str:
    sep = kit.raw(rng, "breadcrumb_seps")
    steps = [kit.convert("首页"), kit.pick(rng, "nav_words")]
    if rng.random() < 0.5:
        steps.append(item.article.column or kit.pick(rng, "columns"))
    if rng.random() < 0.6:
        steps.append(kit.convert("正文"))
    lead = kit.pick(rng, "breadcrumb_leads") if rng.random() < 0.6 else ""
    return lead + sep.join(steps)


def _web_meta(rng: random.Random, kit: _Kit, item: _Item) -> tuple[list[str], str | None, tuple[str, ...]]:
    """(header fields, printed date or None, author names printed)."""
    article = item.article
    fields: list[str] = []
    printed: str | None = None
    if _is_full_date(article.date) and rng.random() < 0.85:
        key = rng.choice(("", "", "发布时间：", "日期：", "时间：", "发布日期：", "发布时间:"))
        fields.append(kit.convert(key) + _web_date(rng, article.date))
        printed = article.date
    if rng.random() < 0.7:
        fields.append(
            kit.convert(rng.choice(("来源：", "来源:", "稿源：", "信息来源："))) + _printed_outlet(rng, kit, item)
        )
    names: tuple[str, ...] = ()
    if article.byline and rng.random() < 0.4:
        names = article.byline[: rng.randint(1, min(3, len(article.byline)))]
        fields.append(kit.convert(rng.choice(("作者：", "作者:", "记者：", "文："))) + " ".join(names))
    if rng.random() < 0.3:
        fields.append(
            kit.convert(rng.choice(("浏览量：", "阅读：", "点击数：", "浏览次数："))) + str(rng.randint(3, 98765))
        )
    if rng.random() < 0.2:
        rng.shuffle(fields)
    return fields, printed, names


def _web_page(rng: random.Random, kit: _Kit, item: _Item, story: int) -> tuple[list[_Line], _Story]:
    """One scraped article page: chrome, headline, header fields, paragraphs, tail, footer."""
    article = item.article
    furniture = LineRole.FURNITURE
    lines: list[_Line] = []
    site = kit.site(rng)
    if rng.random() < 0.3:
        lines.append(_out(" | ".join(kit.pick(rng, "site_top_lines") for _ in range(rng.randint(1, 3))), furniture))
    lines.append(_out(site, furniture))
    if rng.random() < 0.8:
        lines.append(_out(_nav_line(rng, kit), furniture))
    if rng.random() < 0.7:
        lines.append(_out(_breadcrumb(rng, kit, item), furniture))
    if rng.random() < 0.3:
        lines.append(_blank())
    # A page saved in reader mode or copied by hand has no site chrome at all: the headline
    # is the first line (drawn after the chrome so the other pages keep their draws).
    bare = rng.random() < BARE_WEB_SHARE
    if bare:
        lines.clear()

    kicker = article.kicker if article.title and article.kicker and rng.random() < 0.6 else None
    title = article.title
    subtitle = article.subtitle if title and article.subtitle and rng.random() < 0.9 else None
    if kicker:
        lines.append(_Line(_one_line(kicker), LineRole.KICKER, story))
    if title:
        lines.append(_Line(_one_line(title), LineRole.TITLE, story))
    subtitle_first = rng.random() < 0.5
    if subtitle and subtitle_first:
        lines.append(_Line(_one_line(subtitle), LineRole.SUBTITLE, story))
    fields, printed, _ = _web_meta(rng, kit, item)
    if fields:
        if rng.random() < 0.6:
            lines.append(_Line(rng.choice(("  ", " ", "　")).join(fields), LineRole.META, story))
        else:
            lines += [_Line(field, LineRole.META, story) for field in fields]
    if rng.random() < 0.4:
        lines.append(_out(kit.pick(rng, "share_lines"), furniture))
    if subtitle and not subtitle_first:
        lines.append(_Line(_one_line(subtitle), LineRole.SUBTITLE, story))
    blank_between = rng.random() < 0.5
    if blank_between or rng.random() < 0.5:
        lines.append(_Line("", None, story))
    style = "blank" if blank_between else rng.choice(("none", "none", "indent"))
    lines += _paragraph_lines(item, story, width=None, style=style)
    lines += _caption_lines(item.loose_captions, story, None)

    extra: tuple[str, ...] = ()
    if rng.random() < 0.25 and (article.province or article.city or article.column):
        words = [word for word in (article.province, article.city, article.column) if word]
        lines.append(_Line(kit.convert("关键词：") + " ".join(words), LineRole.META, story))
    if rng.random() < 0.5:
        editor = kit.name(rng)
        key = rng.choice(("责任编辑：", "[责任编辑：", "（责任编辑：", "编辑：", "责编："))
        close = {"[": "]", "（": "）"}.get(key[0], "")
        lines.append(_Line(kit.convert(key) + editor + close, LineRole.BYLINE, story))
        extra = (editor,)
    if rng.random() < 0.3:
        lines.append(
            _out(
                f"http://{kit.host(rng)}/{rng.choice(('news', 'content', 'xw', 'html'))}/"
                f"{kit.digits(rng, 6)}/t{kit.digits(rng, 8)}_{kit.digits(rng, 6)}.html",
                furniture,
            )
        )
    if rng.random() < 0.3:
        lines.append(_out(kit.pick(rng, "share_lines"), furniture))
    if rng.random() < 0.6:
        lines.append(_blank())
        lines.append(_out(kit.pick(rng, "related_headers"), furniture))
        for _ in range(rng.randint(2, 7)):
            teaser = kit.teaser(rng)
            if rng.random() < 0.3:
                teaser += f" {rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            lines.append(_out(rng.choice(("", "· ", "• ", "")) + teaser, furniture))
    if rng.random() < 0.8:
        lines.append(_blank())
        for _ in range(rng.randint(1, 4)):
            lines.append(_out(kit.fill(rng, kit.raw(rng, "footer_templates")), furniture))
    if bare:  # nor the related links and footer after the text
        while lines and lines[-1].role in (LineRole.FURNITURE, None) and lines[-1].story is None:
            lines.pop()
    date = _self_date(item, all_printed=True, first_printed=True) or _header_date(item, printed)
    return lines, _Story(item, title, subtitle, kicker, None, date, extra)


def _web(rng: random.Random, items: Sequence[_Item], kit: _Kit) -> _Draft:
    lines, story = _web_page(rng, kit, items[0], 0)
    return _Draft(tuple(lines), (story,))


def _multiweb(rng: random.Random, items: Sequence[_Item], kit: _Kit) -> _Draft:
    """2-4 scraped pages in one file, as a multi-page scrape writes them."""
    lines: list[_Line] = []
    stories: list[_Story] = []
    separator = rng.choice(("", "", "=" * 40, "-" * 30, "#" * 20))
    for story, item in enumerate(items):
        if story:
            lines += [_blank()] * rng.randint(0, 2)
            if separator:
                lines.append(_out(separator, LineRole.FURNITURE))
        page_lines, gold = _web_page(rng, kit, item, story)
        lines += page_lines
        stories.append(gold)
    return _Draft(tuple(lines), tuple(stories))


# --- layout: plain ----------------------------------------------------------------------------


def _plain(rng: random.Random, items: Sequence[_Item], kit: _Kit) -> _Draft:
    """One article as a text dump: headline, maybe a source/date line, the body."""
    item = items[0]
    article = item.article
    lines: list[_Line] = []
    title = article.title
    kicker = article.kicker if title and article.kicker and rng.random() < 0.5 else None
    if kicker:
        lines.append(_Line(_one_line(kicker), LineRole.KICKER, 0))
    if title:
        lines.append(_Line(_one_line(title), LineRole.TITLE, 0))
    printed: str | None = None
    if rng.random() < 0.75:
        parts: list[str] = []
        if _is_full_date(article.date) and rng.random() < 0.85:
            parts.append(_cn_date(rng, article.date))
            printed = article.date
        if rng.random() < 0.7 or not parts:
            parts.append(kit.convert(rng.choice(("来源：", "来源:", "稿件来源："))) + _printed_outlet(rng, kit, item))
        rng.shuffle(parts)
        wrapped = rng.random() < 0.3
        meta = " ".join(parts)
        lines.append(_Line(f"（{meta}）" if wrapped else meta, LineRole.META, 0))
    if rng.random() < 0.5:
        lines.append(_Line("", None, 0))
    width = rng.randint(20, 40) if rng.random() < 0.4 else None
    style = rng.choice(("blank", "none", "indent"))
    lines += _paragraph_lines(item, 0, width=width, style=style)
    lines += _caption_lines(item.loose_captions, 0, width)
    date = _self_date(item, all_printed=True, first_printed=True) or _header_date(item, printed)
    return _Draft(tuple(lines), (_Story(item, title, None, kicker, None, date),))


# --- layout: oneline --------------------------------------------------------------------------


# A lead the paragraph already opens with: `本报聊城讯`, `新华社北京2月6日电`, `【本报讯】`.


def _oneline(rng: random.Random, items: Sequence[_Item], kit: _Kit) -> _Draft:
    """3-8 very short articles, each one long line opening with its dateline lead."""
    lines: list[_Line] = []
    anchor = items[0].article
    page_date = anchor.date if _is_full_date(anchor.date) and rng.random() < 0.6 else None
    if page_date is not None:
        header = f"{_paper_name(rng, kit, items[0])} {_cn_date(rng, page_date)}"
        lines += [_out(header, LineRole.META), _blank()]
    between = rng.choice(("blank", "none"))
    stories: list[_Story] = []
    for story, item in enumerate(items):
        article = item.article
        text, first = _short_text(item)
        extra: tuple[str, ...] = ()
        if not article.dateline and parse_lead(text) is None:
            names = _unprinted_names(item)
            if names and rng.random() < 0.5:
                lead = kit.convert(rng.choice(("本报讯（记者 ", "本报讯(记者", "本报讯 记者 "))) + " ".join(names[:2])
                lead += "）" if "（" in lead else (")" if "(" in lead else " ")
            else:
                lead = kit.convert(rng.choice(("本报讯 ", "本报讯　", "【本报讯】", "本报讯：")))
            text = lead + text
        title = article.title if article.title and rng.random() < 0.5 else None
        if title:
            lines.append(_Line(_one_line(title), LineRole.TITLE, story))
        lines.append(_Line(text, LineRole.BODY, story))
        if between == "blank":
            lines.append(_blank())
        date = _self_date(item, all_printed=False, first_printed=first) or _header_date(item, page_date)
        stories.append(_Story(item, title, None, None, None, date, extra))
    if page_date is None:
        stories = _dated_by_neighbours(stories)
    return _Draft(tuple(lines), tuple(stories))


_LAYOUT_FUNCTIONS: Mapping[str, Callable[[random.Random, Sequence[_Item], _Kit], _Draft]] = {
    "epaper": _epaper,
    "web": _web,
    "multiweb": _multiweb,
    "plain": _plain,
    "oneline": _oneline,
}


# --- assembling a page ------------------------------------------------------------------------


def _assemble(draft: _Draft) -> tuple[tuple[str, ...], tuple[str | None, ...], tuple[GoldArticle, ...]]:
    """Lines, labels and gold articles of a draft; checks that every article's span is its own."""
    lines = [
        line if line.text.strip() and line.role is not None else _Line("", None, line.story) for line in draft.lines
    ]
    while lines and lines[0].role is None:
        lines.pop(0)
    while lines and lines[-1].role is None:
        lines.pop()
    texts = tuple(line.text if line.role is not None else "" for line in lines)
    labels: list[str | None] = []
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for number, line in enumerate(lines, start=1):
        if line.role is None:
            labels.append(None)
            continue
        if line.story is None:
            labels.append(label(Boundary.OUTSIDE, line.role))
            continue
        boundary = Boundary.INSIDE if line.story in first else Boundary.BEGIN
        first.setdefault(line.story, number)
        last[line.story] = number
        labels.append(label(boundary, line.role))
    for story, start in first.items():
        for number in range(start, last[story] + 1):
            owner = lines[number - 1]
            if owner.role is not None and owner.story is not None and owner.story != story:
                raise AssertionError(f"article {story} interleaves with article {owner.story} at line {number}")
    gold = []
    for story in sorted(first, key=first.__getitem__):
        drafted = draft.stories[story]
        article = drafted.item.article
        gold.append(
            GoldArticle(
                line_start=first[story],
                line_end=last[story],
                title=drafted.title,
                subtitle=drafted.subtitle,
                kicker=drafted.kicker,
                byline=tuple(article.byline) + drafted.extra_names,
                date=drafted.date,
                kind=article.kind,
                column=drafted.column,
                outlet=article.outlet,
                corpus_id=article.id,
                script=article.script,
            )
        )
    return texts, tuple(labels), tuple(gold)


def _encode(rng: random.Random, text: str, *, script: str, name: str) -> tuple[bytes, str]:
    """The page as its file: an encoding and line ending per page, checked to decode back."""
    newline = "\r\n" if rng.random() < 0.2 else "\n"
    on_disk = text.replace("\n", newline)
    legacy: tuple[str, ...] = ("gb18030",) if script == "hans" else ("cp950", "big5hkscs")
    choice = rng.choices(("utf-8", "legacy", "utf-16", "utf-8-sig"), weights=(62, 22, 10, 6))[0]
    candidates = legacy if choice == "legacy" else (choice,)
    for encoding in candidates:
        if encoding == "utf-8":
            break
        try:
            data = on_disk.encode(encoding)
            if decode(data, name=name)[0] == on_disk:
                return data, encoding
        except (UnicodeEncodeError, IngestError):
            continue
    return on_disk.encode("utf-8"), "utf-8"


# --- articles and script ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _s2t() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2t").convert


def _identity(text: str) -> str:
    return text


def _to_traditional(article: CorpusArticle, convert: Callable[[str], str]) -> CorpusArticle:
    def maybe(text: str | None) -> str | None:
        return convert(text) if text is not None else None

    return dataclasses.replace(
        article,
        title=maybe(article.title),
        subtitle=maybe(article.subtitle),
        kicker=maybe(article.kicker),
        byline=tuple(convert(name) for name in article.byline),
        dateline=maybe(article.dateline),
        paragraphs=tuple(convert(paragraph) for paragraph in article.paragraphs),
        captions=tuple(convert(caption) for caption in article.captions),
        column=maybe(article.column),
        script="hant",
    )


# Share of stories printed without their dateline lead on pages other than `oneline`: many
# stories carry no 电头 (features, photo stories, city papers), and a splitter that leans
# on leads alone cuts such pages into one article.
LEADLESS_SHARE = 0.4


def _without_lead(article: CorpusArticle) -> CorpusArticle:
    """The article printed without the dateline lead its first paragraph opens with."""
    if not article.paragraphs:
        return article
    lead = parse_lead(article.paragraphs[0])
    rest = article.paragraphs[0][lead.end :].lstrip(" 　:：，,") if lead else ""
    if lead is None or len(rest) < 10:
        return article
    basis = "unknown" if article.date_basis == "dateline" else article.date_basis
    return dataclasses.replace(article, paragraphs=(rest, *article.paragraphs[1:]), dateline=None, date_basis=basis)


def _item(article: CorpusArticle, roles: tuple[LineRole, ...]) -> _Item:
    printed = compact("".join(article.paragraphs))
    loose = tuple(caption for caption in article.captions if compact(caption) and compact(caption) not in printed)
    return _Item(article, roles, loose)


class _Deck:
    """Articles in shuffled order, refilled when used up; `take` may prefer some over the next."""

    _LOOKAHEAD = 60

    def __init__(self, pool: Sequence[CorpusArticle], rng: random.Random) -> None:
        self._pool = list(pool)
        self._rng = rng
        self._cards: list[CorpusArticle] = []

    def take(
        self, *, exclude: Sequence[str] = (), score: Callable[[CorpusArticle], int] | None = None
    ) -> CorpusArticle:
        for _ in range(2):
            if not self._cards:
                self._cards = list(self._pool)
                self._rng.shuffle(self._cards)
            window = [
                (index, card) for index, card in enumerate(self._cards[: self._LOOKAHEAD]) if card.id not in exclude
            ]
            if window:
                best = max(window, key=lambda pair: (score(pair[1]) if score else 0, -pair[0]))
                return self._cards.pop(best[0])
            self._cards += self._rng.sample(self._pool, len(self._pool))
        return self._cards.pop(0)


def _same_time(anchor: CorpusArticle) -> Callable[[CorpusArticle], int]:
    """Prefer stories a page header dated like the anchor is true for: same day, month, year."""

    def score(article: CorpusArticle) -> int:
        if article.date == anchor.date:
            return 3
        if article.date[:7] == anchor.date[:7]:
            return 2
        return 1 if article.date[:4] == anchor.date[:4] else 0

    return score


def _short_first(anchor: CorpusArticle) -> Callable[[CorpusArticle], int]:
    same = _same_time(anchor)

    def score(article: CorpusArticle) -> int:
        short = bool(article.paragraphs) and len(article.paragraphs[0]) <= 220
        # A page's reports are of one issue: the same day, month or year weighs most.
        return 3 * same(article) + 2 * bool(article.dateline) + 2 * short

    return score


def _page_size(rng: random.Random, layout: str) -> int:
    return {
        "epaper": rng.randint(2, 8),
        "web": 1,
        "multiweb": rng.randint(2, 4),
        "plain": 1,
        "oneline": rng.randint(3, 8),
    }[layout]


def _draw(rng: random.Random, deck: _Deck, layout: str, pool_size: int) -> list[CorpusArticle]:
    count = min(_page_size(rng, layout), pool_size)
    chosen = [deck.take()]
    scorer = {"epaper": _same_time, "oneline": _short_first}.get(layout)
    while len(chosen) < count:
        taken = [article.id for article in chosen]
        chosen.append(deck.take(exclude=taken, score=scorer(chosen[0]) if scorer else None))
    return chosen


def _page(
    layout: str,
    index: int,
    seed: int,
    chosen: Sequence[CorpusArticle],
    roles: Mapping[str, tuple[LineRole, ...]],
    furniture: str,
) -> SyntheticPage:
    rng = random.Random(f"{seed}:{layout}:{index}")
    name = f"synth/{layout}-{index + 1:04d}.txt"
    convert_page = all(article.script == "hans" for article in chosen) and rng.random() < 0.2
    if convert_page:
        chosen = [_to_traditional(article, _s2t()) for article in chosen]
    if layout != "oneline":
        chosen = [_without_lead(a) if a.dateline and rng.random() < LEADLESS_SHARE else a for a in chosen]
    items = [_item(article, roles[article.id]) for article in chosen]
    script = "hant" if all(article.script == "hant" for article in chosen) else "hans"
    kit = _Kit(furniture_pools(furniture), _s2t() if script == "hant" else _identity)
    draft = _LAYOUT_FUNCTIONS[layout](rng, items, kit)
    texts, labels, gold = _assemble(draft)
    text = "\n".join(texts) + "\n"
    data, encoding = _encode(rng, text, script=script, name=name)
    return SyntheticPage(name, layout, text, data, encoding, labels, gold)


def synthesise(
    articles: Sequence[CorpusArticle], *, seed: int, pages_per_layout: int, furniture: str = "all"
) -> tuple[SyntheticPage, ...]:
    """`pages_per_layout` pages of every layout in LAYOUTS, made round-robin; deterministic.

    `furniture` ("train", "test", "all") chooses the half of the invented-phrase pools the
    pages draw their furniture from.
    """
    if furniture not in FURNITURE_SPLITS:
        raise ValueError(f"furniture must be one of {', '.join(FURNITURE_SPLITS)}, not {furniture!r}")
    pool = sorted(articles, key=lambda article: article.id)
    if not pool or pages_per_layout <= 0:
        return ()
    roles = {article.id: paragraph_roles(article) for article in pool}
    deck = _Deck(pool, random.Random(seed))
    pages: dict[str, list[SyntheticPage]] = {layout: [] for layout in LAYOUTS}
    for index in range(pages_per_layout):
        for layout in LAYOUTS:
            chosen = _draw(random.Random(f"{seed}:{layout}:{index}:draw"), deck, layout, len(pool))
            pages[layout].append(_page(layout, index, seed, chosen, roles, furniture))
    return tuple(page for layout in LAYOUTS for page in pages[layout])


# --- command line -----------------------------------------------------------------------------


def _gold_row(page: SyntheticPage) -> dict[str, object]:
    return {
        "name": page.name,
        "layout": page.layout,
        "encoding": page.encoding,
        "labels": list(page.labels),
        "articles": [dataclasses.asdict(article) for article in page.articles],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.training.synth", description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pages", type=int, default=40, help="pages per layout (default 40)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the page files and gold.jsonl")
    parser.add_argument("--furniture", choices=FURNITURE_SPLITS, default="all")
    parser.add_argument("--corpus", type=Path, default=None, help="articles.jsonl (default: $DIGEST_CORPUS or shared)")
    args = parser.parse_args(argv)
    pages = synthesise(load_corpus(args.corpus), seed=args.seed, pages_per_layout=args.pages, furniture=args.furniture)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "gold.jsonl").open("w", encoding="utf-8") as gold:
        for page in pages:
            target = args.out / page.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.data)
            gold.write(json.dumps(_gold_row(page), ensure_ascii=False) + "\n")
    print(f"wrote {len(pages)} pages and gold.jsonl to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
