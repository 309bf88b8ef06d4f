"""What a reader does, in real headless Chromium: search both sites, move with the keyboard.

Screenshots of the search results go to test-artifacts/ (the page screenshots are
taken by test_no_external_requests.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def search(browser, url: str, query: str, shot: Path) -> tuple[list[str], list[str]]:
    """Type `query` into Material's search on `url`; (result links, console errors)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="networkidle")
    page.click("label.md-search__icon, .md-search__input", timeout=5000)
    page.fill("input.md-search__input", query)
    # Playwright types CJK without a key-up event, so Material would not run the query.
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    links = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    page.screenshot(path=str(shot))
    context.close()
    return links, errors


def _ids(links: list[str]) -> set[str]:
    return {m.group(1) for link in links if (m := re.search(r"/articles/([^/#?]+)\.html", link))}


def _pages_containing(folder: Path, word: str) -> set[str]:
    return {p.stem for p in folder.glob("*.md") if word in p.read_text(encoding="utf-8")}


def test_chinese_search_over_file_url_finds_articles_with_the_word(browser, built_site, artifacts_dir: Path) -> None:
    docs, site = built_site
    links, errors = search(browser, (site / "index.html").as_uri(), "复工", artifacts_dir / "search-zh.png")
    found = _ids(links)
    assert found, links
    assert found <= _pages_containing(docs / "zh" / "articles", "复工")
    assert errors == []


def test_english_search_over_http_finds_a_place_name(browser, built_site, http_site: str, artifacts_dir: Path) -> None:
    docs, _ = built_site
    # A prefecture that several articles are about, by its English name as the pages print it.
    names = re.findall(r"\[([A-Z][a-z]+) (?:City|League)\]\(", (docs / "en" / "index.md").read_text(encoding="utf-8"))
    assert names
    place = names[0]
    links, errors = search(browser, http_site + "en/index.html", place, artifacts_dir / "search-en.png")
    found = _ids(links)
    assert found and found <= _pages_containing(docs / "en" / "articles", place)
    assert all("/en/" in link for link in links)  # the English index only
    assert errors == []


def test_traditional_source_is_found_by_a_simplified_query(browser, built_site, artifacts_dir: Path) -> None:
    docs, site = built_site
    export = json.loads((docs / "zh" / "articles.json").read_text(encoding="utf-8"))["articles"]
    traditional = [a for a in export if a["body_original"] and a["body_original"] != a["body_zh"]]
    if not traditional:
        pytest.skip("no Traditional source among the seeds")
    article = traditional[0]
    bodies = [a["body_zh"] for a in export]
    # A keyword written differently in the original script: only the Simplified text has it.
    words = [w for w in article["keywords_zh"] if w in article["body_zh"] and w not in article["body_original"]]
    assert words, "no keyword differs between the scripts"
    word = min(words, key=lambda w: (sum(w in body for body in bodies), w))
    links, _ = search(browser, (site / "index.html").as_uri(), word, artifacts_dir / "search-zh-traditional.png")
    assert article["id"] in _ids(links), (word, links)


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_keyboard_reaches_navigation_and_search(browser, built_site, lang_root: str) -> None:
    _, site = built_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((site / lang_root / "index.html").as_uri(), wait_until="networkidle")
    reached: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("() => { const e = document.activeElement; return e.tagName + '.' + e.className; }")
        )
    context.close()
    assert any("md-tabs__link" in r for r in reached), reached
    assert any(r.startswith("INPUT.") and "md-search__input" in r for r in reached), reached


# Headline punctuation (quotes, colons, brackets) that a reader may paste with a title.
_HEADLINE_PUNCTUATION = re.compile(r"[“”‘’：（）《》「」]")


def test_an_article_title_finds_that_article_first(browser, built_site) -> None:
    """Articles, not list pages, rank first: a title query puts its own article on top."""
    docs, site = built_site
    export = json.loads((docs / "zh" / "articles.json").read_text(encoding="utf-8"))["articles"]
    titled = [a for a in export if a["title_zh"] and not a["duplicate_of"]]
    # Titles with headline punctuation first: the search separator must split on it.
    titled = sorted(titled, key=lambda a: (not _HEADLINE_PUNCTUATION.search(a["title_zh"]), a["id"]))[:8]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((site / "index.html").as_uri(), wait_until="networkidle")
    page.click("label.md-search__icon, .md-search__input")
    ranks = {}
    for article in titled:
        page.fill("input.md-search__input", "")
        page.wait_for_selector(".md-search-result__item", state="detached", timeout=15000)
        page.fill("input.md-search__input", article["title_zh"])
        page.press("input.md-search__input", "End")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        links = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
        ids = [m.group(1) for link in links if (m := re.search(r"/articles/([^/#?]+)\.html", link))]
        ranks[article["id"]] = ids.index(article["id"]) + 1 if article["id"] in ids else None
    context.close()
    assert all(ranks.values()), ranks  # every title finds its article
    assert sum(rank == 1 for rank in ranks.values()) >= 0.75 * len(ranks), ranks
