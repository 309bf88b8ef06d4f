"""The list filter's form and the codes each listed article carries (render/filters.py, views.Entry)."""

from __future__ import annotations

from generator.render.filters import filter_form
from generator.render.views import Entry

T = {
    "region": "Region",
    "topics": "Topics",
    "undated": "Date unknown",
    "filter_all_regions": "All regions",
    "filter_all_topics": "All topics",
    "filter_month": "Month",
    "filter_all_months": "All months",
    "filter_label": "Filter",
    "filter_count": "{shown} of {total}",
    "filter_reset": "Show all",
    "filter_none": "None",
}


def _entry(i: str, date: str | None, chain: tuple[tuple[str, str], ...], topics: tuple[str, ...]) -> Entry:
    return Entry(
        id=i,
        page=f"articles/{i}.md",
        title=i,
        date=date,
        date_label=date or "?",
        summary="",
        outlet=None,
        region=chain[-1][1],
        region_page="regions/x.md",
        topics=tuple((code.upper(), f"topics/{code}.md") for code in topics),
        duplicate=False,
        region_chain=chain,
    )


NM = ("150000", "Inner Mongolia")
HOHHOT = ("150100", "Hohhot <City>")
ENTRIES = [
    _entry("a", "2020-03-02", (NM, HOHHOT), ("tax",)),
    _entry("b", "2020-02-10", (NM,), ("tax", "jobs")),
    _entry("c", None, (("unknown", "Region not identified"),), ("jobs",)),
    _entry("d", "2020-03-29", (NM, HOHHOT), ()),
]


def test_entry_carries_its_chain_topics_and_month_as_escaped_attributes() -> None:
    attrs = ENTRIES[0].data_attrs()
    assert attrs == ' data-digest-item data-regions="150000 150100" data-topics="tax" data-month="2020-03"'
    assert 'data-month="undated"' in ENTRIES[2].data_attrs()  # undated stories are never put in a month
    hostile = _entry('x"><script>', None, (('1" onmouseover="x', "<b>"),), ())
    assert '"1&quot; onmouseover=&quot;x"' in hostile.data_attrs()


def test_form_is_hidden_without_script_and_lists_choices_with_counts() -> None:
    form = filter_form(ENTRIES, "en", T)
    assert form.startswith('<form class="digest-filter" data-digest-filter hidden')
    assert "\n\n" not in form  # one raw HTML block
    # Regions in tree order, the prefecture indented; labels escaped.
    assert form.index('value="150000">Inner Mongolia (3)') < form.index('value="150100">&emsp;Hohhot &lt;City&gt; (2)')
    assert '<option value="tax">TAX (2)</option>' in form
    # Months newest first, the undated group last.
    assert form.index('value="2020-03">March 2020 (2)') < form.index('value="2020-02">February 2020 (1)')
    assert form.index('value="2020-02"') < form.index('value="undated">Date unknown (1)')
    assert 'data-count="{shown} of {total}"' in form


def test_form_leaves_out_fields_with_one_choice_and_short_lists() -> None:
    assert filter_form(ENTRIES[:3], "en", T) == ""
    same_month = [_entry(i, "2020-03-0" + i, (NM,), ("tax",)) for i in "1234"]
    assert filter_form(same_month, "en", T, fields=("region", "month")) == ""
    only_topics = filter_form(ENTRIES, "en", T, fields=("topic",))
    assert 'name="topic"' in only_topics and 'name="region"' not in only_topics and 'name="month"' not in only_topics
