"""Split a decoded seed into articles: `split_document(doc) -> tuple[RawArticle, ...]`.

Newspaper pages are cut by their structure (see `units` and `segments`); web
pages, plain and annotated files hold one article each (a web page's article is
bounded by its headline line and the editor credits, see `web_article`; other
files may open with a headline and a byline block). Metadata comes from the
article's own lead and bylines first, then the page, then the sidecar (see
`metadata`); a page that never writes its year takes `default_year`. Titles,
bylines and places of Traditional text are given in Simplified. Pure: no I/O.

Photo captions are short headline-less blocks: after the page's last titled
article (a section label of a word or two under them is furniture), or right
under a photo story whose words they repeat. They go to the photo story they
describe, never become articles, and stay outside its line range.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.ingest.assemble import ArticleLines, TaggedLine, assemble
from generator.ingest.clean import (
    clean_line,
    join_paragraphs,
    looks_traditional,
    strip_marks,
    strip_web_boilerplate,
    to_simplified,
)
from generator.ingest.clean_web import header_fields, strip_channel_prefix
from generator.ingest.datelines import (
    Lead,
    byline_line_names,
    compact,
    credit_line_names,
    editor_credit_names,
    is_credit_line,
    is_lead_start,
    is_photo_byline,
    parse_lead,
    photo_credit_names,
    trailing_byline,
)
from generator.ingest.headlines import SUBTITLE_RE, Headline, compose_headline, join_decks
from generator.ingest.line_features import PageLine, page_lines
from generator.ingest.metadata import (
    article_date,
    article_kind,
    article_outlet,
    infer_year,
    iso_date,
    meta_value,
    outlet_from_meta,
    page_date,
    paper_name,
    parse_iso_date,
)
from generator.ingest.roles import Boundary, LineRole
from generator.ingest.segments import Segment, segment_units
from generator.ingest.single import (
    PAGE_HEADLINE,
    author_names,
    byline_block,
    leading_headline_block,
    title_line,
    web_title,
)
from generator.ingest.source_url import addresses_by_article, web_address
from generator.ingest.units import WRAPPED_CLOSE_RE, Unit, UnitKind, page_units
from generator.ingest.web_article import (
    article_end,
    bound_article,
    headline_line,
    headline_text,
)
from generator.models import RawArticle, SourceDocument, SourceFormat, SourceLine

if TYPE_CHECKING:
    from generator.ingest.tagger import LineTagger

log = logging.getLogger(__name__)

# A caption is a short block: a photo's description, not a report.
MAX_CAPTION_CHARS = 90
# Share of a caption's character pairs found in the story it illustrates.
MIN_CAPTION_OVERLAP = 0.3
# A section label is a word or two (`图片新闻`, `盟市新闻`), never a headline's length.
MAX_LABEL_CHARS = 6
LEAD_LINES = 3
MIN_PROSE_CHARS = 20
# Punctuation that closes or continues a sentence cannot begin one.
_MID_SENTENCE_START_RE = re.compile(r"^\s*[，。、；：！？）》”’」』…,.;:!?)]")
_PROSE_END_RE = re.compile(r"[。！？!?；;]")
_HAN_PAIR_SPACE_RE = re.compile(r"(?<=[\u3400-\u9fff，。、；：！？“”])\s+(?=[\u3400-\u9fff，。、；：！？“”])")


@dataclass(frozen=True, slots=True)
class _Body:
    """An article's text after marks and bylines have been taken off."""

    lines: tuple[str, ...]
    byline: tuple[str, ...]
    lead: Lead | None
    continues_to: str | None
    continued_from: str | None
    photo: bool


@dataclass(frozen=True, slots=True)
class _PageContext:
    """What the page (not the article) tells about dates and outlet."""

    year: int | None
    page_date: str | None
    header_date: str | None
    sidecar_date: str | None
    meta_outlet: str | None
    sidecar_outlet: str | None


def _cleaned(lines: Sequence[SourceLine]) -> tuple[SourceLine, ...]:
    return tuple(SourceLine(line.number, clean_line(line.text)) for line in lines)


