"""Small literal articles for the translation tests."""

from __future__ import annotations

from generator.models import AnalysedArticle, ArticleKind, RawArticle, Region, SourceFormat, TopicAssignment


def make_article(
    article_id: str = "2020-03-29-abcdef1234",
    *,
    title: str | None = "复工复产加速跑",
    subtitle: str | None = None,
    summary: tuple[str, ...] = ("企业全部复工。", "产值3.7亿元。"),
    byline: tuple[str, ...] = ("何国栋",),
    outlet: str | None = None,
    region: Region | None = None,
) -> AnalysedArticle:
    raw = RawArticle(
        source_file="001_example.txt",
        line_start=3,
        line_end=20,
        format=SourceFormat.NEWSPAPER_PAGE,
        kind=ArticleKind.ARTICLE,
        title=title,
        subtitle=subtitle,
        paragraphs=summary,
        byline=byline,
        outlet=outlet,
    )
    return AnalysedArticle(
        id=article_id,
        raw=raw,
        region=region or Region(),
        regions_mentioned=(),
        topics=TopicAssignment(primary="economy"),
        keywords=(),
        figures=(),
        summary=summary,
    )
