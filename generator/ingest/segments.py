"""Group a page's units into articles and give each its headline groups.

Newspaper dumps print most headlines AFTER their body (the PDF's reading order
puts the big type last) and some before it. The rules, from page structure:

* A dateline lead, a `上接` mark or a byline block opens a new article.
* An end mark, `下转` mark or closing byline closes the current one.
* A headline group between two bodies separates them, unless it is a
  sub-heading: the current article was opened by a lead/byline and is not closed
  yet, the group is one short deck that does not repeat the article's lead more
  than the text under it, and either the page closes its articles with marks or
  the article is a feature under a byline block (see `_is_sub_heading`). Text that
  closes with its own byline after a report credited in its lead is another story.
* Headline groups after a body belong to it ("headline after body"). When the
  next body has no headline after it, the last groups may be that next body's
  headline printed above it (a kicker + title over a report): each goes to the
  body whose words it repeats more. This is settled from the bottom of the page
  up, so a body whose groups moved down can take the groups above it.
* A page that ends with a body prints headlines before bodies when its headline
  groups repeat the words of the body below them more often than above (a
  headline at the very top only breaks a tie: the top story of a page that prints
  headlines after bodies may still have its headline above it). On such a page,
  the first groups over a body go up to the body above when that one has no
  headline and they clearly repeat its words.
* After a body, a group that announces the genre of the next piece (`专访…`,
  `对话…`, or a title with a `——访…` deck) and every group under it head the next body, even on a page that
  prints headlines after bodies: the groups above it are the body's own headline.
* A public notice (a short paragraph and a `…热线：95598` contact line) printed
  under a finished story, with no headline between them and a new lead (or the
  page's end) right after, is an item of its own, not that story's last paragraphs.
* A headline-like fragment right after text that stops mid-sentence is text
  left alone by a column break; a group between a byline block and its text is
  that article's own headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest.clean import strip_marks
from generator.ingest.datelines import parse_lead, trailing_byline
from generator.ingest.headlines import SUBTITLE_RE, is_interview_deck, is_intro_deck, is_name_line
from generator.ingest.units import Unit, UnitKind

MIN_HARD_ENDS_FOR_FEATURES = 2
# A section label (`盟市新闻`, `图片新闻`) is a word or two; a headline is longer.
MAX_LABEL_CHARS = 6
MAX_SUB_HEADING_LINES = 2
LEAD_LINES = 3
# A headline repeats at least this share of its character pairs from its own story.
MIN_HEADLINE_OVERLAP = 0.4
OVERLAP_MARGIN = 0.15
# A body that ends a sentence: full stop, question, exclamation, ellipsis, closing quote
# or bracket, or a colon that introduces what follows.
_SENTENCE_END_RE = re.compile(r"[。！？!?…”’」』）)：:；;]\s*$")
# A notice's contact line: a service name ending in 电话/热线 and the number(s) alone.
_CONTACT_LINE_RE = re.compile(r"^[\u3400-\u9fff]{0,12}(?:电话|热线)\s*[:：]\s*[\d\s\-－—、，,/（）()]{3,40}[。.]?$")
MAX_NOTICE_PARAGRAPH_CHARS = 200


@dataclass(frozen=True, slots=True)
class Segment:
    """An article's units in page order, with its headline groups split by position."""

    body: tuple[Unit, ...]  # text, byline and closer units, and internal sub-headings
    heads_before: tuple[Unit, ...] = ()
    heads_after: tuple[Unit, ...] = ()
    opened_hard: bool = False
    closed: bool = False

    @property
    def heads(self) -> tuple[Unit, ...]:
        return self.heads_before + self.heads_after

    @property
    def first_line(self) -> int:
        return min(line.number for unit in self.body + self.heads for line in unit.lines)

    @property
    def last_line(self) -> int:
        return max(line.number for unit in self.body + self.heads for line in unit.lines)


@dataclass(frozen=True, slots=True)
class _Open:
    body: tuple[Unit, ...]
    opened_hard: bool
    closed: bool
    heads: tuple[Unit, ...] = ()  # groups printed between its byline block and its text

    def add(self, *units: Unit) -> _Open:
        closed = self.closed or any(u.hard_end or u.kind is UnitKind.CLOSER for u in units)
        return _Open(self.body + units, self.opened_hard, closed, self.heads)


