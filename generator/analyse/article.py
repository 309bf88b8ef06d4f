"""Analysis: RawArticle -> AnalysedArticle (ids, regions, topics, figures, keywords, summary)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from generator.analyse.dates import dates_mentioned, dominant_year
from generator.analyse.duplicates import Document, find_duplicates
from generator.analyse.figures import extract_figures
from generator.analyse.gazetteer import Division, Gazetteer, Level, load_gazetteer
from generator.analyse.keywords import extract_keywords
from generator.analyse.regions import (
    Hit,
    HitFinder,
    dominant_city,
    dominant_province,
    find_mentions,
    outlet_home,
    region_of,
    resolve_regions,
    with_default_city,
)
from generator.analyse.segment import load_segmenter
from generator.analyse.topic_model import TopicModel
from generator.analyse.topics import Topic, classify
from generator.models import AnalysedArticle, DateBasis, RawArticle, Region
from generator.summarise import summarise

SLUG_CHARS = 32
"""Longest seed-name part of an id: enough to recognise the seed, short enough for a URL."""
HASH_CHARS = 10
"""Hex digits of the text hash: 40 bits, and ids are per seed file, so repeats are only true repeats."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def source_slug(source_file: str) -> str:
    """The seed's name without its suffix as lowercase ASCII words joined by `-` (`""` when none).

    Only `a-z`, `0-9` and `-` survive, so a hostile name (`../`, HTML, spaces, Chinese)
    can never become a path or markup; a long name is cut at a word boundary when one is near.
    """
    stem = source_file.rsplit(".", 1)[0] if "." in source_file.rsplit("/", 1)[-1] else source_file
    slug = _NOT_SLUG.sub("-", stem.lower()).strip("-")
    if len(slug) <= SLUG_CHARS:
        return slug
    cut = slug[:SLUG_CHARS]
    boundary = cut.rfind("-")
    return (cut[:boundary] if boundary >= SLUG_CHARS // 2 else cut).strip("-")


def article_id(raw: RawArticle) -> str:
    """Stable, URL-safe id from the source alone: the seed's name and a hash of file and text.

    Nothing the sidecar or the analysis decides (date, outlet, region, title, topics) goes
    in, so correcting metadata never moves a page or its translations; adding or removing
    another seed never changes it either. It changes only when the seed is renamed or the
    article's own text changes (see `generator.published` for what the old page then shows).
    """
    digest = hashlib.sha1(f"{raw.source_file}\n{raw.body}".encode()).hexdigest()[:HASH_CHARS]
    slug = source_slug(raw.source_file)
    return f"{slug}-{digest}" if slug else digest


def unique_ids(ids: Iterable[str]) -> tuple[str, ...]:
    """`ids` with `-2`, `-3` … added to repeats, in order; the first keeps its id (and its translations)."""
    seen: set[str] = set()
    last: dict[str, int] = {}  # the highest number given to each id: repeats cost no rescans
    result: list[str] = []
    for base in ids:
        number = last.get(base, 1)
        candidate = base if number == 1 else f"{base}-{number}"
        while candidate in seen:
            number += 1
            candidate = f"{base}-{number}"
        last[base] = number
        seen.add(candidate)
        result.append(candidate)
    return tuple(result)


def _token_spans(text: str) -> dict[int, int]:
    # Word boundaries from the shared segmenter (one jieba dictionary per process).
    return {token.start: token.end for token in load_segmenter().tokens(text)}


def _full_text(raw: RawArticle) -> str:
    """Title and body, as the analysers that read both see them."""
    return f"{raw.title or ''}\n{raw.body}"


def _region_text(raw: RawArticle) -> str:
    """The body and the photo captions: a photo story often names its place only in a
    caption (2月7日，在位于湖南省衡阳市雁峰区的…), and a caption is the story's own words."""
    return "\n".join((raw.body, *raw.captions))


def _home_province(home: Division | None, gazetteer: Gazetteer) -> str | None:
    return gazetteer.chain(home.adcode)[0].name if home is not None else None


def _home_city(home: Division | None, gazetteer: Gazetteer) -> str | None:
    """Adcode of the prefecture-level division of an outlet's home, if it has one."""
    if home is None:
        return None
    cities = [d for d in gazetteer.chain(home.adcode) if d.level is Level.CITY]
    return cities[0].adcode if cities else None


def _placed_by_outlet(region: Region, home: Division | None, gazetteer: Gazetteer) -> Region:
    """`region`, or the outlet's home when the article names no region at all."""
    if region.province is not None or home is None:
        return region
    return region_of(gazetteer.chain(home.adcode))


def _hit_finder() -> HitFinder:
    """Gazetteer scan memoised for one run: each article is resolved twice (once to find
    its page's home province, once for itself) over the same text."""
    memo: dict[str, tuple[Hit, ...]] = {}

    def find_hits(text: str) -> tuple[Hit, ...]:
        if text not in memo:
            memo[text] = find_mentions(text, load_gazetteer(), token_spans=_token_spans)
        return memo[text]

    return find_hits


def analyse_article(
    raw: RawArticle,
    *,
    taxonomy: tuple[Topic, ...],
    topic_model: TopicModel,
    default_province: str | None = None,
    default_year: int | None = None,
    find_hits: HitFinder | None = None,
) -> AnalysedArticle:
    """Everything a reader needs at a glance, computed from one article.

    `default_province` is what 自治区 / 全区 / 我区 mean when the article names no province:
    the province most articles of the same seed file are about. `default_year` dates
    year-less mentions in an undated article (the year its seed file writes out most).
    """
    title = raw.title or ""
    text = _full_text(raw)
    region, mentioned = resolve_regions(
        _region_text(raw),
        title=raw.title,
        dateline_place=raw.dateline_place,
        default_province=default_province,
        token_spans=_token_spans,
        find_hits=find_hits,
    )
    mentioned_dates = dates_mentioned(text, reference=raw.date, year=default_year)
    identity = article_id(raw)  # from the source alone: ids never move with metadata or analysis results
    if raw.date is None and mentioned_dates:
        # No dateline, issue or sidecar date: the latest date the text itself names, said as such.
        raw = replace(raw, date=mentioned_dates[-1], date_basis=DateBasis.TEXT)
    return AnalysedArticle(
        id=identity,
        raw=raw,
        region=region,
        regions_mentioned=mentioned,
        topics=classify(title, raw.body, taxonomy=taxonomy, model=topic_model, segmenter=load_segmenter()),
        keywords=extract_keywords(title, raw.body),
        # Headlines carry figures too ("复工复产率100%"); word starts keep contexts whole.
        figures=extract_figures(text, word_starts=tuple(sorted(_token_spans(text)))),
        summary=summarise(raw.paragraphs, kind=raw.kind, lead_end=raw.lead_end),
        dates_mentioned=mentioned_dates,
    )


def analyse_file(
    raws: Sequence[RawArticle],
    *,
    taxonomy: tuple[Topic, ...],
    topic_model: TopicModel,
    default_year: int | None,
) -> tuple[AnalysedArticle, ...]:
    """Analyse the articles of one seed file, in their order (ids not yet numbered).

    Everything here depends on that file alone, so files can be analysed apart (in
    worker processes, or taken from the cache). `default_year` is the year the file
    writes most (`dominant_year` of its bodies), else the corpus's: the one input
    from outside the file.
    """
    find_hits = _hit_finder()
    province = dominant_province((_full_text(r) for r in raws), token_spans=_token_spans, find_hits=find_hits)
    # A local outlet's name says where its readers are (承德日报): that wins over the page's majority.
    gazetteer = load_gazetteer()
    outlet_homes = {outlet: outlet_home(outlet, gazetteer) for outlet in sorted({r.outlet or "" for r in raws})}
    analysed = [
        analyse_article(
            raw,
            taxonomy=taxonomy,
            topic_model=topic_model,
            default_province=_home_province(outlet_homes[raw.outlet or ""], gazetteer) or province,
            default_year=default_year,
            find_hits=find_hits,
        )
        for raw in raws
    ]
    # A city paper says 我市 / 市委 for its home city: the outlet's city, else the city most
    # of the page is about. An article of a local outlet that names no place at all is
    # about the outlet's home.
    home = dominant_city(a.region for a in analysed)
    return tuple(
        replace(
            a,
            region=_placed_by_outlet(
                with_default_city(
                    a.region,
                    _full_text(a.raw),
                    _home_city(outlet_homes[a.raw.outlet or ""], gazetteer) or home,
                ),
                outlet_homes[a.raw.outlet or ""],
                gazetteer,
            ),
        )
        for a in analysed
    )


def finish_corpus(
    analysed: Sequence[AnalysedArticle], *, signatures: Sequence[tuple[int, ...] | None] | None = None
) -> tuple[AnalysedArticle, ...]:
    """The corpus-wide steps over every file's analysis, in seed order then page order:
    repeated ids numbered, near-duplicates linked, newest first then by id.

    `signatures` are the articles' MinHash values (`duplicates.signature_values`) when the
    per-file work already computed them, in the same order; None computes them here.
    """
    # A page that prints one article twice gives two equal ids: number the repeats so
    # pages, PO contexts and the duplicate index stay one per article.
    numbered = [
        replace(a, id=new) if new != a.id else a
        for a, new in zip(analysed, unique_ids(a.id for a in analysed), strict=True)
    ]
    sigs = signatures if signatures is not None else [None] * len(numbered)
    documents = [Document(a.id, a.raw.body, sig) for a, sig in zip(numbered, sigs, strict=True)]
    links = find_duplicates(documents)
    linked = [replace(a, duplicate_of=links.get(a.id)) for a in numbered]
    linked.sort(key=lambda a: a.id)
    linked.sort(key=lambda a: a.raw.date or "", reverse=True)
    return tuple(linked)


def file_years(raws: Sequence[RawArticle]) -> dict[str, int | None]:
    """Each file's `default_year` for `analyse_file`: the year its bodies write most,
    else the year the whole corpus writes most (a page that never writes its year)."""
    by_file: dict[str, list[RawArticle]] = defaultdict(list)
    for raw in raws:
        by_file[raw.source_file].append(raw)
    corpus_year = dominant_year(r.body for r in raws)
    return {name: dominant_year(r.body for r in members) or corpus_year for name, members in by_file.items()}


def analyse_articles(
    raws: tuple[RawArticle, ...], *, taxonomy: tuple[Topic, ...], topic_model: TopicModel
) -> tuple[AnalysedArticle, ...]:
    """Analyse every article; output sorted newest first, then by id, for stable pages.

    `topic_model` is the learned topic classifier (`load_topic_model()`), loaded once by the caller.
    The serial form of what `generator.seedmap` runs per seed file on a pool.
    """
    by_file: dict[str, list[int]] = defaultdict(list)
    for index, raw in enumerate(raws):
        by_file[raw.source_file].append(index)
    years = file_years(raws)
    analysed: list[AnalysedArticle | None] = [None] * len(raws)
    for name, indices in by_file.items():
        members = [raws[i] for i in indices]
        for index, result in zip(
            indices,
            analyse_file(members, taxonomy=taxonomy, topic_model=topic_model, default_year=years[name]),
            strict=True,
        ):
            analysed[index] = result
    return finish_corpus([a for a in analysed if a is not None])
