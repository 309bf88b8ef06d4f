"""Long or repetitive inputs: bounded work in the summariser, no crash on repeated articles.

No test measures time: work is counted (similarity computations) or the run must simply end.
"""

from __future__ import annotations

import functools
import random
import re

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import generator.summarise as summarise_module
from generator.analyse.article import analyse_articles, unique_ids
from generator.analyse.topic_model import load_topic_model
from generator.analyse.topics import load_taxonomy
from generator.ingest.split import split_document
from generator.ingest.tagger import LineTagger, load_tagger
from generator.models import ArticleKind, RawArticle, SourceDocument, SourceFormat, SourceLine
from generator.summarise import GRAPH_LIMIT, candidates, summarise, textrank

PARAGRAPH = "本报讯 重点工业企业全部复工复产，税务局推行非接触式办税。全区疫情防控不放松，春耕生产有序推进。"


def test_textrank_ranks_at_most_graph_limit_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    items = candidates((PARAGRAPH,) * (GRAPH_LIMIT + 200))
    assert len(items) > 2 * GRAPH_LIMIT
    calls = 0
    real = summarise_module.similarity

    def counting(a: frozenset[str], b: frozenset[str]) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(summarise_module, "similarity", counting)
    scores = textrank(items)
    assert len(scores) == len(items)
    assert calls <= GRAPH_LIMIT * GRAPH_LIMIT, calls
    assert set(scores[GRAPH_LIMIT:]) == {0.0}
    assert max(scores[:GRAPH_LIMIT]) == 1.0


def test_textrank_below_the_limit_is_unchanged() -> None:
    items = candidates((PARAGRAPH,) * 10)
    capped = textrank(items)
    assert len(capped) == len(items) and max(capped) == 1.0


def test_a_very_long_article_is_summarised_from_its_text() -> None:
    paragraphs = (PARAGRAPH,) * 5_000  # about 250,000 characters, 10,000 sentences
    summary = summarise(paragraphs)
    assert 1 <= len(summary) <= 3
    assert all(sentence in PARAGRAPH for sentence in summary)


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["a", "b"], ("a", "b")),
        (["a", "a", "a"], ("a", "a-2", "a-3")),
        (["a-2", "a", "a"], ("a-2", "a", "a-3")),
    ],
)
def test_unique_ids_number_repeats(ids: list[str], expected: tuple[str, ...]) -> None:
    assert unique_ids(ids) == expected


def test_a_page_printing_one_article_twice_gives_two_articles() -> None:
    raw = RawArticle(
        source_file="twice.txt",
        line_start=1,
        line_end=3,
        format=SourceFormat.NEWSPAPER_PAGE,
        kind=ArticleKind.ARTICLE,
        title="某旗扎实做好春耕备耕",
        subtitle=None,
        paragraphs=(PARAGRAPH, "截至目前，全旗已储备化肥1.2万吨、种子800吨，能够满足春播需要。"),
    )
    analysed = analyse_articles((raw, raw), taxonomy=load_taxonomy(), topic_model=load_topic_model())
    ids = [a.id for a in analysed]
    assert len(set(ids)) == 2 and ids[0].removesuffix("-2") == ids[1].removesuffix("-2")


# --- No input can hang a run, nothing is dropped (issue 15, point 2) -------------------------
#
# Hypothesis draws the shape, format, size and a seed; the text itself is built from invented
# news sentences with `random.Random(seed)` (hypothesis' own buffers are far smaller than
# 200,000 characters). The run must simply end: nothing here measures time.

PLACES = ("武川县", "乌兰察布市", "锡林郭勒盟", "赤峰市", "四子王旗", "焦作市", "达茂旗", "土默特左旗")
TEMPLATES = (
    "{place}{n}家重点工业企业全部复工复产，日均用工{m}人。",
    "截至{n}月{d}日，{place}已储备化肥{m}吨、种子{k}吨，能够满足春播需要。",
    "{place}税务局推行非接触式办税，累计为{n}户纳税人减免税费{m}万元。",
    "全区疫情防控不放松，{place}春耕生产有序推进，已完成播种{n}万亩。",
    "{place}马铃薯种薯繁育基地日前开始春播，今年计划繁育种薯{n}万亩。",
    "记者从{place}商务局了解到，全市{n}家商场超市恢复营业，生活物资供应充足。",
    "“我们每天检测体温{n}次，工人安心，企业放心。”{place}一家企业负责人说。",
    "{place}开通首条冷链物流专线，牛羊肉当天即可运抵京津市场，每周发运{n}车。",
    "据介绍，{place}为返岗务工人员开行专车{n}趟，点对点送达{m}人。",
    "{place}组织干部群众参加义务植树活动，苗木调运工作基本完成，共栽植{n}株。",
)
FORMATS = (SourceFormat.NEWSPAPER_PAGE, SourceFormat.PLAIN, SourceFormat.WEB_PAGE)
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def sentence(rng: random.Random) -> str:
    template = rng.choice(TEMPLATES)
    n, m, k, d = (rng.randint(1, 9999) for _ in range(4))
    return template.format(place=rng.choice(PLACES), n=n, m=m, k=k, d=d % 28 + 1)


def prose(rng: random.Random, chars: int) -> str:
    parts: list[str] = []
    total = 0
    while total < chars:
        parts.append(sentence(rng))
        total += len(parts[-1])
    return "".join(parts)


