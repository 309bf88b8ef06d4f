"""Which regions an article mentions, and which one it is about.

Three steps, each a pure function over the gazetteer (``generator.analyse.gazetteer``):

1. :func:`find_mentions` scans the text for division names and short forms, longest match
   first, and drops hits that are not names in context (黄河南岸 is not 河南; 海南区域 is
   海南, not Wuhai's 海南区; bare 城区 is "downtown", not a district);
2. ambiguous hits (朝阳区 is in Beijing and Changchun, 吉林 is a province and a city) are
   settled by the other regions of the article, the dateline and a default province;
3. :func:`choose_subject` walks province -> city -> county, descending while one child
   holds more than half of the evidence at the current level; the dateline place is
   the strongest cue and fixes the chain down to itself.

Regional papers say 自治区, 全区 or 我区 for their own region ("the autonomous region"), and
provincial ones 全省, 我省, 省委 for their province. Those words name no region by themselves,
so they count only for ``default_province`` (the outlet's region, from the sidecar or the
corpus majority) or, without one, for the one such province the article names elsewhere.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Final

import jieba

from generator.analyse.gazetteer import Division, Gazetteer, Key, KeyKind, Level, load_gazetteer
from generator.models import Region

# Word segmentation as "token start -> token end"; any segmenter will do (see _token_spans).
TokenSpans = Callable[[str], Mapping[int, int]]
# Text -> its gazetteer hits; lets a caller that resolves one text twice scan it once.
HitFinder = Callable[[str], "tuple[Hit, ...]"]

TITLE_WEIGHT: Final[int] = 3
# The dateline place counts like two body mentions (see choose_subject).
DATELINE_WEIGHT: Final[int] = 2
BODY_WEIGHT: Final[int] = 1

# 自治区 standing alone (full names such as 广西壮族自治区 are consumed by the scan first),
# 全区 and 我区 "our region" - but not inside 安全区 "safety zone", 完全区分 "fully
# distinguish", 全区域 "the whole area" or 自我区别.
_OWN_REGION_CUE: Final[re.Pattern[str]] = re.compile(
    r"自治区|(?<![完安健齐保])全区(?![域分别间块])|(?<!自)我区(?![域分别间块])"
)
# The same for a province (全省 "the whole province", 我省, 本省, the provincial Party
# committee and government) - not 全省略, 省委托.
_OWN_PROVINCE_CUE: Final[re.Pattern[str]] = re.compile(r"(?:全省|我省|本省)(?!略)|省委(?!托)|省政府")
# Reporter credits inside a body (本报讯（记者徐金华）): people's names, not places.
_CREDIT: Final[re.Pattern[str]] = re.compile(r"[（(][^（()）]{0,6}(?:记者|通讯员|实习生|摄影|编辑)[^（()）]{0,30}[）)]")
# Common single-character surnames (the hundred most frequent, less characters that also open
# place phrases: 于 向 东 南 西 北 上 下 中 全 江 黄 海 云 山 金 白 ...); a place's short form right
# after one, in a person's frame, is a given name (李河南, 王海南).
_SURNAMES: Final[frozenset[str]] = frozenset(
    "王李张刘陈杨赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范廖石贾韦夏付方邹熊孟秦邱侯薛尹段雷龙史陶贺顾毛郝龚邵万钱严覃武戴莫孔汤"
)
# Roles written right before a name (村民李河南, 记者王海南, 老党员刘吉林).
_PERSON_TITLE_END: Final[re.Pattern[str]] = re.compile(
    r"(?:村民|居民|市民|记者|通讯员|实习生|书记|主任|局长|市长|县长|镇长|乡长|村长|区长|党员|同志|师傅|"
    r"老人|农民|农户|牧民|先生|女士|经理|董事长|总经理|院长|校长|医生|护士|民警|队长|站长|组长|社长|"
    r"负责人|代表|委员|志愿者|工人|教师|老师|大爷|大妈|阿姨)$"
)
_TITLE_REACH: Final[int] = 3
# What a person does right after being named (王海南表示, 张湖北介绍).
_PERSON_CUE_START: Final[re.Pattern[str]] = re.compile(
    r"说|表示|介绍|告诉|称|认为|坦言|笑着|指出|回忆|同志|带头|一家|老人|师傅"
)
# Fixed names of things that start with a place name but are no mention of it.
_NAMED_THINGS: Final[re.Pattern[str]] = re.compile(
    r"北京时间|上海合作组织|上合组织|香港特别行政区基本法|澳门特别行政区基本法"
)
# A region right after one of these verbs is where something goes (驰援湖北 "rush aid to
# Hubei", 销往全国), not where the story happens: listed, but no weight for the subject.
_DESTINATION_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"(?:支援|驰援|援助|援建|对口支援|运往|发往|销往|送往|运抵|奔赴|前往|赶赴|赴)$"
)
# A full name whose generic character starts a common word with the next character:
# 海南区域 is 海南 + 区域, 包头市场 is 包头 + 市场. Such a hit falls back to the stem.
_SUFFIX_WORD: Final[re.Pattern[str]] = re.compile(r"区(?:域|位|间|别|分|块)|市场")
# Characters that may follow a short form inside one jieba token: 河南人, 包头籍.
_SHORT_TAILS: Final[frozenset[str]] = frozenset("人籍市县区旗盟省")
_DATELINE_SUFFIXES: Final[tuple[str, ...]] = ("市", "盟", "地区", "自治州", "县", "旗", "区", "省")


@dataclass(frozen=True, slots=True)
class Hit:
    """A key found in the text: [start, end) and what it may name."""

    start: int
    end: int
    key: Key


@dataclass(frozen=True, slots=True)
class Mention:
    """A hit settled to one division (adcode None: still ambiguous)."""

    start: int
    end: int
    text: str
    adcode: str | None
    name: str | None  # full official name when known, even if the adcode is ambiguous
    weight: int


@dataclass(frozen=True, slots=True)
class Resolution:
    """Everything the resolver decided, for callers that want more than the Region."""

    region: Region
    mentioned: tuple[str, ...]
    mentions: tuple[Mention, ...]
    dateline: Division | None
    default_province: Division | None


def scan(text: str, gazetteer: Gazetteer) -> tuple[Hit, ...]:
    """Longest-match, left-to-right, non-overlapping hits of gazetteer keys."""
    hits: list[Hit] = []
    keys, by_start, length = gazetteer.keys, gazetteer.lengths_by_start, len(text)
    i = 0
    while i < length:
        for size in by_start.get(text[i], ()):
            key = keys.get(text[i : i + size]) if i + size <= length else None
            if key is not None:
                hits.append(Hit(i, i + size, key))
                i += size
                break
        else:
            i += 1
    return tuple(hits)


@cache
def _tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def jieba_token_spans(text: str) -> dict[int, int]:
    """Start -> end of each jieba token (dictionary only, no HMM: stable across runs).

    The default segmentation for the short-form check; a caller that already holds a
    segmenter can pass its own ``token_spans`` instead of loading a second dictionary.
    """
    return {start: end for _, start, end in _tokenizer().tokenize(text, HMM=False)}


def _short_form_stands_alone(hit: Hit, text: str, spans: Mapping[int, int]) -> bool:
    """A generated short form counts only as a word of its own: not the tail of 黄河
    in 黄河南岸, not the head of an idiom; 河南人 (one token) is fine."""
    end = spans.get(hit.start)
    if end is None:
        return False
    if end == hit.end:
        return True
    return end == hit.end + 1 and text[hit.end] in _SHORT_TAILS


def _downgrade(hit: Hit, text: str, gazetteer: Gazetteer) -> Hit | None:
    """海南区域 -> 海南: a full name whose last character begins the next word."""
    if hit.key.kind is not KeyKind.NAME or not _SUFFIX_WORD.match(text, hit.end - 1):
        return hit
    for size in range(hit.end - hit.start - 1, 1, -1):
        key = gazetteer.keys.get(text[hit.start : hit.start + size])
        if key is not None:
            return Hit(hit.start, hit.start + size, key)
    return None


def mask_credits(text: str) -> str:
    """Blank out reporter credits and fixed non-place names, keeping every offset
    (（记者徐金华） is not 金华, 北京时间 is a time zone)."""
    blank = _CREDIT.sub(lambda m: "\u3000" * len(m.group()), text)
    return _NAMED_THINGS.sub(lambda m: "\u3000" * len(m.group()), blank)


def find_mentions(text: str, gazetteer: Gazetteer, *, token_spans: TokenSpans | None = None) -> tuple[Hit, ...]:
    """Hits that name a region in context (see module docstring for what is dropped)."""
    text = mask_credits(text)
    hits = [h for h in (_downgrade(h, text, gazetteer) for h in scan(text, gazetteer)) if h is not None]
    if not any(h.key.kind is KeyKind.SHORT for h in hits):
        return tuple(hits)
    spans = (token_spans or jieba_token_spans)(text)
    return tuple(
        h
        for h in hits
        if h.key.kind is not KeyKind.SHORT
        or (_short_form_stands_alone(h, text, spans) and not _in_person_name(h, text))
    )


def _in_person_name(hit: Hit, text: str) -> bool:
    """A short form that is a person's given name: 村民李河南, 王海南表示, 老党员刘吉林.

    The character before the hit is a common surname, and the name is framed as a person's:
    a title or role right before the surname, or a speech or action verb right after the
    name. Full names (河南省) and hits without such a frame are places.
    """
    if hit.start == 0 or text[hit.start - 1] not in _SURNAMES:
        return False
    before = text[max(0, hit.start - 1 - _TITLE_REACH) : hit.start - 1]
    return bool(_PERSON_TITLE_END.search(before) or _PERSON_CUE_START.match(text, hit.end))


def _affinity(gazetteer: Gazetteer, code: str, anchors: Iterable[str]) -> int:
    """How well `code` fits regions known for sure: the levels it shares with each anchor
    (same province 1, same city 2), so a more specific fit wins."""
    chain = {d.adcode for d in gazetteer.chain(code)}
    return sum(len(chain & {d.adcode for d in gazetteer.chain(anchor)}) for anchor in anchors)


def settle(candidates: tuple[str, ...], gazetteer: Gazetteer, anchors: Iterable[str]) -> str | None:
    """Pick one of several divisions a key may name, or None if context cannot tell.

    Best contextual fit first; among equals the higher level (a bare 吉林 is the province);
    a remaining tie (朝阳区 with no Beijing or Changchun nearby) stays unresolved.
    """
    if len(candidates) == 1:
        return candidates[0]
    anchor_list = tuple(anchors)
    scored = sorted(
        ((-_affinity(gazetteer, c, anchor_list), gazetteer.get(c).level.rank, c) for c in candidates),
    )
    best, runner_up = scored[0], scored[1]
    if best[:2] == runner_up[:2]:
        return None
    return best[2]


def resolve_place(place: str, gazetteer: Gazetteer, *, anchors: Iterable[str] = ()) -> Division | None:
    """A dateline place (兴安, 呼伦贝尔, 乌中旗) as a division, trying generic endings."""
    place = place.strip()
    tried = [place] + [place + suffix for suffix in _DATELINE_SUFFIXES]
    anchor_list = tuple(anchors)
    for text in tried:
        key = gazetteer.keys.get(text)
        if key is not None:
            code = settle(key.adcodes, gazetteer, anchor_list)
            return gazetteer.get(code) if code is not None else None
    return None


def _province_of(name: str | None, gazetteer: Gazetteer) -> Division | None:
    if not name:
        return None
    division = gazetteer.divisions.get(name) or resolve_place(name, gazetteer)
    return division if division is not None and division.level is Level.PROVINCE else None


def _mentions(
    text: str, hits: tuple[Hit, ...], title_end: int, gazetteer: Gazetteer, fixed: tuple[str, ...]
) -> tuple[Mention, ...]:
    """Settle every hit against the unambiguous ones (plus `fixed` anchors).

    A stem that may be an ordinary word (金山 for 金山区, 白银 "silver") is only trusted
    inside an area the article already places itself in: 绿水青山就是金山银山 names no
    Shanghai district, 白银价格 no city in Gansu.
    """
    anchors = fixed + tuple(h.key.adcodes[0] for h in hits if len(h.key.adcodes) == 1 and not h.key.needs_context)
    out = []
    previous: Hit | None = None
    for hit in hits:
        qualifier, previous = previous, hit
        if hit.key.needs_context and not any(_affinity(gazetteer, c, anchors) for c in hit.key.adcodes):
            continue
        if _qualified_elsewhere(hit, qualifier, gazetteer):
            continue
        code = settle(hit.key.adcodes, gazetteer, anchors)
        names = {gazetteer.get(c).name for c in hit.key.adcodes}
        name = gazetteer.get(code).name if code else (names.pop() if len(names) == 1 else None)
        weight = TITLE_WEIGHT if hit.start < title_end else BODY_WEIGHT
        if _DESTINATION_BEFORE.search(text, max(0, hit.start - 4), hit.start):
            weight = 0
        out.append(Mention(hit.start, hit.end, hit.key.text, code, name, weight))
    return tuple(out)


def _qualified_elsewhere(hit: Hit, qualifier: Hit | None, gazetteer: Gazetteer) -> bool:
    """True for a name right after another province's name: 内蒙古大兴安岭 is Inner Mongolia's
    Greater Khingan forest, not Heilongjiang's 大兴安岭地区 (黑龙江大兴安岭 is)."""
    if qualifier is None or qualifier.end != hit.start or len(qualifier.key.adcodes) != 1:
        return False
    province = gazetteer.get(qualifier.key.adcodes[0])
    if province.level is not Level.PROVINCE:
        return False
    return all(gazetteer.chain(code)[0].adcode != province.adcode for code in hit.key.adcodes)


