"""The build cache: entries reused under their salt only, damaged entries recomputed, and a
build with it gives the docs a build without it gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.build_cache import BuildCache, templates_version
from generator.config import load_settings
from generator.models import EnglishTerm
from generator.published import Record
from generator.render import regionmap

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "site_templates"
    (folder / "strings").mkdir(parents=True)
    (folder / "article.md.j2").write_text("{{ a.title }}\n", encoding="utf-8")
    (folder / "strings" / "zh.yml").write_text("title: 标题\n", encoding="utf-8")
    return folder


def _open(tmp_path: Path, templates: Path, translations: Path | None = None) -> BuildCache:
    return BuildCache.open(tmp_path / "cache", template_dir=templates, translations=translations or tmp_path / "en.po")


def test_pages_are_kept_for_the_same_templates_only(tmp_path: Path, templates: Path) -> None:
    cache = _open(tmp_path, templates)
    assert cache.page_memo() == {}
    memo = {"zh": {b"k" * 16: "page"}, "en": {b"k" * 16: "Page"}}
    cache.keep_pages(memo, {})
    assert _open(tmp_path, templates).page_memo() == memo
    (templates / "article.md.j2").write_text("{{ a.title }}!\n", encoding="utf-8")
    assert _open(tmp_path, templates).page_memo() == {}  # another template: nothing reused
    before = templates_version(templates)
    (templates / "theme").mkdir()
    (templates / "theme" / "extra.css").write_text("a{}", encoding="utf-8")  # MkDocs' theme, not a page's input
    assert templates_version(templates) == before


def test_terms_are_kept_for_the_same_translation_memory_only(tmp_path: Path, templates: Path) -> None:
    po = tmp_path / "en.po"
    po.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    cache = _open(tmp_path, templates, po)
    terms = {"春耕": EnglishTerm(zh="春耕", en="spring ploughing", pinyin="chungeng")}
    cache.keep_terms(terms, {})
    assert _open(tmp_path, templates, po).known_terms() == terms
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
    assert _open(tmp_path, templates, po).known_terms() == {}


def test_map_shapes_come_from_the_cache_and_a_damaged_entry_is_drawn_again(
    tmp_path: Path, templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[tuple[str, ...]] = []

    def draw(provinces: tuple[str, ...]) -> regionmap.MapShapes:
        drawn.append(tuple(provinces))
        return regionmap.MapShapes(height=7, paths={"150000": "M0 0L1 1Z"})

    monkeypatch.setattr(regionmap, "map_shapes", draw)
    cache = _open(tmp_path, templates)
    first = cache.map_shapes(("150000",))
    assert cache.map_shapes(("150000",)) == first and drawn == [("150000",)]
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert cache.map_shapes(("150000",)) == first and len(drawn) == 2


def test_a_build_with_the_cache_gives_the_docs_of_a_build_without(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    settings = load_settings(seeds=seeds, docs=tmp_path / "docs", site=tmp_path / "site")
    cached = load_settings(seeds=seeds, docs=tmp_path / "docs", site=tmp_path / "site", cache_dir=tmp_path / "c")
    expected = pipeline.render_docs(pipeline.compute(settings), settings, published=Record(ids=frozenset()))
    for _ in range(2):  # cold, then every page and term from the cache
        cache = BuildCache.open(
            cached.cache_dir, template_dir=cached.root / "site_templates", translations=cached.translations
        )
        content = pipeline.compute(cached, build_cache=cache)
        assert pipeline.render_docs(content, cached, published=Record(ids=frozenset()), cache=cache) == expected
    assert cache.page_memo() and cache.known_terms()
