"""What there is to translate (generator/translate/segments.py)."""

from __future__ import annotations

from generator.translate.glossary import load_glossary
from generator.translate.segments import article_segments, content_segments, glossary_segments
from tests.translate.builders import make_article


def test_article_segments_name_id_and_field() -> None:
    article = make_article("2020-03-29-abcdef1234", subtitle="副题", summary=("第一句。", " ", "第二句。"))
    segments = article_segments(article)
    assert [(s.context, s.source) for s in segments] == [
        ("2020-03-29-abcdef1234:title", "复工复产加速跑"),
        ("2020-03-29-abcdef1234:subtitle", "副题"),
        ("2020-03-29-abcdef1234:summary:1", "第一句。"),
        ("2020-03-29-abcdef1234:summary:2", "第二句。"),
    ]
    assert segments[0].reference == "001_example.txt:3"


def test_absent_fields_have_no_segment() -> None:
    segments = article_segments(make_article(title=None, subtitle="  ", summary=()))
    assert segments == ()


def test_glossary_segments_carry_the_glossary_english() -> None:
    segments = {s.source: s for s in glossary_segments(load_glossary())}
    assert segments["内蒙古日报"].context == "glossary:outlet"
    assert segments["内蒙古日报"].suggestion == "Inner Mongolia Daily"
    assert segments["复工复产"].context == "glossary:term"


def test_content_segments_put_glossary_first() -> None:
    segments = content_segments([make_article()], load_glossary())
    groups = [s.group for s in segments]
    assert groups[0] == "glossary" and groups[-1] == "2020-03-29-abcdef1234"
