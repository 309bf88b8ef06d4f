"""The digest's own search (render.search + digest-search.js) in headless Chromium.

A small site is built from literal seeds; each query is typed into Material's search box
on a fresh page, over file:// (in a Chromium started without
--allow-file-access-from-files, as a reader's browser opens a folder) and over http. The
expected pages are those whose text contains the query, computed from the export.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.analyse.topics import load_taxonomy
from generator.config import load_settings
from generator.pipeline import run
from generator.site import build_site
from tests.conftest import CHROMIUM_ARGS, ROOT, _chromium

pytestmark = [pytest.mark.browser, pytest.mark.site]

# Invented reports. 地毯式 is in two bodies and no title; 鸵鸟 is in one body, and another
# holds 鸵 and 鸟 apart (a bigram search must not match it); 修复工程 holds 复工 by accident.
SEEDS = {
    "a.txt": "某旗开展疫情排查\n\n本报讯 某旗组织干部开展地毯式排查，逐户登记返乡人员信息。\n\n排查工作持续三天。\n",
    "b.txt": "某县养殖场恢复生产\n\n本报讯 某县养殖场的鸵鸟已经恢复正常喂养，工人陆续返岗。\n\n"
    "养殖场负责人表示，订单充足。\n",
    "c.txt": "某镇候鸟保护站开放\n\n本报讯 某镇候鸟保护站今天开放，站内展出鸵形目标本和各类鸟卵。\n\n"
    "保护站还开展地毯式巡护。\n",
    "d.txt": "某市道路修复工程开工\n\n本报讯 某市道路修复工程今天开工，预计五月完工。\n\n施工单位已做好防疫准备。\n",
}


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    tmp = tmp_path_factory.mktemp("search")
    seeds = tmp / "seeds"
    seeds.mkdir()
    for name, text in SEEDS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    settings = load_settings(seeds=seeds, docs=tmp / "docs", site=tmp / "site", root=ROOT)
    run(settings)
    build_site(settings)
    export = json.loads((tmp / "docs" / "zh" / "articles.json").read_text(encoding="utf-8"))["articles"]
    return tmp / "site", export


@pytest.fixture(scope="module")
def reader_browser(browser) -> Iterator[object]:
    """Chromium as a reader has it: file:// pages may not read other files with fetch/XHR."""
    args = [arg for arg in CHROMIUM_ARGS if arg != "--allow-file-access-from-files"]
    # A second browser from the suite's Playwright (one sync Playwright per process).
    launched = browser.browser_type.launch(executable_path=_chromium(), args=args, headless=True)
    yield launched
    launched.close()


@pytest.fixture(scope="module")
def search_http(search_site: tuple[Path, list[dict]]) -> Iterator[str]:
    site, _ = search_site

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def search(browser, url: str, query: str) -> list[str]:
    """Article ids Material's search box lists for `query` on a freshly loaded `url`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="load")
    page.click("label.md-search__icon, .md-search__input")
    page.fill("input.md-search__input", query)
    # Playwright types CJK without a key-up event, so Material would not run the query.
    page.press("input.md-search__input", "End")
    # The worker's answer for this query: a result list, or the "nothing found" line.
    page.wait_for_selector(".md-search-result__item, .md-search-result__meta:not(:empty)", timeout=15000)
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta').textContent;"
        " return document.querySelector('.md-search-result__item') || /没有|No matching/.test(m); }",
        arg=query,
        timeout=15000,
    )
    links = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    context.close()
    assert errors == []
    return sorted({m.group(1) for link in links if (m := re.search(r"/articles/([^/#?]+)\.html", link))})


def containing(export: list[dict], word: str) -> list[str]:
    return sorted(a["id"] for a in export if word in (a["title_zh"] or "") + a["body_zh"])


@pytest.fixture(params=["file", "http"])
def base_url(request: pytest.FixtureRequest, search_site: tuple[Path, list[dict]], search_http: str) -> str:
    site, _ = search_site
    return site.as_uri() + "/" if request.param == "file" else search_http


@pytest.fixture
def browser_for(request: pytest.FixtureRequest, base_url: str, reader_browser, browser):
    # file:// in the reader's Chromium; http in the suite's shared one.
    return reader_browser if base_url.startswith("file:") else browser


def test_a_body_only_word_finds_exactly_the_pages_containing_it(search_site, base_url, browser_for) -> None:
    _, export = search_site
    expected = containing(export, "地毯式")
    assert len(expected) == 2 and not any("地毯式" in (a["title_zh"] or "") for a in export)
    assert search(browser_for, base_url + "index.html", "地毯式") == expected


def test_a_two_character_query_needs_both_characters_together(search_site, base_url, browser_for) -> None:
    _, export = search_site
    expected = containing(export, "鸵鸟")
    apart = [a["id"] for a in export if "鸵" in a["body_zh"] and "鸟" in a["body_zh"] and "鸵鸟" not in a["body_zh"]]
    assert len(expected) == 1 and apart, "fixture: one page has the word, another its characters apart"
    assert search(browser_for, base_url + "index.html", "鸵鸟") == expected


def test_a_word_inside_a_longer_word_is_found_like_grep(search_site, base_url, browser_for) -> None:
    _, export = search_site
    found = set(search(browser_for, base_url + "index.html", "复工"))
    expected = set(containing(export, "复工"))
    assert any("修复工程" in a["body_zh"] for a in export if a["id"] in expected)
    # Besides the text, a page is found by the names of its topics (the chips it shows).
    names = {topic.code: topic.zh for topic in load_taxonomy()}
    by_topic = {a["id"] for a in export if any("复工" in names.get(code, "") for code in a["topics"])}
    assert expected <= found <= expected | by_topic


def test_the_english_site_finds_chinese_text(search_site, base_url, browser_for) -> None:
    _, export = search_site
    assert search(browser_for, base_url + "en/index.html", "地毯式") == containing(export, "地毯式")
