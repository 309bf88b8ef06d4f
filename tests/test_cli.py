from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.render.export import load_schema

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_has_help_and_is_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--help"]).exit_code == 0
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, f"{name} help has no example"
        assert re.search(rf"python -m generator {name}\b", readme), f"README does not document `{name}`"


def test_module_entry_point_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "generator", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "build" in out.stdout and "export" in out.stdout


def test_export_command_writes_schema_valid_json(tmp_path: Path) -> None:
    out = tmp_path / "articles.json"
    result = CliRunner().invoke(main, ["export", "--seeds", str(ROOT / "seeds"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    jsonschema.Draft202012Validator(load_schema()).validate(json.loads(out.read_text(encoding="utf-8")))


def test_missing_seeds_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--seeds", str(tmp_path / "nope"), "--docs", str(tmp_path / "d")])
    assert result.exit_code != 0
    assert "seeds folder not found" in result.output
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("command", ["build", "site", "serve", "export"])
def test_commands_exist(command: str) -> None:
    assert command in main.commands