def _stops_mid_sentence(current: _Open) -> bool:
    """True if the open article's text breaks off inside a sentence."""
    last = current.body[-1]
    if current.closed or last.kind is not UnitKind.TEXT:
        return False
    return _SENTENCE_END_RE.search(last.texts[-1]) is None


def _only_bylines(current: _Open) -> bool:
    return all(u.kind is UnitKind.BYLINE for u in current.body)


def _text_bigrams(units: tuple[Unit, ...]) -> frozenset[str]:
    return _bigrams("".join(t for u in units if u.kind is UnitKind.TEXT for t in u.texts))


def _share(head: frozenset[str], text: frozenset[str]) -> float:
    return len(head & text) / len(head) if head else 0.0


def _is_sub_heading(pending: list[Unit], current: _Open, following: Unit, page_closes_articles: bool) -> bool:
    """Whether a headline group between an open article and more text is a sub-heading.

    Only asked for an article opened by a lead or byline block and not closed yet.
    A sub-heading (小标题) is one short group without a `——` deck. A headline printed
    after its body repeats the words of that body's lead, so a group sharing clearly
    more character pairs with the lead above than with the paragraph below ends the
    article. Otherwise the group is a sub-heading when the page closes its articles
    with marks (this one is not closed, so it is still running), or when the article
    is a feature opened by a byline block: features carry sub-headings, dateline
    reports and photo stories (whose captions follow the headline) do not.
    """
    if len(pending) != 1:
        return False
    group = pending[0]
    if len(group.lines) > MAX_SUB_HEADING_LINES or any(SUBTITLE_RE.match(t) for t in group.texts):
        return False
    head = _bigrams("".join(group.texts))
    # Against the lead only: a long feature shares some words with anything.
    lead = next((u for u in current.body if u.kind is UnitKind.TEXT), None)
    to_previous = _share(head, _text_bigrams((lead,))) if lead is not None else 0.0
    to_next = _share(head, _text_bigrams((following,)))
    if to_previous >= MIN_HEADLINE_OVERLAP and to_previous > to_next + OVERLAP_MARGIN:
        return False
    opener = current.body[0]
    return page_closes_articles or (opener.kind is UnitKind.BYLINE and not opener.photo)


def _credited_in_lead(current: _Open) -> bool:
    """True if the open article's dateline lead names its reporters."""
    first = next((u for u in current.body if u.kind is UnitKind.TEXT), None)
    if first is None:
        return False
    lead = parse_lead(" ".join(first.texts[:LEAD_LINES]))
    return lead is not None and bool(lead.names)


def _credited_at_end(units: tuple[Unit, ...]) -> bool:
    """True if the text from here closes with a byline before any headline or opener.

    A report credited in its lead is not credited again at its end: text that closes
    with its own byline is another story.
    """
    for unit in units:
        if unit.kind is UnitKind.CLOSER:
            return True
        if unit.kind is not UnitKind.TEXT or (unit.hard_start and unit is not units[0]):
            return False
        if unit.hard_end:
            return trailing_byline(strip_marks(unit.texts[-1]).text.rstrip()) is not None
    return False


def _split_notice(current: _Open) -> tuple[_Open, _Open | None]:
    """Split a trailing public notice off an open article: its last two units are a
    short paragraph and a contact line alone (`供水服务热线：12345。`), after text that
    finishes a sentence. (The article, the notice or None.)

    Only asked where a new lead or byline block, or the page's end, follows without a
    headline between: a story's own closing contact line is otherwise followed by its
    headline (printed after the body) or by the next story's headline (printed before it).
    """
    units = current.body
    if len(units) < 3 or not all(u.kind is UnitKind.TEXT and not u.hard_start for u in units[-2:]):
        return current, None
    paragraph, contact, before = units[-2], units[-1], units[-3]
    if len(contact.lines) != 1 or _CONTACT_LINE_RE.match("".join(contact.texts[0].split())) is None:
        return current, None
    if len("".join(paragraph.texts)) > MAX_NOTICE_PARAGRAPH_CHARS or before.kind is not UnitKind.TEXT:
        return current, None
    if _SENTENCE_END_RE.search(before.texts[-1]) is None:
        return current, None
    kept = _Open(units[:-2], current.opened_hard, current.closed, current.heads)
    return kept, _Open(units[-2:], False, False)


