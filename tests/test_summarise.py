"""Tests for generator.summarise: extractive summaries and the summariser registry."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest
import yaml

from generator.errors import ConfigError
from generator.evaluation.rouge import rouge
from generator.models import ArticleKind
from generator.sentences import split_sentences
from generator.summarise import (
    SUMMARISERS,
    Candidate,
    candidates,
    digest_summary,
    get_summariser,
    lead3_summary,
    select,
    select_best_set,
    summarise,
    textrank_summary,
)
from generator.training.corpus import corpus_path

# A made-up news item in the usual shape: formulaic preamble, then facts, then a pledge.
PREAMBLE_ARTICLE = (
    "为深入贯彻落实上级关于疫情防控工作的重要指示精神，全面落实市委市政府工作部署，"
    "充分发挥基层党组织的战斗堡垒作用，某县农牧局高度重视，迅速行动。",
    "截至3月5日，该县已为86家养殖企业发放饲料补贴312万元，协调运输车辆140台次。",
    "该局还开通“菜篮子”绿色通道，每日向城区调运蔬菜45吨。",
    "下一步，该局将坚决打赢疫情防控阻击战，切实扛起责任，全力以赴做好各项工作。",
)
CONCERN_ARTICLE = (
    "连日来，新冠肺炎疫情牵动着全县人民的心。在这场没有硝烟的战斗面前，某县供电公司积极行动。",
    "该公司为全县213个防控检测点安装临时电源，并为3家定点医院架设双回路供电线路。",
)
INTERVIEW = (
    "记者：请问全区农牧业企业复工情况如何？",
    "王某：谢谢您的提问。截至2月18日，全区龙头企业复工率达到70%左右。",
    "记者：资金困难怎么解决？下一步有什么打算？",
    "王某：我们推荐184家企业申请专项贷款，其中5家拟获得银行贷款15.8亿元。那么效果如何？效果很好。",
)


def _sentences_of(paragraphs: tuple[str, ...]) -> list[str]:
    return [s for p in paragraphs for s in split_sentences(p)]


def _assert_well_formed(summary: tuple[str, ...], paragraphs: tuple[str, ...], max_chars: int) -> None:
    assert 1 <= len(summary) <= 3
    source = _sentences_of(paragraphs)
    positions = [source.index(s) for s in summary]  # whole sentences of the source
    assert positions == sorted(positions)  # in document order
    if len(summary) > 1:
        assert sum(map(len, summary)) <= max_chars


@pytest.mark.parametrize("name", ["digest", "lead3", "textrank"])
@pytest.mark.parametrize("paragraphs", [PREAMBLE_ARTICLE, CONCERN_ARTICLE])
def test_every_summariser_returns_whole_sentences_in_order(name: str, paragraphs: tuple[str, ...]) -> None:
    summary = SUMMARISERS[name](paragraphs, max_chars=150)
    _assert_well_formed(summary, paragraphs, 150)


@pytest.mark.parametrize(
    ("paragraphs", "formula"),
    [(PREAMBLE_ARTICLE, "为深入贯彻落实"), (CONCERN_ARTICLE, "连日来")],
)
def test_formulaic_preamble_does_not_lead(paragraphs: tuple[str, ...], formula: str) -> None:
    summary = summarise(paragraphs)
    assert not summary[0].startswith(formula)
    # ...whereas Lead-3 starts with it: the test would fail for a lead baseline.
    assert lead3_summary(paragraphs)[0].startswith(formula)


def test_fact_sentences_are_preferred_to_pledges() -> None:
    summary = summarise(PREAMBLE_ARTICLE)
    assert any("312万元" in s for s in summary)
    assert not any("阻击战" in s for s in summary)


def test_interview_summarises_answers_not_questions() -> None:
    summary = summarise(INTERVIEW, kind=ArticleKind.INTERVIEW)
    assert summary
    text = "".join(summary)
    assert "记者" not in text
    assert not any(s.endswith(("？", "?")) for s in summary)
    assert "王某：" not in text  # the speaker label is not part of the sentence
    assert "15.8亿元" in text or "70%" in text


def test_interview_candidates_drop_question_turns_and_questions() -> None:
    texts = [c.text for c in candidates(INTERVIEW, kind=ArticleKind.INTERVIEW)]
    assert "那么效果如何？" not in texts
    assert all("记者" not in t for t in texts)
    assert "效果很好。" in texts
    # Two reporter turns make a Q&A block an interview whatever its label...
    assert candidates(INTERVIEW, kind=ArticleKind.CONTINUATION) == candidates(INTERVIEW, kind=ArticleKind.INTERVIEW)
    # ...but one question in an ordinary article is kept.
    one_turn = INTERVIEW[:2]
    assert any(c.text.endswith("？") for c in candidates(one_turn))


@pytest.mark.parametrize(
    ("first", "expected_start"),
    [
        ("本报呼伦贝尔3月29日电（记者 李某）呼伦贝尔市日前出台10项政策举措。", "呼伦贝尔市日前"),
        ("本报讯（记者郭某） 2月10日，副省长到示范区调研复工情况。", "2月10日"),
        ("新华社北京3月1日电 国务院出台8项措施。", "国务院出台"),
        ("某市今天出台8项措施。", "某市今天"),
    ],
)
def test_dateline_is_not_part_of_the_summary(first: str, expected_start: str) -> None:
    assert candidates((first,))[0].text.startswith(expected_start)


def test_overlong_sentence_is_cut_at_a_clause() -> None:
    clause = "协调金融机构向重点企业发放贷款5995万元，"
    sentence = clause * 20 + "完成。"  # far over twice the budget
    summary = summarise((sentence,), max_chars=100)
    assert len(summary) == 1
    assert summary[0].endswith("……")
    assert len(summary[0]) <= 102
    assert summary[0][:-2] in sentence


def test_long_sentence_within_twice_the_budget_stays_whole() -> None:
    sentence = "协调金融机构向重点企业发放贷款5995万元，" * 6 + "完成。"
    assert 100 < len(sentence) <= 200
    assert summarise((sentence,), max_chars=100) == (sentence,)


def test_semicolon_sentence_ends_with_full_stop_alone() -> None:
    summary = summarise(("免收中小微企业6个月房租，免收违约金；适当下调2020年纳税定额。",), max_chars=20)
    assert all(s.endswith("。") for s in summary)


def test_empty_article_has_no_summary() -> None:
    assert summarise(()) == ()
    assert summarise(("", "  ")) == ()


def test_output_is_deterministic() -> None:
    first = digest_summary(PREAMBLE_ARTICLE)
    assert all(digest_summary(PREAMBLE_ARTICLE) == first for _ in range(3))


def _candidate(text: str, position: int) -> Candidate:
    return Candidate(text=text, position=position, paragraph=0, first_in_paragraph=True, words=frozenset({text}))


@pytest.mark.parametrize("chooser", ["greedy", "best_set"])
def test_ties_are_broken_by_position(chooser: str) -> None:
    items = tuple(_candidate(f"{'甲乙丙丁戊'[i]}" * 80 + "。", i) for i in range(4))
    scores = (1.0, 1.0, 1.0, 1.0)
    if chooser == "greedy":
        chosen = select(items, scores, max_chars=100)
    else:
        chosen = select_best_set(items, scores, max_chars=100, redundancy=0.5)
    assert [c.position for c in chosen] == [0]


def test_best_set_prefers_two_short_sentences_to_one_long() -> None:
    items = (_candidate("长" * 140 + "。", 0), _candidate("短" * 60 + "。", 1), _candidate("小" * 60 + "。", 2))
    chosen = select_best_set(items, (1.2, 1.0, 0.9), max_chars=150, redundancy=0.5, extra_cost=0.5)
    assert [c.position for c in chosen] == [1, 2]
    greedy = select(items, (1.2, 1.0, 0.9), max_chars=150)
    assert [c.position for c in greedy] == [0]


@pytest.mark.parametrize(
    ("paragraphs", "max_chars", "expected_count"),
    [
        (("一二三四五。六七八九十。甲乙丙丁。戊己庚辛。",), 150, 3),  # at most three
        (("一二三四五。六七八九十。甲乙丙丁。",), 12, 2),  # while within the budget
        (("一二三四五六七八九十。短句。",), 6, 1),  # always at least one
    ],
)
def test_lead3_definition(paragraphs: tuple[str, ...], max_chars: int, expected_count: int) -> None:
    summary = lead3_summary(paragraphs, max_chars=max_chars)
    assert summary == tuple(_sentences_of(paragraphs)[:expected_count])


def test_textrank_baseline_ignores_priors() -> None:
    summary = textrank_summary(PREAMBLE_ARTICLE)
    _assert_well_formed(summary, PREAMBLE_ARTICLE, 150)


def test_registry_and_lookup() -> None:
    assert set(SUMMARISERS) == {"digest", "lead3", "textrank"}
    assert get_summariser("digest") is digest_summary
    with pytest.raises(ConfigError, match="digest, lead3, textrank"):
        get_summariser("gpt")
    with pytest.raises(TypeError):
        SUMMARISERS["mine"] = digest_summary  # type: ignore[index]


def test_summaries_use_the_shared_segmenter_not_jiebas_global() -> None:
    from generator.analyse.segment import load_segmenter

    assert load_segmenter() is load_segmenter()
    assert load_segmenter()._tokenizer is not jieba.dt


# --- quality gate on the hand-labelled benchmark -------------------------------------

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "summaries" / "articles.yml"


def _mean_scores(name: str, articles: list[dict[str, object]]) -> tuple[float, float]:
    r2 = rl = 0.0
    for entry in articles:
        paragraphs = tuple(entry["paragraphs"])  # type: ignore[arg-type]
        kind = ArticleKind(entry["kind"])
        summary = "".join(SUMMARISERS[name](paragraphs, kind=kind, max_chars=150))
        scores = rouge(summary, str(entry["reference"]))
        r2 += scores.rouge2
        rl += scores.rouge_l
    return r2 / len(articles), rl / len(articles)


def test_digest_beats_both_baselines_on_the_labelled_set() -> None:
    articles = yaml.safe_load(BENCHMARK.read_text(encoding="utf-8"))["articles"]
    assert len(articles) >= 25
    ours = _mean_scores("digest", articles)
    for baseline in ("lead3", "textrank"):
        theirs = _mean_scores(baseline, articles)
        assert ours[0] > theirs[0], baseline  # ROUGE-2
        assert ours[1] > theirs[1], baseline  # ROUGE-L
    # Pinned minimums (measured 36.3 / 39.6): a regression of a few points fails; and the
    # issue's bar, ROUGE-L at least 1.2x Lead-3's on the team's references.
    assert ours[1] >= 1.2 * _mean_scores("lead3", articles)[1]
    assert ours[0] >= 0.35
    assert ours[1] >= 0.38


def test_a_sentence_pointing_back_comes_with_its_antecedent_or_not_at_all() -> None:
    paragraphs = (
        "市科技局今年组织实施重点研发项目42个，投入资金3.2亿元。",
        "该局还为136家企业落实研发费用加计扣除政策，减税1.6亿元，惠及企业员工2万余人。",
        "全市高新技术企业达到520家，比上年增加87家。",
    )
    summary = digest_summary(paragraphs, max_chars=150)
    texts = list(summary)
    for k, text in enumerate(texts):
        if text.startswith("该局"):
            assert k > 0 and texts[k - 1] == paragraphs[0]
    # With a budget too small for both, the pointing sentence is left out.
    small = digest_summary(paragraphs, max_chars=60)
    assert not any(t.startswith("该局") for t in small[1:]) and not small[0].startswith("该局")


def test_a_linking_opening_is_dropped_when_its_sentence_is_not_there() -> None:
    paragraphs = (
        "春节期间全市各大超市照常营业，市场供应总体平稳。",
        "记者走访发现，部分市民选择网上下单，配送员每天配送订单约两千单。",
        "同时，市商务局投放储备猪肉300吨、储备蔬菜500吨，平抑市场价格。",
    )
    summary = digest_summary(paragraphs, max_chars=150)
    joined = "".join(summary)
    assert "300吨" in joined
    assert "同时，市商务局" not in joined or "配送订单约两千单。同时" in joined


@pytest.mark.skipif(not corpus_path().is_file(), reason=f"real-text corpus absent: {corpus_path()}")
def test_digest_beats_both_baselines_on_real_articles_from_other_outlets() -> None:
    from benchmarks.summaries.corpus import benchmark_articles
    from benchmarks.summaries.run import evaluate

    articles = benchmark_articles()
    assert len(articles) == 30
    ours = evaluate("digest", SUMMARISERS["digest"], articles)
    for baseline in ("lead3", "textrank"):
        theirs = evaluate(baseline, SUMMARISERS[baseline], articles)
        assert ours.rouge2 > theirs.rouge2 and ours.rouge_l > theirs.rouge_l, baseline
    assert ours.rouge_l >= 0.56  # measured 0.582 when pinned
