"""The article-list filter: a form of region, topic and month choices, written at build time (pure).

The form is raw HTML with the `hidden` attribute: without JavaScript a reader gets the plain
list and no dead controls. The vendored script `digest-filter.js` (site_templates/theme)
shows the form and hides the entries (`Entry.data_attrs`) that do not match. Every option
and label is written here, escaped, so the script handles codes only and no text of ours
or of the sources ever passes through it as markup.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping, Sequence

from generator.render.markdown import SafeMarkdown
from generator.render.views import UNDATED_ANCHOR, Entry, format_month

MIN_ENTRIES = 4
"""A list shorter than this gets no filter: there is nothing to narrow down."""


def _attr(text: object) -> str:
    return html.escape(" ".join(str(text).split()), quote=True)


def _region_depth(code: str) -> int:
    """0 for a province (xx0000), 1 for a prefecture (xxxx00), 2 below; GB/T 2260 codes."""
    if not code.isdigit():
        return 0
    return 0 if code.endswith("0000") else 1 if code.endswith("00") else 2


def _select(name: str, label: str, everything: str, options: Sequence[tuple[str, str, int, int]]) -> str:
    """A labelled <select>; options are (value, label, count, depth), depth shown as an indent."""
    rows = [f'<option value="">{_attr(everything)}</option>']
    rows += [
        f'<option value="{_attr(value)}">{"&emsp;" * depth}{_attr(text)} ({count})</option>'
        for value, text, count, depth in options
    ]
    return (
        f'<label class="digest-filter__field"><span>{_attr(label)}</span>'
        f'<select name="{name}">{"".join(rows)}</select></label>'
    )


def filter_form(
    entries: Sequence[Entry], lang: str, t: Mapping[str, str], *, fields: Sequence[str] = ()
) -> SafeMarkdown:
    """The filter form for a list of entries (empty when the list is too short to need one).

    `fields` chooses among "region", "topic" and "month" (all three by default); a field with
    fewer than two choices is left out (a region page need not filter by its own region alone).
    """
    if len(entries) < MIN_ENTRIES:
        return SafeMarkdown("")
    wanted = tuple(fields) or ("region", "topic", "month")
    regions: Counter[str] = Counter()
    region_labels: dict[str, str] = {}
    topics: Counter[str] = Counter()
    topic_labels: dict[str, str] = {}
    months: Counter[str] = Counter()
    for e in entries:
        for code, label in e.region_chain:
            regions[code] += 1
            region_labels.setdefault(code, label)
        for (label, _), code in zip(e.topics, e.topic_codes, strict=True):
            topics[code] += 1
            topic_labels.setdefault(code, label)
        months[e.month] += 1
    # Codes sort as the tree reads (a province before its prefectures); depth shows as indent.
    region_options = [(code, region_labels[code], regions[code], _region_depth(code)) for code in sorted(regions)]
    topic_options = [
        (code, topic_labels[code], n, 0) for code, n in sorted(topics.items(), key=lambda i: (-i[1], i[0]))
    ]
    dated = sorted((m for m in months if m != UNDATED_ANCHOR), reverse=True)
    month_options = [(m, format_month(m, lang), months[m], 0) for m in dated]
    if months[UNDATED_ANCHOR]:
        month_options.append((UNDATED_ANCHOR, t["undated"], months[UNDATED_ANCHOR], 0))
    fields_html = []
    for name, options, label, everything in (
        ("region", region_options, t["region"], t["filter_all_regions"]),
        ("topic", topic_options, t["topics"], t["filter_all_topics"]),
        ("month", month_options, t["filter_month"], t["filter_all_months"]),
    ):
        if name in wanted and len(options) >= 2:
            fields_html.append(_select(name, label, everything, options))
    if not fields_html:
        return SafeMarkdown("")
    # One raw HTML block (no blank line inside): Markdown passes it through untouched.
    return SafeMarkdown(
        f'<form class="digest-filter" data-digest-filter hidden aria-label="{_attr(t["filter_label"])}"'
        f' data-count="{_attr(t["filter_count"])}">'
        f"{''.join(fields_html)}"
        f'<button type="reset" class="md-button">{_attr(t["filter_reset"])}</button>'
        f'<output class="digest-filter__count" aria-live="polite"></output>'
        f'<p class="digest-filter__none" hidden>{_attr(t["filter_none"])}</p>'
        "</form>"
    )
