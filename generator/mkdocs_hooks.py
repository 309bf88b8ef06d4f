"""MkDocs hooks (`hooks:` in mkdocs.yml): the digest's ready HTML blocks skip Python-Markdown.

An article page ends with blocks the templates write as finished HTML: the panel of what the
analysis found (`<aside class="digest-panel">`) and the related / by-date link lists
(`<ul class="digest-links">`). Python-Markdown still runs its HTML parser over every tag of
them (about 40 a page), which was 40 % of converting an article page
(`benchmarks/markdown_cost.py`). Before conversion each such block is swapped for an HTML
comment holding its number; after conversion the comment is swapped back for the block,
byte for byte. The Markdown files keep the blocks, so a build without this hook gives the
same pages, only slower.

Only the templates can write these blocks: source text reaches the Markdown with every `<`
escaped (`generator.render.markdown.escape_md`), so no seed can open one or forge a comment.
The module imports nothing of the generator: MkDocs loads it by path.
"""

from __future__ import annotations

import re
from typing import Any

# A block opens at the start of a line with exactly the tag the templates write and runs to
# the first closing tag at the start of a line (the templates never nest these blocks).
_READY_BLOCK_RE = re.compile(
    r'^(?:<aside class="digest-panel">\n.*?^</aside>|<ul class="digest-links">\n.*?^</ul>)$',
    re.MULTILINE | re.DOTALL,
)
_SLOT = "<!--digest-ready-html-{}-->"

# Blocks taken out of the page being converted, by page source path. MkDocs converts one page
# at a time (markdown, then content) in one process.
_set_aside: dict[str, list[str]] = {}


class ReadyHtmlError(RuntimeError):
    """A block set aside before conversion found no place to go back to."""


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """(the Markdown with each ready HTML block replaced by a numbered comment, the blocks)."""
    blocks: list[str] = []

    def slot(match: re.Match[str]) -> str:
        blocks.append(match.group())
        return _SLOT.format(len(blocks) - 1)

    return _READY_BLOCK_RE.sub(slot, markdown), blocks


def put_back(html: str, blocks: list[str], *, page: str) -> str:
    """The converted page with each numbered comment replaced by its block."""
    for number, block in enumerate(blocks):
        slot = _SLOT.format(number)
        if html.count(slot) != 1:
            raise ReadyHtmlError(f"{page}: ready HTML block {number} came back {html.count(slot)} times, not once")
        html = html.replace(slot, block)
    return html


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    text, blocks = set_aside(markdown)
    if blocks:
        _set_aside[page.file.src_uri] = blocks
    return text


def on_page_content(html: str, page: Any, **_: Any) -> str:
    blocks = _set_aside.pop(page.file.src_uri, None)
    return put_back(html, blocks, page=page.file.src_uri) if blocks else html
