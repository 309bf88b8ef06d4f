"""Open every page type of both sites in real headless Chromium and record every request.

Pages are visited over http (a local server) and from disk (file://); any request to
another host, and any console error, fails the test.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

LANG_ROOTS = {"zh": "", "en": "en/"}


def page_types(site: Path) -> dict[str, str]:
    """One page of each type, by name -> path relative to a language's root."""
    articles = sorted((site / "articles").glob("*.html"))
    # An article with a key-figures table: the page type with the most parts.
    with_figures = next(p for p in articles if "<table>" in p.read_text(encoding="utf-8"))
    regions = sorted(p for p in (site / "regions").glob("*.html") if p.stem.isdigit())
    topics = sorted(p for p in (site / "topics").glob("*.html") if p.name != "index.html")
    return {
        "home": "index.html",
        "regions": "regions/index.html",
        "region": f"regions/{regions[-1].name}",
        "topics": "topics/index.html",
        "topic": f"topics/{topics[0].name}",
        "timeline": "timeline.html",
        "sources": "sources.html",
        "article": f"articles/{with_figures.name}",
    }


def foreign_requests(requests: list[str], allowed_netloc: str) -> list[str]:
    """Requests that leave the site: neither file:// nor the given http host."""
    foreign = []
    for url in requests:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue
        if parts.scheme == "file" and not parts.netloc:
            continue
        if parts.scheme in ("http", "https") and allowed_netloc and parts.netloc == allowed_netloc:
            continue
        foreign.append(url)
    return foreign


def visit_all(
    browser, base: str, paths: dict[str, str], shots: Path | None = None, prefix: str = ""
) -> dict[str, tuple[list[str], list[str]]]:
    """Load each page in one browser context; (requests, console errors) per page name."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    current: dict[str, list[str]] = {"requests": [], "errors": []}
    page.on("request", lambda request: current["requests"].append(request.url))
    page.on("console", lambda msg: current["errors"].append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: current["errors"].append(str(exc)))
    seen = {}
    for name, path in paths.items():
        current["requests"], current["errors"] = [], []
        page.goto(base + path, wait_until="networkidle")
        if shots is not None:
            page.screenshot(path=str(shots / f"{prefix}{name}.png"))
        seen[name] = (list(current["requests"]), list(current["errors"]))
    context.close()
    return seen


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_file_url_pages_request_nothing_from_other_hosts(browser, built_site, artifacts_dir: Path, lang: str) -> None:
    _, site = built_site
    base = (site / LANG_ROOTS[lang]).as_uri().rstrip("/") + "/"
    seen = visit_all(browser, base, page_types(site), artifacts_dir, prefix=f"file-{lang}-")
    for name, (requests, errors) in seen.items():
        assert requests, f"{name}: no request recorded at all"
        assert foreign_requests(requests, "") == [], name
        assert errors == [], name
        assert (artifacts_dir / f"file-{lang}-{name}.png").stat().st_size > 10_000


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_http_pages_request_nothing_from_other_hosts(browser, built_site, http_site: str, lang: str) -> None:
    _, site = built_site
    seen = visit_all(browser, http_site + LANG_ROOTS[lang], page_types(site))
    for name, (requests, errors) in seen.items():
        assert requests, name
        assert foreign_requests(requests, urlsplit(http_site).netloc) == [], name
        assert errors == [], name
