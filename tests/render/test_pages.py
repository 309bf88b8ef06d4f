from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from xml.etree import ElementTree as ET

import pytest
import yaml

from generator.changelog import History, Update
from generator.models import Figure, Region
from generator.render.pages import SiteOptions, render_pages
from generator.render.views import SiteTemplates
from tests.render.factories import ALXA, ARUN, HULUNBUIR, TAXONOMY, make_article

OPTIONS = SiteOptions(
    site_urls={"zh": "https://d.example.org/", "en": "https://d.example.org/en/"},
    place_names_en={"呼伦贝尔市": "Hulunbuir City"},
)
ARTICLES = (
    make_article(
        "2020-03-29-a",
        region=ARUN,
        title="阿荣旗春耕",
        title_en="Spring ploughing in Arun Banner",
        figures=(Figure(2e8, "元", "放大2亿元", "yuan", "200 million yuan"),),
        keywords=("春耕", "复工"),
    ),
    make_article("2020-03-12-b", region=HULUNBUIR, title=None, date="2020-03-12", keywords=("春耕",)),
    make_article("2020-03-29-c", region=ALXA, primary="finance-and-credit"),
    make_article("2020-03-29-c-copy", region=ALXA, primary="finance-and-credit", duplicate_of="2020-03-29-c"),
    make_article("undated-d", region=Region(), date=None),
)


@pytest.fixture(scope="module")
def pages(templates: SiteTemplates) -> dict[str, str]:
    return render_pages(ARTICLES, taxonomy=TAXONOMY, templates=templates, options=OPTIONS).pages


