"""Sentence features for the extractive summariser: facts, boilerplate, rhetoric.

Every rule comes from the structure of Chinese news and official prose, not from any
particular article: figures carry units (``1792户``, ``3.49亿元``, ``65%``); measures
are named in 《》 or short quotations (``“绿色通道”``); formulaic preambles announce
*why* (``为深入贯彻落实……精神``, ``在……的关键时期``, ``连日来，……牵动着……的心``)
before the news says *what*; slogans and pledges (``坚决打赢……阻击战``) say nothing
a reader can check.
"""

from __future__ import annotations

import math
import re

from generator.sentences import split_clauses

# A number followed by a counting unit: the strongest sign of a checkable fact.
_QUANTITY = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|％|‰|"
    r"(?:多|余|近|左右)?[万亿千百]?(?:元|吨|户|家|人|名|个|项|亩|处|次|件|笔|条|张|台|辆|头|"
    r"只|所|座|间|套|份|批|倍|公里|平方公里|千米|米|mm|毫米|公斤|千克|立方米|千瓦|兆瓦|"
    r"小时|天|个月|周|岁|类|种|层面|方面|人次|床|剂|支|箱|盒|栋|平方米))"
)
# Bare large numbers ("48773人" is caught above; "站房1号" is not a fact worth much).
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DATE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*年|\d{1,2}\s*时")
# Chinese-numeral counts of measures: "十项措施", "两家", "三道防线".
_CN_COUNT = re.compile(r"[一二两三四五六七八九十百千]+(?:项|家|个|条|道|批|类|名|次)")
_TITLE = re.compile(r"《[^》]{2,60}》")
# A short quotation names a measure or slogan ("绿色通道", "以奖代补"); long ones are speech.
_NAMED_MEASURE = re.compile(r"“[^“”]{2,10}”")
_ORGANISATION = re.compile(
    r"[\u4e00-\u9fff]{2,}(?:公司|集团|合作社|研究院|研究所|银行|医院|大学|学校|中学|"
    r"厅|(?<![全大格布结开当])局|委员会|办公室|指挥部|领导小组|工作组|协会|商会|基地|园区|"
    r"平台|(?<![核重为])中心)"
)

# Formulaic preambles and framings. Each matches inside one clause (，-delimited).
_PREAMBLES = tuple(
    re.compile(pattern)
    for pattern in (
        r"贯彻(?:落实)?.{0,60}(?:精神|部署|要求|指示)",
        r"落实.{0,40}(?:工作部署|决策部署|安排部署)",
        r"高度重视",
        r"(?:关键|紧要|吃劲|特殊)(?:时期|时刻|阶段|期)",
        r"牵动着.{0,15}的心",
        r"没有硝烟",
        r"(?:发挥|彰显).{0,30}(?:作用|力量|担当)",
        r"(?:提高|提升)政治站位|强化政治责任|增强服务意识|统一思想",
        r"(?:打赢|打好|夺取).{0,20}(?:阻击战|攻坚战|战役|总体战|胜利)",
        r"两手抓|两不误|两手硬",
        r"在.{0,20}(?:领导|指导|组织|部署)下",
        r"守土(?:有|尽|担)责",
        r"初心|使命担当|铮铮誓言",
        r"一方有难",
        # A sentence announcing a list says nothing until the list does.
        r"(?:抓好|做好|采取|包括)以下.{0,6}(?:工作|措施|方面|几点)",
        # An interviewee's courtesies before the answer proper.
        r"谢谢.{0,8}(?:提问|关心)|(?:下面|现在)我.{0,6}(?:回答|介绍)|提了.{1,3}个问题",
    )
)
# Pledge words: many of them in one sentence make it a slogan, not news.
_RHETORIC = re.compile(
    r"坚决|切实|全力|扎实|认真|积极|不折不扣|千方百计|想方设法|全面|深入|充分|努力|"
    r"坚持|始终|主动作为|高度|最大限度|用心|坚强|有力|坚定|信心|决心"
)
# Openings that point back to the sentence before: 该局 "the said bureau", 这项技术, 此次,
# 对此, 其中, 上述. Alone, such a sentence means nothing to a reader.
_ANAPHOR_OPENING = re.compile(
    r"^(?:该(?![死怎])|这(?:项|个|些|种|一|批|家|位|里)|此(?:前|次|项|举|后)?(?![外])|"
    r"对此|为此|其中|上述|前述)"
)
# Connectives that only link to the sentence before (同时 "meanwhile", 此外 "besides"): a
# summary sentence drops them and stands alone.
_LINKING_OPENING = re.compile(r"^(?:同时|与此同时|此外|另外|另一方面|然而|而且|并且)\s*[，,、]\s*")
_QUESTION_END = re.compile(r"[？?][”’」』）)]*$")
_QUOTED_SENTENCE = re.compile(r"^[“「][^“”]*[”」]$|^[“「].*[”」]$")
_CJK = re.compile(r"[\u4e00-\u9fff]")

