"""Region resolution on literal sentences: short forms, false hits, subject choice."""

from __future__ import annotations

from itertools import pairwise

import pytest

from generator.analyse.gazetteer import load_gazetteer
from generator.analyse.regions import (
    TokenSpans,
    dominant_province,
    find_mentions,
    resolve,
    resolve_place,
    resolve_regions,
    scan,
    settle,
)
from generator.models import Region

GAZ = load_gazetteer()


@pytest.mark.parametrize(
    ("place", "name"),
    [
        ("兴安", "兴安盟"),
        ("呼伦贝尔", "呼伦贝尔市"),
        ("呼和浩特", "呼和浩特市"),
        ("通辽", "通辽市"),
        ("阿拉善", "阿拉善盟"),
        ("包头", "包头市"),
        ("巴彦淖尔", "巴彦淖尔市"),
        ("锡林郭勒", "锡林郭勒盟"),
        ("乌中旗", "乌拉特中旗"),
        ("扎兰屯", "扎兰屯市"),
        ("焦作", "焦作市"),
        ("北京", "北京市"),
        ("那曲", "那曲市"),  # a prefecture since 2018
        ("莱芜", "莱芜区"),  # a district of 济南市 since 2019
    ],
)
def test_dateline_place(place: str, name: str) -> None:
    division = resolve_place(place, GAZ)
    assert division is not None and division.name == name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("阿盟各旗区开展春季防火检查。", ("阿拉善盟",)),
        ("呼市召开复工复产推进会。", ("呼和浩特市",)),
        ("包头多家企业已复工。", ("包头市",)),
        ("乌中旗牧民正在接羔。", ("乌拉特中旗",)),
        ("东乌旗牧民正在接羔。", ("东乌珠穆沁旗",)),
        ("鄂市出台稳就业措施。", ("鄂尔多斯市",)),
        ("锡盟各旗县市开展督查。", ("锡林郭勒盟",)),
        ("乌兰察布的马铃薯销往全国。", ("乌兰察布市",)),
        ("呼伦贝尔的冰雪旅游火热。", ("呼伦贝尔市",)),
        ("巴彦淖尔的河套面粉。", ("巴彦淖尔市",)),
        ("科右前旗和科左中旗开展培训。", ("科尔沁右翼前旗", "科尔沁左翼中旗")),
        ("达茂旗、准旗和伊旗举办招聘会。", ("达尔罕茂明安联合旗", "准格尔旗", "伊金霍洛旗")),
        ("乌前旗和乌后旗签约。", ("乌拉特前旗", "乌拉特后旗")),
    ],
)
def test_short_forms(text: str, names: tuple[str, ...]) -> None:
    assert resolve_regions(text, default_province="内蒙古自治区")[1] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("黄河南岸的村庄开始春灌。", ()),  # 河南 straddles 黄河|南岸
        ("海南区域协调发展战略。", ("海南省",)),  # 海南 + 区域, not Wuhai's 海南区
        ("乌海市海南区开展防疫。", ("乌海市", "海南区")),
        ("金桥开发区税务局为企业服务。", ()),
        ("示范区辖区内企业复工率100%。", ()),
        ("城区道路改造工程开工。", ()),  # 城区 "downtown" is not a district by itself
        ("郊区菜农加紧生产。", ()),
        ("青山绿水就是金山银山。", ()),
        ("和平年代的英雄。", ()),
        # 大同's own 城区 became 平城区 in 2018; 阳泉 still has one.
        ("阳泉市城区道路改造。", ("阳泉市", "城区")),
        ("包头市场监管局开展检查。", ("包头市",)),
        # 达县 (now 达川区) is a former name, but here 传达 "relay" is the word.
        ("会上传达县委文件精神。", ()),
    ],
)
def test_false_hits(text: str, names: tuple[str, ...]) -> None:
    assert resolve_regions(text)[1] == names


def test_scan_prefers_the_longest_name() -> None:
    hits = scan("乌拉特中旗和乌中旗", GAZ)
    assert [(h.start, h.end, h.key.text) for h in hits] == [(0, 5, "乌拉特中旗"), (6, 9, "乌中旗")]


def test_short_form_inside_a_word_is_dropped_but_a_full_name_is_kept() -> None:
    assert [h.key.text for h in find_mentions("黄河南岸与河南省", GAZ)] == ["河南省"]


