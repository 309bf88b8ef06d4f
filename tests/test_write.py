from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.write import current_umask, recover, staged_dir, write_file, write_tree


def read_tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def test_write_tree_replaces_the_whole_folder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_tree(target, {"a.md": "1", "sub/b.md": "2"})
    write_tree(target, {"c.md": "3"})
    assert read_tree(target) == {"c.md": "3"}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_failure_leaves_previous_tree_intact(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_tree(target, {"a.md": "old"})
    with pytest.raises(RuntimeError), staged_dir(target) as staging:
        (staging / "a.md").write_text("new")
        raise RuntimeError("killed")
    assert read_tree(target) == {"a.md": "old"}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_recover_restores_folder_after_interrupted_two_step_swap(tmp_path: Path) -> None:
    target = tmp_path / "out"
    old = tmp_path / ".out.old"
    old.mkdir()
    (old / "a.md").write_text("kept")
    (tmp_path / ".out.new-abc").mkdir()
    recover(target)
    assert read_tree(target) == {"a.md": "kept"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("bad", ["../x.md", "/etc/passwd", "a/../../x", "a//b", "a\\b", "./a"])
def test_refuses_paths_outside_the_folder(tmp_path: Path, bad: str) -> None:
    with pytest.raises(BuildError):
        write_tree(tmp_path / "out", {bad: "x"})
    assert not (tmp_path / "out").exists()


def test_refuses_two_outputs_for_one_path(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="two outputs"):
        write_tree(tmp_path / "out", {"a/B.md": "1", "a/b.md": "2"})


def test_write_file_is_atomic_and_complete(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    write_file(target, "一二三")
    assert target.read_text(encoding="utf-8") == "一二三"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_unchanged_files_keep_their_bytes_inode_and_mtime(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_tree(target, {"same.md": "一", "sub/changed.md": "old", "gone.md": "x"})
    before = {name: (target / name).stat() for name in ("same.md", "sub/changed.md")}
    os.utime(target / "same.md", ns=(1_000_000_000, 1_000_000_000))  # an old mtime, to see it kept
    write_tree(target, {"same.md": "一", "sub/changed.md": "new", "added.md": "y"})
    assert read_tree(target) == {"same.md": "一", "sub/changed.md": "new", "added.md": "y"}
    same = (target / "same.md").stat()
    assert same.st_ino == before["same.md"].st_ino and same.st_mtime_ns == 1_000_000_000
    assert same.st_nlink == 1  # the previous tree is gone: no second name left behind
    assert (target / "sub/changed.md").stat().st_ino != before["sub/changed.md"].st_ino


def test_a_symlink_or_another_mode_in_the_old_tree_is_written_afresh(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("secret")
    target = tmp_path / "out"
    write_tree(target, {"link.md": "secret", "mode.md": "m"})
    (target / "link.md").unlink()
    (target / "link.md").symlink_to(outside)
    (target / "mode.md").chmod(0o600)
    write_tree(target, {"link.md": "secret", "mode.md": "m"})
    assert not (target / "link.md").is_symlink() and (target / "link.md").stat().st_ino != outside.stat().st_ino
    assert stat.S_IMODE((target / "mode.md").stat().st_mode) == 0o666 & ~current_umask()
    assert outside.read_text() == "secret"
