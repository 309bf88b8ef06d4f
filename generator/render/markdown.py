"""Escaping of source text for Markdown pages, and the Jinja2 environment that enforces it.

Seeds come from scrapes and from strangers' pull requests. Their text must reach the
reader as text: never as HTML, Markdown, MkDocs or Jinja syntax. Every ASCII character
that Python-Markdown or one of the enabled extensions could read as syntax is written
as a numeric character reference, which Markdown passes through untouched and the
browser shows as the character itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import yaml
from jinja2 import DictLoader, Environment, FileSystemLoader, StrictUndefined

# ASCII characters with a meaning anywhere in a line for Markdown, its extensions
# (attr_list, tables, footnotes, toc), HTML or Jinja.
_INLINE_SPECIAL = "\\`*_{}[]<>&|~^$"
_ESCAPES: dict[int, str | None] = {ord(ch): f"&#{ord(ch)};" for ch in _INLINE_SPECIAL}
# C0/C1 control characters have no visible form and are invalid in HTML: drop them.
_ESCAPES.update({code: None for code in (*range(0x00, 0x20), *range(0x7F, 0xA0))})
# What only means something at the start of a line: headings, lists, rules, admonitions,
# setext underlines, ordered lists ("1." / "1)"), blockquotes.
_LINE_START = re.compile(r"^(?:[#+\-=!:>]|\d+[.)])")


class SafeMarkdown(str):
    """A string already safe to place in Markdown: built by our code, not taken from a seed."""

    __slots__ = ()


def escape_md(text: object) -> SafeMarkdown:
    """Make `text` appear literally on the page, whatever it contains.

    Line breaks become spaces and leading/trailing whitespace is dropped, so a value
    can never start a Markdown block (heading, list, code block, front matter fence).
    """
    if isinstance(text, SafeMarkdown):
        return text
    flat = " ".join(str(text).split()).translate(_ESCAPES).strip()
    start = _LINE_START.match(flat)
    if start:
        last = start.end() - 1
        flat = f"{flat[:last]}&#{ord(flat[last])};{flat[last + 1 :]}"
    return SafeMarkdown(flat)


def escape_attr(text: object) -> SafeMarkdown:
    """Escape for an HTML attribute value inside a raw HTML fragment."""
    return SafeMarkdown(html.escape(" ".join(str(text).split()), quote=True))


_URL_ESCAPES = {**_ESCAPES, ord('"'): "&#34;", ord("'"): "&#39;", ord(" "): "%20"}


def escape_url_attr(url: object) -> SafeMarkdown:
    """A URL for `href="…"` in raw HTML: quotes cannot end the attribute, and every character
    Markdown, HTML or Jinja could read is a character reference (the browser decodes them)."""
    return SafeMarkdown(" ".join(str(url).split()).translate(_URL_ESCAPES))


def escape_meta(text: str) -> str:
    """A front-matter value, safe both as element text and as a quoted attribute value."""
    return html.escape(text, quote=True)


def _finalize(value: Any) -> Any:
    # Every `{{ expression }}` passes through here: anything not marked safe is escaped,
    # so a template cannot forget to escape a piece of source text.
    if value is None:
        return ""
    if isinstance(value, (SafeMarkdown, int, float)):
        return value
    return escape_md(value)


def front_matter(meta: dict[str, Any]) -> SafeMarkdown:
    """YAML front matter block, serialised (not glued), keys sorted for stable output.

    MkDocs themes print `page.meta.*` without escaping, in text (`<title>`, the header)
    and in attribute values (`<meta name="description" content="...">`), so string values
    are HTML-escaped here with quotes included: a `"` in a summary sentence must not end
    the attribute and add its own (`http-equiv="refresh"`). The browser shows the original
    characters in both places.
    """
    safe = {k: escape_meta(v) if isinstance(v, str) else v for k, v in meta.items()}
    body = yaml.dump(
        safe, Dumper=_FRONT_MATTER_DUMPER, allow_unicode=True, sort_keys=True, default_flow_style=False, width=_NO_FOLD
    )
    return SafeMarkdown(f"---\n{body}---\n")


# libyaml's emitter (in PyYAML's wheels) writes the same YAML as PyYAML's own for our values,
# five times faster (10,000 pages: 2 s -> 0.4 s); it escapes characters beyond the Basic
# Multilingual Plane (an emoji as \U0001F600) where the Python emitter writes them as they
# are: same values, different bytes, so the pure emitter is only a fallback for a PyYAML
# built without libyaml.
_FRONT_MATTER_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
FRONT_MATTER_EMITTER = _FRONT_MATTER_DUMPER.__name__
"""Which YAML emitter writes front matter (libyaml's or PyYAML's: they differ outside the BMP)."""
# Never fold a long value: the two emitters fold escaped strings at different places.
_NO_FOLD = 2**30


def join_md(items: Iterable[object], separator: str = "") -> SafeMarkdown:
    """Jinja's `join` for Markdown: each item escaped unless already safe, the result safe.

    The built-in `join` returns a plain string, which the environment would escape as a
    whole, turning the markup of a marked item (`<span lang="zh-Hans">`) into text. The
    separator comes from a template or a string table, never from a seed, and keeps its
    spaces (escape_md would trim them).
    """
    return SafeMarkdown(separator.join(escape_md(item) for item in items))


def make_environment(
    templates: str | Mapping[str, str], *, filters: dict[str, Callable[..., Any]] | None = None
) -> Environment:
    """Jinja2 environment for Markdown templates: strict undefined, Markdown auto-escaping.

    `templates` is a folder, or the templates' sources by name (read once, so what is
    rendered is what was read)."""
    env = Environment(
        loader=FileSystemLoader(templates) if isinstance(templates, str) else DictLoader(dict(templates)),
        undefined=StrictUndefined,
        autoescape=False,  # HTML autoescape is wrong for Markdown; _finalize escapes instead
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_md
    env.filters["attr"] = escape_attr
    env.filters["safe_md"] = SafeMarkdown
    env.filters["join_md"] = join_md
    env.filters.update(filters or {})
    return env