@pytest.mark.parametrize(
    ("text", "district", "expected"),
    [
        # Names found in several provinces: the other regions of the article decide.
        ("朝阳区和海淀区召开会议。", "朝阳区", "110105"),  # Beijing's, as 海淀区 is there
        ("长春市朝阳区召开会议。", "朝阳区", "220104"),
        ("包头市青山区开展防疫。", "青山区", "150204"),
        ("武汉市青山区开展防疫。", "青山区", "420107"),
        ("青山区开展防疫。", "青山区", "150204"),  # the outlet's region as default
        ("新城区和回民区的社区。", "新城区", "150102"),  # 回民区 is only in Hohhot
    ],
)
def test_ambiguous_names_are_settled_by_context(text: str, district: str, expected: str) -> None:
    result = resolve(text, default_province="内蒙古自治区" if text.startswith("青山区") else None)
    (mention,) = [m for m in result.mentions if m.text == district]
    assert mention.adcode == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("绿水青山就是金山银山。", ()),  # 金山区 is in Shanghai; nothing places us there
        ("上海市金山区和金山的企业。", ("上海市", "金山区")),
        ("赤峰市红山区、松山区和元宝山的企业。", ("赤峰市", "红山区", "松山区", "元宝山区")),
    ],
)
def test_county_stems_need_their_area(text: str, names: tuple[str, ...]) -> None:
    assert resolve_regions(text)[1] == names


def test_ambiguous_name_without_context_stays_unresolved() -> None:
    region, names = resolve_regions("朝阳区召开会议。")
    assert region == Region() and names == ("朝阳区",)


@pytest.mark.parametrize(
    ("candidates", "anchors", "expected"),
    [
        (("220000", "220200"), (), "220000"),  # bare 吉林: the higher level
        (("220000", "220200"), ("220202",), "220200"),  # a district of Jilin City nearby
        (("110105", "220104"), (), None),
        (("110105", "220104"), ("220000",), "220104"),
    ],
)
def test_settle(candidates: tuple[str, ...], anchors: tuple[str, ...], expected: str | None) -> None:
    assert settle(candidates, GAZ, anchors) == expected


@pytest.mark.parametrize(
    ("text", "dateline", "default", "expected"),
    [
        (
            "呼伦贝尔市日前出台10项支持中小微企业的政策举措。",
            "呼伦贝尔",
            None,
            ("内蒙古自治区", "呼伦贝尔市", None, "150700"),
        ),
        ("各旗县市开展春季植树。", "兴安", None, ("内蒙古自治区", "兴安盟", None, "152200")),
        (
            "国家税务总局武川县税务局落实武川县委政府的部署。",
            None,
            None,
            ("内蒙古自治区", "呼和浩特市", "武川县", "150125"),
        ),
        (
            # One city among several: the article is about the region as a whole.
            "包头、鄂尔多斯和赤峰的企业复工，全区复工率达到90%。",
            None,
            "内蒙古自治区",
            ("内蒙古自治区", None, None, "150000"),
        ),
        ("自治区工信厅深入贯彻落实部署，全区工业企业复工。", None, "内蒙古", ("内蒙古自治区", None, None, "150000")),
        ("济源市召开复工复产会议。", None, None, ("河南省", None, "济源市", "419001")),
        ("山阳区召开会议，焦作市领导出席，山阳区干部参加。", None, None, ("河南省", "焦作市", "山阳区", "410811")),
        (
            # The dateline city is strong evidence; most of the body is about one county in it.
            "扎兰屯市启动春耕。扎兰屯市农牧局组织培训，扎兰屯市农户参加。",
            "呼伦贝尔",
            None,
            ("内蒙古自治区", "呼伦贝尔市", "扎兰屯市", "150783"),
        ),
        (
            "海南区召开会议，乌海市副市长出席，海南区各部门参加。",
            None,
            None,
            ("内蒙古自治区", "乌海市", "海南区", "150303"),
        ),
    ],
)
def test_subject_region(text: str, dateline: str | None, default: str | None, expected: tuple[str | None, ...]) -> None:
    region, _ = resolve_regions(text, dateline_place=dateline, default_province=default)
    assert (region.province, region.city, region.county, region.adcode) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Old names in older text are filed under today's divisions, with today's names.
        ("莱芜市召开会议，部署春耕工作。", ("山东省", "济南市", "莱芜区", "370116")),
        ("那曲地区各县开展防疫检查。", ("西藏自治区", "那曲市", None, "540600")),
        ("邹平县召开会议，邹平县企业复工。", ("山东省", "滨州市", "邹平市", "371681")),
        ("邹平市召开会议，邹平市企业复工。", ("山东省", "滨州市", "邹平市", "371681")),
        ("户县农民忙春耕。", ("陕西省", "西安市", "鄠邑区", "610118")),
    ],
)
def test_former_names_resolve_to_todays_divisions(text: str, expected: tuple[str | None, ...]) -> None:
    region, _ = resolve_regions(text)
    assert (region.province, region.city, region.county, region.adcode) == expected


