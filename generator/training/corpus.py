"""The real-article corpus (`articles.jsonl`, see its README): loading, the outlet split, and
the role of each printed paragraph.

The corpus is third-party text: it is read in place, never copied into the repository.

Decisions:

* Location: `DIGEST_CORPUS` (a path to the jsonl file) wins; else
  `project_root().parent / "shared" / "corpus" / "articles.jsonl"`.
* Train / test split by outlet, not by article: two articles of one outlet share furniture,
  bylines and habits, so an article split would leak them into the test set. The outlet is
  the name before any bracketed repost note (`outlet_key`), hashed with a salt so the split
  is stable across runs and machines.
* `paragraph_roles` labels the corpus's own printed paragraphs with small regexes: captions
  (known from `captions`), credit lines, continuation / end marks, source lines, image file
  names and `【纠错】` tails. Everything else is body.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.config import project_root
from generator.ingest.datelines import compact
from generator.ingest.roles import LineRole

__all__ = [
    "CORPUS_ENV",
    "CorpusArticle",
    "CorpusNotFoundError",
    "corpus_path",
    "load_corpus",
    "outlet_key",
    "paragraph_roles",
    "split_by_outlet",
]

CORPUS_ENV = "DIGEST_CORPUS"


class CorpusNotFoundError(FileNotFoundError):
    """The corpus file is missing; the message names the path looked at."""


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One line of `articles.jsonl`; lists become tuples. Field meanings: the corpus README."""

    id: str
    url: str
    outlet: str
    outlet_kind: str
    date: str
    date_basis: str
    title: str | None
    subtitle: str | None
    kicker: str | None
    byline: tuple[str, ...]
    dateline: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    column: str | None
    kind: str
    script: str
    province: str | None = None
    city: str | None = None
    topic: str | None = None
    truncated: bool = False
    notes: str | None = None


def corpus_path() -> Path:
    """Where the corpus is read from: `$DIGEST_CORPUS`, else the shared folder next to the checkout."""
    override = os.environ.get(CORPUS_ENV)
    if override:
        return Path(override)
    return project_root().parent / "shared" / "corpus" / "articles.jsonl"


def _article_from_json(row: dict[str, object]) -> CorpusArticle:
    def text_or_none(key: str) -> str | None:
        value = row.get(key)
        return str(value) if value is not None else None

    def strings(key: str) -> tuple[str, ...]:
        value = row.get(key) or []
        assert isinstance(value, list), key
        return tuple(str(item) for item in value)

    return CorpusArticle(
        id=str(row["id"]),
        url=str(row.get("url", "")),
        outlet=str(row["outlet"]),
        outlet_kind=str(row.get("outlet_kind", "other")),
        date=str(row["date"]),
        date_basis=str(row.get("date_basis", "unknown")),
        title=text_or_none("title"),
        subtitle=text_or_none("subtitle"),
        kicker=text_or_none("kicker"),
        byline=strings("byline"),
        dateline=text_or_none("dateline"),
        paragraphs=strings("paragraphs"),
        captions=strings("captions"),
        column=text_or_none("column"),
        kind=str(row.get("kind", "article")),
        script=str(row.get("script", "hans")),
        province=text_or_none("province"),
        city=text_or_none("city"),
        topic=text_or_none("topic"),
        truncated=bool(row.get("truncated", False)),
        notes=text_or_none("notes"),
    )


def load_corpus(path: Path | None = None) -> tuple[CorpusArticle, ...]:
    """All corpus articles in file order; `CorpusNotFoundError` naming the path when it is missing."""
    where = path if path is not None else corpus_path()
    if not where.is_file():
        raise CorpusNotFoundError(f"article corpus not found at {where} (set ${CORPUS_ENV} to its path)")
    articles = []
    with where.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                articles.append(_article_from_json(json.loads(line)))
    return tuple(articles)


# The outlet name ends at the first bracket of either width: `人民日报 (repost on tkpao.com)`.
_OUTLET_NOTE_RE = re.compile(r"[(（\[【].*$", re.DOTALL)


def outlet_key(outlet: str) -> str:
    """The outlet name before any bracket / parenthesis note, stripped."""
    return _OUTLET_NOTE_RE.sub("", outlet).strip()


def _goes_to_test(key: str, *, test_share: float, salt: str) -> bool:
    return int(hashlib.sha256((salt + key).encode("utf-8")).hexdigest(), 16) % 1000 < test_share * 1000


def split_by_outlet(
    articles: Iterable[CorpusArticle], *, test_share: float = 0.3, salt: str = "digest-splitter-v1"
) -> tuple[tuple[CorpusArticle, ...], tuple[CorpusArticle, ...]]:
    """(train, test), input order kept; all articles of one outlet (`outlet_key`) on the same side."""
    train: list[CorpusArticle] = []
    test: list[CorpusArticle] = []
    for article in articles:
        side = test if _goes_to_test(outlet_key(article.outlet), test_share=test_share, salt=salt) else train
        side.append(article)
    return tuple(train), tuple(test)


# --- paragraph roles -------------------------------------------------------------------------

