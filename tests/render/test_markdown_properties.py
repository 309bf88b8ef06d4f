"""Property tests: any text survives escaping and Markdown rendering as itself."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.markdown import escape_md

EXTENSIONS = ["attr_list", "tables", "footnotes", "admonition", "toc", "abbr", "def_list", "pymdownx.details"]
# Text as seeds bring it: CJK, ASCII syntax characters, whitespace, anything printable.
SYNTAX = st.sampled_from(
    [*"#*_`[]()<>&|{}!-+=.:~^$\\\"'%", "{{", "}}", "{%", "%}", "--8<--", "[TOC]", "&amp;", "&#60;"]
)
TEXT = st.lists(
    st.one_of(st.text(min_size=1, max_size=8), SYNTAX, st.sampled_from(["复工复产", "内蒙古", " ", "\n"])), max_size=30
).map("".join)
_MD = markdown.Markdown(extensions=EXTENSIONS)


def _visible(rendered: str) -> str:
    inner = re.fullmatch(r"<p>(.*)</p>", rendered, re.S)
    return html.unescape(inner.group(1)) if inner else html.unescape(rendered)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_escaped_text_renders_to_itself(text: str) -> None:
    # Whitespace folds to single spaces; control characters have no visible form.
    folded = " ".join(text.split())
    flat = "".join(ch for ch in folded if not (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0)).strip()
    rendered = _MD.reset().convert(escape_md(text))
    if not flat:
        assert rendered == ""
        return
    # One paragraph whose visible text is exactly the (whitespace-folded) input, and no
    # element other than the paragraph: nothing was interpreted.
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    assert re.findall(r"<(\w+)", rendered) == ["p"]
    assert _visible(rendered) == flat


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_escaping_is_stable_on_safe_output(text: str) -> None:
    once = escape_md(text)
    assert escape_md(once) == once  # SafeMarkdown passes through unchanged
    assert "\n" not in once
