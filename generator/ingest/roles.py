"""What each line of a raw page is: the vocabulary shared by the page synthesiser (gold by
construction), the line tagger (a CRF over lines) and the assembler (labels -> articles).

A line's label is its `LineRole` plus whether it opens an article:

* `B-<role>`: the first line (in file order) of an article; every article has exactly one.
* `I-<role>`: any later line of the same article.
* `O-<role>`: a line that belongs to no article (page furniture, page-level header fields).

Blank lines are not labelled: the tagger sees them only as features of their neighbours
(`blank_before` / `blank_after`), and the assembler gives them to whatever surrounds them.
"""

from __future__ import annotations

from enum import StrEnum


class LineRole(StrEnum):
    TITLE = "title"  # headline line (a headline may wrap over several lines)
    KICKER = "kicker"  # 引题: short line printed above the headline
    SUBTITLE = "subtitle"  # 副题 / `——` deck under the headline
    COLUMN = "column"  # column or section label of one article (要闻, 图片新闻, 民生快讯)
    BYLINE = "byline"  # credit line: 本报记者…, 通讯员…, 文/图…, …摄, 责任编辑:…, 统筹…
    BODY = "body"  # article text, dateline lead included
    CAPTION = "caption"  # photo caption
    MARK = "mark"  # continuation or end mark on its own line: (上接第1版) (下转第三版) (完)
    META = "meta"  # header field: 日期/发布时间, 来源, 作者, 浏览量, a page header's date
    FURNITURE = "furniture"  # site or page furniture: nav, share/print, page labels, footers, URLs


class Boundary(StrEnum):
    BEGIN = "B"
    INSIDE = "I"
    OUTSIDE = "O"


def label(boundary: Boundary, role: LineRole) -> str:
    """The tagger's label string, e.g. `B-title`."""
    return f"{boundary.value}-{role.value}"


def parse_label(text: str) -> tuple[Boundary, LineRole]:
    """Inverse of `label`; ValueError on anything else."""
    boundary, _, role = text.partition("-")
    return Boundary(boundary), LineRole(role)


__all__ = ["Boundary", "LineRole", "label", "parse_label"]
