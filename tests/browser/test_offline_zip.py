"""The offline zip, unzipped and opened from disk: navigation, language switch, search."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.offline import zip_site

pytestmark = pytest.mark.browser


def test_zip_is_deterministic(built_site: tuple[Path, Path], tmp_path: Path) -> None:
    _, site = built_site
    a = zip_site(site, tmp_path / "a.zip")
    b = zip_site(site, tmp_path / "b.zip")
    assert a.read_bytes() == b.read_bytes()


def test_unzipped_site_works_from_file_urls(
    browser, built_site: tuple[Path, Path], tmp_path: Path, artifacts_dir: Path
) -> None:
    _, site = built_site
    archive = zip_site(site, tmp_path / "site.zip")
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path / "unzipped")
    root = tmp_path / "unzipped" / "digest-site"
    article = sorted((root / "articles").glob("*.html"))[0].name

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    foreign: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(("file://", "data:", "blob:")) else None)
    page.goto((root / "articles" / article).as_uri(), wait_until="networkidle")

    # Language switch lands on the same article in English, and back.
    page.goto(page.eval_on_selector('a.md-select__link[hreflang="en"]', "a => a.href"), wait_until="networkidle")
    assert page.url.endswith(f"/en/articles/{article}")
    page.goto(page.eval_on_selector('a.md-select__link[hreflang="zh-Hans"]', "a => a.href"), wait_until="networkidle")
    assert page.url.endswith(f"/digest-site/articles/{article}")

    # Navigation: the tabs lead to the region and topic indexes.
    page.click("a.md-tabs__link >> nth=1")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/regions/index.html")

    # Search over file:// (index inlined by the offline plugin, worker through the shim).
    page.click("label.md-search__icon, .md-search__input")
    page.fill("input.md-search__input", "复工")
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.screenshot(path=str(artifacts_dir / "offline-zip-search.png"))
    context.close()
    assert foreign == []