def _bodies_and_gaps(
    units: tuple[Unit, ...],
) -> tuple[tuple[_Open, ...], tuple[tuple[Unit, ...], ...]]:
    """Bodies in order and the headline groups around them: gaps[i] precedes bodies[i].

    There is one more gap than bodies: the last one holds trailing groups.
    """
    hard_ends = sum(1 for u in units if u.hard_end or u.kind is UnitKind.CLOSER)
    page_closes_articles = hard_ends >= MIN_HARD_ENDS_FOR_FEATURES
    bodies: list[_Open] = []
    gaps: list[tuple[Unit, ...]] = []
    pending: list[Unit] = []
    current: _Open | None = None
    for index, unit in enumerate(units):
        if unit.kind is UnitKind.FURNITURE:
            continue
        if unit.kind is UnitKind.HEADS:
            if current is not None and not pending and _stops_mid_sentence(current):
                # A column break left a short fragment alone between blank lines.
                current = current.add(Unit(UnitKind.TEXT, unit.lines))
            else:
                pending.append(unit)
            continue
        if unit.kind is UnitKind.CLOSER:
            if current is not None:
                current = current.add(unit)
            continue
        opens = unit.kind is UnitKind.BYLINE or unit.hard_start
        if current is not None:
            if _only_bylines(current) and not (opens and pending):
                # The body under a byline block: the block already opened the article,
                # and a headline between them is its own.
                current = _Open((*current.body, unit), True, unit.hard_end, tuple(pending))
                pending = []
                continue
            if not opens and not current.closed:
                if not pending:
                    current = current.add(unit)
                    continue
                if (
                    current.opened_hard
                    and not (_credited_in_lead(current) and _credited_at_end(units[index:]))
                    and _is_sub_heading(pending, current, unit, page_closes_articles)
                ):
                    current = current.add(*pending, unit)
                    pending = []
                    continue
            notice = None
            if opens and not pending and not current.closed:
                current, notice = _split_notice(current)
            bodies.append(current)
            if notice is not None:
                gaps.append(tuple(pending))
                bodies.append(notice)
        gaps.append(tuple(pending))
        pending = []
        current = _Open((unit,), opens, unit.hard_end)
    if current is not None:
        notice = None
        if bodies and not pending and not current.closed:
            current, notice = _split_notice(current)
        bodies.append(current)
        if notice is not None:
            gaps.append(())
            bodies.append(notice)
    gaps.append(tuple(pending))
    return tuple(bodies), tuple(gaps)


def _bigrams(text: str) -> frozenset[str]:
    chars = "".join(text.split())
    return frozenset(chars[i : i + 2] for i in range(len(chars) - 1))


def _overlap(group: Unit, body: _Open) -> float:
    """Share of the headline's character pairs that occur in the body's text."""
    head = _bigrams("".join(group.texts))
    text = _bigrams("".join(t for u in body.body if u.kind is UnitKind.TEXT for t in u.texts))
    return len(head & text) / len(head) if head else 0.0


def _belongs_to_next(groups: list[Unit], previous: _Open, following: _Open) -> bool:
    """Whether the last headline group after a body heads the next body instead.

    Only asked when the next body has no headline of its own after it. A headline
    repeats words of its own story, so the group goes to the body it shares more
    character pairs with. After a body left open (no closing mark) with two or more
    groups waiting, a tie goes to the next body: the earlier groups head the
    previous one.
    """
    last = groups[-1]
    to_next, to_previous = _overlap(last, following), _overlap(last, previous)
    if len(groups) >= 2 and not previous.closed:
        return to_next >= to_previous
    return to_next > to_previous


def _belongs_to_previous(groups: list[Unit], previous: _Open, following: _Open) -> bool:
    """Whether the first group over a body, on a page printing headlines first, is
    the headline of the body above (mirror of `_belongs_to_next`).

    It must repeat a fair share of the body above (a kicker naming a place both
    stories mention does not). With more groups waiting, the one repeating the body
    above more goes up; the last group goes up only when it clearly repeats the body
    above (it would leave the body below without a headline).
    """
    first = groups[0]
    to_previous, to_next = _overlap(first, previous), _overlap(first, following)
    if to_previous < MIN_HEADLINE_OVERLAP:
        return False
    if len(groups) >= 2:
        return to_previous > to_next
    return to_previous > to_next + OVERLAP_MARGIN


