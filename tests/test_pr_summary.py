from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.pr_summary import compare, content_hash, load_export, main, render, translation_coverage


def _article(ident: str, **fields: Any) -> dict[str, Any]:
    article: dict[str, Any] = {
        "id": ident,
        "title_zh": f"标题{ident}",
        "title_en": f"Title {ident}",
        "source": {"file": f"{ident}.txt", "line_start": 1},
        "translation_status": {"title_en": "reviewed", "summary_en": "reviewed"},
    }
    article.update(fields)
    return article


def _export(path: Path, articles: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"articles": articles, "generator": {"version": "0"}}), encoding="utf-8")
    return path


def test_content_hash_ignores_key_order_and_sees_any_value() -> None:
    a = {"id": "x", "title_zh": "甲", "nested": {"a": 1, "b": 2}}
    b = {"nested": {"b": 2, "a": 1}, "title_zh": "甲", "id": "x"}
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash({**a, "title_zh": "乙"})


def test_compare_by_id_and_hash() -> None:
    base = [_article("a"), _article("b"), _article("c")]
    head = [_article("a"), _article("b", title_en="New title"), _article("d")]
    diff = compare(base, head)
    assert [a["id"] for a in diff.added] == ["d"]
    assert [a["id"] for a in diff.removed] == ["c"]
    assert [(c.new["id"], c.fields) for c in diff.changed] == [("b", ("title_en",))]
    assert diff.unchanged == 1


def test_an_article_whose_id_changed_is_changed_not_removed_and_added() -> None:
    # The migration from date-prefixed ids (or a re-cut text): same seed, same title, new id.
    old = _article("undated-x", date=None)
    new = {**old, "id": "2020-02-13-x", "date": "2020-02-13"}
    diff = compare([old, _article("b")], [new, _article("b")])
    assert diff.added == () and diff.removed == ()
    assert [(c.old["id"], c.new["id"], c.fields) for c in diff.changed] == [
        ("undated-x", "2020-02-13-x", ("date", "id"))
    ]


def test_ambiguous_redating_is_left_as_removed_and_added() -> None:
    # Two old articles of one seed with one title: no safe pairing.
    twins = [_article(i, title_zh="同题", source={"file": "s.txt"}) for i in ("u1", "u2")]
    new = _article("n1", title_zh="同题", source={"file": "s.txt"})
    diff = compare(twins, [new])
    assert len(diff.added) == 1 and len(diff.removed) == 2 and diff.changed == ()


def test_translation_coverage_counts_fields_and_names_unreviewed_articles() -> None:
    articles = [
        _article("a"),
        _article("b", translation_status={"title_en": "machine", "summary_en": "missing"}),
    ]
    cov = translation_coverage(articles)
    assert dict(cov.counts) == {"reviewed": 2, "machine": 1, "missing": 1}
    assert cov.reviewed_percent == 50.0
    assert cov.unreviewed == (("b", ("summary_en: missing", "title_en: machine")),)
    assert translation_coverage([]).reviewed_percent == 100.0


def test_render_lists_changes_coverage_and_step_results() -> None:
    base = [_article("a"), _article("c")]
    head = [_article("a", title_en="A | new"), _article("d", translation_status={"title_en": "missing"})]
    text = render(
        compare(base, head),
        translation_coverage(head),
        base=translation_coverage(base),
        results=[("make test", "success"), ("check", "failure")],
    )
    assert "**1 added, 1 changed, 1 removed** (0 unchanged)" in text
    assert "| make test | ✅ passed |" in text and "| check | ❌ failed |" in text
    assert "`a` A \\| new — changed: title_en" in text  # a table-breaking pipe is escaped
    assert "| this pull request | 2 | 0 | 1 | 66.7% |" in text
    assert "| base branch | 4 | 0 | 0 | 100.0% |" in text
    assert "- `d`: title_en: missing" in text


def test_render_without_base_and_long_lists_are_cut() -> None:
    head = [_article(f"x{n:02d}", translation_status={"title_en": "missing"}) for n in range(5)]
    text = render(None, translation_coverage(head), limit=2)
    assert "could not be exported" in text
    assert "- … and 3 more" in text


def test_main_reads_exports_and_tolerates_a_missing_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = _export(tmp_path / "head.json", [_article("a"), _article("b")])
    base = _export(tmp_path / "base.json", [_article("a")])
    assert main(["--base", str(base), "--head", str(head), "--result", "tests=success"]) == 0
    out = capsys.readouterr().out
    assert "**1 added, 0 changed, 0 removed**" in out and "| tests | ✅ passed |" in out
    assert main(["--base", str(tmp_path / "absent.json"), "--head", str(head)]) == 0
    assert "could not be exported" in capsys.readouterr().out


def test_load_export_takes_a_folder_holding_articles_json(tmp_path: Path) -> None:
    _export(tmp_path / "articles.json", [_article("a")])
    assert [a["id"] for a in load_export(tmp_path)] == ["a"]


def test_main_on_the_real_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.config import load_settings
    from generator.pipeline import compute
    from generator.render.export import export_json

    settings = load_settings(seeds=Path(__file__).resolve().parent.parent / "seeds")
    export = tmp_path / "head.json"
    export.write_text(export_json(compute(settings).articles), encoding="utf-8")
    assert main(["--base", str(export), "--head", str(export)]) == 0
    out = capsys.readouterr().out
    assert "**0 added, 0 changed, 0 removed**" in out
    assert "### English translation" in out
