"""English pages are in English: Chinese appears only as marked originals.

Walks every built English page and fails on Han characters in text (or in a visible
attribute) whose nearest `lang` is not `zh-…`: an unmarked Chinese run renders with
Japanese glyph shapes and is read out as English by screen readers, and Chinese outside
an original block means an English reader is missing something.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# Data for scripts (the search index) is not text a reader sees on the page.
SKIP = frozenset({"script", "style", "template"})
VISIBLE_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


class _HanFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.found: list[str] = []

    def _lang(self, own: str | None = None) -> str:
        if own is not None:
            return own
        return next((lang for _, lang in reversed(self.stack) if lang is not None), "")

    def _check(self, text: str, lang: str, where: str) -> None:
        if not lang.lower().startswith("zh-"):
            self.found.extend(f"{where}: {run} (lang={lang or 'none'})" for run in HAN.findall(text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in VISIBLE_ATTRIBUTES:
            if values.get(name):
                self._check(values[name] or "", self._lang(values.get("lang")), f"<{tag} {name}>")
        if tag not in VOID:
            self.stack.append((tag, values.get("lang")))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching element (HTML lets some end tags be implied).
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not any(tag in SKIP for tag, _ in self.stack):
            self._check(data, self._lang(), "text")


def unmarked_han(html: str) -> list[str]:
    """Every Han run of the page's text (and visible attributes) outside a `lang="zh-…"` element."""
    finder = _HanFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def test_finder_accepts_marked_chinese_only() -> None:
    assert unmarked_han('<html lang="en"><p>Keywords: <span lang="zh-Hans">复工</span></p></html>') == []
    assert unmarked_han('<html lang="en"><details lang="zh-Hant"><p>復工<br>復產</p></details></html>') == []
    assert unmarked_han('<html lang="en"><p>Hohhot (呼和浩特)</p></html>') == ["text: 呼和浩特 (lang=en)"]
    assert unmarked_han("<p>复工</p>") == ["text: 复工 (lang=none)"]
    # After a marked element closes, its lang no longer applies.
    assert unmarked_han('<html lang="en"><span lang="zh-Hans">复工</span> 复产</html>') == ["text: 复产 (lang=en)"]
    assert unmarked_han('<html lang="en"><img alt="复工"></html>') == ["<img alt>: 复工 (lang=en)"]
    assert unmarked_han('<html lang="en"><script>var t = "复工";</script></html>') == []
    # A lang of another language is no licence for Chinese.
    assert unmarked_han('<html lang="en"><span lang="ja">复工</span></html>') == ["text: 复工 (lang=ja)"]


def english_pages(site: Path) -> list[Path]:
    return sorted((site / "en").rglob("*.html"))


@pytest.mark.site
def test_every_english_page_marks_its_chinese(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    pages = english_pages(site)
    assert len(pages) > 50  # every article, region, topic and list page
    problems = {
        str(page.relative_to(site)): found
        for page in pages
        if (found := unmarked_han(page.read_text(encoding="utf-8")))
    }
    assert not problems, problems
