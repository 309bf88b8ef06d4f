"""Accessibility: axe-core finds no serious or critical violation on each kind of page, both languages.

axe-core is the npm package of package-lock.json, installed into node_modules/ by
`make test` (scripts/install-system-deps runs `npm ci`); the test injects its file into the
page (Playwright reads it from disk: no request), so the site itself never loads it.
Pages are opened over http (the served site) in light and dark schemes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
PAGES = ("index.html", "timeline.html", "regions/index.html", "regions/150000.html", "topics/work-resumption.html")


def _axe_script() -> str:
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `make test` (scripts/install-system-deps runs npm ci)")
    return AXE.read_text(encoding="utf-8")


def _first_article(site: Path) -> str:
    return "articles/" + sorted(p.name for p in (site / "articles").glob("*.html"))[0]


def violations(page, script: str) -> list[dict]:
    """Serious and critical axe violations of the page, with the nodes they concern."""
    page.add_script_tag(content=script)
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_axe_finds_no_serious_violation(browser, built_site, http_site: str, lang: str, scheme: str) -> None:
    _, site = built_site
    script = _axe_script()
    base = http_site + ("en/" if lang == "en" else "")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    found = {}
    for path in (*PAGES, _first_article(site)):
        page = context.new_page()
        page.goto(base + path, wait_until="networkidle")
        problems = violations(page, script)
        if problems:
            found[path] = problems
        page.close()
    context.close()
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