# Sentence punctuation: a credit line never has it, a body sentence almost always does.
_SENTENCE_PUNCT_RE = re.compile(r"[。！？!?；;]")
_CREDIT_MAX = 40

# Image file names and gallery counters left in the text: `20220118-DSC04207.JPG`, `1 / 7`.
_IMAGE_RE = re.compile(
    r"^[\w\-. ]*\.(?:jpe?g|png|gif|webp|bmp)$|^article_img$|^\d+\s*/\s*\d+$|_fororder_|^!\[", re.IGNORECASE
)
# Site tails: `【纠错】 责任编辑: X`, `手機用戶請按此放大圖表`, rules drawn with box characters.
_TAIL_RE = re.compile(r"^【(?:纠错|糾錯)】|^手[机機]用[户戶]|^[━─—=＝\-]{3,}$")
# Source lines: `《 人民日报 》( 2020年07月20日 04 版)`, `来源:新华社`, `本文转自:…`, `原标题:…`.
_SOURCE_RE = re.compile(
    r"^《\s*[^》]{2,20}\s*》\s*[(（]\s*\d{4}\s*年.*版\s*[)）]$"
    r"|^(?:来源|來源|本文转自|本文轉自|原标题|原標題|发布时间|發布時間)\s*[:：]"
)
# Credits: editor / desk roles with a colon, reporters and correspondents, photo credits.
_CREDIT_ROLE = (
    r"(?:总监制|總監制|责任编辑|責任編輯|责编|責編|编辑|編輯|审核|審核|校对|校對|终审|終審|统筹|統籌|"
    r"监制|監制|策划|策劃|版式设计|版式設計|设计|設計|海报|海報|作者|记者|記者|供稿|媒体运营|媒體運營|来稿作者|來稿作者)"
)
_EDITOR_RE = re.compile(rf"^[【\[(（]?\s*{_CREDIT_ROLE}\s*[:：】]")
_REPORTER_RE = re.compile(
    r"^[□■▍【(（]?\s*(?:文/|.{0,16}?(?:记\s*者|記\s*者|通讯员|通訊員|评论员|評論員)|【(?:记者|記者|作者)】)"
)
# `XX 摄`, `新华社发(卢启建 摄)`, `侯崇慧攝(人民視覺)`, `文/图`, `摄影报道`, `新華社 圖/文`.
_PHOTO_CREDIT_RE = re.compile(
    r"(?:摄|攝|摄影报道|攝影報道|报道|報道|整理|文/图|圖/文|图/文)\s*[)）]?(?:[(（][^()（）]{1,8}[)）])?$"
)
# Continuation and end marks: `(完)`, `上接第1版`, `(下转第三版)`.
# Photo notes printed where the picture was: `(资料图片仅供参考)`, `(相關資料圖)`, `(图侵删)`.
_PHOTO_NOTE_RE = re.compile(r"^[(（][^()（）]{0,6}(?:资料图|資料圖|图侵删|圖侵刪)[^()（）]{0,6}[)）]$")
# A flattened repost may glue a whole article onto its `来源:` line; only short lines are headers.
_SOURCE_MAX = 60
_MARK_RE = re.compile(r"^[(（]?\s*(?:完|上接第?.{1,4}版|下[转轉]第?.{1,4}版)\s*[)）]?$|^■?上接|^[(（]?下[转轉]")


def _is_caption(paragraph: str, captions: Sequence[str]) -> bool:
    squashed = compact(paragraph)
    for caption in captions:
        squashed_caption = compact(caption)
        if paragraph == caption or (squashed_caption and squashed_caption in squashed):
            return True
    return False


def _is_credit(paragraph: str) -> bool:
    text = paragraph.strip()
    if len(text) > _CREDIT_MAX or _SENTENCE_PUNCT_RE.search(text):
        return False
    return bool(_EDITOR_RE.match(text) or _REPORTER_RE.match(text) or _PHOTO_CREDIT_RE.search(text))


def paragraph_role(paragraph: str, captions: Sequence[str] = ()) -> LineRole:
    """The role of one printed paragraph of a corpus article (see `paragraph_roles`)."""
    text = paragraph.strip()
    if _is_caption(text, captions) or _PHOTO_NOTE_RE.match(text):
        return LineRole.CAPTION
    if _IMAGE_RE.match(text) or _TAIL_RE.match(text):
        return LineRole.FURNITURE
    if _MARK_RE.match(text):
        return LineRole.MARK
    if _SOURCE_RE.match(text) and len(text) <= _SOURCE_MAX:
        return LineRole.META
    if _is_credit(text):
        return LineRole.BYLINE
    return LineRole.BODY


def paragraph_roles(article: CorpusArticle) -> tuple[LineRole, ...]:
    """One role per paragraph: CAPTION, FURNITURE (image names, 【纠错】 tails), MARK ((完), 上接/下转),
    META (source lines 《人民日报》(…版), 来源:…), BYLINE (credit-only lines), else BODY."""
    return tuple(paragraph_role(paragraph, article.captions) for paragraph in article.paragraphs)
