"""An outlet's name as readers know it, from whatever a page or a lead printed around it.

Page headers, web `来源` fields and repost lines glue other things to the name: the issue
date (`三明日报2020.02.11`, `新华网2022年03月02日20:27`), a regional channel
(`新华网内蒙古频道`), a second brand after a slash or dot (`农民日报·中国农网`), a bracket left
over from `（来源：大众日报客户端）`. `canonical_outlet` keeps the name alone, in Simplified
script, or None when nothing name-like is left (`本报` names no one). The English name is the
glossary's business (`generator.translate.glossary.outlet_en`).
"""

from __future__ import annotations

import re
from typing import Final

from generator.ingest.script import to_simplified

# A date, maybe a time, and anything after it: the rest of a header line.
_DATE_TAIL: Final = re.compile(r"\s*\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?.*$")
# A second name after a separator: the first is the publisher.
_SECOND_NAME: Final = re.compile(r"\s*[/／·・|｜、]\s*.*$")
# A regional or topical channel of a national site: 新华网内蒙古频道, 人民网甘肃频道.
_CHANNEL: Final = re.compile(r"(?<=[网網线台])[\u4e00-\u9fff]{2,8}频道$")
# Brackets and punctuation left at either end by the field the name was cut from.
_EDGE_PUNCT: Final = re.compile(r"^[\s（(【\[「『《“\"'：:]+|[\s）)】\]」』》”\"'：:，,。]+$")
# A field label left in front: `来源：人民网`, `本文转自：新华社`.
_LABEL: Final = re.compile(r"^(?:来源|稿源|来自|转自|本文转自|文章来源|source)\s*[:：]\s*", re.IGNORECASE)
# What names no outlet: "this paper / site / station", or nothing but digits and marks.
_NO_ONE: Final = re.compile(r"^(?:本[报網网台臺刊]|记者|通讯员|来源|未知|佚名)$")
_HAN: Final = re.compile(r"[\u3400-\u9fff]")
MAX_OUTLET_CHARS: Final = 20


def canonical_outlet(name: str | None) -> str | None:
    """`name` without dates, channels, second brands and stray brackets; None if no name is left."""
    if not name:
        return None
    text = to_simplified(name).strip()
    for pattern in (_DATE_TAIL, _SECOND_NAME, _EDGE_PUNCT, _LABEL, _CHANNEL, _EDGE_PUNCT):
        text = pattern.sub("", text).strip()
    if not text or _NO_ONE.match(text) or len(text) > MAX_OUTLET_CHARS:
        return None
    if not _HAN.search(text) and not re.search(r"[A-Za-z]{2,}", text):
        return None
    return text
