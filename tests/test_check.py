from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.check import run_checks
from generator.cli import main
from generator.config import Settings
from generator.pipeline import run


def test_check_passes_on_fresh_docs_and_names_stale_files(project_settings: Settings, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    settings = project_settings.with_paths(docs_dir=docs)
    run(settings)
    assert all(r.ok for r in run_checks(settings)), [r for r in run_checks(settings) if not r.ok]

    page = sorted((docs / "zh" / "articles").glob("*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "hand edit\n", encoding="utf-8")
    (docs / "zh" / "orphan.md").write_text("x", encoding="utf-8")
    results = {r.name: r for r in run_checks(settings)}
    stale = results["docs_src/ up to date"]
    assert not stale.ok
    assert any(page.name in p and "differs" in p for p in stale.problems)
    assert any("orphan.md" in p and "stale" in p for p in stale.problems)
    assert results["strict MkDocs builds"].ok


def test_check_command_exits_non_zero_with_a_list(project_settings: Settings, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--docs", str(tmp_path / "empty")])
    assert result.exit_code != 0
    assert "FAIL docs_src/ up to date" in result.output
    assert "checks failed" in result.output
