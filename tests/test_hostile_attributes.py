"""Values that reach HTML attributes cannot leave them (issue: reliability, High).

A `"` in a summary sentence, a title or a reviewer's English must not close the attribute
it is printed in (`<meta name="description" content="...">` and friends) and add its own:
`http-equiv="refresh"` would send readers to another site, `on…=` would run script.
Payloads go into the seed text (so into titles, bylines and summary sentences) and into
every English `msgstr` of the translation memory; both languages are built and opened in
Chromium, over `file://`, and every page must stay put, open no dialog and ask no other host.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

from generator.config import load_settings
from generator.pipeline import compute, run
from generator.site import build_site
from generator.translate.glossary import load_glossary
from generator.translate.memory import merge, new_catalog, save_catalog
from generator.translate.segments import content_segments

ROOT = Path(__file__).resolve().parent.parent

REFRESH = '0 url=https://evil.example/" http-equiv="refresh" data-evil="'
ATTRIBUTE_PAYLOADS = [
    REFRESH,
    "' onmouseover='alert(1)' data-evil='",
    '" onload="alert(2)" data-evil="',
    '" autofocus onfocus="alert(3)" data-evil="',
    "javascript:alert(4)",
    '"><script>alert(5)</script>',
    "</title><script>alert(6)</script>",
    "</textarea><svg onload=alert(7)>",
]

# Title first (a headline line), then a dateline lead and sentences that become the summary.
SEED = (
    "复工\"两不误\"' onmouseover='alert(1)' data-evil='企业名单公布\n\n"
    '本报讯（记者 张三" onclick="alert(8)）为做好复工复产工作，某市出台多项措施，'
    f"支持企业尽快恢复生产，{REFRESH}。\n\n"
    + "".join(
        f"第{i}项措施的原文是{payload}，有关部门{REFRESH}表示将继续落实。\n\n"
        for i, payload in enumerate(ATTRIBUTE_PAYLOADS, 1)
    )
    + '截至目前，全市已有128家企业复工复产，"两不误"政策落实到位。\n'
)


def _english(msgid: str, index: int) -> str:
    payload = ATTRIBUTE_PAYLOADS[index % len(ATTRIBUTE_PAYLOADS)]
    return f'The "two no-delays" policy {REFRESH} {payload} works'


@pytest.fixture(scope="module")
def attribute_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("attributes")
    seeds = tmp / "seeds"
    seeds.mkdir()
    (seeds / 'quote" onload="alert(9).txt').write_text(SEED, encoding="utf-8")
    po = tmp / "en.po"
    settings = load_settings(seeds=seeds, docs=tmp / "docs", site=tmp / "site", root=ROOT).with_paths(translations=po)
    # Every English entry a reviewer could write gets a payload, marked reviewed.
    segments = content_segments((loc.article for loc in compute(settings).articles), load_glossary())
    catalog, _ = merge(new_catalog(), segments)
    for index, entry in enumerate(catalog):
        entry.msgstr = _english(entry.msgid, index)
    save_catalog(catalog, po)
    assert any(e.msgstr for e in polib.pofile(str(po)))
    run(settings)
    build_site(settings)
    return tmp / "site"


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def _pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert any("articles" in p.parts for p in pages)
    return pages


def test_no_page_gains_an_attribute(attribute_site: Path) -> None:
    for page in _pages(attribute_site):
        parser = _Attributes()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.found:
            assert "http-equiv" not in attrs or attrs["http-equiv"] != "refresh", (page, tag, attrs)
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            assert "autofocus" not in attrs and "data-evil" not in attrs, (page, tag, attrs)
            href = (attrs.get("href") or "").strip().lower()
            assert not href.startswith("javascript:"), (page, tag, attrs)


def test_description_keeps_the_quotes_as_text(attribute_site: Path) -> None:
    articles = [p for p in _pages(attribute_site) if "articles" in p.parts]
    descriptions = []
    for page in articles:
        parser = _Attributes()
        parser.feed(page.read_text(encoding="utf-8"))
        descriptions += [
            a.get("content") or "" for t, a in parser.found if t == "meta" and a.get("name") == "description"
        ]
    # The parser unescapes attribute values: the reader-visible text still has its quotes.
    assert any('http-equiv="refresh"' in d for d in descriptions), descriptions
    assert any('"two no-delays"' in d for d in descriptions), descriptions


@pytest.mark.browser
def test_browser_stays_on_every_page(browser, attribute_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    outside: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith(("file:", "data:", "blob:", "about:")) else None
        ),
    )
    checked = 0
    for page_file in _pages(attribute_site):
        if "assets" in page_file.parts:
            continue
        url = page_file.as_uri()
        page.goto(url, wait_until="load")
        page.mouse.move(10, 10)
        page.mouse.move(400, 300)
        # What the parser made of the page: the DOM decides, not a wait for a navigation.
        injected = page.evaluate(
            "() => [...document.querySelectorAll('meta[http-equiv], [autofocus], [data-evil]')].length"
            " + [...document.querySelectorAll('*')]"
            ".filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"
        )
        assert injected == 0, page_file
        assert page.url == url, f"{page_file.name} navigated to {page.url}"
        checked += 1
    context.close()
    assert checked >= 4
    assert dialogs == []
    assert outside == []
