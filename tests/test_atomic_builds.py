"""A build killed at any moment leaves the previous docs and site intact and usable."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.linkcheck import check_site

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.site


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous_build(built_site: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A work folder holding a complete previous docs_src/ and site/."""
    docs, site = built_site
    work = tmp_path_factory.mktemp("atomic")
    shutil.copytree(docs, work / "docs_src")
    shutil.copytree(site, work / "site")
    return work


@pytest.mark.parametrize("delay", [0.3, 1.0, 2.0, 3.5, 5.0])
def test_killed_site_build_keeps_previous_output(previous_build: Path, delay: float) -> None:
    docs, site = previous_build / "docs_src", previous_build / "site"
    before_docs, before_site = _snapshot(docs), _snapshot(site)
    # Seeds changed since the previous build, so a completed swap would be visible.
    seeds = previous_build / "seeds"
    shutil.rmtree(seeds, ignore_errors=True)
    shutil.copytree(ROOT / "seeds", seeds)
    first = sorted(seeds.glob("*.txt"))[0]
    first.write_text(
        first.read_text(encoding="utf-8") + "\n本报讯 新增一段文字，用于检验中断的构建。\n", encoding="utf-8"
    )

    cmd = [sys.executable, "-m", "generator", "site", "--seeds", str(seeds), "--docs", str(docs), "--site", str(site)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(delay)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: MkDocs runs in child processes
    proc.wait()

    after_docs, after_site = _snapshot(docs), _snapshot(site)
    # Either untouched, or (if the build got that far) completely replaced: never a mix.
    assert after_docs == before_docs or "zh/index.md" in after_docs
    assert after_site == before_site or check_site(site) == ()
    if proc.returncode != 0:
        assert after_site == before_site, "a killed build changed site/"
    assert (docs / "zh" / "index.md").is_file() and (site / "index.html").is_file()
    assert (site / "en" / "index.html").is_file()
    assert check_site(site) == ()


def test_next_build_cleans_up_after_a_killed_one(previous_build: Path) -> None:
    leftovers = [p.name for p in previous_build.iterdir() if p.name.startswith(".")]
    cmd = [
        sys.executable,
        "-m",
        "generator",
        "build",
        "--seeds",
        str(ROOT / "seeds"),
        "--docs",
        str(previous_build / "docs_src"),
    ]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    remaining = [p.name for p in previous_build.iterdir() if p.name.startswith(".docs_src")]
    assert remaining == [], (leftovers, remaining)
