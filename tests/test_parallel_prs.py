"""Two pull requests that each add an article merge without a conflict in the build's records.

A real git repository in a temporary folder, with the project's own `.gitattributes`: the
base publishes one article, two branches each publish one more (the records written by the
build's own formatters), and merging the second after the first must leave the records
merged (git's `union` driver), readable as one history with both articles.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.changelog import (
    CHANGES_FILE,
    HASHES_FILE,
    History,
    format_changes,
    format_hashes,
    next_history,
    parse_history,
)
from generator.published import RECORD_FILE, Record, format_record, parse_record, with_current

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )


def _publish(repo: Path, history: History, record: Record, current: dict[str, str]) -> tuple[History, Record]:
    """Write the records as a build publishing `current` (id -> content hash) would."""
    docs = repo / "docs_src"
    history = next_history(history, current)
    record = with_current(record, current)
    (docs / CHANGES_FILE).write_text(format_changes(history), encoding="utf-8")
    (docs / HASHES_FILE).write_text(format_hashes(history), encoding="utf-8")
    (docs / RECORD_FILE).write_text(format_record(record), encoding="utf-8")
    return history, record


def test_two_one_article_prs_merge_cleanly_in_the_records(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "docs_src").mkdir(parents=True)
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    assert _git(repo, "init", "-q", "-b", "main").returncode == 0
    base = _publish(repo, History(), Record(), {"m-1": "h1"})
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    for branch, new_id in (("pr-a", "x-2"), ("pr-b", "y-3")):
        _git(repo, "checkout", "-qb", branch, "main")
        _publish(repo, *base, {"m-1": "h1", new_id: "h2"})
        _git(repo, "commit", "-qam", branch)
    _git(repo, "checkout", "-q", "main")
    assert _git(repo, "merge", "-q", "--no-edit", "pr-a").returncode == 0
    merged = _git(repo, "merge", "--no-edit", "pr-b")
    assert merged.returncode == 0, merged.stdout + merged.stderr

    docs = repo / "docs_src"
    history = parse_history((docs / CHANGES_FILE).read_text("utf-8"), (docs / HASHES_FILE).read_text("utf-8"))
    assert [u.added for u in history.updates] == [("m-1",), ("x-2", "y-3")]
    assert dict(history.hashes) == {"m-1": "h1", "x-2": "h2", "y-3": "h2"}
    assert parse_record((docs / RECORD_FILE).read_text("utf-8")).ids == {"m-1", "x-2", "y-3"}