def test_own_region_words_need_a_default_or_a_named_autonomous_region() -> None:
    assert resolve_regions("自治区工信厅深入贯彻落实部署。")[0] == Region()
    assert resolve_regions("自治区工信厅深入贯彻落实部署。", default_province="河南省")[0] == Region()
    assert resolve_regions("就乌海市如何落实好自治区的部署。")[1] == ("乌海市", "内蒙古自治区")


def test_district_talk_does_not_pull_the_subject_up_to_the_region() -> None:
    text = "海南区召开会议。全区各街道要加强防控，全区上下齐心。海南区卫健局参加。"
    region, names = resolve_regions(text, default_province="内蒙古自治区")
    assert region.county == "海南区" and names == ("海南区",)


def test_title_outweighs_a_passing_body_mention() -> None:
    region, names = resolve_regions("会议强调要学习包头市的经验。", title="通辽市畅通就业扶贫渠道")
    assert region.city == "通辽市" and names == ("通辽市", "包头市")


def test_region_carries_english_names() -> None:
    region, _ = resolve_regions("乌拉特中旗牧民接羔保育。")
    assert region == Region(
        province="内蒙古自治区",
        city="巴彦淖尔市",
        county="乌拉特中旗",
        province_en="Inner Mongolia Autonomous Region",
        city_en="Bayannur City",
        county_en="Urad Middle Banner",
        adcode="150824",
    )


def test_mentions_are_ordered_and_deduplicated_with_the_dateline_first() -> None:
    _, names = resolve_regions("通辽市和赤峰市，通辽市。", dateline_place="兴安")
    assert names == ("兴安盟", "通辽市", "赤峰市")


def test_empty_text() -> None:
    assert resolve_regions("") == (Region(), ())


def test_own_region_from_the_only_autonomous_region_named() -> None:
    region, _ = resolve_regions("介绍我区经验。鄂尔多斯市和黑龙江省、吉林省交流。", title="介绍我区做法")
    assert region.province == "内蒙古自治区" and region.city is None


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("呼伦贝尔市出台政策。", "包头市企业复工。", "焦作市召开会议。"), "内蒙古自治区"),
        (("呼伦贝尔市出台政策。", "焦作市召开会议。"), None),  # no majority
        (("会议召开。",), None),
    ],
)
def test_dominant_province(texts: tuple[str, ...], expected: str | None) -> None:
    assert dominant_province(texts) == expected


def test_reporter_credit_is_not_a_place() -> None:
    assert resolve_regions("本报讯（记者徐金华）为贯彻落实部署，孟州市召开会议。")[1] == ("孟州市",)


@pytest.mark.parametrize(
    ("text", "default", "names"),
    [
        ("白银价格上涨，黄金也涨。", "内蒙古自治区", ()),  # 白银 "silver", not the city in Gansu
        ("祝大家幸福安康。", None, ()),
        ("甘肃省白银市和白银的企业。", None, ("甘肃省", "白银市")),
        ("兰州和白银两地签约。", None, ("兰州市", "白银市")),  # Lanzhou places us in Gansu
    ],
)
def test_prefecture_stems_that_are_words_need_their_province(
    text: str, default: str | None, names: tuple[str, ...]
) -> None:
    assert resolve_regions(text, default_province=default)[1] == names


def test_short_form_check_uses_the_given_segmentation() -> None:
    # A segmenter that keeps 黄河 and 南岸 apart rejects 河南; one that cuts 河南 out accepts it.
    def split_at(*cuts: int) -> TokenSpans:
        def spans(text: str) -> dict[int, int]:
            edges = [0, *cuts, len(text)]
            return dict(pairwise(edges))

        return spans

    assert resolve_regions("黄河南岸", token_spans=split_at(2))[1] == ()
    assert resolve_regions("黄河南岸", token_spans=split_at(1, 3))[1] == ("河南省",)


