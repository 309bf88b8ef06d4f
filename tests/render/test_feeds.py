from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from generator.errors import BuildError
from generator.render.feeds import FeedInfo, atom_feed, check_site_url, page_url
from generator.render.views import entry, newest_first
from tests.render.factories import TAXONOMY, make_article

A = "{http://www.w3.org/2005/Atom}"
T = {"untitled": "无标题", "untitled_en": "{where} {date}", "no_region": "-", "unknown": "?", "date_unknown": "?"}
INFO = FeedInfo(title="摘要", subtitle="最新", lang="zh-Hans", site_url="https://digest.example.org/", author="摘要")


def _entries(*locs):
    topics = {topic.code: topic for topic in TAXONOMY}
    return newest_first([entry(loc, "zh", T, topics) for loc in locs])


def test_feed_has_what_atom_requires_with_absolute_links() -> None:
    entries = _entries(
        make_article("old", date="2020-03-01", title="旧闻"),
        make_article("new", date="2020-03-29", title="新闻 <b>&</b>", secondary=("finance-and-credit",)),
        make_article("undated", date=None),
        make_article("copy", date="2020-03-30", duplicate_of="new"),
    )
    text = atom_feed(entries, info=INFO, feed_path="feed.xml")
    assert text == atom_feed(entries, info=INFO, feed_path="feed.xml")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{A}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    for required in ("id", "title", "updated", "author/" + A + "name"):
        assert root.find(A + required) is not None, required
    assert root.findtext(f"{A}updated") == "2020-03-29T00:00:00Z"
    self_link = root.find(f"{A}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == "https://digest.example.org/feed.xml"
    items = root.findall(f"{A}entry")
    assert [item.findtext(f"{A}title") for item in items] == ["新闻 <b>&</b>", "旧闻"]  # text, not markup
    for item in items:
        url = item.find(f"{A}link").get("href")
        assert url.startswith("https://digest.example.org/articles/") and url.endswith(".html")
        assert item.findtext(f"{A}id") == url
        assert item.findtext(f"{A}updated").endswith("T00:00:00Z")
    assert [c.get("term") for c in items[0].findall(f"{A}category")] == ["work-resumption", "finance-and-credit"]


def test_feed_drops_characters_xml_forbids() -> None:
    text = atom_feed(_entries(make_article("a", title="标题\x07\x0b")), info=INFO, feed_path="feed.xml")
    assert ET.fromstring(text.encode("utf-8")).find(f"{A}entry/{A}title").text == "标题"


def test_empty_feed_is_still_valid() -> None:
    root = ET.fromstring(atom_feed([], info=INFO, feed_path="feed.xml").encode("utf-8"))
    assert root.findtext(f"{A}updated") and not root.findall(f"{A}entry")


@pytest.mark.parametrize("url", ["", "digest.example.org/", "https://digest.example.org", "/en/", "ftp://x.org/"])
def test_site_url_must_be_absolute_and_end_with_a_slash(url: str) -> None:
    with pytest.raises(BuildError, match="site_url"):
        check_site_url(url, where="mkdocs.yml")


def test_page_url() -> None:
    assert page_url("https://d.org/en/", "articles/a.md") == "https://d.org/en/articles/a.html"
    assert page_url("https://d.org/", "feed.xml") == "https://d.org/feed.xml"


def test_region_feed_is_identified_by_the_page_it_follows() -> None:
    xml = atom_feed([], info=INFO, feed_path="regions/150100.xml", home="regions/150100.md")
    root = ET.fromstring(xml)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.findtext("a:id", namespaces=ns) == "https://digest.example.org/regions/150100.html"
    links = {link.get("rel"): link.get("href") for link in root.findall("a:link", ns)}
    assert links == {
        "self": "https://digest.example.org/regions/150100.xml",
        "alternate": "https://digest.example.org/regions/150100.html",
    }
