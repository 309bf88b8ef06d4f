from __future__ import annotations

import random

from datasketch import MinHashLSH

from generator.analyse.duplicates import (
    BANDS,
    CANDIDATE_THRESHOLD,
    NUM_PERM,
    ROWS,
    Document,
    candidates,
    find_duplicates,
    shingles,
    signature,
    signature_values,
    template,
)

RELEASE = (
    "本报呼伦贝尔3月29日电 为了切实帮助中小微企业解决生产经营困难，大力支持中小微企业尽快复工复产、健康发展，"
    "呼伦贝尔市日前出台10项支持中小微企业的政策举措，全部聚焦中小微企业扶持政策和困难帮扶机制的落实，"
    "包括免租金、减税费、争资金、强信贷、降保费、惠医保、先偿还、免费用、增贷款等方面。"
)


def test_the_same_release_from_two_outlets_is_linked_to_the_longer_one() -> None:
    reprint = "来源：人民网 " + RELEASE.replace("本报呼伦贝尔3月29日电 ", "") + "（责编：张三）"
    longer = RELEASE + "具体政策举措为：免收承租国有资产类经营用房的中小微企业6个月房租。"
    links = find_duplicates([Document("a-1", reprint), Document("b-2", longer)])
    assert links == {"a-1": "b-2"}


def test_different_articles_on_the_same_topic_are_not_linked() -> None:
    other = (
        "本报通辽3月29日电 通辽市奈曼旗通过微信公众号、通辽人才网等平台，汇总发布了一大批本地企业招工信息，"
        "并鼓励旗内就业扶贫车间实体吸纳困难家庭劳动力就近就业，在抓好疫情防控的同时，引导劳动力有序流动。"
    )
    assert find_duplicates([Document("a", RELEASE), Document("b", other)]) == {}


def test_groups_are_deterministic_and_independent_of_input_order() -> None:
    docs = [Document("c", RELEASE), Document("a", RELEASE), Document("b", RELEASE)]
    first = find_duplicates(docs)
    assert first == find_duplicates(list(reversed(docs)))
    assert first == {"b": "a", "c": "a"}


def test_shingles_ignore_spacing_and_punctuation() -> None:
    assert shingles("复工 复产，") == shingles("复工复产")
    assert shingles("") == set()


def test_bands_are_the_ones_datasketch_chooses_for_the_threshold() -> None:
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


def test_candidates_are_what_the_lsh_index_returns() -> None:
    # Texts sharing more or less of a common stock of sentences: every degree of overlap.
    rng = random.Random(3)
    stock = [f"第{i}句话说的是{i * 7 % 13}件事情" for i in range(40)]
    texts = {f"d{n}": "".join(rng.sample(stock, rng.randint(3, 12))) for n in range(60)}
    texts["twin"] = texts["d0"]
    model = template()
    values = {doc_id: signature_values(text, model=model) for doc_id, text in texts.items()}
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    for doc_id, text in texts.items():
        lsh.insert(doc_id, signature(text, model=model))
    found = candidates(values)
    assert found == {doc_id: set(lsh.query(signature(text, model=model))) for doc_id, text in texts.items()}
    assert any(len(near) > 1 for near in found.values())  # the fixture has candidates to compare
