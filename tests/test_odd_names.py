"""Odd seed names: overlong names build (or are reported), colliding names are reported naming both."""

from __future__ import annotations

import errno
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import IngestError
from generator.ingest import ingest_seeds, name_collisions

GOOD = (
    "本报讯（记者 王五）为做好春耕备耕工作，某旗农牧局组织技术人员深入嘎查村，指导农牧民做好种子、化肥等农资储备。\n"
    "截至目前，全旗已储备化肥1.2万吨、种子800吨，能够满足春播需要。\n"
    "\n"
    "某旗扎实做好春耕备耕\n"
)
# 254 bytes: a legal name whose sidecar names (`….txt.yml`, 258 bytes) are not.
LONG_NAME = "a" * 250 + ".txt"


def _seeds(tmp_path: Path, names: list[str]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in names:
        (seeds / name).write_text(GOOD, encoding="utf-8")
    return seeds


def test_a_254_byte_name_is_read_without_sidecar(tmp_path: Path) -> None:
    assert len(LONG_NAME.encode()) == 254
    seeds = _seeds(tmp_path, [LONG_NAME, "good.txt"])
    result = ingest_seeds(seeds)
    assert result.problems == ()
    assert {a.source_file for a in result.articles} == {LONG_NAME, "good.txt"}


def test_a_254_byte_name_builds_through_the_cli(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, [LONG_NAME])
    result = CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "docs" / "zh" / "index.md").is_file()


def test_failing_sidecar_lookup_is_reported_with_the_seed_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _seeds(tmp_path, ["bad.txt", "good.txt"])
    real_is_file = Path.is_file

    def is_file(self: Path) -> bool:
        if self.name.startswith("bad.") and self.suffix == ".yml":
            raise OSError(errno.EIO, "Input/output error")
        return real_is_file(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    result = ingest_seeds(seeds)
    assert [(p.file, "Input/output error" in p.reason) for p in result.problems] == [("bad.txt", True)]
    assert {a.source_file for a in result.articles} == {"good.txt"}


def test_unreadable_seed_is_a_problem_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _seeds(tmp_path, ["locked.txt", "good.txt"])
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = ingest_seeds(seeds)
    assert [p.file for p in result.problems] == ["locked.txt"]
    assert "Permission denied" in str(result.problems[0])


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (("Case.txt", "case.txt"), {"case.txt": "Case.txt"}),
        (("a/Straße.txt", "a/STRASSE.txt"), {"a/STRASSE.txt": "a/Straße.txt"}),
        (("cafe\u0301.txt", "caf\u00e9.txt"), {"caf\u00e9.txt": "cafe\u0301.txt"}),
        (("a.txt", "b.txt", "a.html"), {}),
    ],
)
def test_name_collisions_keep_the_first(names: tuple[str, ...], expected: dict[str, str]) -> None:
    assert name_collisions(names) == expected


@pytest.mark.parametrize(
    ("names", "kept", "reported"),
    [
        (["Case.txt", "case.txt"], "Case.txt", "case.txt"),
        # Sorted order puts the decomposed (NFD) name first: e < é.
        (["caf\u00e9.txt", "cafe\u0301.txt"], "cafe\u0301.txt", "caf\u00e9.txt"),
    ],
)
def test_colliding_seeds_report_both_names(tmp_path: Path, names: list[str], kept: str, reported: str) -> None:
    seeds = _seeds(tmp_path, [*names, "good.txt"])
    if len({p.name for p in seeds.iterdir()}) < 3:
        pytest.skip("this file system folds these names itself")
    result = ingest_seeds(seeds)
    (problem,) = result.problems
    assert problem.file == reported and kept in problem.reason
    assert {a.source_file for a in result.articles} == {kept, "good.txt"}
    with pytest.raises(IngestError, match="letter case or Unicode normalisation"):
        ingest_seeds(seeds, strict=True)
    assert unicodedata.normalize("NFC", kept).casefold() == unicodedata.normalize("NFC", reported).casefold()