def _own_region_mentions(
    text: str, hits: tuple[Hit, ...], province: Division | None, local: bool, title_end: int
) -> tuple[Mention, ...]:
    """自治区/全区/我区 as mentions of `province` (an autonomous region), 全省/我省/省委 of a 省.

    自治区 always means the region. When the article also names a city or county, a body
    全区/我区 may well mean "the whole district", so it is then ignored; in a title it
    still counts (介绍我区……).
    """
    if province is None or not province.name.endswith(("自治区", "省")):
        return ()
    cue = _OWN_REGION_CUE if province.name.endswith("自治区") else _OWN_PROVINCE_CUE
    # Covered by a place name hit: some hit starting at or before the cue ends after it.
    # Sorted starts and a running maximum of ends answer that per cue in log time (a scan
    # of every hit per cue was quadratic in long articles).
    spans = sorted((h.start, h.end) for h in hits)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))
    out = []
    for match in cue.finditer(text):
        before = bisect.bisect_right(starts, match.start())
        if before and reach[before - 1] > match.start():
            continue
        in_title = match.start() < title_end
        if local and not in_title and match.group() in ("全区", "我区"):
            continue
        weight = TITLE_WEIGHT if in_title else BODY_WEIGHT
        out.append(Mention(match.start(), match.end(), match.group(), province.adcode, province.name, weight))
    return tuple(out)


