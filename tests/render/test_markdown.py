from __future__ import annotations

import html

import markdown
import pytest
import yaml

from generator.render.markdown import SafeMarkdown, escape_md, front_matter, make_environment

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src=//evil></iframe>",
    "[click](javascript:alert(1))",
    "[x](data:text/html,<b>x</b>)",
    "# heading",
    "- list item",
    "1. ordered",
    "---",
    "!!! note",
    "--8<-- 'secret.txt'",
    "text {#id .class}",
    "[TOC]",
    "footnote[^1]",
    "`code`",
    "**bold** _it_",
    "| a | b |",
    "{{ 7*7 }} {% include 'x' %} {# c #}",
    "a &amp; b &lt;",
    "> quote",
    "    indented code",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_the_literal_text(text: str) -> None:
    html = markdown.markdown(escape_md(text), extensions=["attr_list", "tables", "footnotes", "admonition", "toc"])
    # Python-Markdown turns our character references back into the characters, escaping
    # the HTML-significant ones; the visible text equals the input (whitespace folded).
    import html as html_lib
    import re

    inner = re.fullmatch(r"<p>(.*)</p>", html, re.S)
    assert inner, html
    assert html_lib.unescape(inner.group(1)) == " ".join(text.split())
    assert "<script" not in html and "<img" not in html and "<iframe" not in html and "<a " not in html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("复工复产", "复工复产"),
        ("2020-03-12", "2020-03-12"),
        ("# 标题", "&#35; 标题"),
        ("1. 一是", "1&#46; 一是"),
        ("a\n\n# b", "a # b"),  # flattened: "#" is no longer at a line start
    ],
)
def test_escape_md_table(text: str, expected: str) -> None:
    assert escape_md(text) == expected


def test_safe_markdown_passes_through() -> None:
    assert escape_md(SafeMarkdown("[a](b.md)")) == "[a](b.md)"


def test_front_matter_round_trips_through_yaml() -> None:
    meta = {"title": "标题: <b>x</b> --- {{ y }}", "description": "一\n二"}
    block = front_matter(meta)
    assert block.startswith("---\n") and block.endswith("---\n")
    loaded = yaml.safe_load(block.strip("-\n"))
    assert loaded["title"] == "标题: &lt;b&gt;x&lt;/b&gt; --- {{ y }}"
    assert loaded["description"] == "一\n二"


def test_templates_escape_every_expression(tmp_path) -> None:
    (tmp_path / "t.md.j2").write_text("# {{ title }}\n{{ link }}\n", encoding="utf-8")
    env = make_environment(str(tmp_path))
    out = env.get_template("t.md.j2").render(title="<script>", link=SafeMarkdown("[ok](a.md)"))
    assert out == "# &#60;script&#62;\n[ok](a.md)\n"


def test_front_matter_values_cannot_leave_an_attribute() -> None:
    # MkDocs themes print meta values inside `content="..."`: a quote must not close it.
    payload = '0 url=https://evil.example/" http-equiv="refresh" data-x=\'y\''
    loaded = yaml.safe_load(front_matter({"description": payload}).strip("-\n"))
    assert '"' not in loaded["description"] and "'" not in loaded["description"]
    assert html.unescape(loaded["description"]) == payload
