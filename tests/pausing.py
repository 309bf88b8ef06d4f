"""Run `python -m generator …` held at a named phase (`generator.interrupt.pause_point`).

The test then signals the process at a known moment: no sleeps guessing how far a build got.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Only a bound on a hung run; reaching the phase normally takes seconds.
_GIVE_UP_SECONDS = 600.0
_POLL_SECONDS = 0.05


@dataclass
class Paused:
    proc: subprocess.Popen[bytes]
    info: dict[str, object]
    marker: Path

    def resume(self) -> None:
        self.marker.unlink()


def start(args: list[str], *, work: Path, env: Mapping[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start the CLI in its own process group (so a test can kill MkDocs children too)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DIGEST_")}
    full_env["TMPDIR"] = str(work / "tmp")  # where `digest-mkdocs-*` would be left
    (work / "tmp").mkdir(exist_ok=True)
    full_env.update(env or {})
    return subprocess.Popen(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        env=full_env,
        stdout=subprocess.DEVNULL,
        stderr=(work / "stderr.txt").open("wb"),
        start_new_session=True,
    )


def run_until(phase: str, args: list[str], *, work: Path) -> Paused:
    """Start the CLI and return once it waits at `phase`; fails if it ends before."""
    marker = work / f"paused-{phase}.json"
    proc = start(args, work=work, env={"DIGEST_TEST_PAUSE_AT": phase, "DIGEST_TEST_PAUSE_MARKER": str(marker)})
    give_up = time.monotonic() + _GIVE_UP_SECONDS
    while not marker.exists():
        if proc.poll() is not None:
            stderr = (work / "stderr.txt").read_text(encoding="utf-8", errors="replace")
            raise AssertionError(f"ended (exit {proc.returncode}) before phase {phase}:\n{stderr}")
        if time.monotonic() > give_up:
            proc.kill()
            raise AssertionError(f"never reached phase {phase}")
        time.sleep(_POLL_SECONDS)
    return Paused(proc, json.loads(marker.read_text(encoding="utf-8")), marker)


def process_running(pid: int) -> bool:
    """Whether `pid` is a live (not zombie) process."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return False
    state = next((line.split()[1] for line in status.splitlines() if line.startswith("State:")), "X")
    return state not in ("Z", "X")


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
