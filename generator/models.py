"""Frozen dataclasses passed between pipeline stages.

The flow is::

    SourceDocument --clean--> tuple[SourceLine, ...] --split--> RawArticle
        --analyse--> AnalysedArticle --translate--> LocalizedArticle --render--> pages

Every stage but I/O is a pure function over these types. Collections are tuples
so instances stay hashable and immutable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SourceFormat(StrEnum):
    """How a seed file is laid out; values match the export schema's `source.format`."""

    NEWSPAPER_PAGE = "newspaper-page"  # PDF text dump, several articles, headlines after bodies
    WEB_PAGE = "web-page"  # scraped text with site boilerplate
    PLAIN = "plain"  # one article, clean-ish text
    ANNOTATED = "annotated"  # pinyin in parentheses after characters, often Traditional
    HTML = "html"  # an .html file; main text extracted with trafilatura


class ArticleKind(StrEnum):
    """Values match the export schema's `kind`."""

    ARTICLE = "article"
    INTERVIEW = "interview"
    PHOTO_STORY = "photo-story"
    NOTICE = "notice"
    CONTINUATION = "continuation"


class DateBasis(StrEnum):
    """How an article's date is known; values are the export's `date_basis`."""

    DATELINE = "dateline"  # its own 电头/讯 lead
    ISSUE = "issue"  # the date its page header or web page (发布时间) prints
    SIDECAR = "sidecar"  # an editor's sidecar
    OVERRIDE = "override"  # a reviewed correction of one article (seeds/overrides.yml)
    TEXT = "text"  # the latest explicit date the article names
    NONE = "none"


class TranslationState(StrEnum):
    REVIEWED = "reviewed"
    MACHINE = "machine"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of a seed, numbered from 1 as an editor shows it."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Sidecar:
    """Optional `seeds/<file>.yml`: what an editor states about a dump that lacks it."""

    outlet: str | None = None
    date: str | None = None  # ISO issue date, e.g. "2020-03-30"
    page: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A decoded seed file. `name` is relative to the seeds folder, POSIX separators."""

    name: str
    encoding: str
    format: SourceFormat
    lines: tuple[SourceLine, ...]
    sidecar: Sidecar | None = None
    # Metadata a reader found outside the body (web page header, HTML <meta>), raw strings.
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article cut out of a seed, cleaned, before analysis.

    `paragraphs` are in Simplified Chinese; `paragraphs_original` keep the source's
    script when it differs (Traditional sources), else they are empty.
    """

    source_file: str
    line_start: int
    line_end: int
    format: SourceFormat
    kind: ArticleKind
    title: str | None
    subtitle: str | None
    paragraphs: tuple[str, ...]
    byline: tuple[str, ...] = ()
    date: str | None = None  # ISO yyyy-mm-dd
    date_basis: DateBasis = DateBasis.NONE
    # Characters of the first paragraph that are its dateline lead (`本报讯（记者 X）`), found once
    # by the splitter so that no later stage parses the lead again; 0 when there is none.
    lead_end: int = 0
    dateline_place: str | None = None
    outlet: str | None = None
    paragraphs_original: tuple[str, ...] = ()
    continues_to: str | None = None  # e.g. "第三版①" from （下转第三版①）
    continued_from: str | None = None  # e.g. "第1版" from ■上接第1版
    kicker: str | None = None  # short line printed above a headline (引题)
    captions: tuple[str, ...] = ()  # photo captions that belong to this article
    # Where the parts continued on other pages came from (`file:first-last`), joined after this one's text.
    joined_from: tuple[str, ...] = ()
    # From the seed's sidecar only (nothing in a dump states them reliably): the printed page
    # (`3`, `A2`) and the address of the original.
    page: str | None = None
    url: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Region:
    """Subject region, province -> city -> county, with official English names."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    province_en: str | None = None
    city_en: str | None = None
    county_en: str | None = None
    adcode: str | None = None  # GB/T 2260 six-digit code of the most specific level


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit and the phrase it describes."""

    value: float
    unit_zh: str
    context_zh: str
    unit_en: str | None = None
    text_en: str | None = None  # e.g. "139 million yuan"


@dataclass(frozen=True, slots=True)
class TopicAssignment:
    primary: str
    secondary: tuple[str, ...] = ()
    # (topic code, evidence terms found) for explainability
    evidence: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """An article with everything a digest reader needs at a glance."""

    id: str
    raw: RawArticle
    region: Region
    regions_mentioned: tuple[str, ...]
    topics: TopicAssignment
    keywords: tuple[str, ...]
    figures: tuple[Figure, ...]
    summary: tuple[str, ...]  # whole sentences, Chinese
    duplicate_of: str | None = None
    dates_mentioned: tuple[str, ...] = ()  # ISO dates named in the text, sorted


@dataclass(frozen=True, slots=True)
class LocalizedText:
    text: str | None
    state: TranslationState


@dataclass(frozen=True, slots=True)
class EnglishTerm:
    """A Chinese term of the analysis (a keyword, a topic's evidence) for an English reader."""

    zh: str
    en: str | None  # from the glossary, the gazetteer or the dictionary; None: none found
    pinyin: str  # what the reader is shown, with the Chinese, when there is no English


@dataclass(frozen=True, slots=True)
class LocalizedArticle:
    article: AnalysedArticle
    title_en: LocalizedText
    subtitle_en: LocalizedText
    summary_en: LocalizedText
    byline_en: tuple[str, ...] = field(default=())
    outlet_en: str | None = None
    keywords_en: tuple[EnglishTerm, ...] = ()  # one per article.keywords, same order
    # (topic code, terms) for each entry of article.topics.evidence, same order.
    evidence_en: tuple[tuple[str, tuple[EnglishTerm, ...]], ...] = ()
    # The phrase each key figure describes, one per article.figures, from the translation memory.
    figures_en: tuple[LocalizedText, ...] = ()
    captions_en: tuple[LocalizedText, ...] = ()  # one per raw.captions
