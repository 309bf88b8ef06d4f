"""The build cache: entries reused under their salt only, damaged entries recomputed, and a
build with it gives the docs a build without it gives."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.analyse import segment
from generator.build_cache import BuildCache
from generator.config import load_settings
from generator.errors import BuildError
from generator.models import EnglishTerm
from generator.published import Record
from generator.render import regionmap
from generator.render.views import load_templates

ROOT = Path(__file__).resolve().parent.parent


def test_pages_are_kept_for_the_same_templates_only(tmp_path: Path) -> None:
    cache = BuildCache.open(tmp_path / "cache")
    assert cache.page_memo("t1") == {}
    memo = {"zh": {b"k" * 16: "page"}, "en": {b"k" * 16: "Page"}}
    cache.keep_pages(memo, {}, "t1")
    assert BuildCache.open(tmp_path / "cache").page_memo("t1") == memo
    assert BuildCache.open(tmp_path / "cache").page_memo("t2") == {}  # other templates: nothing reused


def test_the_templates_version_is_of_the_sources_rendered(tmp_path: Path) -> None:
    folder = tmp_path / "site_templates"
    shutil.copytree(ROOT / "site_templates", folder)
    first = load_templates(folder)
    assert load_templates(folder).version == first.version
    article = folder / "article.md.j2"
    article.write_text(article.read_text(encoding="utf-8") + "changed\n", encoding="utf-8")
    # What was read is what renders, and what its version says, whatever the file holds now.
    assert first.env.loader is not None
    assert "changed" not in first.env.loader.get_source(first.env, "article.md.j2")[0]
    changed = load_templates(folder).version
    assert changed != first.version
    (folder / "theme" / "extra.css").write_text("a{}", encoding="utf-8")  # MkDocs' theme, not a page's input
    assert load_templates(folder).version == changed


def test_terms_are_kept_for_the_same_glossary_only(tmp_path: Path) -> None:
    cache = BuildCache.open(tmp_path / "cache")
    terms = {"春耕": EnglishTerm(zh="春耕", en="spring ploughing", pinyin="chungeng")}
    cache.keep_terms(terms, {}, "g1")
    assert BuildCache.open(tmp_path / "cache").known_terms("g1") == terms
    assert BuildCache.open(tmp_path / "cache").known_terms("g2") == {}


def test_map_shapes_come_from_the_cache_and_a_damaged_entry_is_drawn_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[tuple[str, ...]] = []

    def draw(provinces: tuple[str, ...]) -> regionmap.MapShapes:
        drawn.append(tuple(provinces))
        return regionmap.MapShapes(height=7, paths={"150000": "M0 0L1 1Z"})

    monkeypatch.setattr(regionmap, "map_shapes", draw)
    cache = BuildCache.open(tmp_path / "cache")
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
        cache = BuildCache.open(cached.cache_dir)
        content = pipeline.compute(cached, build_cache=cache)
        assert pipeline.render_docs(content, cached, published=Record(ids=frozenset()), cache=cache) == expected
    assert cache.page_memo(load_templates(cached.root / "site_templates").version)


def test_a_bad_user_dictionary_line_fails_a_strict_build_the_cache_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    settings = load_settings(seeds=seeds, docs=tmp_path / "docs", site=tmp_path / "site", cache_dir=tmp_path / "c")
    cache = BuildCache.open(settings.cache_dir)
    pipeline.compute(settings, build_cache=cache)  # the cache answers every seed from now on
    real = segment.read_data_text
    monkeypatch.setattr(
        segment, "read_data_text", lambda name: real(name) + ("坏行 abc def ghi\n" if name == "userdict.txt" else "")
    )
    strict = dataclasses.replace(settings, strict=True)
    try:
        for _ in range(2):  # each run as a new process would: the user dictionary parsed afresh
            segment.project_userdict.cache_clear()
            with pytest.raises(BuildError, match="userdict"):
                pipeline.compute(strict, build_cache=cache)
    finally:
        monkeypatch.undo()
        segment.project_userdict.cache_clear()
