"""One builder of small literal RawArticles for the tests that need a raw article and nothing more."""

from __future__ import annotations

from dataclasses import replace

from generator.models import ArticleKind, RawArticle, SourceFormat


def make_raw(
    paragraphs: tuple[str, ...] = ("本报讯 企业复工复产。",),
    *,
    source_file: str = "seed.txt",
    title: str | None = "标题",
    fmt: SourceFormat = SourceFormat.NEWSPAPER_PAGE,
    **fields: object,
) -> RawArticle:
    """A raw article on lines 1-9 of `source_file`; any other field by keyword."""
    base = RawArticle(
        source_file=source_file,
        line_start=1,
        line_end=9,
        format=fmt,
        kind=ArticleKind.ARTICLE,
        title=title,
        subtitle=None,
        paragraphs=paragraphs,
    )
    return replace(base, **fields)
