"""Grouping units into articles and giving each its headline groups."""

from __future__ import annotations

import pytest

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


def test_headline_after_a_report_splits_it_from_a_story_without_lead() -> None:
    # The agency report is not closed by a byline, the page closes its other stories
    # with bylines, and the group repeats the report's lead: it is that report's headline.
    segments = _segments(
        "新华社太原5月8日电（记者 卫东）山西省日前启动\n汾河流域生态修复工程，今年治理河道六十公里。\n\n"
        "汾河流域生态修复工程启动\n\n"
        "今年以来，某区供电公司加快农网改造，新建\n配电台区二十个，户均停电时间明显缩短。 （苗青）\n\n"
        "农网改造让村民用上放心电\n\n"
        "市图书馆推出线上借阅服务，读者足不出户\n即可借阅电子图书。（岳红）\n"
    )
    assert [_heads(s) for s in segments] == [
        ((), ("汾河流域生态修复工程启动",)),
        ((), ("农网改造让村民用上放心电",)),
        ((), ()),
    ]


@pytest.mark.parametrize(
    "page",
    [
        # No end marks on the page: a feature opened by a byline block keeps its sub-heading.
        "□本报记者 龚平\n\n清晨的菜市场里人来人往，摊主们忙着摆放蔬菜。\n\n"
        "菜价稳了心里踏实\n\n市场管理方每天公布主要蔬菜价格，居民买菜更放心。\n\n"
        "菜篮子里的民生温度\n",
        # With end marks: a dateline report's sub-heading that does not repeat its lead.
        "本报讯（记者 龚平）全市春季招聘月活动日前启动。\n\n"
        "线上线下同步招聘\n\n活动期间将举办专场招聘会四十场，提供岗位一万个。\n\n"
        "春季招聘月活动启动\n\n本报讯（记者 鲁阳）市区新增停车位五百个。①2\n\n"
        "本报讯（记者 苗青）城区路灯完成更换。②3\n",
    ],
)
def test_sub_heading_stays_inside_its_article(page: str) -> None:
    segments = _segments(page)
    body_texts = [t for u in segments[0].body for t in u.texts]
    assert any(t in body_texts for t in ("菜价稳了心里踏实", "线上线下同步招聘"))


def test_photo_story_headline_is_not_a_sub_heading_of_the_captions() -> None:
    segments = _segments(
        "□本报记者 龚平 摄影报道\n\n连日来，各地农民抢抓农时开展春播，田间地头一片繁忙。\n\n"
        "春播时节农事忙\n\n农民在田间\n播种玉米。\n"
    )
    assert len(segments) == 2
    assert _heads(segments[0]) == ((), ("春播时节农事忙",))


def test_story_closed_by_its_own_byline_is_not_the_credited_report_continuing() -> None:
    # The slogan headline shares no words with the report's lead, but the text under it
    # closes with a byline while the report was already credited in its lead.
    segments = _segments(
        "本报讯（记者 鲁阳）全市春季招聘月活动日前启动，\n提供就业岗位一万个。\n\n"
        "稳就业 保民生\n\n"
        "某街道日前为辖区困难群众送去米面油等生活物资，\n帮助他们解决实际困难。（苗青）\n\n"
        "街道为困难群众送温暖\n\n"
        "本报讯（记者 乔木）城区路灯完成更换。②3\n"
    )
    assert [_heads(s) for s in segments] == [
        ((), ("稳就业 保民生",)),
        ((), ("街道为困难群众送温暖",)),
        ((), ()),
    ]


def test_feature_headline_repeating_its_lead_ends_the_feature() -> None:
    segments = _segments(
        "□本报记者 高原\n\n清晨，牧民新建的暖棚里，母羊正在接羔，\n羔羊成活率明显提高。\n\n"
        "“有了暖棚，心里踏实多了。”牧民说。\n\n暖棚接羔保成活\n\n"
        "监督举报电话：0471-5550000，欢迎群众监督。\n"
    )
    assert len(segments) == 2
    assert _heads(segments[0]) == ((), ("暖棚接羔保成活",))


