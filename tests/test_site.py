"""End to end: seeds -> docs_src -> both MkDocs sites, in temporary folders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.config import Settings
from generator.pipeline import compute, render_docs, run
from generator.render.export import export_json, load_schema

pytestmark = pytest.mark.site
SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schema" / "articles.schema.json"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_every_article_has_a_page_in_both_languages(built_site: tuple[Path, Path]) -> None:
    docs, site = built_site
    zh = sorted(p.name for p in (docs / "zh" / "articles").glob("*.md"))
    en = sorted(p.name for p in (docs / "en" / "articles").glob("*.md"))
    assert zh and zh == en
    for name in zh:
        html_name = name.replace(".md", ".html")
        assert (site / "articles" / html_name).is_file()
        assert (site / "en" / "articles" / html_name).is_file()


def test_both_languages_have_home_region_and_topic_pages(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    for root, lang in ((site, "zh-Hans"), (site / "en", "en")):
        for page in ("index.html", "regions/index.html", "topics/index.html"):
            html = (root / page).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, page
        assert (root / "search" / "search_index.json").is_file()
        assert (root / "search" / "search_index.js").is_file()  # offline plugin, for file://
    assert "首页" in (site / "index.html").read_text(encoding="utf-8")
    assert "Home" in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_each_language_has_its_own_search_index(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    zh = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert zh["config"]["lang"] == ["zh"] and en["config"]["lang"] == ["en"]
    assert not any(doc["location"].startswith("en/") for doc in zh["docs"])
    # jieba segmentation marks word boundaries in the Chinese index with zero-width spaces
    assert any("\u200b" in doc["text"] for doc in zh["docs"])


def test_language_switcher_links_to_the_same_page(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    article = sorted((site / "articles").glob("*.html"))[0]
    zh_html = article.read_text(encoding="utf-8")
    assert f'href="../en/articles/{article.name}" hreflang="en"' in zh_html
    en_html = (site / "en" / "articles" / article.name).read_text(encoding="utf-8")
    assert f'href="../../articles/{article.name}" hreflang="zh-Hans"' in en_html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="./en/index.html" hreflang="en"' in home
    for page in (site / "404.html", site / "en" / "404.html"):
        assert not re.search(r'href="//', page.read_text(encoding="utf-8")), page


def test_no_reference_to_other_hosts_in_html(built_site: tuple[Path, Path]) -> None:
    _, site = built_site
    pattern = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', re.I)
    for page in site.rglob("*.html"):
        assert not pattern.search(page.read_text(encoding="utf-8")), page


def test_docs_build_is_deterministic(project_settings: Settings, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    run(project_settings.with_paths(docs_dir=first))
    run(project_settings.with_paths(docs_dir=second))
    assert _tree(first) == _tree(second)


def test_committed_docs_src_is_up_to_date(project_settings: Settings) -> None:
    """docs_src/ is committed: regenerating from seeds/ must change nothing."""
    expected = render_docs(compute(project_settings), project_settings)
    actual = {k: v.decode("utf-8") for k, v in _tree(project_settings.root / "docs_src").items()}
    assert sorted(actual) == sorted(expected), "run `make build` and commit docs_src/"
    changed = [path for path in expected if actual[path] != expected[path]]
    assert not changed, f"docs_src/ is stale ({len(changed)} files); run `make build` and commit it"


def test_export_is_valid_against_both_schemas(project_settings: Settings) -> None:
    document = json.loads(export_json(compute(project_settings).articles))
    assert document["articles"]
    jsonschema.Draft202012Validator(load_schema()).validate(document)
    if SHARED_SCHEMA.is_file():  # the team's original, when the shelf is beside the checkout
        jsonschema.Draft202012Validator(json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))).validate(document)
        assert load_schema() == json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))


def test_export_pages_point_at_generated_files(built_site: tuple[Path, Path], project_settings: Settings) -> None:
    docs, _ = built_site
    document = json.loads(export_json(compute(project_settings).articles))
    for article in document["articles"]:
        assert (docs / article["pages"]["zh"]).is_file()
        assert (docs / article["pages"]["en"]).is_file()
