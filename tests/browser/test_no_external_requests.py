"""Open the built site in real headless Chromium and record every request it makes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGES = ["index.html", "en/index.html", "regions/index.html", "en/topics/index.html"]


def _first_article(site: Path) -> str:
    return "articles/" + sorted((site / "articles").glob("*.html"))[0].name


def _visit(browser, url: str, shot: Path | None = None) -> tuple[list[str], list[str]]:
    """Load `url`; return (every requested URL, console errors)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="networkidle")
    if shot is not None:
        page.screenshot(path=str(shot), full_page=False)
    context.close()
    return requests, errors


def _foreign(requests: list[str], allowed_netloc: str) -> list[str]:
    foreign = []
    for url in requests:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue
        if parts.scheme == "file" and not parts.netloc:
            continue
        if parts.scheme in ("http", "https") and parts.netloc == allowed_netloc:
            continue
        foreign.append(url)
    return foreign


@pytest.mark.parametrize("page_path", [*PAGES, "ARTICLE", "en/ARTICLE"])
def test_file_url_pages_request_nothing_from_other_hosts(browser, built_site, artifacts_dir: Path, page_path: str) -> None:
    _, site = built_site
    path = page_path.replace("ARTICLE", _first_article(site))
    shot = artifacts_dir / ("file-" + path.replace("/", "_").replace(".html", ".png"))
    requests, errors = _visit(browser, (site / path).as_uri(), shot)
    assert requests, "no request recorded at all"
    assert _foreign(requests, "") == []
    assert errors == []
    assert shot.stat().st_size > 10_000


@pytest.mark.parametrize("page_path", PAGES)
def test_http_pages_request_nothing_from_other_hosts(browser, http_site: str, page_path: str) -> None:
    requests, errors = _visit(browser, http_site + page_path)
    assert _foreign(requests, urlsplit(http_site).netloc) == []
    assert errors == []


def test_chinese_search_finds_articles_over_file_url(browser, built_site, artifacts_dir: Path) -> None:
    _, site = built_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((site / "index.html").as_uri(), wait_until="networkidle")
    page.click("label.md-search__icon, .md-search__input", timeout=5000)
    page.fill("input.md-search__input", "复工")
    # Playwright types CJK without a key-up event, so Material would not run the query.
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    page.screenshot(path=str(artifacts_dir / "file-search-zh.png"))
    context.close()
    assert any("/articles/" in link for link in links), links
