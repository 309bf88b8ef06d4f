"""Each warning reaches the user once; `--strict` makes every warning fatal, not only bad seeds."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOOD = (
    "本报讯（记者 王五）为做好春耕备耕工作，某旗农牧局组织技术人员深入嘎查村，指导农牧民做好种子、化肥等农资储备。\n"
    "截至目前，全旗已储备化肥1.2万吨、种子800吨，能够满足春播需要。\n"
    "\n"
    "某旗扎实做好春耕备耕\n"
)


def _seeds(tmp_path: Path, extra: dict[str, bytes]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, data in extra.items():
        (seeds / name).write_bytes(data)
    return seeds


def _stray_nul_seed() -> bytes:
    """A readable seed with one NUL byte (under the one-per-thousand limit): read, with a warning."""
    data = (GOOD + "\n" + "全旗农牧民抓紧春耕生产，确保不误农时。\n" * 40).encode("utf-8")
    return data[:200] + b"\x00" + data[200:]


def _mentions(text: str, needle: str) -> int:
    return sum(needle in line for line in text.splitlines())


def test_a_bad_seed_is_printed_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    seeds = _seeds(tmp_path, {"empty.txt": b""})
    caplog.set_level(logging.DEBUG)
    result = CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")])
    assert result.exit_code == 0, result.output
    printed = _mentions(result.output, "empty.txt")
    # Log records reach the console too (the CLI's handler): they count as prints.
    logged = sum("empty.txt" in record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING)
    assert (printed, logged) == (1, 0), result.output


def test_a_bad_seed_is_printed_once_by_the_real_command(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, {"empty.txt": b""})
    env = {k: v for k, v in os.environ.items() if k != "DIGEST_STRICT"}
    cmd = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert _mentions(done.stderr + done.stdout, "empty.txt") == 1, done.stderr


def test_a_logged_warning_is_printed_once(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, {"nul.txt": _stray_nul_seed()})
    result = CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")])
    assert result.exit_code == 0, result.output
    assert _mentions(result.output, "stray NUL") == 1, result.output


def test_repeated_cli_calls_keep_one_log_handler(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, {"nul.txt": _stray_nul_seed()})
    runner = CliRunner()
    for _ in range(3):
        result = runner.invoke(main, ["build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")])
    assert _mentions(result.output, "stray NUL") == 1, result.output


@pytest.mark.parametrize(("name", "data"), [("empty.txt", b""), ("nul.txt", _stray_nul_seed())])
def test_strict_makes_every_warning_fatal(tmp_path: Path, name: str, data: bytes) -> None:
    seeds = _seeds(tmp_path, {name: data})
    docs = tmp_path / "docs"
    result = CliRunner().invoke(main, ["build", "--strict", "--seeds", str(seeds), "--docs", str(docs)])
    assert result.exit_code == 1, result.output
    assert "Error:" in result.output and name in result.output
    assert "Traceback" not in result.output
    assert not docs.exists()
