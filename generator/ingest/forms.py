"""Character-level normalisation: control characters, vertical forms, full-width ASCII.

NFKC is deliberately not used: it would also turn the full-width punctuation Chinese
text must keep (`，` `：` `（`) into ASCII. The tables below change only what is noise.
"""

from __future__ import annotations

import re
from types import MappingProxyType

# Vertical presentation forms (U+FE10–FE19, U+FE30–FE4F) and small form variants
# (U+FE50–FE6B) back to the forms horizontal text uses. Corner brackets ﹁﹂﹃﹄ become
# quotes because mainland papers print “” in horizontal text where vertical text has ﹃﹄.
# fmt: off
_VERTICAL_FORMS = MappingProxyType({
    "︐": "，", "︑": "、", "︒": "。", "︓": "：", "︔": "；", "︕": "！", "︖": "？",
    "︗": "〖", "︘": "〗", "︙": "…",
    "︰": "‥", "︱": "—", "︲": "–", "︳": "_", "︴": "_",
    "︵": "（", "︶": "）", "︷": "｛", "︸": "｝", "︹": "〔", "︺": "〕",
    "︻": "【", "︼": "】", "︽": "《", "︾": "》", "︿": "〈", "﹀": "〉",
    "﹁": "‘", "﹂": "’", "﹃": "“", "﹄": "”",
    "﹇": "［", "﹈": "］",
    "﹉": "‾", "﹊": "‾", "﹋": "‾", "﹌": "‾", "﹍": "_", "﹎": "_", "﹏": "_",
    "﹐": "，", "﹑": "、", "﹒": ".", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！",
    "﹘": "—", "﹙": "（", "﹚": "）", "﹛": "｛", "﹜": "｝", "﹝": "〔", "﹞": "〕",
    "﹟": "#", "﹠": "&", "﹡": "*", "﹢": "+", "﹣": "-", "﹤": "<", "﹥": ">", "﹦": "=",
    "﹨": "\\", "﹩": "$", "﹪": "%", "﹫": "@",
})
# fmt: on

# Removed outright: zero-width characters, soft hyphen, BOM, and the vertical-text
# emphasis dots (sesame dots) that have no horizontal counterpart.
_DROPPED = "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe45\ufe46"


def _build_table() -> MappingProxyType[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in _VERTICAL_FORMS.items()}
    for offset in range(10):  # ０-９
        table[0xFF10 + offset] = chr(0x30 + offset)
    for offset in range(26):  # Ａ-Ｚ, ａ-ｚ
        table[0xFF21 + offset] = chr(0x41 + offset)
        table[0xFF41 + offset] = chr(0x61 + offset)
    table[ord("％")] = "%"  # so figures read `19.7%` whichever width the page used
    for ch in _DROPPED:
        table[ord(ch)] = None
    # Tabs and the odd whitespace become plain spaces; the spacing rules then decide.
    for ch in "\t\u00a0\u2002\u2003\u2009\u202f\u3000":
        table[ord(ch)] = " "
    # C0 / C1 controls (NUL included) carry no text in a news dump.
    for code in [*range(0x00, 0x09), *range(0x0A, 0x20), 0x7F, *range(0x80, 0xA0)]:
        table[code] = None
    return MappingProxyType(table)


TRANSLATION = _build_table()

# A full-width full stop between digits is a decimal point (`１２．５` -> `12.5`).
_FULLWIDTH_DECIMAL_RE = re.compile(r"(?<=\d)．(?=\d)")


def normalise_forms(text: str) -> str:
    """Map vertical / small / full-width alphanumeric forms to their usual forms.

    Drops control characters (a tab becomes a space), zero-width characters and BOMs;
    keeps full-width CJK punctuation such as `，` `：` `（` unchanged.
    """
    return _FULLWIDTH_DECIMAL_RE.sub(".", text.translate(TRANSLATION))