def choose_subject(
    mentions: tuple[Mention, ...], gazetteer: Gazetteer, *, dateline: Division | None = None
) -> tuple[Division, ...]:
    """The subject chain, province first (empty if nothing is known).

    Every mention adds its weight to its division and to each division above it. The
    dateline place is evidence like a headline mention (`DATELINE_WEIGHT`), not a verdict:
    本报太原3月1日电 over a story about all of Shanxi stays at province level, because the
    province's own mentions outweigh 太原. From the best province the chain descends to the
    best child while that child holds at least as much evidence as the level's own mentions
    (全省, 山西省 ...; strictly more below a city) and strictly more than its runner-up.
    """
    weight: dict[str, int] = {}
    first: dict[str, int] = {}
    weighted = [(m.adcode, m.weight, m.start) for m in mentions if m.adcode is not None and m.weight > 0]
    if dateline is not None:
        weighted.append((dateline.adcode, DATELINE_WEIGHT, -1))
    for adcode, amount, start in weighted:
        for division in gazetteer.chain(adcode):
            weight[division.adcode] = weight.get(division.adcode, 0) + amount
            first[division.adcode] = min(first.get(division.adcode, start), start)

    def ranked(codes: Iterable[str]) -> list[str]:
        return sorted(codes, key=lambda c: (-weight.get(c, 0), first.get(c, 0), c))

    provinces = ranked(c for c in weight if gazetteer.get(c).level is Level.PROVINCE)
    if not provinces:
        return ()
    chain = [gazetteer.get(provinces[0])]
    while chain[-1].level is not Level.COUNTY:
        current = chain[-1].adcode
        below = ranked(c for c in weight if gazetteer.get(c).parent == current)
        if not below:
            break
        best = below[0]
        second = weight[below[1]] if len(below) > 1 else 0
        own = weight[current] - sum(weight[c] for c in below)
        # A tie with the level's own mentions descends from a province (吉林省 in the
        # headline, 长春 three times in the text: a Changchun story) but not from a city,
        # whose stories name their counties in passing (a city meeting on 博爱站).
        enough = weight[best] >= own if chain[-1].level is Level.PROVINCE else weight[best] > own
        if not enough or weight[best] == second:
            break
        chain.append(gazetteer.get(best))
    return tuple(chain)