def _body(units: Sequence[Unit]) -> _Body:
    """Body lines of an article ('' between units), with marks and bylines extracted."""
    names: list[str] = []  # from byline blocks above the body
    closing: list[str] = []  # from bylines after the body
    lines: list[str] = []
    photo = False
    for unit in units:
        if unit.kind is UnitKind.BYLINE:
            photo = photo or unit.photo
            for text in map(to_simplified, unit.texts):
                # Read in Simplified: the surname table that cuts `朱 磊 陈 晗` is Simplified.
                found = byline_line_names(text)
                names.extend(found if found is not None else (credit_line_names(text) or photo_credit_names(text)))
            continue
        if unit.kind is UnitKind.CLOSER:
            # A page jump in the parentheses (`（下转第三版）`) names no reporter.
            closer = trailing_byline(strip_marks(unit.texts[0]).text.rstrip())
            closing.extend(closer.names if closer else ())
            continue
        if lines:
            lines.append("")
        lines.extend(line.text.rstrip() for line in unit.lines)
    continues_to: str | None = None
    continued_from: str | None = None
    stripped: list[str] = []
    for text in lines:
        marks = strip_marks(text)
        continues_to = continues_to or marks.continues_to
        continued_from = continued_from or marks.continued_from
        stripped.append(marks.text.rstrip() if (marks.text.strip() or not text.strip()) else "")
    while stripped and not stripped[-1].strip():
        stripped.pop()
    while stripped and not stripped[0].strip():
        stripped.pop(0)
    if stripped:
        closer = trailing_byline(stripped[-1])
        if closer is not None:
            closing[:0] = closer.names
            stripped[-1] = closer.text
        elif len(stripped) >= 2 and WRAPPED_CLOSE_RE.match(stripped[-1].strip()):
            # A byline wrapped over the last two lines: `…工作。（记者 王` / `静）`.
            closer = trailing_byline(f"{stripped[-2].rstrip()} {stripped[-1].strip()}")
            if closer is not None:
                closing[:0] = closer.names
                stripped[-2:] = [closer.text]
    lead_text = " ".join(t.strip() for t in stripped[:LEAD_LINES] if t.strip())
    lead = parse_lead(lead_text)
    lead_names = lead.names if lead is not None else ()
    return _Body(
        lines=tuple(stripped),
        byline=tuple(dict.fromkeys((*lead_names, *names, *closing))),
        lead=lead,
        continues_to=continues_to,
        continued_from=continued_from,
        photo=photo,
    )


def _headline(segment: Segment) -> Headline:
    return compose_headline(tuple(unit.texts for unit in segment.heads))


