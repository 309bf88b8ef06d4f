"""Outlet names cleaned of what pages glue to them."""

from __future__ import annotations

import pytest

from generator.ingest.outlets import canonical_outlet


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("新华社", "新华社"),
        ("银川日报2020-02-21", "银川日报"),
        ("三明日报2020.02.11", "三明日报"),
        ("新华网2022年03月02日20:27", "新华网"),
        ("光明网 2023-09-23 第05版", "光明网"),
        ("新华网内蒙古频道", "新华网"),
        ("国际在线吉林频道", "国际在线"),
        ("农民日报·中国农网", "农民日报"),
        ("中国江西网/江西头条客户端", "中国江西网"),
        ("大众日报客户端）", "大众日报客户端"),
        ("（来源：人民网", "人民网"),
        ("人民日報", "人民日报"),
        ("《焦作日报》", "焦作日报"),
        ("本报", None),
        ("本網", None),
        ("2020-02-21", None),
        ("", None),
        (None, None),
        ("这是一段很长很长的文字而不是任何一家媒体的名字真的很长", None),
    ],
)
def test_canonical_outlet(raw: str | None, expected: str | None) -> None:
    assert canonical_outlet(raw) == expected


def test_hostile_text_stays_text() -> None:
    # Cleaning never invents markup; escaping is the renderer's job, but nothing is dropped silently.
    assert canonical_outlet("<script>日报") == "<script>日报"
