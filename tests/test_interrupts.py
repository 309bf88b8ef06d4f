"""SIGTERM at a known phase: children stopped, temporary files removed, previous output intact."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from generator.interrupt import PHASES
from tests.pausing import ROOT, process_running, run_until, snapshot

pytestmark = pytest.mark.site
TERMINATED = 128 + signal.SIGTERM


@pytest.fixture
def work(built_site: tuple[Path, Path], tmp_path: Path) -> Path:
    """A folder with a complete previous docs_src/ and site/."""
    docs, site = built_site
    shutil.copytree(docs, tmp_path / "docs_src")
    shutil.copytree(site, tmp_path / "site")
    return tmp_path


def _leftovers(work: Path) -> list[str]:
    hidden = [p.name for p in work.iterdir() if p.name.startswith(".")]
    scratch = [p.name for p in (work / "tmp").iterdir() if p.name.startswith("digest-")]
    partial = [p.name for p in work.rglob("*.partial")]
    return hidden + scratch + partial


def _site_args(work: Path) -> list[str]:
    return ["site", "--seeds", str(ROOT / "seeds"), "--docs", str(work / "docs_src"), "--site", str(work / "site")]


def test_sigterm_during_mkdocs_stops_both_builds_and_cleans_up(work: Path) -> None:
    before = snapshot(work / "site")
    paused = run_until("mkdocs", _site_args(work), work=work)
    children = paused.info["children"]
    assert isinstance(children, list) and len(children) == 2
    assert [p.name for p in (work / "tmp").iterdir() if p.name.startswith("digest-mkdocs-")]
    paused.proc.send_signal(signal.SIGTERM)
    assert paused.proc.wait(timeout=120) == TERMINATED
    assert [pid for pid in children if process_running(pid)] == []
    assert _leftovers(work) == []
    assert snapshot(work / "site") == before


@pytest.mark.parametrize("phase", ["compute", "swap-docs", "swap-site"])
def test_sigterm_at_other_phases_keeps_previous_output(work: Path, phase: str) -> None:
    before_docs, before_site = snapshot(work / "docs_src"), snapshot(work / "site")
    paused = run_until(phase, _site_args(work), work=work)
    paused.proc.send_signal(signal.SIGTERM)
    assert paused.proc.wait(timeout=120) == TERMINATED
    assert _leftovers(work) == []
    assert snapshot(work / "site") == before_site
    if phase in ("compute", "swap-docs"):
        assert snapshot(work / "docs_src") == before_docs


def test_sigterm_during_offline_zip_leaves_no_partial_file(work: Path) -> None:
    out = work / "dist" / "digest-site.zip"
    args = ["offline", "--no-build", "--site", str(work / "site"), "--out", str(out)]
    paused = run_until("zip", args, work=work)
    assert (work / "dist" / ".digest-site.zip.partial").is_file()
    paused.proc.send_signal(signal.SIGTERM)
    assert paused.proc.wait(timeout=120) == TERMINATED
    assert list((work / "dist").iterdir()) == []
    assert _leftovers(work) == []


def test_resumed_pause_completes_normally(work: Path) -> None:
    out = work / "dist" / "digest-site.zip"
    paused = run_until("zip", ["offline", "--no-build", "--site", str(work / "site"), "--out", str(out)], work=work)
    paused.resume()
    assert paused.proc.wait(timeout=120) == 0
    assert out.is_file() and _leftovers(work) == []


def test_every_phase_is_documented() -> None:
    import generator.interrupt as interrupt

    assert interrupt.__doc__ is not None
    assert " -> ".join(f"``{phase}``" for phase in PHASES) in interrupt.__doc__
