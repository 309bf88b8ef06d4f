"""Small literal articles for the render tests (no seeds, no analysis)."""

from __future__ import annotations

from generator.analyse.topics import Topic
from generator.models import (
    AnalysedArticle,
    ArticleKind,
    Figure,
    LocalizedArticle,
    LocalizedText,
    RawArticle,
    Region,
    SourceFormat,
    TopicAssignment,
    TranslationState,
)

HULUNBUIR = Region(
    "内蒙古自治区", "呼伦贝尔市", None, "Inner Mongolia Autonomous Region", "Hulunbuir City", None, "150700"
)
ARUN = Region(
    "内蒙古自治区",
    "呼伦贝尔市",
    "阿荣旗",
    "Inner Mongolia Autonomous Region",
    "Hulunbuir City",
    "Arun Banner",
    "150721",
)
ALXA = Region("内蒙古自治区", "阿拉善盟", None, "Inner Mongolia Autonomous Region", "Alxa League", None, "152900")
JIAOZUO = Region("河南省", "焦作市", None, "Henan Province", "Jiaozuo City", None, "410800")

TAXONOMY = (
    Topic(code="work-resumption", zh="复工复产", en="Resumption of work", hints=("复工",)),
    Topic(code="finance-and-credit", zh="金融信贷", en="Finance and credit", hints=("贷款",)),
    Topic(code="epidemic-control", zh="疫情防控", en="Epidemic control", hints=("防控",)),
)


def make_article(
    article_id: str,
    *,
    title: str | None = "标题",
    date: str | None = "2020-03-29",
    region: Region = HULUNBUIR,
    primary: str = "work-resumption",
    secondary: tuple[str, ...] = (),
    keywords: tuple[str, ...] = ("复工",),
    figures: tuple[Figure, ...] = (),
    duplicate_of: str | None = None,
    title_en: str | None = None,
    summary_en: str | None = None,
    paragraphs: tuple[str, ...] = ("本报讯 企业复工复产。",),
    source_file: str = "seed.txt",
) -> LocalizedArticle:
    raw = RawArticle(
        source_file=source_file,
        line_start=1,
        line_end=9,
        format=SourceFormat.NEWSPAPER_PAGE,
        kind=ArticleKind.ARTICLE,
        title=title,
        subtitle=None,
        paragraphs=paragraphs,
        byline=("李玉琢",),
        date=date,
        outlet="内蒙古日报",
    )
    article = AnalysedArticle(
        id=article_id,
        raw=raw,
        region=region,
        regions_mentioned=("呼伦贝尔市",),
        topics=TopicAssignment(primary=primary, secondary=secondary),
        keywords=keywords,
        figures=figures,
        summary=("企业复工复产。",),
        duplicate_of=duplicate_of,
    )

    def text(value: str | None) -> LocalizedText:
        return LocalizedText(value, TranslationState.REVIEWED if value else TranslationState.MISSING)

    return LocalizedArticle(
        article=article,
        title_en=text(title_en),
        subtitle_en=text(None),
        summary_en=text(summary_en),
        byline_en=("Li Yuzhuo",),
    )