def region_of(chain: tuple[Division, ...]) -> Region:
    """The models.Region of a subject chain (city None for divisions under a province)."""
    by_level = {d.level: d for d in chain}
    province, city, county = (by_level.get(level) for level in (Level.PROVINCE, Level.CITY, Level.COUNTY))
    return Region(
        province=province.name if province else None,
        city=city.name if city else None,
        county=county.name if county else None,
        province_en=province.en if province else None,
        city_en=city.en if city else None,
        county_en=county.en if county else None,
        adcode=chain[-1].adcode if chain else None,
    )


def resolve(
    text: str,
    *,
    title: str | None = None,
    dateline_place: str | None = None,
    default_province: str | None = None,
    gazetteer: Gazetteer | None = None,
    token_spans: TokenSpans | None = None,
    find_hits: HitFinder | None = None,
) -> Resolution:
    """Full resolution of one article. `title` is scanned too and weighs more."""
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    full = f"{title}\n{text}" if title else text
    title_end = len(title) + 1 if title else 0
    default = _province_of(default_province, gaz)
    hits = find_hits(full) if find_hits is not None else find_mentions(full, gaz, token_spans=token_spans)
    fixed = (default.adcode,) if default else ()
    plain = _mentions(full, hits, title_end, gaz, fixed)
    dateline = None
    if dateline_place:
        anchors = fixed + tuple(m.adcode for m in plain if m.adcode)
        dateline = resolve_place(dateline_place, gaz, anchors=anchors)
    if dateline is not None:
        plain = _mentions(full, hits, title_end, gaz, (*fixed, dateline.adcode))
    own = default
    if own is None:
        # Without a default, 自治区 / 全省 can only mean the one such province the text names.
        # An autonomous region first: 我区 in a text naming Inner Mongolia and two 省 is Inner Mongolia.
        named = {gaz.chain(m.adcode)[0] for m in plain if m.adcode}
        for ending in ("自治区", "省"):
            candidates = [d for d in named if d.name.endswith(ending)]
            if candidates:
                own = candidates[0] if len(candidates) == 1 else None
                break
    local = any(m.adcode and gaz.get(m.adcode).level is not Level.PROVINCE for m in plain)
    own_mentions = _own_region_mentions(full, hits, own, local, title_end)
    mentions = tuple(sorted(plain + own_mentions, key=lambda m: m.start))
    chain = choose_subject(mentions, gaz, dateline=dateline)
    names = [dateline.name] if dateline else []
    for m in mentions:
        if m.adcode and m.name and m.text != m.name and m.text.endswith(m.name):
            names.append(gaz.chain(m.adcode)[-2].name)  # 大同市城区: the city is named too
        if m.name:
            names.append(m.name)
    return Resolution(
        region=region_of(chain),
        mentioned=tuple(dict.fromkeys(names)),
        mentions=mentions,
        dateline=dateline,
        default_province=default,
    )