def test_page_between_two_bodies_votes_for_headlines_first() -> None:
    # Opens with the tail of a report and ends with a body: the groups repeat the
    # words of the body below them, so they head those bodies.
    segments = _segments(
        "各项措施落实到位，群众生活秩序正常。（达来）\n\n"
        "牧场启用智能围栏\n\n"
        "某牧场日前在五万亩草场启用智能围栏，牧民用手机\n即可查看牲畜位置。（其其格）\n\n"
        "湖泊湿地水位回升\n\n"
        "某县持续推进湖泊湿地保护修复，今年湖泊湿地\n水位普遍回升。\n"
    )
    assert [_heads(s) for s in segments] == [
        ((), ()),
        (("牧场启用智能围栏",), ()),
        (("湖泊湿地水位回升",), ()),
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "",
        # A letter-spaced photo caption at the foot of the page is text too.
        "\n\n农民在\n田间播\n种玉米。\n",
    ],
)
def test_top_headline_does_not_make_a_headline_after_page_headline_first(caption: str) -> None:
    # The top story's headline is printed above it (nothing earlier can own it); every
    # later headline repeats the body above it: the page prints headlines after bodies.
    segments = _segments(
        "某旗为春播开辟农资运输通道\n\n"
        "本报某旗3月2日电（记者 白云）某旗为化肥、种子运输车辆开辟通道，\n保障春播农资及时到位。\n"
        "本报某市3月2日电（记者 青山）某市图书馆推出线上借阅服务，\n读者足不出户即可借阅电子图书。\n\n"
        "某市图书馆推出线上借阅\n\n"
        "本报某县3月2日电（记者 绿水）某县新建温室大棚四十座，\n带动农户增收。\n\n"
        "某县新建温室大棚四十座\n" + caption
    )
    assert [_heads(s) for s in segments[:3]] == [
        (("某旗为春播开辟农资运输通道",), ()),
        ((), ("某市图书馆推出线上借阅",)),
        ((), ("某县新建温室大棚四十座",)),
    ]


def test_headline_at_the_top_breaks_a_tie_for_headlines_first() -> None:
    # Nothing repeats either neighbour: a page that opens with a headline prints them first.
    segments = _segments(
        "春风送暖\n\n本报讯（记者 马小军）各地开展春耕备耕。\n\n夜色温柔\n\n本报讯（记者 何丽）五条道路改造工程开工。\n"
    )
    assert [_heads(s) for s in segments] == [(("春风送暖",), ()), (("夜色温柔",), ())]


def test_groups_move_down_bottom_up() -> None:
    # Each body is closed by a byline. The last two groups each head the body under
    # them; once the lower one has moved, the middle body has no headline after it and
    # the group above it is its own. The first group stays with the report above it.
    segments = _segments(
        "本报讯 某旗日前完成牧区道路维修，全长三十公里。（文海）\n\n"
        "牧区道路完成维修\n\n"
        "电商直播卖牛肉\n\n"
        "某县开展电商直播，帮助牧民卖出牛肉干两千斤。（朝鲁）\n\n"
        "湖畔栽下防护林\n\n"
        "某湖管理站组织志愿者在湖畔栽下防护林三百亩。（塔娜）\n"
    )
    assert [_heads(s) for s in segments] == [
        ((), ("牧区道路完成维修",)),
        (("电商直播卖牛肉",), ()),
        (("湖畔栽下防护林",), ()),
    ]


def test_headline_first_page_gives_a_group_back_to_the_body_above() -> None:
    # Most groups repeat the body below them, but the first report has no headline of its
    # own and the speech deck over the second body repeats the first: it goes up.
    segments = _segments(
        "本报讯 某市召开防汛工作会议，副市长林涛在会上强调，\n要压实防汛责任。（金石）\n\n"
        "林涛在防汛工作会议上强调\n压实防汛责任\n\n"
        "戈壁滩上种梭梭\n\n"
        "某旗组织群众在戈壁滩上种植梭梭一万亩。（乌云）\n\n"
        "草原书屋开进牧民家\n\n"
        "某苏木新建草原书屋二十个，牧民在家门口就能借书。（达来）\n"
    )
    assert [_heads(s) for s in segments] == [
        ((), ("林涛在防汛工作会议上强调", "压实防汛责任")),
        (("戈壁滩上种梭梭",), ()),
        (("草原书屋开进牧民家",), ()),
    ]


