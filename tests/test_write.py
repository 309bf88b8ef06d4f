from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.write import recover, staged_dir, write_file, write_tree


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
