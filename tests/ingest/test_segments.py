"""Grouping units into articles and giving each its headline groups."""

from __future__ import annotations

from generator.ingest.segments import Segment, segment_units
from generator.ingest.units import page_units
from generator.models import SourceLine


def _segments(text: str) -> tuple[Segment, ...]:
    lines = tuple(SourceLine(i + 1, t) for i, t in enumerate(text.split("\n")))
    return segment_units(page_units(lines))


def _heads(segment: Segment) -> tuple[tuple[str, ...], tuple[str, ...]]:
    before = tuple(t for u in segment.heads_before for t in u.texts)
    after = tuple(t for u in segment.heads_after for t in u.texts)
    return before, after


def test_headline_after_body_is_the_default() -> None:
    segments = _segments(
        "全旗新建草原书屋20个，藏书两万册。\n\n草原书屋开进牧民家\n\n"
        "本报讯（记者 高原）市区新建三座口袋公园。\n\n口袋公园开放\n"
    )
    assert [_heads(s) for s in segments] == [
        ((), ("草原书屋开进牧民家",)),
        ((), ("口袋公园开放",)),
    ]


def test_headline_printed_above_the_next_body_goes_to_it() -> None:
    # The first body ends without a byline; the group repeats the next body's words,
    # and the next body is closed by a byline with no headline after it.
    segments = _segments(
        "某县供电公司日前为全县防疫检测点\n安装临时用电，保障检测工作顺利开展。\n\n"
        "某县水利局\n春灌用水调度全面启动\n\n"
        "某县水利局近日召开会议，部署春灌\n用水调度工作，确保农田及时灌溉。\n\n"
        "（赵强）\n\n"
        "■上接第1版 各地要加强协作，确保工作落实到位。\n"
    )
    assert [_heads(s) for s in segments] == [
        ((), ()),
        (("某县水利局", "春灌用水调度全面启动"), ()),
        ((), ()),
    ]
    assert segments[1].closed
    assert segments[2].opened_hard


def test_groups_after_a_closed_body_stay_with_it() -> None:
    # After an end mark, a kicker and a title both belong to the closed report even
    # though the next report has no headline of its own in the dump.
    segments = _segments(
        "本报讯（记者 马林）全市夏粮收购\n工作日前启动。（下转第二版）\n\n"
        "高效统筹 有序推进\n\n全市夏粮收购工作启动\n\n"
        "本报讯（记者 吴杰）市区公交新增线路三条。①2\n"
    )
    assert [_heads(s) for s in segments] == [
        ((), ("高效统筹 有序推进", "全市夏粮收购工作启动")),
        ((), ()),
    ]


def test_sub_heading_inside_a_feature_does_not_split_it() -> None:
    segments = _segments(
        "本报记者 钱进\n\n三月的江南，春意盎然。\n\n茶园管理有新招\n\n"
        "今年，村里引进了新技术。（下转第四版）\n\n茶香飘满山村\n\n"
        "本报讯（记者 林海）图书馆开放。①3\n\n图书馆开放\n"
    )
    assert len(segments) == 2
    feature = segments[0]
    assert "茶园管理有新招" in [t for u in feature.body for t in u.texts]
    assert _heads(feature) == ((), ("茶香飘满山村",))


def test_fragment_left_by_a_column_break_is_text() -> None:
    segments = _segments("各乡镇积极行动，为全旗检测点安装临时\n\n用电设施\n\n保障了检测工作。\n\n临时用电保检测\n")
    assert len(segments) == 1
    assert _heads(segments[0]) == ((), ("临时用电保检测",))


def test_page_printing_headlines_first() -> None:
    segments = _segments(
        "春耕备耕有序推进\n\n本报讯（记者 马小军）各地开展春耕备耕。\n\n"
        "城区道路改造开工\n\n本报讯（记者 何丽）五条道路改造工程开工。\n"
    )
    assert [_heads(s) for s in segments] == [
        (("春耕备耕有序推进",), ()),
        (("城区道路改造开工",), ()),
    ]


def test_closed_body_yields_a_group_that_repeats_the_next_story() -> None:
    segments = _segments(
        "本报讯（记者 马林）全市夏粮收购工作日前启动。①2\n\n全市夏粮收购工作启动\n\n"
        "某县水利局\n春灌用水调度全面启动\n\n"
        "某县水利局近日召开会议，部署春灌用水调度工作。（赵强）\n\n"
        "本报讯（记者 吴杰）市区公交新增线路三条。①2\n\n公交新增线路三条\n"
    )
    assert [_heads(s) for s in segments] == [
        ((), ("全市夏粮收购工作启动",)),
        (("某县水利局", "春灌用水调度全面启动"), ()),
        ((), ("公交新增线路三条",)),
    ]


def test_headline_between_byline_block_and_text_is_the_articles_own() -> None:
    segments = _segments(
        "市区公交新增线路三条。①2\n\n公交新增线路\n\n"
        "□本报记者 周立新 摄影报道\n\n春播正当时\n\n连日来，各地农民抢抓农时播种玉米。\n"
    )
    assert [_heads(s) for s in segments] == [((), ("公交新增线路",)), (("春播正当时",), ())]
    assert segments[1].opened_hard