@pytest.mark.parametrize(
    ("foot", "first"),
    [
        # A section label under the page's last text is furniture-like: the page still
        # ends with a body and prints its headlines first.
        ("\n\n图片新闻\n", True),
        ("\n\n镇 村 新 闻\n", True),
        # A headline after the last text means headlines follow their bodies.
        ("\n\n某镇举办春季招聘会集中招聘\n", False),
    ],
)
def test_short_label_at_the_foot_does_not_end_a_headline_first_page(foot: str, first: bool) -> None:
    segments = _segments(
        "某区老旧小区加装电梯二十部\n\n"
        "本报某区3月6日电（记者 石林）某区老旧小区加装电梯二十部，\n方便老人出行。\n\n"
        "某县农家书屋开展春季读书月\n\n"
        "本报某县3月6日电（记者 夏雨）某县农家书屋开展春季读书月活动，\n吸引村民读书。\n\n"
        "某镇春季招聘会提供岗位三千个\n\n"
        "本报某镇3月6日电（记者 田野）某镇举办春季招聘会，\n提供岗位三千个。" + foot
    )
    before = [_heads(s)[0] for s in segments]
    if first:
        assert before == [
            ("某区老旧小区加装电梯二十部",),
            ("某县农家书屋开展春季读书月",),
            ("某镇春季招聘会提供岗位三千个",),
        ]
    else:
        assert before[1] == ()


NOTICE = "因供水管网改造，3月20日9时至18时，\n城东部分小区停水，请用户提前储水。\n\n供水服务热线：0471-6660000。\n"


@pytest.mark.parametrize(
    ("between", "count"),
    [
        # A finished story, then a notice and its contact line, then a new lead with no
        # headline between: the notice is an item of its own.
        ("", 3),
        # A headline between the contact line and the next lead: the contact line may be
        # the story's own (its headline printed after it), so nothing is split off.
        ("城东管网改造加快推进\n\n", 2),
    ],
)
def test_trailing_notice_is_split_off_a_finished_story(between: str, count: int) -> None:
    segments = _segments(
        "某市管网改造\n\n"
        "■上接第一版 各施工单位实行错峰作业，\n减少对居民生活的影响。\n\n"
        + NOTICE
        + "\n"
        + between
        + "本报讯（记者 韩冰）某区启动春季植树活动，\n栽植树木一万株。①3\n\n某区启动春季植树\n"
    )
    assert len(segments) == count
    if count == 3:
        assert segments[1].first_line == 6
        assert segments[1].heads == ()


@pytest.mark.parametrize(
    "last",
    [
        # No contact line: a last paragraph after a finished sentence stays in the story.
        "停水期间请用户提前储水。",
        # The contact number inside a sentence is the story's own text.
        "市民可拨打供水服务热线0471-6660000咨询。",
    ],
)
def test_story_ending_without_a_contact_line_is_not_split(last: str) -> None:
    segments = _segments(
        "■上接第一版 各施工单位实行错峰作业，\n减少对居民生活的影响。\n\n"
        "因管网改造，城东部分小区停水。\n\n" + last + "\n"
        "本报讯（记者 韩冰）某区启动春季植树活动，\n栽植树木一万株。①3\n\n某区启动春季植树\n"
    )
    assert len(segments) == 2


@pytest.mark.parametrize(
    ("intro", "tail", "expected"),
    [
        # The interview below has its own headline after it: the intro deck is its kicker.
        (
            "专访某区园林局局长周明",
            "\n\n让群众推窗见绿出门进园\n",
            (((), ("某区新建口袋公园十二个",)), (("专访某区园林局局长周明",), ("让群众推窗见绿出门进园",))),
        ),
        # No headline after the interview: the intro deck is all it has.
        ("对话某区园林局局长周明", "\n", (((), ("某区新建口袋公园十二个",)), (("对话某区园林局局长周明",), ()))),
    ],
)
def test_intro_deck_after_a_headline_heads_the_next_piece(intro: str, tail: str, expected: object) -> None:
    segments = _segments(
        "本报讯（记者 林海）某区今年新建口袋公园十二个，\n市民出门五分钟就能进公园。①2\n\n"
        "某区新建口袋公园十二个\n\n" + intro + "\n\n"
        "记者：今年口袋公园建设有哪些新特点？\n周明：我们把公园建在居民家门口，\n利用边角地块，见缝插绿。" + tail
    )
    assert tuple(_heads(s) for s in segments) == expected


