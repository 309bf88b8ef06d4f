"""What a reader sees first, in real headless Chromium, on a desktop (1280x900) and a phone (390x844).

The news comes first: the first story card of the home page and the start of an article's
text are on the first screen. Charts stay legible on phones, the colour scheme follows the
system (with a toggle), every page highlights its navigation tab, and the 404 page speaks
the site's language. Screenshots go to test-artifacts/layout-*.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
LANG_ROOTS = {"zh": "", "en": "en/"}
MIN_CHART_TEXT_PX = 12


def _base(site: Path, lang: str) -> str:
    return (site / LANG_ROOTS[lang]).as_uri().rstrip("/") + "/"


def _open(browser, url: str, viewport: str, **options):
    context = browser.new_context(viewport=VIEWPORTS[viewport], **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="networkidle")
    return context, page, errors


def _box(page, selector: str) -> dict:
    box = page.eval_on_selector(
        selector, "el => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }"
    )
    assert box is not None, selector
    return box


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_first_story_card_is_visible_without_scrolling(
    browser, built_site, artifacts_dir: Path, lang: str, viewport: str
) -> None:
    _, site = built_site
    context, page, errors = _open(browser, _base(site, lang) + "index.html", viewport)
    page.screenshot(path=str(artifacts_dir / f"layout-{lang}-{viewport}-home.png"))
    height = VIEWPORTS[viewport]["height"]
    card, card_title = _box(page, ".digest-card"), _box(page, ".digest-card h3")
    assert 0 <= card["top"] and card_title["bottom"] <= height, (card, card_title)
    # The first card shows a whole story: title, meta line, the summary's first sentence, topics.
    assert _box(page, ".digest-card .digest-card__lead")["bottom"] <= height
    assert page.eval_on_selector(".digest-card h3 a", "a => a.getAttribute('href')").startswith("articles/")
    assert errors == []
    context.close()


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_article_text_starts_on_the_first_screen_on_desktop(
    browser, built_site, artifacts_dir: Path, lang: str
) -> None:
    _, site = built_site
    base = _base(site, lang)
    names = sorted(p.name for p in (site / "articles").glob("*.html"))
    # The page with the longest summary shows the most before its text.
    longest = max(names, key=lambda n: len((site / LANG_ROOTS[lang] / "articles" / n).read_text(encoding="utf-8")))
    context, page, errors = _open(browser, base + "articles/" + names[0], "desktop")
    starts = {}
    for name in names:
        page.goto(base + "articles/" + name, wait_until="load")
        starts[name] = page.eval_on_selector(
            "#text", "h => h.nextElementSibling.getBoundingClientRect().top + 24"
        )  # one line of the text (or, in English, the link to the Chinese original)
        if name == longest:
            page.screenshot(path=str(artifacts_dir / f"layout-{lang}-desktop-article.png"))
    late = {name: top for name, top in starts.items() if top > VIEWPORTS["desktop"]["height"]}
    assert late == {}
    assert errors == []
    context.close()
    context, page, _ = _open(browser, base + "articles/" + longest, "phone")
    page.screenshot(path=str(artifacts_dir / f"layout-{lang}-phone-article.png"))
    context.close()


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_chart_text_is_legible_on_a_phone(browser, built_site, artifacts_dir: Path, lang: str) -> None:
    _, site = built_site
    context, page, _ = _open(browser, _base(site, lang) + "sources.html", "phone")
    for path in ("sources.html", "timeline.html", "regions/index.html", "topics/index.html"):
        page.goto(_base(site, lang) + path, wait_until="load")
        sizes = page.eval_on_selector_all(
            "figure.digest-chart svg text",
            "els => els.filter(e => e.textContent.trim()).map("
            "e => parseFloat(getComputedStyle(e).fontSize) * e.ownerSVGElement.getScreenCTM().a)",
        )
        assert sizes and min(sizes) >= MIN_CHART_TEXT_PX, (path, min(sizes))
    page.locator("figure.digest-chart").first.screenshot(path=str(artifacts_dir / f"layout-{lang}-phone-chart.png"))
    context.close()


def test_colour_scheme_follows_the_system_and_toggles(browser, built_site, artifacts_dir: Path) -> None:
    _, site = built_site
    for system, scheme in (("light", "default"), ("dark", "slate")):
        context, page, errors = _open(browser, _base(site, "en") + "index.html", "desktop", color_scheme=system)
        assert page.eval_on_selector("body", "b => b.dataset.mdColorScheme") == scheme
        if system == "dark":
            page.screenshot(path=str(artifacts_dir / "layout-en-desktop-home-dark.png"))
            page.click("form[data-md-component=palette] label:visible")
            assert page.eval_on_selector("body", "b => b.dataset.mdColorScheme") == "default"
        assert errors == []
        context.close()


def test_every_page_highlights_its_navigation_tab(browser, built_site) -> None:
    _, site = built_site
    article = sorted((site / "articles").glob("*.html"))[0].name
    region = sorted((site / "regions").glob("1*.html"))[0].name
    expected = {
        "index.html": "首页",
        f"articles/{article}": "时间线",
        f"regions/{region}": "地区",
        "topics/index.html": "主题",
        "sources.html": "来源",
    }
    context, page, _ = _open(browser, _base(site, "zh") + "index.html", "desktop")
    for path, tab in expected.items():
        page.goto(_base(site, "zh") + path, wait_until="load")
        active = page.eval_on_selector_all(".md-tabs__item--active", "els => els.map(e => e.textContent.trim())")
        assert active == [tab], path
    context.close()


@pytest.mark.parametrize("lang", LANG_ROOTS)
def test_phone_drawer_still_offers_the_sections(browser, built_site, lang: str) -> None:
    _, site = built_site
    article = sorted((site / "articles").glob("*.html"))[0].name
    context, page, _ = _open(browser, _base(site, lang) + "articles/" + article, "phone")
    page.click("label[for=__drawer].md-header__button")
    page.wait_for_timeout(400)
    links = page.eval_on_selector_all(
        ".md-sidebar--primary .md-nav__link", "els => els.filter(e => e.getClientRects().length).length"
    )
    assert links >= 5
    context.close()


@pytest.mark.parametrize(
    ("lang", "title", "home"), [("zh", "页面不存在", "返回首页"), ("en", "Page not found", "Go to the home page")]
)
def test_not_found_page_speaks_the_language_and_leads_home_and_to_search(
    browser, http_site: str, artifacts_dir: Path, lang: str, title: str, home: str
) -> None:
    context, page, errors = _open(browser, http_site + LANG_ROOTS[lang] + "404.html", "phone")
    assert page.inner_text("article h1") == title
    page.screenshot(path=str(artifacts_dir / f"layout-{lang}-phone-404.png"))
    page.click(f"text={home}")
    page.wait_for_load_state("networkidle")
    assert page.url == http_site + LANG_ROOTS[lang] + "index.html"
    page.go_back(wait_until="networkidle")
    page.click("ul.digest-not-found li:nth-child(2) a")
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(http_site + LANG_ROOTS[lang] + "index.html?q=")
    assert page.eval_on_selector("#__search", "box => box.checked")
    assert errors == []
    context.close()
