"""View models: what every page shows about an article, a region or a topic (pure).

Pages link to each other with relative `.md` paths (MkDocs validates and rewrites them),
so this module also owns the URL shapes of the docs folder. Both languages use the same
paths, which lets the language switcher map a page to its counterpart by path alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment

from generator.analyse.region_names import pinyin_word
from generator.analyse.topics import Topic
from generator.config import LANGUAGES
from generator.models import ArticleKind, EnglishTerm, Figure, LocalizedArticle, LocalizedText, Region, TranslationState
from generator.render.markdown import SafeMarkdown, escape_attr, escape_md, make_environment

HOME_PAGE = "index.md"
REGIONS_PAGE = "regions/index.md"
TOPICS_PAGE = "topics/index.md"
TIMELINE_PAGE = "timeline.md"
SOURCES_PAGE = "sources.md"
CHANGES_PAGE = "changes.md"
FEED_FILE = "feed.xml"
EXPORT_FILE = "articles.json"
SCHEMA_FILE = "articles.schema.json"
DOWNLOADS_LANG = "zh"
"""The docs folder holding the one copy of the export and its schema: the site root."""
UNPLACED = "unknown"
"""Region page slug of articles whose region was not identified."""

TITLE_FALLBACK_CHARS = 24
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class SiteTemplates:
    """The Jinja2 environment and the per-language interface strings."""

    env: Environment
    strings: Mapping[str, Mapping[str, str]]
    # A hash of the template sources the environment renders (read once, by `load_templates`):
    # a page rendered before is reused only under the same sources (`generator.build_cache`).
    version: str = ""


def rel(from_page: str, to_page: str) -> SafeMarkdown:
    """Relative link from one docs page to another (both relative to the docs root)."""
    return SafeMarkdown("../" * from_page.count("/") + to_page)


def built_rel(from_page: str, to_page: str) -> SafeMarkdown:
    """`rel` to the page MkDocs builds from `to_page` (`x.md` -> `x.html`, as with
    use_directory_urls: false), for links in raw HTML, which MkDocs does not rewrite or
    check (`check`'s link checker follows them in the built site)."""
    path, hash_mark, anchor = to_page.partition("#")
    built = path.removesuffix(".md") + ".html" if path.endswith(".md") else path
    return rel(from_page, built + hash_mark + anchor)


def load_templates(template_dir: Path) -> SiteTemplates:
    """Load templates (every `*.j2` of the folder, read once) and string tables from `site_templates/`."""
    strings = {}
    for lang in LANGUAGES:
        path = template_dir / "strings" / f"{lang}.yml"
        strings[lang] = yaml.safe_load(path.read_text(encoding="utf-8"))
    sources = {
        path.relative_to(template_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(template_dir.rglob("*.j2"))
        if path.is_file()
    }
    digest = hashlib.sha256()
    for name, source in sources.items():
        digest.update(f"{name}\0{source}\0".encode())
    # `{{ target | href(page) }}`: templates link by docs path, relative to the page rendered.
    # `{{ target | built_href(page) }}`: the same, to the built page, in raw HTML.
    env = make_environment(
        sources,
        filters={
            "href": lambda to_page, from_page: rel(from_page, to_page),
            "built_href": lambda to_page, from_page: built_rel(from_page, to_page),
        },
    )
    return SiteTemplates(env=env, strings=strings, version=digest.hexdigest())


def download_href(name: str, lang: str) -> SafeMarkdown:
    """Link to a download (`EXPORT_FILE`, `SCHEMA_FILE`) from a page at a docs folder's root.

    The English site is built into `en/` of the Chinese one (generator.site), so its pages
    reach the one copy one folder up. MkDocs cannot check a link leaving its docs folder,
    so templates write it as raw HTML; `check`'s link checker follows it in the built site.
    """
    return SafeMarkdown(name if lang == DOWNLOADS_LANG else f"../{name}")


def article_path(article_id: str) -> str:
    """Docs path of an article page."""
    return f"articles/{article_id}.md"


def region_path(adcode: str | None) -> str:
    """Docs path of a region page (`regions/unknown.md` for articles without a region)."""
    return f"regions/{adcode or UNPLACED}.md"


def feed_path(page: str) -> str:
    """The Atom feed that follows a region or topic page: beside it, `.xml` for `.md`."""
    return page.removesuffix(".md") + ".xml"


def topic_path(code: str) -> str:
    """Docs path of a topic page."""
    return f"topics/{code}.md"


def format_date(iso: str | None, lang: str, *, unknown: str) -> str:
    """`2020-03-29` as a reader writes it: 2020年3月29日 / 29 March 2020."""
    match = _ISO_DATE.match(iso or "")
    if not match:
        return iso or unknown
    year, month, day = (int(part) for part in match.groups())
    if lang == "en":
        return f"{day} {MONTHS_EN[month - 1]} {year}"
    return f"{year}年{month}月{day}日"


def short_date(iso: str, lang: str) -> str:
    """`2020-03-23` as a chart's axis writes it: 3月23日 / 23 Mar."""
    _, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {MONTHS_EN[month - 1][:3]}" if lang == "en" else f"{month}月{day}日"


def short_month(month: str, lang: str) -> str:
    """`2020-03` as a chart's axis writes it: 2020年3月 / Mar 2020."""
    year, number = month.split("-")
    return f"{MONTHS_EN[int(number) - 1][:3]} {year}" if lang == "en" else f"{year}年{int(number)}月"


UNDATED_ANCHOR = "undated"


def month_anchor(month: str | None) -> str:
    """Anchor of a month's section on the timeline (`m-2020-03`; `undated` for no date)."""
    return f"m-{month}" if month else UNDATED_ANCHOR


def format_month(month: str, lang: str) -> str:
    """`2020-03` as 2020年3月 / March 2020."""
    year, number = month.split("-")
    if lang == "en":
        return f"{MONTHS_EN[int(number) - 1]} {year}"
    return f"{year}年{int(number)}月"


def _trim(value: float) -> str:
    """At most six significant digits, no trailing zeros, no exponent."""
    text = f"{value:.6g}"
    if "e" in text:  # only for values the 万/亿 scaling below did not reach
        text = f"{value:.0f}"
    return text


def format_number_zh(value: float) -> str:
    """A number as Chinese news writes it: 2亿, 2000万, 3.5, 50."""
    magnitude = abs(value)
    if magnitude >= 1e8:
        return f"{_trim(value / 1e8)}亿"
    if magnitude >= 1e4 and value % 1 == 0:
        return f"{_trim(value / 1e4)}万"
    return _trim(value) if magnitude < 1e4 else f"{value:.0f}"


def format_figure(figure: Figure, lang: str) -> str:
    """The value with its unit, in the page's language (English text when there is one)."""
    if lang == "en" and figure.text_en:
        return figure.text_en
    number = format_number_zh(figure.value)
    if lang == "en":
        return f"{number} {figure.unit_en or figure.unit_zh}"
    return f"{number}{figure.unit_zh}"


def region_chain(region: Region) -> tuple[tuple[str, str, str | None], ...]:
    """(adcode, Chinese name, English name) from province down to the most specific level.

    Ancestor codes follow GB/T 2260: the first two digits name the province, the
    first four the prefecture.
    """
    code = region.adcode
    if not code:
        return ()
    levels = (
        (code[:2] + "0000", region.province, region.province_en),
        (code[:4] + "00", region.city, region.city_en),
        (code, region.county, region.county_en),
    )
    chain: list[tuple[str, str, str | None]] = []
    for adcode, zh, en in levels:
        if zh and all(adcode != seen for seen, _, _ in chain):
            chain.append((adcode, zh, en))
    return tuple(chain)


def region_label(zh: str, en: str | None, lang: str) -> str:
    """A region name in the page's language (its pinyin when there is no English name:
    English pages show Chinese only as the original)."""
    return (en or pinyin_word(zh)) if lang == "en" else zh


def topic_label(topics: Mapping[str, Topic], code: str, lang: str) -> str:
    """A topic name in the page's language (the code for a topic not in the taxonomy)."""
    topic = topics.get(code)
    if topic is None:
        return code
    return topic.en if lang == "en" else topic.zh


def zh_title(loc: LocalizedArticle, untitled: str) -> str:
    """The printed headline, or the opening of the summary when the source has none."""
    raw = loc.article.raw
    if raw.title:
        return raw.title
    lead = "".join(loc.article.summary) or raw.body
    return f"{untitled}：{lead[:TITLE_FALLBACK_CHARS]}…"


def title(loc: LocalizedArticle, lang: str, t: Mapping[str, str]) -> str:
    """Headline in the page's language; English falls back to a descriptive English label."""
    if lang != "en":
        return zh_title(loc, t["untitled"])
    if loc.title_en.text:
        return loc.title_en.text
    if loc.article.raw.title:
        return loc.article.raw.title
    # An English reader gets English words (searchable) instead of a Chinese fragment.
    chain = region_chain(loc.article.region)
    where = region_label(chain[-1][1], chain[-1][2], "en") if chain else t["no_region"]
    when = format_date(loc.article.raw.date, "en", unknown=t["date_unknown"])
    label = t["untitled_en"].format(where=where, date=when)
    # Place and date alone are not a name: two untitled reports of one city and day (or both
    # undated) would share it. The opening words of the English summary tell them apart; without
    # them, the article id's own hash does (stable, and unique by construction).
    lead = opening_words(loc.summary_en.text or "")
    return f"{label}: {lead}" if lead else f"{label} ({loc.article.id.rsplit('-', 1)[-1]})"


UNTITLED_LEAD_WORDS = 8


def opening_words(text: str, count: int = UNTITLED_LEAD_WORDS) -> str:
    """The first `count` words of a text, with an ellipsis when it goes on ("" for no text)."""
    words = text.split()
    if len(words) <= count:
        return " ".join(words)
    return " ".join(words[:count]).rstrip(",;:") + "…"


def translation_notice(loc: LocalizedArticle, lang: str, t: Mapping[str, str]) -> str | None:
    """What the English reader must know about the English shown (None when reviewed)."""
    if lang != "en":
        return None
    states = {loc.title_en.state, loc.summary_en.state}
    if TranslationState.MISSING in states:
        return t["translation_missing"]
    if TranslationState.MACHINE in states:
        return t["translation_machine"]
    return None


def summary(loc: LocalizedArticle, lang: str) -> str:
    """The summary in the page's language; English falls back to the Chinese one."""
    summary_zh = "".join(loc.article.summary)
    if lang == "en":
        return loc.summary_en.text or summary_zh
    return summary_zh


ZH_OPEN = SafeMarkdown('<span lang="zh-Hans">')
ZH_CLOSE = SafeMarkdown("</span>")
NO_MARK = SafeMarkdown("")


def chinese(text: str) -> SafeMarkdown:
    """Chinese source text, escaped and marked as Chinese (fonts, screen readers)."""
    return SafeMarkdown(f"{ZH_OPEN}{escape_md(text)}{ZH_CLOSE}")


def term_markup(term: EnglishTerm) -> SafeMarkdown:
    """A term for an English reader: its English, else its pinyin with the Chinese in brackets."""
    if term.en:
        return escape_md(term.en)
    return SafeMarkdown(f"{escape_md(term.pinyin)} ({chinese(term.zh)})")


def term_list(words: tuple[str, ...], english: tuple[EnglishTerm, ...], lang: str, separator: str) -> SafeMarkdown:
    """Keywords or evidence terms in the page's language, joined by `separator`.

    English drops repeats (摸排 and 排查 are both "screening"). Terms without their
    English (an article localized without a dictionary) stay Chinese, marked as such.
    """
    if lang != "en":
        return SafeMarkdown(separator.join(escape_md(word) for word in words))
    if len(english) != len(words):
        return chinese(separator.join(words))
    shown = dict.fromkeys(term_markup(term) for term in english)
    return SafeMarkdown(separator.join(shown))


def localized_or_chinese(english: LocalizedText | None, source: str, lang: str) -> SafeMarkdown:
    """A translated field (figure phrase, caption): English when the memory has it; else
    the Chinese, marked as Chinese on an English page."""
    if lang != "en":
        return escape_md(source)
    if english is not None and english.text:
        return escape_md(english.text)
    return chinese(source)


def english_or_chinese(english: str | None, source: str | None, lang: str) -> SafeMarkdown | None:
    """A name or subtitle: the English when there is one; the Chinese marked as Chinese."""
    if lang == "en" and english:
        return escape_md(english)
    if not source:
        return None
    return chinese(source) if lang == "en" else escape_md(source)


# `第三版①`, `第1版`: a newspaper page label of a continuation mark.
_PAGE_LABEL = re.compile(r"^第\s*(?P<number>[0-9０-９]+|[一二三四五六七八九十百零〇两]+)\s*版\s*(?P<rest>.*)$")
_CHINESE_DIGITS = {ch: n for n, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def _chinese_number(text: str) -> int | None:
    """A page number written in Chinese numerals (三, 十二, 二十), up to 99."""
    if text.isdigit():
        return int(text)
    tens, sep, units = text.partition("十")
    if not sep:
        return _CHINESE_DIGITS.get(text) if len(text) == 1 else None
    high = 1 if not tens else _CHINESE_DIGITS.get(tens)
    low = 0 if not units else _CHINESE_DIGITS.get(units)
    return None if high is None or low is None else high * 10 + low


def page_label(label: str, lang: str) -> SafeMarkdown:
    """Where a continued article goes on: 第三版① -> page 3 ① on an English page."""
    if lang != "en":
        return escape_md(label)
    match = _PAGE_LABEL.match(label.strip())
    number = _chinese_number(match["number"]) if match else None
    if match is None or number is None:
        return chinese(label)
    rest = match["rest"].strip()
    if _HAN.search(rest):
        return SafeMarkdown(f"page {number} {chinese(rest)}")
    return escape_md(f"page {number} {rest}".strip())


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a list page shows about one article, in one language."""

    id: str
    page: str
    title: str
    date: str | None
    date_label: str
    summary: str
    outlet: str | None
    region: str
    region_page: str
    topics: tuple[tuple[str, str], ...]  # (label, topic page)
    duplicate: bool
    # A piece with no headline of its own (a brief, a fragment cut off a page): listed, but
    # never the lead of the home page or of the feeds.
    titled: bool = True
    # Where an English page falls back to the Chinese text, the markup says so (lang="zh-Hans").
    title_open: SafeMarkdown = NO_MARK
    title_close: SafeMarkdown = NO_MARK
    summary_open: SafeMarkdown = NO_MARK
    summary_close: SafeMarkdown = NO_MARK
    outlet_open: SafeMarkdown = NO_MARK
    outlet_close: SafeMarkdown = NO_MARK
    # What the list filter (generator/render/filters.py) matches: every level of the region
    # chain (a province's filter keeps its cities' articles), with labels for the options.
    region_chain: tuple[tuple[str, str], ...] = ()  # (adcode or UNPLACED, label), province first

    @property
    def month(self) -> str:
        """`2020-03`, or UNDATED_ANCHOR: the filter's month value (never mixed into a month)."""
        return self.date[:7] if self.date else UNDATED_ANCHOR

    @property
    def topic_codes(self) -> tuple[str, ...]:
        return tuple(page.removeprefix("topics/").removesuffix(".md") for _, page in self.topics)

    def data_attrs(self) -> SafeMarkdown:
        """` data-digest-item data-regions="…" data-topics="…" data-month="…"` for raw HTML:
        the values the filter script compares (codes only, escaped all the same)."""
        regions = " ".join(code for code, _ in self.region_chain)
        return SafeMarkdown(
            f' data-digest-item data-regions="{escape_attr(regions)}"'
            f' data-topics="{escape_attr(" ".join(self.topic_codes))}" data-month="{escape_attr(self.month)}"'
        )


def _marks(field: str, chinese: bool) -> dict[str, SafeMarkdown]:
    return {f"{field}_open": ZH_OPEN if chinese else NO_MARK, f"{field}_close": ZH_CLOSE if chinese else NO_MARK}


def entry(loc: LocalizedArticle, lang: str, t: Mapping[str, str], topics: Mapping[str, Topic]) -> Entry:
    """The list-page view of an article."""
    a = loc.article
    chain = region_chain(a.region)
    codes = (a.topics.primary, *a.topics.secondary)
    return Entry(
        id=a.id,
        page=article_path(a.id),
        title=title(loc, lang, t),
        date=a.raw.date,
        date_label=format_date(a.raw.date, lang, unknown=t["date_unknown"]),
        summary=summary(loc, lang),
        outlet=(loc.outlet_en or a.raw.outlet) if lang == "en" else a.raw.outlet,
        region=region_label(chain[-1][1], chain[-1][2], lang) if chain else t["no_region"],
        region_page=region_path(chain[-1][0] if chain else None),
        topics=tuple((topic_label(topics, code, lang), topic_path(code)) for code in codes if code in topics),
        duplicate=a.duplicate_of is not None,
        titled=a.raw.title is not None and a.raw.kind is not ArticleKind.CONTINUATION,
        **_marks("title", lang == "en" and not loc.title_en.text and bool(a.raw.title)),
        **_marks("summary", lang == "en" and not loc.summary_en.text),
        **_marks("outlet", lang == "en" and not loc.outlet_en and bool(a.raw.outlet)),
        region_chain=tuple((code, region_label(zh, en, lang)) for code, zh, en in chain)
        or ((UNPLACED, t["no_region"]),),
    )


# A Chinese sentence ends at 。 (with any closing quotes after it), or at ！？ outside a quotation:
# in “别远走了！”他说。 the sentence goes on after the quote.
_CLOSE = "”’」』）)"
_SENTENCE_END_ZH = re.compile(rf"(?:(?<=。)|(?<=。[{_CLOSE}])|(?<=[！？!?]))(?![{_CLOSE}])")
_SENTENCE_END_EN = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘(])")
ZH_CHARS_PER_MINUTE = 400
"""Reading speed of Chinese news text (characters per minute)."""


def first_sentence(text: str, lang: str) -> str:
    """The first sentence of a summary (the whole text when it has one sentence)."""
    text = text.strip()
    splitter = _SENTENCE_END_EN if lang == "en" else _SENTENCE_END_ZH
    head = splitter.split(text, maxsplit=1)[0].strip()
    return head or text


def reading_minutes(paragraphs: tuple[str, ...] | list[str]) -> int:
    """Whole minutes to read a Chinese text, at least one."""
    chars = sum(len("".join(p.split())) for p in paragraphs)
    return max(1, round(chars / ZH_CHARS_PER_MINUTE))


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Newest first; undated articles last; on one day titled stories before untitled pieces;
    ties by id so the order never changes."""
    return sorted(entries, key=lambda e: (e.date or "", e.titled, e.id), reverse=True)
