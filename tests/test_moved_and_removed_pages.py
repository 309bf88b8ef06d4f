"""No published page disappears: an old address redirects, a removed article leaves a notice.

One small corpus is built twice: first with two seeds, then with one seed deleted and an
old date-prefixed id recorded as moved (what `scripts/migrate_ids.py` did once). Both
MkDocs builds, the link checker and a browser (file:// and http) see the result.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest

from generator.config import Settings
from generator.linkcheck import check_site
from generator.pipeline import run
from generator.published import RECORD_FILE, format_record, read_record, with_moves
from generator.site import build_site

pytestmark = pytest.mark.site

KEPT = """内蒙古自治区加快企业复工复产

本报讯 全区重点工业企业已全部复工复产，规模以上工业企业复工率达到百分之九十以上。
自治区工业和信息化厅负责人说，下一步将继续帮助企业解决用工、资金和原材料等困难。
"""
DROPPED = """呼伦贝尔市春耕生产有序推进

本报讯 呼伦贝尔市各旗市区抢抓农时，组织农民错峰下田，春耕备耕工作有序推进。
当地农牧部门派出技术人员深入田间地头，指导农民科学种植。
"""


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(project_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, dict[str, str]]:
    """(settings of the second build, {"kept", "dropped", "old"} ids) after both builds."""
    out = tmp_path_factory.mktemp("moved")
    seeds = out / "seeds"
    seeds.mkdir()
    (seeds / "kept.txt").write_text(KEPT, encoding="utf-8")
    (seeds / "dropped.txt").write_text(DROPPED, encoding="utf-8")
    settings = project_settings.with_paths(seeds_dir=seeds, docs_dir=out / "docs_src", site_dir=out / "site")
    run(settings)
    record = read_record(settings.docs_dir)
    kept = next(i for i in record.ids if i.startswith("kept-"))
    dropped = next(i for i in record.ids if i.startswith("dropped-"))
    old = "2020-02-13-" + kept.rsplit("-", 1)[1]
    (settings.docs_dir / RECORD_FILE).write_text(format_record(with_moves(record, {old: kept})), encoding="utf-8")
    (seeds / "dropped.txt").unlink()
    run(settings)
    build_site(settings)
    return settings, {"kept": kept, "dropped": dropped, "old": old}


def test_the_record_keeps_every_id_ever_published(corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, ids = corpus
    record = read_record(settings.docs_dir)
    assert record.ids == set(ids.values())
    assert dict(record.moved) == {ids["old"]: ids["kept"]}


def test_a_removed_article_leaves_a_notice_in_both_languages(corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, ids = corpus
    site = settings.site_dir
    zh = (site / "articles" / f"{ids['dropped']}.html").read_text(encoding="utf-8")
    en = (site / "en" / "articles" / f"{ids['dropped']}.html").read_text(encoding="utf-8")
    assert "文章已移除" in zh and "Article removed" in en
    assert '<meta name="robots" content="noindex">' in en
    # The notice is not a search result.
    for root in (site, site / "en"):
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert not any(ids["dropped"] in doc["location"] for doc in index["docs"])


def test_an_old_address_redirects_to_the_new_page(corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, ids = corpus
    for root in (settings.site_dir, settings.site_dir / "en"):
        html = (root / "articles" / f"{ids['old']}.html").read_text(encoding="utf-8")
        assert f'content="0; url={ids["kept"]}.html"' in html
        assert (root / "articles" / f"{ids['kept']}.html").is_file()


def test_links_and_refresh_targets_all_resolve(corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, _ = corpus
    assert check_site(settings.site_dir) == ()


def test_rebuilding_changes_nothing_byte_for_byte(corpus: tuple[Settings, dict[str, str]], tmp_path: Path) -> None:
    settings, _ = corpus
    before = _tree(settings.docs_dir)
    copy = tmp_path / "docs_src"
    shutil.copytree(settings.docs_dir, copy)
    run(settings.with_paths(docs_dir=copy))
    run(settings)
    assert _tree(copy) == before == _tree(settings.docs_dir)


@pytest.mark.browser
def test_a_browser_follows_the_redirect_from_file_and_http(browser, corpus: tuple[Settings, dict[str, str]]) -> None:
    settings, ids = corpus
    site = settings.site_dir

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for start in (
            (site / "articles" / f"{ids['old']}.html").as_uri(),
            base + f"en/articles/{ids['old']}.html#top",
        ):
            page = browser.new_page()
            page.goto(start)
            page.wait_for_url(f"**/articles/{ids['kept']}.html*", timeout=10000)
            assert page.locator("h1").count() >= 1
            page.close()
    finally:
        server.shutdown()
        server.server_close()