def _meta(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_both_languages_have_the_same_pages(pages: dict[str, str]) -> None:
    zh = sorted(p.removeprefix("zh/") for p in pages if p.startswith("zh/"))
    en = sorted(p.removeprefix("en/") for p in pages if p.startswith("en/"))
    assert zh == en
    for expected in (
        "index.md", "regions/index.md", "regions/150000.md", "regions/150700.md", "regions/150721.md",
        "regions/unknown.md", "topics/index.md", "topics/work-resumption.md", "timeline.md", "sources.md",
        "feed.xml", "articles/2020-03-29-c-copy.md",
    ):  # fmt: skip
        assert expected in zh, expected
    assert "topics/epidemic-control.md" not in zh  # no article: no page, listed without link


def test_every_page_is_left_out_of_materials_search_and_in_the_digests(pages: dict[str, str]) -> None:
    """Material's lunr index stays empty (it cut Chinese queries); render.search indexes the pages."""
    for path, text in pages.items():
        if path.endswith(".md"):
            assert _meta(text).get("search") == {"exclude": True}, path
    for lang in ("zh", "en"):
        table = pages[f"{lang}/assets/search/docs.js"]
        assert '"articles/2020-03-29-a.html"' in table and '"regions/150700.html"' in table
        assert '"topics/work-resumption.html"' in table


def test_region_page_lists_subregion_articles_newest_first_without_duplicates(pages: dict[str, str]) -> None:
    page = pages["zh/regions/150000.md"]
    order = [m for m in re.findall(r"\]\(\.\./articles/([^)]+)\.md\)", page)]
    assert order == ["2020-03-29-c", "2020-03-29-a", "2020-03-12-b"]
    assert "[呼伦贝尔市](../regions/150700.md) (2)" in page  # sub-region with its count
    county = pages["en/regions/150721.md"]
    assert "# Arun Banner" in county and "[Hulunbuir City](../regions/150700.md)" in county  # breadcrumb


def test_article_page_links_regions_topics_related_and_neighbours(pages: dict[str, str]) -> None:
    page = pages["zh/articles/2020-03-29-a.md"]
    assert (
        "[内蒙古自治区](../regions/150000.md) › [呼伦贝尔市](../regions/150700.md) › [阿荣旗](../regions/150721.md)"
        in page
    )
    assert '<a class="digest-chip" href="../topics/work-resumption.html">复工复产</a>' in page
    assert "<tr><td>2亿元</td><td>放大2亿元</td></tr>" in page
    related = page.split("{ data-search-exclude }")[1]
    # Raw HTML lists link to the built pages (MkDocs rewrites only Markdown links).
    assert '<a href="../articles/2020-03-12-b.html">' in related  # same prefecture and keyword
    assert '<li>上一篇: <a href="../articles/2020-03-12-b.html">无标题' in page  # previous by date: March 12


def test_english_article_page(pages: dict[str, str]) -> None:
    page = pages["en/articles/2020-03-29-a.md"]
    assert _meta(page)["title"] == "Spring ploughing in Arun Banner"
    # Story first: crumbs, title, one dateline, the summary, then the text; the analysis after it.
    # An outlet without English keeps its Chinese name, marked as Chinese.
    dateline = '29 March 2020 · <span lang="zh-Hans">内蒙古日报</span> · Li Yuzhuo · [Inner Mongolia Autonomous Region]'
    assert dateline in page and "· 1 min read in Chinese\n{: .digest-dateline }" in page
    assert (
        page.index("# Spring") < page.index(dateline) < page.index("{: .digest-lead }") < page.index("## Chinese text")
    )
    assert page.index("## Chinese text") < page.index('<aside class="digest-panel">') < page.index("Keywords")
    assert "[March 2020](../timeline.md#m-2020-03)" in page
    assert _meta(page)["digest_section"] == "timeline.html" and _meta(page)["hide"] == ["navigation"]
    assert "Li Yuzhuo" in page and "Hulunbuir City" in page and "200 million yuan" in page
    # The Chinese text is not carried: a link to it in the Chinese site, with its length.
    assert '<p class="digest-original"><a href="../../articles/2020-03-29-a.html#text" hreflang="zh-Hans">' in page
    assert "Read the Chinese text</a> (" in page and " characters)</p>" in page
    assert not any(paragraph in page for paragraph in ARTICLES[0].article.raw.paragraphs)
    assert 'Chinese title: <span lang="zh-Hans">阿荣旗春耕</span>' in page
    missing = pages["en/articles/2020-03-12-b.md"]
    assert "English translation missing" in missing
    assert "# Untitled report, Hulunbuir City, 12 March 2020" in missing
    # The Chinese summary shown in its place stays inside the admonition and is marked as Chinese.
    assert '\n<span lang="zh-Hans">企业复工复产。</span>\n{: .digest-lead }\n' in missing


def test_headings_never_skip_a_level(pages: dict[str, str]) -> None:
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        levels = [len(m) for m in re.findall(r"^(#{1,6}) ", text, re.M)]
        assert levels and levels[0] == 1, path
        assert all(b - a <= 1 for a, b in pairwise(levels)), (path, levels)


def test_home_leads_with_titled_story_cards_then_the_ways_in(pages: dict[str, str]) -> None:
    home = pages["en/index.md"]
    cards = re.findall(r"^### \[.*\]\((articles/[^)]+)\.md\)$", home, re.M)
    # Newest first, near-duplicates and untitled pieces left out.
    assert cards == ["articles/2020-03-29-c", "articles/2020-03-29-a", "articles/undated-d"]
    assert home.index("## Latest stories") < home.index("## By region") < home.index("## By topic")
    assert home.index("## By topic") < home.index("## By month")
    card = '29 March 2020 · <span lang="zh-Hans">内蒙古日报</span> · [Arun Banner](regions/150721.md)'
    assert card + "\n{: .digest-card__meta }" in home
    assert "[Alxa League](regions/152900.md) (1)" in home
    assert "- [March 2020](timeline.md#m-2020-03) (3)\n- [Date unknown](timeline.md#undated) (1)" in home
    assert "<figure" not in home and "Reviewed" not in home  # numbers live on the sources page
    assert _meta(home)["hide"] == ["navigation", "toc"]


def test_sources_page_shows_coverage_counts_and_chart(pages: dict[str, str]) -> None:
    sources = pages["en/sources.md"]
    assert "| Reviewed | 1 (25%) | 0 (0%) |" in sources  # 1 of 4 titles; the untitled one is not counted
    assert '<figure class="digest-chart" id="figure-weekly">' in sources
    assert "- **Articles**: 4" in sources


def test_timeline_months_have_the_anchors_the_home_page_links_to(pages: dict[str, str]) -> None:
    timeline = pages["zh/timeline.md"]
    assert "## 2020年3月 (3) { #m-2020-03 }" in timeline and "## 日期不详 (1) { #undated }" in timeline


def test_article_links_previous_and_next_within_its_region(pages: dict[str, str]) -> None:
    page = pages["zh/articles/2020-03-12-b.md"]
    assert '<li>呼伦贝尔市下一篇: <a href="../articles/2020-03-29-a.html">阿荣旗春耕</a>' in page
    assert "呼伦贝尔市上一篇" not in page


def test_list_and_article_pages_name_their_navigation_tab(pages: dict[str, str]) -> None:
    expected = {
        "zh/index.md": "index.html",
        "zh/regions/150700.md": "regions/index.html",
        "zh/topics/work-resumption.md": "topics/index.html",
        "en/timeline.md": "timeline.html",
        "en/sources.md": "sources.html",
        "en/articles/undated-d.md": "timeline.html",
    }
    for path, tab in expected.items():
        assert _meta(pages[path])["digest_section"] == tab, path


def test_feeds_parse_and_use_each_language_url(pages: dict[str, str]) -> None:
    for lang, url in OPTIONS.site_urls.items():
        root = ET.fromstring(pages[f"{lang}/feed.xml"].encode("utf-8"))
        links = [link.get("href") for link in root.iter("{http://www.w3.org/2005/Atom}link")]
        assert links and all(link.startswith(url) for link in links)


def test_pages_are_deterministic(templates: SiteTemplates, pages: dict[str, str]) -> None:
    assert render_pages(ARTICLES, taxonomy=TAXONOMY, templates=templates, options=OPTIONS).pages == pages


def test_hostile_titles_in_the_raw_html_link_lists_stay_text(templates: SiteTemplates) -> None:
    # The related and by-date lists are raw HTML: a neighbour's title must not close the
    # link or add an element or attribute.
    hostile = make_article(
        "2020-03-28-h", date="2020-03-28", title='</a><script>alert(1)</script><img src=x onerror="x()">'
    )
    pages = render_pages((hostile, ARTICLES[0]), taxonomy=TAXONOMY, templates=templates, options=OPTIONS).pages
    page = pages["zh/articles/2020-03-29-a.md"]
    lists = page[page.index("{ data-search-exclude }") :]
    assert '<a href="../articles/2020-03-28-h.html">&#60;/a&#62;&#60;script&#62;' in lists
    assert "<script" not in lists and "<img" not in lists and "</a><" not in lists


def test_hostile_text_stays_text_and_off_the_english_page(templates: SiteTemplates) -> None:
    hostile = make_article("x", paragraphs=("<script>alert(1)</script></details><p onclick=x>", "# 标题 {{ 7*7 }}"))
    pages = render_pages((hostile,), taxonomy=TAXONOMY, templates=templates, options=OPTIONS).pages
    for page in (pages["en/articles/x.md"], pages["zh/articles/x.md"]):
        assert "<script" not in page and "<p onclick" not in page and "{{ 7*7 }}" not in page
    assert "&#35; 标题" not in pages["en/articles/x.md"] and "&#35; 标题" in pages["zh/articles/x.md"]


def test_sidecar_page_and_url_are_shown_the_url_as_an_escaped_link(templates: SiteTemplates) -> None:
    loc = make_article("p-1234567890")
    hostile = 'https://example.org/a?x=1&y="><script>alert(1)</script>_*[b]'
    loc = replace(loc, article=replace(loc.article, raw=replace(loc.article.raw, page="A2", url=hostile)))
    pages = render_pages((loc,), taxonomy=TAXONOMY, templates=templates, options=OPTIONS).pages
    zh, en = pages["zh/articles/p-1234567890.md"], pages["en/articles/p-1234567890.md"]
    assert " · 第A2版" in zh and " · page A2" in en
    (href,) = re.findall(r'<a href="([^"]*)">原文</a>', zh)
    assert "<" not in href and ">" not in href and '"' not in href and "_" not in href
    assert href.startswith("https://example.org/a?x=1&#38;y=&#34;&#62;&#60;script&#62;")
    assert '">Original</a>' in en


def test_a_url_that_is_not_http_is_never_a_link(templates: SiteTemplates) -> None:
    loc = make_article("p-1234567890")
    loc = replace(loc, article=replace(loc.article, raw=replace(loc.article.raw, url="javascript:alert(1)")))
    pages = render_pages((loc,), taxonomy=TAXONOMY, templates=templates, options=OPTIONS).pages
    assert "javascript" not in pages["zh/articles/p-1234567890.md"]


def test_what_changed_page_and_feed_entries_in_both_languages(templates: SiteTemplates) -> None:
    history = History(
        updates=(
            Update(1, added=("2020-03-29-a", "2020-03-12-b")),
            Update(2, corrected=("2020-03-29-a",), removed=("gone-1",)),
        )
    )
    pages = render_pages(ARTICLES, taxonomy=TAXONOMY, templates=templates, options=OPTIONS, history=history).pages
    zh, en = pages["zh/changes.md"], pages["en/changes.md"]
    # Newest update first; corrected articles link to their pages; a removed id is named.
    assert en.index("Update 2: 0 added, 1 corrected, 1 removed { #update-2 }") < en.index("Update 1: 2 added")
    assert "[Spring ploughing in Arun Banner](articles/2020-03-29-a.md) · 29 March 2020" in en
    assert "- gone-1" in en and "第 2 次更新：新增 0 篇，更正 1 篇，移除 1 篇" in zh
    feed = ET.fromstring(pages["en/feed.xml"].encode())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    updates = [e for e in feed.findall("a:entry", ns) if "#update-" in e.find("a:id", ns).text]
    assert [e.find("a:id", ns).text for e in updates] == [
        "https://d.example.org/en/changes.html#update-2",
        "https://d.example.org/en/changes.html#update-1",
    ]
    # The update's date comes from its articles, not from the clock.
    assert updates[0].find("a:updated", ns).text == "2020-03-29T00:00:00Z"
    assert (
        pages == render_pages(ARTICLES, taxonomy=TAXONOMY, templates=templates, options=OPTIONS, history=history).pages
    )


def test_a_memo_of_the_last_render_gives_the_same_pages(templates: SiteTemplates, pages: dict[str, str]) -> None:
    assert render_pages(ARTICLES, taxonomy=TAXONOMY, templates=templates, options=OPTIONS).memo == {
        "zh": {},
        "en": {},
    }  # no memo asked for: nothing hashed
    first = render_pages(ARTICLES, taxonomy=TAXONOMY, templates=templates, options=OPTIONS, memo={})
    assert first.pages == pages
    assert {lang: len(memo) for lang, memo in first.memo.items()} == {"zh": len(ARTICLES), "en": len(ARTICLES)}
    again = render_pages(ARTICLES, taxonomy=TAXONOMY, templates=templates, options=OPTIONS, memo=first.memo)
    assert again == first


def test_the_memo_answers_only_for_pages_whose_inputs_did_not_change(templates: SiteTemplates) -> None:
    first = render_pages(ARTICLES, taxonomy=TAXONOMY, templates=templates, options=OPTIONS, memo={})
    # A memo whose every page is marked: an answered page comes back marked, a rendered one does not.
    marked = {lang: {key: "MEMO " + text for key, text in memo.items()} for lang, memo in first.memo.items()}
    edited = (replace(ARTICLES[0], summary_en=replace(ARTICLES[0].summary_en, text="A new summary.")), *ARTICLES[1:])
    second = render_pages(edited, taxonomy=TAXONOMY, templates=templates, options=OPTIONS, memo=marked)
    english = {path: text for path, text in second.pages.items() if path.startswith("en/articles/")}
    fresh = {path for path, text in english.items() if not text.startswith("MEMO ")}
    assert "en/articles/2020-03-29-a.md" in fresh  # its own summary changed
    assert "A new summary." in english["en/articles/2020-03-29-a.md"]
    assert len(fresh) < len(english)  # pages that do not show that summary came from the memo
    assert all(text.startswith("MEMO ") for path, text in second.pages.items() if path.startswith("zh/articles/"))