# Weighted evidence is squashed with log1p and scaled so about six pieces make 1.0.
_FACT_SATURATION = math.log1p(6.0)


def fact_count(text: str) -> float:
    """Weighted count of facts: quantities 1, titles 0.6, named measures and
    Chinese-numeral counts 0.4, organisations 0.3, dates and bare numbers 0.3."""
    quantities = _QUANTITY.findall(text)
    numbers_left = len(_NUMBER.findall(_QUANTITY.sub("", _DATE.sub("", text))))
    return (
        1.0 * len(quantities)
        + 0.6 * len(_TITLE.findall(text))
        + 0.4 * len(_NAMED_MEASURE.findall(text))
        + 0.4 * len(_CN_COUNT.findall(text))
        + 0.3 * len(set(_ORGANISATION.findall(text)))
        + 0.3 * len(_DATE.findall(text))
        + 0.3 * numbers_left
    )


def fact_score(text: str) -> float:
    """Fact density in [0, 1]: saturating in the weighted count of `fact_count`."""
    return min(1.0, math.log1p(fact_count(text)) / _FACT_SATURATION)


def _is_preamble_clause(clause: str) -> bool:
    return any(pattern.search(clause) for pattern in _PREAMBLES)


def preamble_share(text: str) -> float:
    """Share of the sentence's characters that sit in formulaic preamble clauses."""
    clauses = split_clauses(text)
    total = sum(len(c) for c in clauses)
    if total == 0:
        return 0.0
    return sum(len(c) for c in clauses if _is_preamble_clause(c)) / total


def starts_with_preamble(text: str) -> bool:
    """Whether the sentence opens with a formulaic clause (e.g. 为深入贯彻落实……,
    连日来，……牵动着……的心): such a sentence must not lead a summary.

    The opening clause counts, and so does the second when the first is only a
    time phrase such as 连日来 or 当前.
    """
    clauses = split_clauses(text)
    if not clauses:
        return False
    if _is_preamble_clause(clauses[0]):
        return True
    return len(clauses) > 1 and len(clauses[0]) <= 6 and _is_preamble_clause(clauses[1])


def is_question(text: str) -> bool:
    """Whether the sentence ends with a question mark (closing quotes allowed)."""
    return bool(_QUESTION_END.search(text.strip()))


def is_rhetorical_quote(text: str) -> bool:
    """A sentence that is entirely a quotation and states no figure: a testimonial."""
    stripped = text.strip()
    return bool(_QUOTED_SENTENCE.match(stripped)) and not _QUANTITY.search(stripped)


def rhetoric_density(text: str) -> float:
    """Pledge words per ten Chinese characters, capped at 1."""
    chars = len(_CJK.findall(text))
    if chars == 0:
        return 0.0
    return min(1.0, 10.0 * len(_RHETORIC.findall(text)) / chars)


def opens_with_anaphor(text: str) -> bool:
    """Whether the sentence opens by pointing back (该局…, 这项技术…, 同时…, 对此…): it can
    stand in a summary only right after the sentence it points to."""
    return bool(_ANAPHOR_OPENING.match(without_linking_opening(text.lstrip("“「（( "))))


def without_linking_opening(text: str) -> str:
    """The sentence without a leading connective (同时，… -> …), when one is there."""
    return _LINKING_OPENING.sub("", text, count=1)