def test_lone_intro_deck_after_an_interview_is_its_headline() -> None:
    segments = _segments(
        "记者：今年口袋公园建设有哪些新特点？\n周明：我们把公园建在居民家门口，见缝插绿。（林海）\n\n"
        "专访某区园林局局长周明\n\n"
        "本报讯（记者 高山）某区启动春季植树活动，栽植树木一万株。①3\n\n某区启动春季植树\n"
    )
    assert [_heads(s) for s in segments] == [((), ("专访某区园林局局长周明",)), ((), ("某区启动春季植树",))]


@pytest.mark.parametrize(
    ("foot", "count"),
    [
        # The notice closes the page: nothing but furniture follows it.
        ("", 3),
        ("\n本版编辑：陈 静\n", 3),
        # A headline under it: the page prints headlines after bodies and the contact
        # line belongs to the story that headline closes.
        ("\n城东管网改造加快推进\n", 2),
    ],
)
def test_notice_at_the_foot_of_the_page_is_its_own_item(foot: str, count: int) -> None:
    segments = _segments(
        "某区启动春季植树\n\n"
        "本报讯（记者 韩冰）某区启动春季植树活动，\n栽植树木一万株。\n\n"
        "某市管网改造\n\n"
        "本报讯（记者 方舟）各施工单位实行错峰作业，\n减少对居民生活的影响。\n\n" + NOTICE + foot
    )
    assert len(segments) == count


@pytest.mark.parametrize(
    ("top", "expected_before"),
    [
        # A label of a word or two over a story whose headline follows it: furniture.
        ("视点\n\n", ()),
        ("图 说\n\n", ()),
        # A real headline over the top story stays its headline.
        ("某旗牧民合作社扩大养殖规模\n\n", ("某旗牧民合作社扩大养殖规模",)),
    ],
)
def test_section_label_over_a_story_with_its_headline_after(top: str, expected_before: tuple[str, ...]) -> None:
    segments = _segments(
        top + "本报某旗3月9日电（记者 包文）某旗牧民合作社新建棚圈二十座，\n养殖规模扩大一倍。\n\n"
        "某旗合作社新建棚圈\n\n"
        "本报某县3月9日电（记者 金花）某县新建蔬菜大棚三十座，\n蔬菜日供应量增加五吨。\n\n"
        "某县新建蔬菜大棚\n"
    )
    assert _heads(segments[0])[0] == expected_before


@pytest.mark.parametrize(
    ("decks", "expected"),
    [
        # An interview's title and its `——访…` deck after another story's headline go
        # down to the interview under them.
        (
            "某县冬小麦长势良好\n\n种粮大户的新打算\n\n——访某县种粮大户王林\n\n",
            (((), ("某县冬小麦长势良好",)), (("种粮大户的新打算", "——访某县种粮大户王林"), ())),
        ),
        # A three-deck headline (kicker, title, ordinary `——` deck) stays with its story.
        (
            "春管正当时\n\n某县冬小麦长势良好\n\n——返青率达九成以上\n\n",
            (((), ("春管正当时", "某县冬小麦长势良好", "——返青率达九成以上")), ((), ())),
        ),
    ],
)
def test_interview_deck_goes_down_with_its_title(decks: str, expected: object) -> None:
    segments = _segments(
        "本报讯（记者 谷雨）某县冬小麦返青，长势良好，\n返青率达到九成以上。①2\n\n"
        + decks
        + "□本报记者 麦 田\n\n记者：今年种了多少亩？\n王林：一千亩，比去年多了两百亩。\n"
    )
    assert tuple(_heads(s) for s in segments) == expected


def test_intro_deck_under_a_bare_place_name_stays_with_the_body_above() -> None:
    # `某区` is a kicker over the deck below it: together they are the report's headline.
    segments = _segments(
        "本报讯（记者 林海）某区举办政企对话会，三十家企业\n提出的四十个问题当场得到答复。①2\n\n"
        "某区\n\n对话会上解难题\n\n"
        "本报讯（记者 高山）某区启动春季植树活动，栽植树木一万株。①3\n\n某区启动春季植树\n"
    )
    assert [_heads(s) for s in segments] == [((), ("某区", "对话会上解难题")), ((), ("某区启动春季植树",))]
