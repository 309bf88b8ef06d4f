"""The assembler: labelled lines -> articles, nothing dropped, nothing doubled."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.ingest.assemble import assemble
from generator.ingest.line_features import PageLine, page_lines
from generator.ingest.roles import Boundary, LineRole

BEGIN, INSIDE, OUTSIDE = Boundary.BEGIN, Boundary.INSIDE, Boundary.OUTSIDE


def _lines(*texts: str) -> tuple[PageLine, ...]:
    return page_lines(list(enumerate(texts, start=1)))


def test_page_lines_skip_blanks_and_know_their_gaps() -> None:
    lines = _lines("标题", "", "正文第一行", "正文第二行", "")
    assert [(p.number, p.blank_before, p.blank_after) for p in lines] == [
        (1, True, True),
        (3, True, False),
        (4, False, True),
    ]


def test_headline_after_body_belongs_to_the_body_above() -> None:
    lines = _lines("本报讯 正文。", "正文续。", "标题在后", "另一篇正文。")
    page = assemble(
        lines, [(BEGIN, LineRole.BODY), (INSIDE, LineRole.BODY), (INSIDE, LineRole.TITLE), (BEGIN, LineRole.BODY)]
    )
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 3), (4, 4)]
    assert page.articles[0].texts(LineRole.TITLE) == ("标题在后",)


def test_outside_lines_are_furniture_not_articles() -> None:
    lines = _lines("第05版：要闻", "标题", "正文。", "分享到：")
    labels = [(OUTSIDE, LineRole.META), (BEGIN, LineRole.TITLE), (INSIDE, LineRole.BODY), (OUTSIDE, LineRole.FURNITURE)]
    page = assemble(lines, labels)
    assert [t.number for t in page.outside] == [1, 4]
    assert [(a.first_line, a.last_line) for a in page.articles] == [(2, 3)]


def test_a_lone_headline_joins_the_text_after_it() -> None:
    lines = _lines("标题", "本报讯 正文。")
    page = assemble(lines, [(BEGIN, LineRole.TITLE), (BEGIN, LineRole.BODY)])
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 2)]


def test_text_under_a_shared_column_label_opens_a_story() -> None:
    lines = _lines("标题", "正文写完了。", "■新闻超市", "简讯一的正文写在这里，共有二十多个字。")
    labels = [(BEGIN, LineRole.TITLE), (INSIDE, LineRole.BODY), (OUTSIDE, LineRole.COLUMN), (INSIDE, LineRole.BODY)]
    page = assemble(lines, labels)
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 2), (4, 4)]


def test_furniture_inside_a_story_does_not_cut_it() -> None:
    lines = _lines("标题", "正文第一段写在这里。", "分享到：", "正文第二段写在这里。")
    labels = [(BEGIN, LineRole.TITLE), (INSIDE, LineRole.BODY), (OUTSIDE, LineRole.FURNITURE), (INSIDE, LineRole.BODY)]
    page = assemble(lines, labels)
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 4)]


def test_a_lone_headline_across_furniture_heads_nothing() -> None:
    lines = _lines(
        "技术支持：某某信息技术有限公司", "首页 > 国内 > 正文", "标题", "正文写在这里，共有二十多个字的内容。"
    )
    labels = [(BEGIN, LineRole.TITLE), (OUTSIDE, LineRole.FURNITURE), (BEGIN, LineRole.TITLE), (INSIDE, LineRole.BODY)]
    page = assemble(lines, labels)
    assert [(a.first_line, a.last_line) for a in page.articles] == [(3, 4)]
    assert [(line.number, line.role) for line in page.outside] == [(1, LineRole.FURNITURE), (2, LineRole.FURNITURE)]


def test_a_headline_at_the_foot_of_a_headed_story_is_furniture() -> None:
    lines = _lines("标题", "正文写在这里，共有二十多个字的内容。", "技术支持：某某信息技术有限公司")
    labels = [(BEGIN, LineRole.TITLE), (INSIDE, LineRole.BODY), (BEGIN, LineRole.TITLE)]
    page = assemble(lines, labels)
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 2)]
    assert [(line.number, line.role) for line in page.outside] == [(3, LineRole.FURNITURE)]


def test_a_headline_at_the_foot_of_an_unheaded_story_is_its_headline() -> None:
    lines = _lines("正文写在这里，共有二十多个字的内容。", "标题在后")
    page = assemble(lines, [(BEGIN, LineRole.BODY), (BEGIN, LineRole.TITLE)])
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 2)]
    assert page.outside == ()


def test_text_before_any_begin_label_opens_an_article() -> None:
    page = assemble(_lines("正文。", "更多正文。"), [(INSIDE, LineRole.BODY), (INSIDE, LineRole.BODY)])
    assert len(page.articles) == 1


def test_two_headline_blocks_run_together_are_two_articles_headlines_above() -> None:
    lines = _lines(
        "第一个标题", "本报讯 第一篇的正文写了足够多的字。", "", "第二个标题", "第二篇的正文也写了足够多的字。"
    )
    labels = [(BEGIN, LineRole.TITLE), (INSIDE, LineRole.BODY), (INSIDE, LineRole.TITLE), (INSIDE, LineRole.BODY)]
    page = assemble(lines, labels)
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 2), (4, 5)]


def test_two_headline_blocks_run_together_are_two_articles_headlines_below() -> None:
    lines = _lines(
        "第一篇的正文写了足够多的字。", "", "第一个标题", "", "第二篇的正文也写了足够多的字。", "", "第二个标题"
    )
    labels = [(BEGIN, LineRole.BODY), (INSIDE, LineRole.TITLE), (INSIDE, LineRole.BODY), (INSIDE, LineRole.TITLE)]
    page = assemble(lines, labels)
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 3), (5, 7)]


def test_a_subheading_inside_a_report_does_not_cut_it() -> None:
    # No blank line before the second block: a subheading of the same report.
    lines = _lines("标题", "本报讯 第一段正文写了足够多的字。", "一、小标题", "第二段正文也写了足够多的字。")
    labels = [(BEGIN, LineRole.TITLE), (INSIDE, LineRole.BODY), (INSIDE, LineRole.TITLE), (INSIDE, LineRole.BODY)]
    assert len(assemble(lines, labels).articles) == 1


# Two reports run together by the tagger, one headline between them: the headline shares its
# words with the report below it (printed above its story) or above it (printed after it).
_HARVEST = "本报讯 今年全县小麦喜获丰收，农民们抢抓晴好天气收割小麦。"
_HARVEST_MORE = "收割小麦的农机在田间来回作业，粮站收购小麦。"
_BRIDGE = "连日来，跨江大桥建设现场一片繁忙，大桥主塔已封顶。"
_BRIDGE_MORE = "工人们正在吊装大桥钢箱梁，确保大桥年底通车。"


def test_a_lone_headline_between_two_reports_heads_the_one_it_names_below() -> None:
    lines = _lines(_HARVEST, _HARVEST_MORE, "跨江大桥主塔封顶", _BRIDGE, _BRIDGE_MORE)
    labels = [(BEGIN, LineRole.BODY), (INSIDE, LineRole.BODY), (INSIDE, LineRole.TITLE)]
    page = assemble(lines, [*labels, (INSIDE, LineRole.BODY), (INSIDE, LineRole.BODY)])
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 2), (3, 5)]


def test_a_lone_headline_between_two_reports_closes_the_one_it_names_above() -> None:
    lines = _lines(_HARVEST, _HARVEST_MORE, "全县小麦喜获丰收", _BRIDGE, _BRIDGE_MORE)
    labels = [(BEGIN, LineRole.BODY), (INSIDE, LineRole.BODY), (INSIDE, LineRole.TITLE)]
    page = assemble(lines, [*labels, (INSIDE, LineRole.BODY), (INSIDE, LineRole.BODY)])
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 3), (4, 5)]


def test_headlines_run_together_without_blank_lines_each_head_the_report_they_name() -> None:
    lines = _lines("全县小麦喜获丰收", _HARVEST, _HARVEST_MORE, "跨江大桥主塔封顶", _BRIDGE, _BRIDGE_MORE)
    labels = [(BEGIN, LineRole.TITLE), (INSIDE, LineRole.BODY), (INSIDE, LineRole.BODY), (INSIDE, LineRole.TITLE)]
    page = assemble(lines, [*labels, (INSIDE, LineRole.BODY), (INSIDE, LineRole.BODY)])
    assert [(a.first_line, a.last_line) for a in page.articles] == [(1, 3), (4, 6)]


def test_a_short_line_inside_an_open_title_mark_goes_on_the_sentence() -> None:
    # `《关于` is left open: the next line, tagged a headline, is the rest of the document's name.
    lines = _lines(_HARVEST, "会议原则同意《关于", "跨江大桥主塔封顶", "的意见》。" + _BRIDGE, _BRIDGE_MORE)
    labels = [(BEGIN, LineRole.BODY), (INSIDE, LineRole.BODY), (INSIDE, LineRole.TITLE)]
    page = assemble(lines, [*labels, (INSIDE, LineRole.BODY), (INSIDE, LineRole.BODY)])
    assert len(page.articles) == 1


def test_a_wrapped_line_the_tagger_calls_a_headline_does_not_cut_the_paragraph() -> None:
    # The paragraph goes on over the line (no sentence end above it), which repeats the
    # words of the story below it more than those above.
    lines = _lines(_HARVEST, "为方便群众出行，市里决定", "跨江大桥主塔封顶后加快建设，", _BRIDGE, _BRIDGE_MORE)
    labels = [(BEGIN, LineRole.BODY), (INSIDE, LineRole.BODY), (INSIDE, LineRole.TITLE)]
    page = assemble(lines, [*labels, (INSIDE, LineRole.BODY), (INSIDE, LineRole.BODY)])
    assert len(page.articles) == 1


def test_a_subheading_whose_words_both_sides_repeat_alike_does_not_cut_the_report() -> None:
    lines = _lines(_BRIDGE, "大桥工程", _BRIDGE_MORE)
    labels = [(BEGIN, LineRole.BODY), (INSIDE, LineRole.TITLE), (INSIDE, LineRole.BODY)]
    assert len(assemble(lines, labels).articles) == 1


_LABELS = st.tuples(st.sampled_from(list(Boundary)), st.sampled_from(list(LineRole)))


@given(st.lists(st.tuples(st.text(min_size=0, max_size=5), _LABELS), max_size=40))
def test_every_line_ends_up_in_exactly_one_place(rows: list[tuple[str, tuple[Boundary, LineRole]]]) -> None:
    lines = _lines(*(text for text, _ in rows))
    labels = [label for (text, label) in rows if text.strip()]
    page = assemble(lines, labels)
    placed = [t.number for a in page.articles for t in a.lines] + [t.number for t in page.outside]
    assert sorted(placed) == [p.number for p in lines]
    for article in page.articles:
        numbers = [t.number for t in article.lines]
        assert numbers == sorted(numbers)
