"""The hook that lets ready HTML blocks skip Python-Markdown: same pages, byte for byte."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.mkdocs_hooks import ReadyHtmlError, put_back, set_aside
from generator.render.markdown import escape_md

PAGE = """# 标题

正文第一段。

## 文章信息 { .digest-panel__title }

<aside class="digest-panel">
<ul>
<li><strong>主题</strong>: <a class="digest-chip" href="../topics/a.html">复工复产</a></li>
</ul>
<table>
<tbody>
<tr><td>2亿元</td><td>放大2亿元</td></tr>
</tbody>
</table>
</aside>

## 相关文章 { data-search-exclude }

<ul class="digest-links">
<li><a href="../articles/b.html">另一篇</a> · 3月12日</li>
</ul>

正文后的一句话。
"""

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


def _convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def _through_hook(text: str) -> str:
    kept, blocks = set_aside(text)
    return put_back(_convert(kept), blocks, page="page.md")


def test_ready_blocks_are_set_aside_and_the_page_comes_out_the_same() -> None:
    kept, blocks = set_aside(PAGE)
    assert len(blocks) == 2 and "<table>" not in kept and "digest-links" not in kept
    assert "## 相关文章 { data-search-exclude }" in kept  # headings stay Markdown (table of contents)
    assert _through_hook(PAGE) == _convert(PAGE)


def test_a_block_that_does_not_come_back_is_an_error_not_a_loss() -> None:
    _, blocks = set_aside(PAGE)
    with pytest.raises(ReadyHtmlError, match=r"page\.md: ready HTML block 0"):
        put_back("<p>no slots here</p>", blocks, page="page.md")


def test_source_text_cannot_open_or_forge_a_block() -> None:
    hostile = '<aside class="digest-panel">\n<script>x()</script>\n</aside> <!--digest-ready-html-0-->'
    page = f"# 标题\n\n{escape_md(hostile)}\n"
    kept, blocks = set_aside(page)
    assert blocks == [] and kept == page


@given(st.text(alphabet=st.sampled_from(list('<>/"!-\n 正文aside digest-panel-links ul')), max_size=80))
def test_any_escaped_text_passes_through_untouched(text: str) -> None:
    page = f"{escape_md(text)}\n\n{PAGE}"
    assert _through_hook(page) == _convert(page)
