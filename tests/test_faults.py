"""Faults around the generator (permissions, full disk, bad environment, busy port): one clear message, exit 1."""

from __future__ import annotations

import errno
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import generator.write
from generator.cli import main

GOOD = (
    "本报讯（记者 王五）为做好春耕备耕工作，某旗农牧局组织技术人员深入嘎查村，指导农牧民做好种子、化肥等农资储备。\n"
    "截至目前，全旗已储备化肥1.2万吨、种子800吨，能够满足春播需要。\n"
    "\n"
    "某旗扎实做好春耕备耕\n"
)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


@pytest.fixture
def previous_docs(tmp_path: Path, seeds: Path) -> Iterator[Path]:
    docs = tmp_path / "docs"
    result = CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--docs", str(docs)])
    assert result.exit_code == 0, result.output
    (docs / "marker.txt").write_text("previous build", encoding="utf-8")
    yield docs


def _build(seeds: Path, docs: Path, **env: str) -> Result:
    return CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--docs", str(docs)], env=env)


def _assert_one_clear_error(result: Result, *needles: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    for needle in needles:
        assert needle in errors[0], result.output


def _leftovers(docs: Path) -> list[str]:
    return [p.name for p in docs.parent.iterdir() if p.name.startswith(f".{docs.name}")]


def test_read_only_output_folder(seeds: Path, previous_docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, dir: str | None = None, **kwargs: object) -> str:
        raise PermissionError(errno.EACCES, "Permission denied", dir)

    # Running as root ignores chmod, so the refusal is simulated where the staging folder is made.
    monkeypatch.setattr(generator.write.tempfile, "mkdtemp", refuse)
    result = _build(seeds, previous_docs)
    _assert_one_clear_error(result, "Permission denied", str(previous_docs.parent))
    assert (previous_docs / "marker.txt").is_file()


def test_full_disk(seeds: Path, previous_docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The disk fills after two files: every later write, and every hard link that carries an
    # unchanged file over from the previous build, is refused.
    real_write, real_link = Path.write_bytes, os.link
    done = 0

    def full_after_two(path: object) -> None:
        nonlocal done
        done += 1
        if done > 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))

    def write_bytes(self: Path, data: bytes) -> int:
        full_after_two(self)
        return real_write(self, data)

    def link(source: object, target: object, **options: object) -> None:
        full_after_two(target)
        real_link(source, target, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    monkeypatch.setattr(os, "link", link)
    result = _build(seeds, previous_docs)
    _assert_one_clear_error(result, "No space left on device", "disk is full")
    assert (previous_docs / "marker.txt").is_file()
    assert _leftovers(previous_docs) == []


def test_failing_removal_of_the_old_tree_does_not_fail_a_swapped_build(
    seeds: Path, previous_docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = shutil.rmtree

    def rmtree(path: object, *args: object, **kwargs: object) -> None:
        if (Path(str(path)) / "marker.txt").exists() and not kwargs.get("ignore_errors"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.write.shutil, "rmtree", rmtree)
    result = _build(seeds, previous_docs)
    assert result.exit_code == 0, result.output
    assert not (previous_docs / "marker.txt").exists(), "the new docs were swapped in"
    assert "previous output stays" in result.output
    # The next build removes what this one could not.
    monkeypatch.setattr(generator.write.shutil, "rmtree", real)
    assert _build(seeds, previous_docs).exit_code == 0
    assert _leftovers(previous_docs) == []


@pytest.mark.parametrize("value", ["abc", "-5", "1.5"])
def test_bad_source_date_epoch(seeds: Path, tmp_path: Path, value: str) -> None:
    result = _build(seeds, tmp_path / "docs", SOURCE_DATE_EPOCH=value)
    _assert_one_clear_error(result, "SOURCE_DATE_EPOCH", repr(value))
    assert not (tmp_path / "docs").exists()


def test_bad_source_date_epoch_for_offline(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>zh</p>", encoding="utf-8")
    args = ["offline", "--no-build", "--site", str(site), "--out", str(tmp_path / "s.zip")]
    result = CliRunner().invoke(main, args, env={"SOURCE_DATE_EPOCH": "abc"})
    _assert_one_clear_error(result, "SOURCE_DATE_EPOCH")


def test_busy_port_for_serve(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--no-build", "--site", str(site), "--port", str(port)])
    _assert_one_clear_error(result, f"127.0.0.1:{port}", "--port")