def _is_label(group: Unit) -> bool:
    """A one-line group of a word or two: a section label printed at the page foot
    (`盟市新闻`), not a headline, so it does not make the page end with a headline."""
    return len(group.lines) == 1 and len("".join(group.texts[0].split())) <= MAX_LABEL_CHARS


def _headlines_first(bodies: tuple[_Open, ...], gaps: tuple[tuple[Unit, ...], ...]) -> bool:
    """Whether the page prints its headlines before their bodies.

    Only a page that ends with a body (no headline after its last text; a section label
    under it does not count) can. The
    groups between bodies decide: each repeats the words of its own story, so more
    of them matching the body below than the body above means headlines come first.
    A headline at the very top does not decide alone: pages that print headlines
    after their bodies still open with one when the top story's headline was set
    above it (the first story has no earlier body to follow), and a trailing photo
    caption makes such a page end with text. It breaks a tie.
    """
    if len(bodies) < 2 or not all(_is_label(group) for group in gaps[-1]):
        return False
    to_next = to_previous = 0
    for index in range(1, len(bodies)):
        for group in gaps[index]:
            below, above = _overlap(group, bodies[index]), _overlap(group, bodies[index - 1])
            to_next += below > above
            to_previous += above > below
    # A short last group may be a label or a short headline after the last body: then
    # only a clear majority says headlines come first.
    return to_next > to_previous or (to_next == to_previous and bool(gaps[0]) and not gaps[-1])


def _move_intro_down(after: list[Unit], below: list[Unit]) -> None:
    """Move an intro deck (`专访…`) that follows a body's own headline, and the groups
    under it, to the head of the next body (in place); likewise an interview's title
    with its `——访…` deck under it. A lone intro deck after a body may be that body's
    own headline (an interview's), so the first group stays."""
    start = next((i for i in range(1, len(after)) if is_intro_deck(after[i].texts)), None)
    if start is None:
        # An interview's `——访…` deck goes down with the title above it.
        start = next((i - 1 for i in range(2, len(after)) if is_interview_deck(after[i].texts)), None)
    # The body must keep a headline of its own: a bare place or organisation name over
    # the deck (`某市` / `对话…`) is that deck's kicker, not a headline.
    if start is not None and not all(is_name_line("".join(group.texts)) for group in after[:start]):
        below[:0] = after[start:]
        del after[start:]


def segment_units(units: tuple[Unit, ...]) -> tuple[Segment, ...]:
    """Articles of a page with their headline groups (see the module docstring)."""
    bodies, gaps = _bodies_and_gaps(units)
    if not bodies:
        return ()
    before: list[list[Unit]] = [list(body.heads) for body in bodies]
    after: list[list[Unit]] = [[] for _ in bodies]
    headline_first = _headlines_first(bodies, gaps)
    for index in range(len(bodies)):
        if headline_first:
            groups = list(gaps[index])
            if index and not (before[index - 1] or after[index - 1]):
                # Top down: the first groups over a body may be the headline printed
                # after the body above, which has none of its own.
                while groups and _belongs_to_previous(groups, bodies[index - 1], bodies[index]):
                    after[index - 1].append(groups.pop(0))
            before[index][:0] = groups
        else:
            after[index].extend(gaps[index + 1])
    if headline_first:
        after[-1].extend(gaps[-1])
    else:
        # A section label over the top story that has its headline after it (`镜观`) is
        # page furniture, not a kicker printed a whole story away from its title.
        if not (after[0] and all(_is_label(group) for group in gaps[0])):
            before[0].extend(gaps[0])
        # Bottom up: a body's groups that move down to the body under it leave that body
        # without a headline after it, and then the groups above it may be its own.
        for index in reversed(range(len(bodies) - 1)):
            groups = after[index]
            if after[index + 1] or before[index + 1]:
                continue
            # Move groups from the bottom up; a body that had several keeps its first.
            limit = 1 if len(groups) >= 2 else 0
            while len(groups) > limit and _belongs_to_next(groups, bodies[index], bodies[index + 1]):
                before[index + 1].insert(0, groups.pop())
        for index in range(len(bodies) - 1):
            _move_intro_down(after[index], before[index + 1])
    return tuple(
        Segment(
            body=body.body,
            heads_before=tuple(before[i]),
            heads_after=tuple(after[i]),
            opened_hard=body.opened_hard,
            closed=body.closed,
        )
        for i, body in enumerate(bodies)
    )