def one_long_line(rng: random.Random, size: int, fmt: SourceFormat) -> list[str]:
    """A headline, then the whole article written on one line (common in scraped text)."""
    return [f"{rng.choice(PLACES)}复工复产加速跑", prose(rng, size)]


def long_file(rng: random.Random, size: int, fmt: SourceFormat) -> list[str]:
    """Thousands of lines: paragraphs wrapped every 14-24 characters like a PDF dump, or one
    paragraph a line as scraped web pages have them."""
    lines = [f"{rng.choice(PLACES)}扎实做好春耕备耕"]
    web = fmt is SourceFormat.WEB_PAGE
    while len(lines) < size:
        paragraph = prose(rng, rng.randint(20, 120) if web else rng.randint(60, 400))
        width = len(paragraph) if web else rng.randint(14, 24)
        lines.extend(paragraph[i : i + width] for i in range(0, len(paragraph), width))
        if rng.random() < 0.5:
            lines.append("")
    return lines


def repeated_sentences(rng: random.Random, size: int, fmt: SourceFormat) -> list[str]:
    """One sentence many times: one a line, or paragraphs of a few copies."""
    text = sentence(rng)
    per_line = rng.choice((1, 3, 8))
    return ["本报讯", *([text * per_line] * max(1, size // per_line))]


SHAPES = {
    "one long line": (one_long_line, st.integers(10_000, 200_000)),
    "long file": (long_file, st.integers(1_000, 5_000)),
    "repeated sentences": (repeated_sentences, st.integers(500, 5_000)),
}


def han(text: str) -> set[str]:
    return set(_HAN_RE.findall(text))


@functools.cache
def tagger() -> LineTagger:
    return load_tagger()


def split_and_analyse(lines: list[str], fmt: SourceFormat, *, tagged: bool = False) -> tuple[RawArticle, ...]:
    """Split as the pipeline does (with the line tagger) or by the hand rules, then analyse."""
    doc = SourceDocument("long.txt", "utf-8", fmt, tuple(SourceLine(i + 1, t) for i, t in enumerate(lines)))
    raws = split_document(doc, tagger=tagger() if tagged else None)
    assert raws, "no article found"
    # The analysis of the longest article: where a super-linear step would show.
    longest = max(raws, key=lambda r: sum(map(len, r.paragraphs)))
    (analysed,) = analyse_articles((longest,), taxonomy=load_taxonomy(), topic_model=load_topic_model())
    assert analysed.summary and all(s in "".join(longest.paragraphs) for s in analysed.summary)
    return raws


@pytest.mark.parametrize("shape", SHAPES)
# No shrinking: on inputs this large it takes minutes, and the drawn format, seed and size
# that hypothesis prints for a failure rebuild the input exactly.
@settings(
    max_examples=5,
    deadline=None,
    # The same draws every run: CI must not pass or fail by the luck of the draw.
    derandomize=True,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_long_inputs_end_and_keep_every_character(shape: str, data: st.DataObject) -> None:
    build, sizes = SHAPES[shape]
    fmt = data.draw(st.sampled_from(FORMATS), label="format")
    tagged = data.draw(st.booleans(), label="tagged")
    rng = random.Random(data.draw(st.integers(0, 2**32 - 1), label="seed"))
    lines = build(rng, data.draw(sizes, label="size"), fmt)
    raws = split_and_analyse(lines, fmt, tagged=tagged)
    kept = han("".join(f"{r.title or ''}{r.subtitle or ''}{''.join(r.paragraphs)}" for r in raws))
    # The headline of a plain file hard-wrapped like a PDF dump, with no blank line or lead
    # under it, can be read by the line model as furniture or run into the text: known (issue
    # 10, splitter accuracy). Every other line's text is kept, the headline of a bare web page too.
    checked = lines[1:] if tagged and fmt is SourceFormat.PLAIN else lines
    assert han("\n".join(checked)) <= kept, sorted(han("\n".join(checked)) - kept)


@pytest.mark.parametrize("seed", [2237, 1, 2, 3])
def test_a_bare_web_pages_headline_is_kept(seed: int) -> None:
    # A scraped page without any site chrome (reader mode): its first line is the headline,
    # which the line model once labelled furniture (the synthesiser now lays out such pages).
    lines = long_file(random.Random(seed), 1187 if seed == 2237 else 60, SourceFormat.WEB_PAGE)
    raws = split_and_analyse(lines, SourceFormat.WEB_PAGE, tagged=True)
    assert any(r.title == lines[0] for r in raws)


def test_a_long_line_repeating_a_paragraph_keeps_every_copy() -> None:
    paragraph = prose(random.Random(1), 200)
    raws = split_and_analyse([paragraph * 8], SourceFormat.PLAIN)
    assert sum(r.body.count(paragraph) for r in raws) == 8


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_a_web_page_wrapped_like_a_pdf_dump_keeps_its_headline(seed: int) -> None:
    # By the hand rules (the path taken when the line model finds no article): the wrapped
    # lines above the first sentence end are text, not the headline.
    lines = long_file(random.Random(seed), 40, SourceFormat.NEWSPAPER_PAGE)
    raws = split_and_analyse(lines, SourceFormat.WEB_PAGE)
    assert raws[0].title == lines[0]
