"""Topic classification: taxonomy loading, boundary-aware matching, the learned model's decisions."""

from __future__ import annotations

import pytest

from generator.analyse.segment import Segmenter, load_segmenter
from generator.analyse.topic_model import TopicModel, load_topic_model
from generator.analyse.topics import (
    OTHER_CODE,
    Topic,
    classify,
    count_term,
    load_taxonomy,
    parse_taxonomy,
    term_counts,
    word_boundaries,
)
from generator.errors import ConfigError

# The codes are URL slugs shared with the export: they may grow, never change.
STABLE_CODES = (
    "epidemic-control",
    "work-resumption",
    "tax-and-fees",
    "finance-and-credit",
    "enterprise-support",
    "employment-and-social-security",
    "poverty-alleviation",
    "agriculture-and-livestock",
    "energy-and-power",
    "transport-and-logistics",
    "commerce-and-trade",
    "industry-and-technology",
    "medical-supplies",
    "disaster-prevention",
    "key-projects-and-construction",
    "party-and-governance",
    "other",
)


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return load_segmenter()


@pytest.fixture(scope="module")
def taxonomy() -> tuple[Topic, ...]:
    return load_taxonomy()


@pytest.fixture(scope="module")
def model() -> TopicModel:
    return load_topic_model()


@pytest.fixture(scope="module")
def classify_text(seg: Segmenter, taxonomy: tuple[Topic, ...], model: TopicModel):
    def run(title: str, body: str):
        return classify(title, body, taxonomy=taxonomy, model=model, segmenter=seg)

    return run


def test_taxonomy_keeps_every_stable_code(taxonomy: tuple[Topic, ...]) -> None:
    codes = [t.code for t in taxonomy]
    assert len(codes) == len(set(codes))
    assert set(STABLE_CODES) <= set(codes)
    for topic in taxonomy:
        assert topic.zh and topic.en
        # Every topic but `other` has evidence terms: readers are shown them.
        assert bool(topic.weighted_terms()) == (topic.code != OTHER_CODE), topic.code


def test_exactly_one_background_topic(taxonomy: tuple[Topic, ...]) -> None:
    assert [t.code for t in taxonomy if t.background] == ["epidemic-control"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code: x", "expected a list"),
        ("- zh: 无\n  en: none", "missing code"),
        ("- {code: a, zh: 甲, en: A}\n- {code: a, zh: 乙, en: B}", "duplicate code a"),
        ("- {code: a, zh: 甲, en: A, hints: 税务}", "hints must be a list"),
        ("[]", "no topics"),
    ],
)
def test_parse_taxonomy_rejects_bad_files(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_taxonomy(text, source="t.yml")


def test_parse_taxonomy_reads_weights_and_background() -> None:
    (topic,) = parse_taxonomy("- {code: a, zh: 甲, en: A, hints: [乙], strong: [丙], weak: [丁], background: true}")
    assert topic.background
    assert dict(topic.weighted_terms()) == {"乙": 1.0, "丙": 2.0, "丁": 0.3}


@pytest.mark.parametrize(
    ("text", "term", "count"),
    [
        ("推动企业复工复产", "复工", 1),  # sub-word of a compound counts
        ("这项修复工程已经完工", "复工", 0),  # 修复|工程 is not 复工
        ("企业开复工率达到九成", "复工", 1),  # 开|复工|率: a resumption word
        ("尽快恢复工作秩序", "复工", 0),  # 恢复|工作
        ("企业开复工率达到九成", "开复工率", 1),
        ("企业养老保险费减半征收", "养老保险", 1),
        ("免收三个月房租，房租减免", "房租", 2),
    ],
)
def test_count_term_on_word_boundaries(seg: Segmenter, text: str, term: str, count: int) -> None:
    assert count_term(term, text, word_boundaries(text, seg)) == count


def test_overlapping_terms_count_once_for_the_longest(seg: Segmenter) -> None:
    text = "示范区重点工业企业全部复工"
    counts = term_counts(("工业", "工业企业", "重点工业企业"), text, word_boundaries(text, seg))
    assert counts == {"重点工业企业": 1}


@pytest.mark.parametrize(
    ("title", "body", "primary"),
    [
        ("税务局推行非接触式办税", "纳税人可通过电子税务局申报，发票网上申领，办税缴费不见面。", "tax-and-fees"),
        (
            "银行投放专项贷款",
            "各金融机构对小微企业给予续贷和展期，累计投放贷款3亿元，担保费率下调。",
            "finance-and-credit",
        ),
        (
            "春耕备耕有序开展",
            "农牧部门组织农资企业送货到村，种子化肥供应充足，农户抓紧播种。",
            "agriculture-and-livestock",
        ),
        ("黄河防凌进入关键期", "水利部门加强堤防巡查，储备抢险物料，严防凌汛灾害。", "disaster-prevention"),
        ("扶贫车间复工", "贫困户在扶贫车间就业，脱贫攻坚任务如期完成，驻村第一书记帮扶到户。", "poverty-alleviation"),
        (
            "口罩日产量突破十万只",
            "企业加班生产医用口罩和防护服，消毒液产能翻番，保障防疫物资供应。",
            "medical-supplies",
        ),
    ],
)
def test_classify_clear_cases(title: str, body: str, primary: str, classify_text) -> None:
    assert classify_text(title, body).primary == primary


def test_background_topic_yields_when_article_is_mainly_about_something_else(classify_text) -> None:
    body = (
        "在做好疫情防控的同时，税务局为纳税人开辟办税绿色通道。疫情防控期间，纳税人可在电子税务局申报。"
        "税务干部坚持疫情防控和纳税服务两手抓，落实税收优惠政策。"
    )
    result = classify_text("", body)
    # 疫情防控 is said three times, but only as the backdrop of tax services.
    assert result.primary == "tax-and-fees"


def test_background_topic_leads_when_the_headline_is_about_it(classify_text) -> None:
    body = "社区设置卡口，对进出人员测量体温、登记信息，对返乡人员实行居家隔离，超市保障生活必需品供应。"
    result = classify_text("社区织密疫情防控网", body)
    assert result.primary == "epidemic-control"


def test_evidence_lists_primary_first_with_terms_from_the_text(classify_text) -> None:
    title, body = "煤矿有序复产", "全区煤矿复产率达到九成，电煤供应充足，电力供应稳定，铁路运输畅通。"
    result = classify_text(title, body)
    assert result.primary == "energy-and-power"
    assert [code for code, _ in result.evidence] == [result.primary, *result.secondary]
    for _, terms in result.evidence:
        assert terms
        assert all(term in title + body for term in terms)


def test_text_about_nothing_the_model_knows_is_other_with_no_evidence(classify_text) -> None:
    result = classify_text("", "今天天气很好。")
    assert result.primary == OTHER_CODE
    assert result.secondary == () and result.evidence == ()


def test_a_subject_outside_the_taxonomy_is_other_not_a_forced_topic(classify_text) -> None:
    # A school story: no code fits it, and the model must not force one.
    title = "中小学春季学期如期开学"
    body = "全市中小学生今天返校上课，教师提前备课，学校组织开学典礼，家长送孩子到校门口。"
    assert classify_text(title, body).primary == OTHER_CODE


def test_empty_taxonomy_is_a_config_error(seg: Segmenter, model: TopicModel) -> None:
    with pytest.raises(ConfigError):
        classify("标题", "正文", taxonomy=(), model=model, segmenter=seg)


def test_classify_is_deterministic(classify_text) -> None:
    args = ("复工复产加速跑", "规模以上工业企业开复工率达80%，煤矿全部复产。")
    assert classify_text(*args) == classify_text(*args)
