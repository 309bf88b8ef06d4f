"""Browse and follow, in headless Chromium: the list filter (over file://, and the plain list without
JavaScript), the regions map's links, and the feeds of every region and topic page."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

pytestmark = pytest.mark.site

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def _page(browser, url: str, **options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="load")
    return context, page, errors


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_timeline_filter_works_over_file(browser, built_site, artifacts_dir: Path, lang: str) -> None:
    _, site = built_site
    root = site / ("en" if lang == "en" else "")
    context, page, errors = _page(browser, (root / "timeline.html").as_uri())
    items = page.locator("[data-digest-item]")
    total = items.count()
    assert total > 0 and page.locator("form.digest-filter").is_visible()
    # Choose the first region offered: only articles of that region (or below it) stay.
    value = page.eval_on_selector("select[name=region]", "s => s.options[1].value")
    page.select_option("select[name=region]", value)
    shown = page.locator("[data-digest-item]:not([hidden])")
    assert 0 < shown.count() < total
    for regions in shown.evaluate_all("els => els.map(e => e.dataset.regions)"):
        assert value in regions.split()
    # A month with none of them left disappears with its heading; the count says what is shown.
    assert f"{shown.count()}" in page.locator("form.digest-filter output").text_content()
    page.screenshot(path=str(artifacts_dir / f"browse-{lang}-timeline-filtered.png"))
    # Undated stories: their own month value, never a month's.
    page.click("form.digest-filter button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('[data-digest-item]:not([hidden])').length === {total}")
    if page.locator("option[value=undated]").count():
        page.select_option("select[name=month]", "undated")
        months = page.locator("[data-digest-item]:not([hidden])").evaluate_all("els => els.map(e => e.dataset.month)")
        assert months and set(months) == {"undated"}
        assert page.locator("#undated").is_visible() and not page.locator("#m-2020-03").is_visible()
    assert errors == []
    context.close()


@pytest.mark.browser
def test_lists_are_plain_lists_without_javascript(browser, built_site) -> None:
    _, site = built_site
    for path in ("timeline.html", "index.html", "topics/work-resumption.html", "en/regions/150000.html"):
        context, page, _ = _page(browser, (site / path).as_uri(), java_script_enabled=False)
        assert not page.locator("form.digest-filter").is_visible()  # no dead controls
        items = page.locator("[data-digest-item]")
        assert items.count() > 0
        assert all(items.nth(i).is_visible() for i in range(items.count()))
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_map_regions_link_to_their_pages(browser, built_site, artifacts_dir: Path, lang: str) -> None:
    _, site = built_site
    root = site / ("en" if lang == "en" else "")
    context, page, errors = _page(browser, (root / "regions" / "index.html").as_uri())
    links = page.locator("figure.digest-map svg a")
    assert links.count() >= 2
    for href in links.evaluate_all("els => els.map(a => a.getAttribute('href'))"):
        assert (root / "regions" / href).is_file(), href
    names = links.evaluate_all("els => els.map(a => a.getAttribute('aria-label'))")
    assert all(names)
    page.locator("figure.digest-map").screenshot(path=str(artifacts_dir / f"browse-{lang}-map.png"))
    # Legible on phones: the legend is HTML text of at least 12 px.
    phone = context.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto((root / "regions" / "index.html").as_uri())
    size = phone.eval_on_selector(".digest-map__legend", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 12
    links.first.click()
    page.wait_for_load_state()
    assert "/regions/" in page.url and page.url.endswith(".html")
    assert errors == []
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_region_and_topic_page_has_a_valid_feed(built_site, lang: str) -> None:
    _, site = built_site
    root = site / ("en" if lang == "en" else "")
    pages = sorted((root / "regions").glob("*.html")) + sorted((root / "topics").glob("*.html"))
    pages = [p for p in pages if p.name != "index.html"]
    assert pages
    for page in pages:
        feed = page.with_suffix(".xml")
        document = ET.parse(feed).getroot()  # well-formed XML
        assert document.tag == "{http://www.w3.org/2005/Atom}feed"
        alternate = document.find("a:link[@rel='alternate']", ATOM).get("href")
        assert alternate.endswith(f"/{page.parent.name}/{page.name}"), (feed, alternate)
        assert document.findtext("a:id", namespaces=ATOM) == alternate
        html = page.read_text(encoding="utf-8")
        assert f'href="{feed.name}"' in html  # linked from the page, for readers and feed readers
        assert 'type="application/atom+xml"' in html