@pytest.mark.parametrize(
    ("text", "title", "expected_city", "names"),
    [
        (
            "内蒙古支援湖北省的物资启运，敖汉旗企业驰援湖北，敖汉旗税务局跟进服务。",
            "草原物资支援湖北",
            "赤峰市",
            ("湖北省", "内蒙古自治区", "敖汉旗"),
        ),
        ("呼伦贝尔的牛肉销往北京、上海。呼伦贝尔市企业复产。", None, "呼伦贝尔市", ("呼伦贝尔市", "北京市", "上海市")),
    ],
)
def test_destinations_are_listed_but_do_not_make_the_subject(
    text: str, title: str | None, expected_city: str, names: tuple[str, ...]
) -> None:
    region, mentioned = resolve_regions(text, title=title)
    assert region.city == expected_city and mentioned == names


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("全区上下齐心协力抓防控。", "内蒙古自治区"),
        ("我区出台十条措施。", "内蒙古自治区"),
        ("要完全区分两类情况。", None),
        ("商场设置了安全区。", None),
        ("全区域推进垃圾分类。", None),
    ],
)
def test_own_region_words(text: str, province: str | None) -> None:
    assert resolve_regions(text, default_province="内蒙古自治区")[0].province == province


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("北京时间3月1日，上海合作组织成员国会议召开。", ()),
        ("锡市和巴市的企业。", ("锡林浩特市", "巴彦淖尔市")),
    ],
)
def test_more_names_and_non_names(text: str, names: tuple[str, ...]) -> None:
    assert resolve_regions(text)[1] == names


def test_city_paper_articles_default_to_the_pages_home_city() -> None:
    from generator.analyse.regions import dominant_city, with_default_city
    from generator.models import Region

    jiaozuo = Region(province="河南省", city="焦作市", adcode="410800")
    district = Region(province="河南省", city="焦作市", county="山阳区", adcode="410811")
    home = dominant_city([jiaozuo, district, Region(province="河南省", adcode="410000")])
    assert home == "410800"
    placed = with_default_city(Region(), "市委市政府联合督查组工作调度会议召开", home)
    assert (placed.province, placed.city, placed.city_en) == ("河南省", "焦作市", "Jiaozuo City")
    # no cue, or a cue but another province named: left alone
    assert with_default_city(Region(), "督查组召开会议", home) == Region()
    hubei = Region(province="湖北省", adcode="420000")
    assert with_default_city(hubei, "我市支援湖北", home) == hubei
    assert dominant_city([Region(province="河南省", adcode="410000")]) is None


@pytest.mark.parametrize(
    ("text", "title", "dateline", "expected"),
    [
        (
            # Datelined in the capital, about the whole province: the dateline is evidence, not a verdict.
            "山西省出台措施支持企业复工。全省规模以上工业企业复工率达到九成，山西各地加快项目建设。",
            None,
            "太原",
            ("山西省", None),
        ),
        (
            # The same dateline over a story about the capital itself.
            "太原市召开会议。太原市各区加快复工，太原市重点项目全部开工。",
            None,
            "太原",
            ("山西省", "太原市"),
        ),
        (
            # The province in the headline, one city throughout the text: a story about that city.
            "长春市加快复工。长春市企业全部开工，长春市稳定就业。",
            "吉林省推动复工",
            None,
            ("吉林省", "长春市"),
        ),
    ],
)
def test_subject_level_follows_the_evidence(
    text: str, title: str | None, dateline: str | None, expected: tuple[str | None, ...]
) -> None:
    region, _ = resolve_regions(text, title=title, dateline_place=dateline)
    assert (region.province, region.city) == expected


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        ("承德日报", "承德市"),
        ("内蒙古日报", "内蒙古自治区"),
        ("焦作日报", "焦作市"),
        ("濮阳市融媒体中心", "濮阳市"),
        ("人民日报", None),
        ("新华社", None),
        ("中国新闻网", None),
        ("", None),
        (None, None),
    ],
)
def test_outlet_home(outlet: str | None, expected: str | None) -> None:
    from generator.analyse.regions import outlet_home

    home = outlet_home(outlet, GAZ)
    assert (home.name if home else None) == expected


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("村民李河南说，今年收成不错。", None),
        ("记者王海南报道，企业复工。", None),
        ("张湖北介绍，合作社养牛100头。", None),
        ("老党员刘吉林带头值守。", None),
        # Places stay places: a full name, no surname before, or no person frame.
        ("河南省企业复工。", "河南省"),
        ("在河南投资建厂，河南企业复工。", "河南省"),
        ("周口市表示将加快复工。", "河南省"),
    ],
)
def test_a_place_name_inside_a_persons_name_is_no_place(text: str, province: str | None) -> None:
    region, _ = resolve_regions(text)
    assert region.province == province