def dominant_province(
    texts: Iterable[str],
    *,
    gazetteer: Gazetteer | None = None,
    share: float = 0.5,
    token_spans: TokenSpans | None = None,
    find_hits: HitFinder | None = None,
) -> str | None:
    """The province most of `texts` are about, if it holds more than `share` of them.

    Meant for a page or an outlet: its articles' majority is a fair ``default_province``
    for each of them (a Hohhot paper's 自治区 is Inner Mongolia).
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    counts: dict[str, int] = {}
    total = 0
    for text in texts:
        province = resolve(text, gazetteer=gaz, token_spans=token_spans, find_hits=find_hits).region.province
        if province is not None:
            counts[province] = counts.get(province, 0) + 1
            total += 1
    if not counts:
        return None
    best = min(counts, key=lambda name: (-counts[name], name))
    return best if counts[best] > share * total else None


def resolve_regions(
    text: str,
    *,
    dateline_place: str | None = None,
    title: str | None = None,
    default_province: str | None = None,
    gazetteer: Gazetteer | None = None,
    token_spans: TokenSpans | None = None,
    find_hits: HitFinder | None = None,
) -> tuple[Region, tuple[str, ...]]:
    """Return (subject region, full names of every region mentioned, first mention first).

    `default_province` (a name such as 内蒙古自治区 or 内蒙古, or an adcode) is the
    outlet's own region; it gives meaning to 自治区/全区/我区 and breaks ties.
    """
    result = resolve(
        text,
        title=title,
        dateline_place=dateline_place,
        default_province=default_province,
        gazetteer=gazetteer,
        token_spans=token_spans,
        find_hits=find_hits,
    )
    return result.region, result.mentioned


# A city paper's own city: 我市 "our city", 全市 "the whole city", 本市, and its
# leadership bodies. 市场 (market) and 城市 (city, generic) are not cues.
_OWN_CITY_CUE: Final[re.Pattern[str]] = re.compile(r"我市|全市|本市|市委|市政府|市人大|市政协|市长(?!期)")


def outlet_home(outlet: str | None, gazetteer: Gazetteer | None = None) -> Division | None:
    """The home region an outlet's name starts with: 承德日报 -> 承德市, 内蒙古日报 -> 内蒙古自治区,
    濮阳市融媒体中心 -> 濮阳市; None for national names (人民日报, 新华社, 中国新闻网).

    A local paper's readers are its home city's: its 我市 / 全市 / 市委 mean that city and its
    自治区 / 全省 that province, whatever the page's other articles are about. Only a name at
    the very start counts (中国新闻网 names no 中国 region), and only one that is not ambiguous
    without context (a bare county stem such as 朝阳 is).
    """
    if not outlet:
        return None
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    hits = [h for h in scan(outlet, gaz) if h.start == 0 and not h.key.needs_context]
    if not hits:
        return None
    longest = max(hits, key=lambda h: h.end)
    code = settle(longest.key.adcodes, gaz, ())
    return gaz.get(code) if code is not None else None


def dominant_city(regions: Iterable[Region], *, share: float = 0.5) -> str | None:
    """Adcode of the prefecture most of `regions` lie in, if it holds more than `share`
    of those that name one: the home city of a city paper's page."""
    counts: dict[str, int] = {}
    for region in regions:
        if region.city and region.adcode:
            code = region.adcode[:4] + "00"
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    best = min(counts, key=lambda code: (-counts[code], code))
    return best if counts[best] > share * sum(counts.values()) else None


def with_default_city(
    region: Region, text: str, city_adcode: str | None, *, gazetteer: Gazetteer | None = None
) -> Region:
    """`region`, placed in the page's home city when it names no city itself but speaks
    of "our city" (我市, 市委 ...) and does not point to another province."""
    if city_adcode is None or region.city or not _OWN_CITY_CUE.search(text):
        return region
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    chain = gaz.chain(city_adcode)
    if region.province and region.province != chain[0].name:
        return region
    return region_of(chain)
