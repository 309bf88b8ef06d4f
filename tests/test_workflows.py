"""The GitHub Actions workflows: linted with actionlint, and doing what the README promises.

actionlint comes from PyPI (requirements-dev.lock, installed by `make test`); it also runs
shellcheck on `run:` scripts when shellcheck is on PATH.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
OFFICIAL_PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")


def _actionlint() -> str:
    beside_python = Path(sys.executable).parent / "actionlint"
    found = str(beside_python) if beside_python.is_file() else shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint is not installed: run `make test` (requirements-dev.lock)")
    return found


def _workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _runs(workflow: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in _steps(workflow))


def _uses(workflow: dict[str, Any]) -> list[str]:
    return [str(step["uses"]) for step in _steps(workflow) if "uses" in step]


def test_actionlint_finds_nothing() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert files, "no workflow in .github/workflows"
    done = subprocess.run(
        [_actionlint(), "-no-color", *files], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_actions_are_pinned_by_major_version() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for uses in _uses(_workflow(path.name)):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", uses), f"{path.name}: {uses} is not pinned to a major version"


def test_pull_request_workflow_runs_the_readme_commands_check_preview_and_summary() -> None:
    workflow = _workflow("pr.yml")
    assert "pull_request" in workflow["on"]
    setup = [s for s in _steps(workflow) if str(s.get("uses", "")).startswith("actions/setup-python@")]
    assert setup and str(setup[0]["with"]["python-version"]) == "3.11"
    runs = _runs(workflow)
    for command in ("make test", "make site", "python -m generator check", "python -m generator export"):
        assert command in runs, command
    assert "generator.pr_summary" in runs and "$GITHUB_STEP_SUMMARY" in runs
    upload = [s for s in _steps(workflow) if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    assert upload and upload[0]["with"]["path"].rstrip("/") == "site"
    # The preview build must not regenerate the committed docs_src/ before the check compares it,
    # and builds from a copy of it: the record of published ids (redirects, removal notices) is there.
    site_step = next(s for s in _steps(workflow) if "make site" in str(s.get("run", "")).splitlines())
    assert "DIGEST_DOCS" in site_step.get("env", {})
    assert 'cp -R docs_src "$DIGEST_DOCS"' in site_step["run"]


def test_pages_workflow_deploys_main_with_the_official_actions() -> None:
    workflow = _workflow("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"]
    uses = [u.split("@")[0] for u in _uses(workflow)]
    for action in OFFICIAL_PAGES_ACTIONS:
        assert action in uses, action
    build = next(s for s in _steps(workflow) if s.get("run") == "make site")
    assert build["env"]["DIGEST_SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    configure = next(s for s in _steps(workflow) if str(s.get("uses", "")).startswith("actions/configure-pages@"))
    assert configure["id"] == "pages"
