"""Atom feeds (RFC 4287), one per language, written from our own data (pure).

Links are absolute, from the site's `site_url` (an Atom reader fetches the feed alone,
with no page to resolve relative links against). Entry ids are the article URLs, which
never change because article ids are stable. Timestamps come from the articles'
dates, never from the clock, so two builds give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from generator.errors import BuildError
from generator.render.views import Entry

ATOM_NS = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50
FALLBACK_UPDATED = "2000-01-01T00:00:00Z"
"""`updated` of a feed with no dated article (Atom requires one; the clock is not deterministic)."""
_ABSOLUTE = re.compile(r"^https?://[^/\s]+(/\S*)?/$")
# Characters XML 1.0 forbids even as references; a scrape can carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class FeedUpdate:
    """An update of the digest as a feed entry: what it added and corrected (`changes.md`)."""

    anchor: str  # docs path with its anchor, e.g. `changes.md#update-3`
    title: str
    date: str | None  # ISO; from the articles of the record, never the clock
    summary: str


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """What a feed says about the site itself."""

    title: str
    subtitle: str
    lang: str  # BCP 47, e.g. zh-Hans
    site_url: str  # absolute, ends with "/": this language's home
    author: str


def check_site_url(url: str, *, where: str) -> str:
    """`url` if it is an absolute http(s) URL ending in "/", else a BuildError naming `where`."""
    if not _ABSOLUTE.match(url or ""):
        raise BuildError(f"{where}: site_url must be an absolute http(s) URL ending with '/', got {url!r}")
    return url


def page_url(site_url: str, docs_path: str) -> str:
    """Absolute URL of a docs page (`articles/x.md` -> `<site_url>articles/x.html`)."""
    html_path = docs_path[: -len(".md")] + ".html" if docs_path.endswith(".md") else docs_path
    return site_url + html_path


def _timestamp(date: str | None) -> str | None:
    return f"{date}T00:00:00Z" if date else None


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _NOT_XML.sub("", v) for k, v in attrs.items()})
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def atom_feed(
    entries: Sequence[Entry],
    *,
    info: FeedInfo,
    feed_path: str,
    limit: int = MAX_ENTRIES,
    updates: Sequence[FeedUpdate] = (),
    home: str | None = None,
) -> str:
    """The newest `limit` dated, titled entries as an Atom document (entries must be newest first),
    then one entry per update of the digest (`updates`, newest first).

    `home` is the docs path of the page a region or topic feed follows: its URL is the feed's
    id (unique among the site's feeds, stable as the page's address) and its alternate link.
    """
    check_site_url(info.site_url, where="feed")
    home_url = page_url(info.site_url, home) if home else info.site_url
    # Untitled pieces (briefs without a headline, fragments cut off a page) never reach a feed
    # reader: an entry called "untitled" is noise there. They stay on the timeline.
    chosen = [e for e in entries if e.date and not e.duplicate and e.titled][:limit]
    # Unprefixed names under a literal default namespace: ElementTree would otherwise
    # invent `ns0:` prefixes, which feed readers accept but people cannot read.
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": info.lang})
    _sub(feed, "id", home_url)
    _sub(feed, "title", info.title)
    _sub(feed, "subtitle", info.subtitle)
    dates = [e.date for e in chosen if e.date] + [u.date for u in updates if u.date]
    _sub(feed, "updated", _timestamp(max(dates)) if dates else FALLBACK_UPDATED)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=page_url(info.site_url, feed_path))
    _sub(feed, "link", rel="alternate", type="text/html", href=home_url)
    author = _sub(feed, "author")
    _sub(author, "name", info.author)
    for e in chosen:
        url = page_url(info.site_url, e.page)
        item = _sub(feed, "entry")
        _sub(item, "id", url)
        _sub(item, "title", e.title)
        _sub(item, "link", rel="alternate", type="text/html", href=url)
        _sub(item, "published", _timestamp(e.date))
        _sub(item, "updated", _timestamp(e.date))
        if e.outlet:
            _sub(_sub(item, "author"), "name", e.outlet)
        for label, topic_page in e.topics:
            _sub(item, "category", term=topic_page.removeprefix("topics/").removesuffix(".md"), label=label)
        if e.summary:
            _sub(item, "summary", e.summary, type="text")
    for update in updates:
        path, _, anchor = update.anchor.partition("#")
        url = page_url(info.site_url, path) + (f"#{anchor}" if anchor else "")
        item = _sub(feed, "entry")
        _sub(item, "id", url)
        _sub(item, "title", update.title)
        _sub(item, "link", rel="alternate", type="text/html", href=url)
        _sub(item, "updated", _timestamp(update.date) or FALLBACK_UPDATED)
        if update.summary:
            _sub(item, "summary", update.summary, type="text")
    ET.indent(feed, space="  ")
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'