def _script(paragraphs: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """(simplified paragraphs, original paragraphs, traditional?)."""
    if paragraphs and looks_traditional("".join(paragraphs)):
        return tuple(to_simplified(p) for p in paragraphs), paragraphs, True
    return paragraphs, (), False


def _simplify(text: str | None, traditional: bool) -> str | None:
    return to_simplified(text) if (text and traditional) else text


def _has_prose(paragraphs: tuple[str, ...]) -> bool:
    """True if the text holds a sentence, not just a label or a stray line."""
    text = "".join(paragraphs)
    return len(compact(text)) >= MIN_PROSE_CHARS or _PROSE_END_RE.search(text) is not None


def _make_article(
    doc: SourceDocument,
    *,
    line_start: int,
    line_end: int,
    body: _Body,
    headline: Headline,
    context: _PageContext,
    captions: tuple[str, ...] = (),
    starts_mid_sentence: bool = False,
    url_in_text: str | None = None,
) -> RawArticle | None:
    paragraphs, original, traditional = _script(join_paragraphs(body.lines))
    paragraphs = tuple(p for p in paragraphs if p.strip())
    if not _has_prose(paragraphs):
        return None
    if headline.title and is_credit_line(to_simplified(headline.title)):
        # A credit line (`新华社记者 范培珅 摄`, `[责任编辑：苏倩]`) is never the headline: an
        # untitled story stays untitled rather than wear its photographer's name.
        headline = Headline(title=None)
    lead = body.lead
    dateline = iso_date(context.year, lead.month, lead.day) if lead else None
    kind = article_kind(
        paragraphs,
        continued_from=body.continued_from,
        photo=body.photo,
        has_title=headline.title is not None,
        has_byline=bool(body.byline) or lead is not None,
        starts_mid_sentence=starts_mid_sentence,
    )
    date, date_basis = article_date(
        dateline=dateline,
        header_date=context.header_date,
        sidecar_date=context.sidecar_date,
        page=context.page_date,
    )
    opening = parse_lead(paragraphs[0])
    return RawArticle(
        source_file=doc.name,
        lead_end=opening.end if opening else 0,
        line_start=line_start,
        line_end=line_end,
        format=doc.format,
        kind=kind,
        title=_simplify(headline.title, traditional),
        subtitle=_simplify(headline.subtitle, traditional),
        kicker=_simplify(headline.kicker, traditional),
        paragraphs=paragraphs,
        paragraphs_original=original,
        byline=tuple(dict.fromkeys(_simplify(n, traditional) or n for n in body.byline)),
        date=date,
        date_basis=date_basis,
        dateline_place=_simplify(lead.place, traditional) if lead else None,
        outlet=article_outlet(
            lead_outlet=_simplify(lead.outlet, traditional) if lead else None,
            meta_outlet=context.meta_outlet,
            sidecar_outlet=context.sidecar_outlet,
        ),
        continues_to=body.continues_to,
        continued_from=body.continued_from,
        captions=captions,
        page=doc.sidecar.page if doc.sidecar else None,
        # An editor's sidecar first, then the page's own metadata, then the address the text prints.
        url=(doc.sidecar.url if doc.sidecar else None) or web_address(meta_value(doc.meta, "url")) or url_in_text,
    )


def _opens_mid_sentence(segment: Segment, body: _Body) -> bool:
    """True for text at the top of a page that begins inside a sentence (`，…` / `”…`):
    the tail of an article from another page that lost its `上接` mark."""
    if segment.heads_before or segment.opened_hard or not body.lines:
        return False
    return _MID_SENTENCE_START_RE.match(body.lines[0]) is not None


def _caption_text(unit: Unit) -> str:
    joined = "".join(t.strip() for t in unit.texts)
    return _HAN_PAIR_SPACE_RE.sub("", joined)


def _only_label_after(segment: Segment) -> bool:
    """Heads that are only a short section label printed under the page's last text
    (`盟市新闻`): when that text is captions, the label is page furniture."""
    return not segment.heads_before and all(
        len(unit.lines) == 1 and len(compact(unit.texts[0])) <= MAX_LABEL_CHARS for unit in segment.heads_after
    )


def _is_caption_segment(segment: Segment) -> bool:
    """A trailing run of short blocks with no headline, lead or byline: photo captions."""
    if (segment.heads and not _only_label_after(segment)) or segment.opened_hard:
        return False
    texts = [u for u in segment.body if u.kind is UnitKind.TEXT]
    if not texts or len(texts) != len(segment.body):
        return False
    return all(len(compact(_caption_text(u))) <= MAX_CAPTION_CHARS for u in texts)


def _bigrams(text: str) -> frozenset[str]:
    chars = compact(text)
    return frozenset(chars[i : i + 2] for i in range(len(chars) - 1))


def _caption_owner(caption: str, stories: Sequence[tuple[int, str]]) -> int:
    """Index of the photo story sharing the most character pairs with `caption`."""
    grams = _bigrams(caption)
    best = max(stories, key=lambda item: (len(grams & _bigrams(item[1])), item[0]))
    return best[0]


def _describes_photo_above(
    segment: Segment, index: int, stories: Sequence[int], story_texts: Sequence[tuple[int, str]]
) -> bool:
    """Caption blocks printed right under a photo story (not at the page foot): they
    follow its headline and repeat its words, as a caption describes the picture."""
    if index - 1 not in stories:
        return False
    story = dict(story_texts)[index - 1]
    grams = _bigrams("".join(_caption_text(u) for u in segment.body))
    return bool(grams) and len(grams & _bigrams(story)) >= MIN_CAPTION_OVERLAP * len(grams)


def _context(
    doc: SourceDocument, lines: Sequence[str], meta: Sequence[tuple[str, str]], default_year: int | None
) -> _PageContext:
    header_date = meta_value(meta, "date", "published", "publish_date", "发布日期")
    sidecar = doc.sidecar
    year = infer_year(
        known_dates=(header_date, sidecar.date if sidecar else None),
        texts=lines,
    )
    if year is None:
        year = default_year
    return _PageContext(
        year=year,
        page_date=None,
        header_date=header_date,
        sidecar_date=sidecar.date if sidecar else None,
        meta_outlet=outlet_from_meta(meta),
        sidecar_outlet=sidecar.outlet if sidecar else None,
    )


def _split_page(doc: SourceDocument, default_year: int | None) -> tuple[RawArticle, ...]:
    lines = _cleaned(doc.lines)
    context = _context(doc, [line.text for line in lines], doc.meta, default_year)
    segments = segment_units(page_units(lines))
    bodies = [_body(segment.body) for segment in segments]
    datelines = [iso_date(context.year, b.lead.month, b.lead.day) if b.lead else None for b in bodies]
    context = replace(context, page_date=page_date(datelines))
    # Captions: short headline-less blocks after the last titled article, if the
    # page has photo stories to hang them on.
    stories = [i for i, b in enumerate(bodies) if b.photo]
    last_titled = max((i for i, s in enumerate(segments) if s.heads and not _is_caption_segment(s)), default=-1)
    captions: dict[int, list[str]] = {i: [] for i in stories}
    caption_segments: set[int] = set()
    if stories:
        story_texts = [(i, "".join(bodies[i].lines) + (_headline(segments[i]).title or "")) for i in stories]
        for index, segment in enumerate(segments):
            if _is_caption_segment(segment) and (
                index > last_titled or _describes_photo_above(segment, index, stories, story_texts)
            ):
                caption_segments.add(index)
                for unit in segment.body:
                    text = _caption_text(unit)
                    captions[_caption_owner(text, story_texts)].append(text)
    articles: list[RawArticle] = []
    for index, (segment, body) in enumerate(zip(segments, bodies, strict=True)):
        if index in caption_segments:
            continue
        article = _make_article(
            doc,
            line_start=segment.first_line,
            line_end=segment.last_line,
            body=body,
            headline=_headline(segment),
            context=context,
            captions=tuple(captions.get(index, ())),
            starts_mid_sentence=index == 0 and _opens_mid_sentence(segment, body),
        )
        if article is not None:
            articles.append(article)
    return tuple(articles)


def _split_single(doc: SourceDocument, default_year: int | None) -> tuple[RawArticle, ...]:
    """One article per file: web pages, plain text, annotated text, extracted HTML."""
    all_lines = lines = _cleaned(doc.lines)
    meta: tuple[tuple[str, str], ...] = tuple(doc.meta)
    head_line: SourceLine | None = None
    if doc.format in (SourceFormat.WEB_PAGE, SourceFormat.HTML):
        # Extracted HTML can keep site furniture too (breadcrumbs, with recall favoured).
        kept, found = strip_web_boilerplate(lines)
        # Text above the page's headline (among the lines the stripper kept) and below the
        # editor credits is the site's.
        head_line = headline_line(kept)
        lines = bound_article(kept, after=head_line.number if head_line else None, before=article_end(lines))
        meta = meta + tuple(found)
        if head_line is not None:
            meta = (*meta, (PAGE_HEADLINE, headline_text(head_line)))
    nonblank = [line for line in lines if line.text.strip()]
    if not nonblank:
        return ()
    title = web_title(meta)
    heads: tuple[str, ...] = ()
    body_lines = lines
    if title is None:
        heads, body_lines = leading_headline_block(lines)
    credits, body_lines = byline_block(body_lines)
    opening = (
        (Unit(UnitKind.BYLINE, credits, photo=is_photo_byline(tuple(c.text for c in credits))),) if credits else ()
    )
    body = _body((*opening, Unit(UnitKind.TEXT, body_lines)))
    if not body.byline:
        body = replace(body, byline=author_names(meta))
    # The headline line itself when it shows the title, else the first line above the text that does.
    start = title_line(all_lines, title, before=nonblank[0].number)
    if head_line is not None and title is not None and compact(title) in compact(head_line.text):
        start = head_line.number
    (url,) = addresses_by_article(((line.number, line.text) for line in doc.lines), (1,))
    article = _make_article(
        doc,
        line_start=start or nonblank[0].number,
        line_end=nonblank[-1].number,
        body=body,
        headline=compose_headline((heads,)) if heads else Headline(title=title),
        context=_context(doc, [line.text for line in lines], meta, default_year),
        url_in_text=url,
    )
    return (article,) if article is not None else ()


def _headline_lines(group: ArticleLines, role: LineRole, numbers: frozenset[int]) -> tuple[str, ...]:
    """Lines of `role` among `numbers`, the lines that can be headline (`_headline_line_numbers`)."""
    return tuple(line.text for line in group.lines if line.role is role and line.number in numbers)


_HEADLINE_ROLES = frozenset({LineRole.TITLE, LineRole.KICKER, LineRole.SUBTITLE})
# What the model may call a headline line but never is one: a gallery counter (`1/7`), a
# page label (`3版`, `第05版`, with its section: `第05版:天下`, `04·深度`), an image
# placeholder (`图片1`).
_NOT_HEADLINE_RE = re.compile(
    r"^(?:\d{1,2}\s*/\s*\d{1,2}|(?:[A-Z]?\d{1,2}\s*版|第\s*\S{1,3}\s*版)(?:\s*[:：]\s*\S{1,8})?"
    r"|\d{1,2}\s*[·・]\s*[\u4e00-\u9fff]{2,4}|图片\s*\d{0,2})$"
)


def _never_headline(text: str) -> bool:
    """True for a line no headline is made of: a credit line, a continuation mark, a label."""
    simplified = to_simplified(text.strip())
    marks = strip_marks(simplified)
    if not marks.text.strip() and (marks.continued_from or marks.continues_to):
        return True
    return _NOT_HEADLINE_RE.match(compact(simplified)) is not None or is_credit_line(simplified)


def _sentences_under_headlines(group: ArticleLines) -> ArticleLines:
    """A line the model calls headline, kicker or deck that closes a sentence with a full stop
    is a photo caption set by the headline (`兰屿许多溪流溪水暴涨。(中央社)`): headlines end on
    `！`/`？` at most."""
    roles = [line.role for line in group.lines]
    lines = tuple(
        replace(line, role=LineRole.CAPTION)
        if line.role in _HEADLINE_ROLES and "。" in line.text and not _inside_paragraph(roles, index)
        else line
        for index, line in enumerate(group.lines)
    )
    return group if lines == group.lines else ArticleLines(lines)


def _inside_paragraph(roles: Sequence[LineRole], index: int) -> bool:
    """Body text above and below: a wrapped line of a paragraph whatever the model called it."""
    return 0 < index < len(roles) - 1 and roles[index - 1] is LineRole.BODY and roles[index + 1] is LineRole.BODY


def _headline_line_numbers(group: ArticleLines) -> frozenset[int]:
    """Numbers of the lines the model calls headline, kicker or deck that make the headline:
    not a stray one set inside a paragraph (body text above and below it: a wrapped line that
    happens to repeat the headline's words), nor a credit, mark or label the model misread."""
    lines = group.lines
    roles = [line.role for line in lines]
    kept = set()
    for index, line in enumerate(lines):
        if line.role not in _HEADLINE_ROLES:
            continue
        if _inside_paragraph(roles, index) or _never_headline(line.text):
            continue
        kept.add(line.number)
    return frozenset(kept)


def _tagged_headline(group: ArticleLines, heads: frozenset[int]) -> Headline:
    titles = _headline_lines(group, LineRole.TITLE, heads)
    subtitles = [SUBTITLE_RE.sub("", t.strip(), count=1) for t in _headline_lines(group, LineRole.SUBTITLE, heads)]
    kickers = _headline_lines(group, LineRole.KICKER, heads)
    if not titles and kickers:  # a lone kicker is the only headline there is
        titles, kickers = kickers, ()
    return Headline(
        title=join_decks(titles) or None,
        subtitle="".join(compact(t) for t in subtitles) or None,
        kicker=join_decks(kickers) or None,
    )


def _same_words(composed: Headline, tagged: Headline) -> bool:
    """True when the rules' headline and the model's print the same words, maybe with the
    rules setting a kicker or a deck apart."""
    whole = compact("".join(p for p in (tagged.kicker, tagged.title, tagged.subtitle) if p))
    return compact("".join(p for p in (composed.kicker, composed.title, composed.subtitle) if p)) == whole or (
        compact(composed.title or "") == compact(tagged.title or "")
    )


def _tagged_credits(group: ArticleLines) -> tuple[tuple[str, ...], bool]:
    """(author names from credit lines, any photo credit) of one article; editors are left out."""
    names: list[str] = []
    photo = False
    for text in map(to_simplified, group.texts(LineRole.BYLINE)):
        if editor_credit_names(text) is not None:
            continue
        found = credit_line_names(text)
        if found is None:
            closer = trailing_byline(strip_marks(text).text.rstrip())  # not a page jump (`（上接第一版）`)
            # `牛书培摄(影像中国)`: a photographer with the agency after the credit.
            found = closer.names if closer else photo_credit_names(text)
        names.extend(found)
        photo = photo or is_photo_byline((text,))
    return tuple(names), photo


def _captions(group: ArticleLines) -> tuple[str, ...]:
    """Runs of consecutive caption lines, each joined into one caption."""
    runs: list[list[str]] = []
    previous = None
    for line in group.lines:
        if line.role is LineRole.CAPTION:
            if previous is not LineRole.CAPTION:
                runs.append([])
            runs[-1].append(line.text.strip())
        previous = line.role
    return tuple(_HAN_PAIR_SPACE_RE.sub("", "".join(run)) for run in runs)


def _meta_fields(text: str) -> tuple[tuple[str, str], ...]:
    """Fields of a header line; a line the tagger calls a header that only prints a date and
    a paper (`2020年3月30日 星期一`, `《人民日报》（2020年07月20日 04版）`) gives those."""
    fields = header_fields(text)
    if not any(key == "date" for key, _ in fields) and (date := parse_iso_date(text)):
        fields = (*fields, ("date", date))
    # The paper a header names (`衡山法制报2020.02.14 版次：03`) is who `本报` means under it.
    if not any(key == "source" for key, _ in fields) and (paper := paper_name(text)):
        fields = (*fields, ("source", paper))
    return fields


def _merge_names(first: Sequence[str], more: Sequence[str]) -> tuple[str, ...]:
    """`first` then the names of `more` not already there; a name cut by a line wrap (`郭洪`
    beside `郭洪申`) is the same person."""
    merged: list[str] = list(dict.fromkeys(first))
    for name in more:
        if not any(name in known or known in name for known in merged):
            merged.append(name)
    return tuple(merged)


_NOT_IN_UNITS = frozenset({LineRole.META, LineRole.FURNITURE, LineRole.CAPTION, LineRole.COLUMN})


def _article_segment(group: ArticleLines, heads: frozenset[int]) -> Segment:
    """The article's lines as the unit rules see a page (blank lines kept, header fields,
    captions and column labels blanked out), split into headline groups above the text,
    the body, and headline groups under it."""
    own = {t.number: t for t in group.lines if t.role not in _NOT_IN_UNITS}
    lines = tuple(SourceLine(n, own[n].text if n in own else "") for n in range(group.first_line, group.last_line + 1))
    units = [u for u in page_units(lines) if u.kind is not UnitKind.FURNITURE]
    units = _demote_non_headlines(_model_heads_apart(units, heads))
    start = 0
    while start < len(units) and units[start].kind is UnitKind.HEADS:
        start += 1
    end = len(units)
    while end > start and units[end - 1].kind is UnitKind.HEADS:
        end -= 1
    return Segment(body=tuple(units[start:end]), heads_before=tuple(units[:start]), heads_after=tuple(units[end:]))


def _demote_non_headlines(units: list[Unit]) -> list[Unit]:
    """Headline groups without the lines no headline is made of: a continuation mark goes to
    the text (where `_body` reads it), a credit line is a byline block."""
    out: list[Unit] = []
    for unit in units:
        never = [_never_headline(line.text) for line in unit.lines] if unit.kind is UnitKind.HEADS else []
        if not any(never):
            out.append(unit)
            continue
        run: list[SourceLine] = []
        for line, not_a_head in zip(unit.lines, never, strict=True):
            if not not_a_head:
                run.append(line)
                continue
            if run:
                out.append(Unit(UnitKind.HEADS, tuple(run)))
                run = []
            marks = strip_marks(to_simplified(line.text.strip()))
            kind = UnitKind.TEXT if marks.continued_from or marks.continues_to else UnitKind.BYLINE
            out.append(Unit(kind, (line,)))
        if run:
            out.append(Unit(UnitKind.HEADS, tuple(run)))
    return out


def _model_heads_apart(units: list[Unit], heads: frozenset[int]) -> list[Unit]:
    """The units with the model's headline lines at the top and foot of the article made
    headline groups. The rules call a headline with prose punctuation (`美哉,青海!…`) text;
    left so, the headline the model found would be printed again as the body's first line."""

    def is_head(line: SourceLine) -> bool:
        return line.number in heads or not line.text.strip()

    def cut(unit: Unit, *, from_top: bool) -> tuple[Unit | None, Unit | None]:
        """(headline part, rest) of a unit, the headline lines taken from its top or foot."""
        lines = unit.lines if from_top else unit.lines[::-1]
        count = 0
        while count < len(lines) and is_head(lines[count]):
            count += 1
        if not any(line.number in heads for line in lines[:count]):
            return None, unit
        head, rest = lines[:count], lines[count:]
        if not from_top:
            head, rest = head[::-1], rest[::-1]
        head_unit = Unit(UnitKind.HEADS, head)
        return head_unit, (replace(unit, lines=rest) if rest else None)

    if not heads:
        return units
    out = list(units)
    start = 0
    while start < len(out) and out[start].kind is UnitKind.HEADS:
        start += 1
    if start < len(out) and out[start].kind is UnitKind.TEXT:
        head, rest = cut(out[start], from_top=True)
        if head is not None:
            out[start : start + 1] = [head, *([rest] if rest else [])]
    end = len(out) - 1
    while end >= 0 and out[end].kind is UnitKind.HEADS:
        end -= 1
    if end >= 0 and out[end].kind is UnitKind.TEXT:
        head, rest = cut(out[end], from_top=False)
        if head is not None:
            out[end : end + 1] = [*([rest] if rest else []), head]
    return out


def _loose_captions(outside: Sequence[TaggedLine], stories: Sequence[tuple[int, str]]) -> dict[int, list[str]]:
    """Captions printed apart from their story (the foot of the page): each run goes to the
    photo story whose words it repeats most; with no photo story on the page they stay out."""
    runs: list[list[str]] = []
    previous: TaggedLine | None = None
    for line in outside:
        if line.role is LineRole.CAPTION:
            if previous is None or previous.role is not LineRole.CAPTION or previous.number + 1 < line.number:
                runs.append([])
            runs[-1].append(line.text.strip())
        previous = line
    owners: dict[int, list[str]] = {}
    if not stories:
        return owners
    for run in runs:
        caption = _HAN_PAIR_SPACE_RE.sub("", "".join(run))
        owners.setdefault(_caption_owner(caption, stories), []).append(caption)
    return owners


_ISSUE_PAGE_RE = re.compile(r"(?:第\s*)?[A-Z]?\d{1,3}\s*版")


def _prints_issue(group: ArticleLines) -> bool:
    """True when the story carries a newspaper issue line (a date with its page, `04版`)."""
    return any(_ISSUE_PAGE_RE.search(text) and parse_iso_date(text) for text in group.texts(LineRole.META))


def tagger_input(doc: SourceDocument) -> tuple[PageLine, ...]:
    """The non-blank cleaned lines of a document, as the line tagger labels them (training
    reads its pages through here too, so the model sees what the pipeline sees)."""
    return page_lines([(line.number, line.text) for line in _cleaned(doc.lines)])


def _split_tagged(doc: SourceDocument, default_year: int | None, tagger: LineTagger) -> tuple[RawArticle, ...]:
    """Cut a page by the line tagger's labels (any layout: e-paper, web, plain, several pages)."""
    numbered = tagger_input(doc)
    by_number = {line.number: line.text for line in numbered}
    labels = tagger.tag(numbered, layout=doc.format.value)
    # A dateline lead is report text by the one lead grammar, whatever role the model gave it:
    # a lead set apart (`本报讯` on a line of its own) must not be dropped as furniture.
    labels = tuple(
        (Boundary.BEGIN if boundary is Boundary.OUTSIDE else boundary, LineRole.BODY)
        if role is not LineRole.BODY and is_lead_start(line.text)
        else (boundary, role)
        for line, (boundary, role) in zip(numbered, labels, strict=True)
    )
    page = assemble(numbered, labels)
    # A page header's date and paper (`2020年3月30日 星期一`) come through `_meta_fields`.
    page_fields = [f for t in page.outside if t.role is LineRole.META for f in _meta_fields(t.text)]
    page_context = _context(doc, list(by_number.values()), (*doc.meta, *page_fields), default_year)
    drafts: list[tuple[ArticleLines, _Body, _PageContext, Headline]] = []
    for group in map(_sentences_under_headlines, page.articles):
        heads = _headline_line_numbers(group)  # once: each line's credit and mark checks cost
        segment = _article_segment(group, heads)
        body = _body(segment.body)
        composed = _headline(segment)
        tagged_headline = _tagged_headline(group, heads)
        # The lines the model calls headline, kicker and deck make the headline; where it saw
        # none, the rules compose one from the article's headline groups. (Measured on held-out
        # outlets of the training corpus: the model's own headline is exact more often.)
        headline = tagged_headline if tagged_headline.title else composed
        if composed.title and tagged_headline.title and _same_words(composed, tagged_headline):
            headline = composed  # the same words: the rules' kicker and —— deck structure
        if headline.title:
            headline = replace(headline, title=strip_channel_prefix(headline.title))
        names, photo = _tagged_credits(group)
        fields = [f for text in group.texts(LineRole.META) for f in _meta_fields(text)]
        # The page's 作者 field and the credit lines each name some of the authors.
        names = _merge_names(author_names(fields), names)
        # Photographers credited inside captions and inline captions (`…登记。新华社记者王松摄`).
        # Line by line too: a gallery's captions run together, each closing on its own credit.
        credited = [
            n
            for text in (*_captions(group), *join_paragraphs(body.lines), *group.texts(LineRole.CAPTION), *body.lines)
            for n in photo_credit_names(to_simplified(text))
        ]
        photo = photo or bool(credited)
        names = (*names, *credited)
        body = replace(body, byline=_merge_names(body.byline, names), photo=body.photo or photo)
        context = page_context
        if fields:
            printed = meta_value(fields, "date")
            # A month-day lead under a web page's own 发布时间 is of that page's year, not the
            # year the rest of a several-page file mentions last.
            own_date = parse_iso_date(printed)
            context = replace(
                context,
                header_date=printed or context.header_date,
                year=int(own_date[:4]) if own_date and not context.sidecar_date else context.year,
                meta_outlet=outlet_from_meta(fields) or context.meta_outlet,
            )
        drafts.append((group, body, context, headline))
    datelines = [iso_date(c.year, b.lead.month, b.lead.day) if b.lead else None for _, b, c, _ in drafts]
    # A story's own issue line (`《樟树青年报》（2023年4月3日 第10版）`) dates the page it
    # was printed on, as datelines do; a web page's 发布时间 dates that page alone.
    issues = [parse_iso_date(c.header_date) if _prints_issue(g) else None for g, _, c, _ in drafts]
    shared_page_date = page_date([*datelines, *issues])
    loose = _loose_captions(
        page.outside, [(i, "".join(b.lines) + (h.title or "")) for i, (_, b, _, h) in enumerate(drafts) if b.photo]
    )
    # A newspaper page's address (an e-paper viewer) is no single story's original.
    urls = (
        addresses_by_article(
            ((line.number, line.text) for line in numbered), [group.first_line for group, *_ in drafts]
        )
        if doc.format is not SourceFormat.NEWSPAPER_PAGE
        else (None,) * len(drafts)
    )
    articles: list[RawArticle] = []
    for index, (group, body, context, headline) in enumerate(drafts):
        captions = (*_captions(group), *loose.get(index, ()))
        article = _make_article(
            doc,
            line_start=group.first_line,
            line_end=group.last_line,
            body=replace(body, photo=body.photo or (bool(captions) and len(body.lines) <= 12)),
            headline=headline,
            context=replace(context, page_date=shared_page_date),
            captions=captions,
            url_in_text=urls[index],
        )
        if article is None and captions:
            # A photo with its caption and no other text is still a story.
            article = _make_article(
                doc,
                line_start=group.first_line,
                line_end=group.last_line,
                body=replace(body, lines=(*body.lines, *captions), photo=True),
                headline=headline,
                context=replace(context, page_date=shared_page_date),
                captions=captions,
                url_in_text=urls[index],
            )
        if article is not None:
            articles.append(article)
        else:
            # A scrap too short to be a report (no sentence, under MIN_PROSE_CHARS): it is page
            # furniture, and said so, never dropped without a word.
            scrap = " / ".join(t.text.strip() for t in group.lines)[:60]
            log.info("%s:%d: %r is not an article; kept out as page furniture", doc.name, group.first_line, scrap)
    return tuple(articles)


def split_document(
    doc: SourceDocument, *, default_year: int | None = None, tagger: LineTagger | None = None
) -> tuple[RawArticle, ...]:
    """Cut `doc` into articles with their metadata, in page order. Pure.

    Newspaper pages are segmented by structure (leads, closing bylines, end and
    continuation marks, headline groups); other formats hold one article. A
    document without any article text gives an empty tuple. `default_year` dates
    month/day datelines on a page that never writes its year (`ingest_seeds` passes
    the year the other pages of the corpus write). With a `tagger` (the trained line
    model) every format is cut by its labels; without one, or when the model finds no article
    at all in the document, by the earlier hand rules.
    """
    if tagger is not None:
        tagged = _split_tagged(doc, default_year, tagger)
        if tagged:
            return tagged
        # The model called every line furniture. On a page of real chrome the rules find no
        # article either; on a page of prose (one long scraped line opening `截至…月…日`) they
        # do, and text is never dropped because one model was wrong.
    if doc.format is SourceFormat.NEWSPAPER_PAGE:
        return _split_page(doc, default_year)
    return _split_single(doc, default_year)


def page_year(doc: SourceDocument) -> int | None:
    """The year a document states: a full date in its header or sidecar, else the most
    recent plausible year written in its text (see `metadata.infer_year`)."""
    header_date = meta_value(doc.meta, "date", "published", "publish_date", "发布日期")
    return infer_year(
        known_dates=(header_date, doc.sidecar.date if doc.sidecar else None),
        texts=[line.text for line in doc.lines],
    )


__all__ = ["page_year", "split_document", "tagger_input"]
