"""A build killed (SIGKILL, no cleanup possible) at any phase leaves complete output: old or new, never a mix.

The build is held at a named phase (`generator.interrupt.pause_point`) and killed there, so
each case knows which output it must find: no sleeps, no guessing how far the build got.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.linkcheck import check_site
from tests.pausing import ROOT, run_until, snapshot, start

pytestmark = pytest.mark.site

# Phase -> (docs_src is new, site is new) once the build is killed there.
EXPECTED = {
    "compute": (False, False),
    "write-docs": (False, False),
    "swap-docs": (False, False),  # new docs fully written beside the old, not swapped yet
    "docs-written": (True, False),
    "mkdocs": (True, False),
    "swap-site": (True, False),  # new site fully assembled beside the old, not swapped yet
}


@pytest.fixture(scope="module")
def changed_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's seeds with one article changed since the previous build, so a swap is visible."""
    seeds = tmp_path_factory.mktemp("seeds") / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    first = sorted(seeds.glob("*.txt"))[0]
    first.write_text(
        first.read_text(encoding="utf-8") + "\n本报讯 新增一段文字，用于检验中断的构建。\n", encoding="utf-8"
    )
    return seeds


def _work(built_site: tuple[Path, Path], path: Path) -> Path:
    docs, site = built_site
    shutil.copytree(docs, path / "docs_src")
    shutil.copytree(site, path / "site")
    return path


def _args(work: Path, seeds: Path) -> list[str]:
    return ["site", "--seeds", str(seeds), "--docs", str(work / "docs_src"), "--site", str(work / "site")]


@pytest.fixture(scope="module")
def new_output(
    built_site: tuple[Path, Path], changed_seeds: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """(docs, site) of a build of the changed seeds that nothing interrupts."""
    work = _work(built_site, tmp_path_factory.mktemp("complete"))
    proc = start(_args(work, changed_seeds), work=work)
    assert proc.wait() == 0, (work / "stderr.txt").read_text(encoding="utf-8")
    assert check_site(work / "site") == ()
    return snapshot(work / "docs_src"), snapshot(work / "site")


def test_an_uninterrupted_build_replaces_both(
    built_site: tuple[Path, Path], new_output: tuple[dict[str, bytes], dict[str, bytes]]
) -> None:
    docs, site = built_site
    assert new_output[0] != snapshot(docs), "the changed seed must change docs_src/"
    assert new_output[1] != snapshot(site), "the changed seed must change site/"


@pytest.mark.parametrize("phase", list(EXPECTED))
def test_killed_site_build_leaves_old_or_complete_new_output(
    built_site: tuple[Path, Path],
    changed_seeds: Path,
    new_output: tuple[dict[str, bytes], dict[str, bytes]],
    tmp_path: Path,
    phase: str,
) -> None:
    work = _work(built_site, tmp_path)
    old_docs, old_site = snapshot(work / "docs_src"), snapshot(work / "site")
    paused = run_until(phase, _args(work, changed_seeds), work=work)
    os.killpg(paused.proc.pid, signal.SIGKILL)  # the whole group: MkDocs runs in child processes
    paused.proc.wait()

    docs_new, site_new = EXPECTED[phase]
    assert snapshot(work / "docs_src") == (new_output[0] if docs_new else old_docs)
    assert snapshot(work / "site") == (new_output[1] if site_new else old_site)
    assert check_site(work / "site") == ()


def test_next_build_cleans_up_after_a_killed_one(
    built_site: tuple[Path, Path], changed_seeds: Path, tmp_path: Path
) -> None:
    work = _work(built_site, tmp_path)
    paused = run_until("swap-docs", _args(work, changed_seeds), work=work)
    os.killpg(paused.proc.pid, signal.SIGKILL)
    paused.proc.wait()
    assert [p.name for p in work.iterdir() if p.name.startswith(".docs_src.new-")], "expected a staged leftover"

    cmd = [sys.executable, "-m", "generator", "build", "--seeds", str(changed_seeds), "--docs", str(work / "docs_src")]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    assert [p.name for p in work.iterdir() if p.name.startswith(".docs_src")] == []
