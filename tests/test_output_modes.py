"""Output files honour the umask like any `open()`; an interrupted zip leaves nothing behind."""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.offline import zip_site
from generator.write import current_umask, staged_dir, write_file

GOOD = (
    "本报讯（记者 王五）为做好春耕备耕工作，某旗农牧局组织技术人员深入嘎查村，指导农牧民做好种子、化肥等农资储备。\n"
    "截至目前，全旗已储备化肥1.2万吨、种子800吨，能够满足春播需要。\n"
    "\n"
    "某旗扎实做好春耕备耕\n"
)
UMASKS = [0o022, 0o002, 0o077]


@pytest.fixture
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    mask: int = request.param
    previous = os.umask(mask)
    try:
        yield mask
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>zh</p>", encoding="utf-8")
    (site / "en" / "index.html").write_text("<p>en</p>", encoding="utf-8")
    return site


@pytest.mark.parametrize("umask", UMASKS, indirect=True)
def test_current_umask_reads_without_changing(umask: int) -> None:
    assert current_umask() == umask
    assert current_umask() == umask


@pytest.mark.parametrize("umask", UMASKS, indirect=True)
def test_write_file_honours_the_umask(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "a.json"
    write_file(target, "{}")
    assert _mode(target) == 0o666 & ~umask


@pytest.mark.parametrize("umask", UMASKS, indirect=True)
def test_staged_folder_honours_the_umask(tmp_path: Path, umask: int) -> None:
    with staged_dir(tmp_path / "out") as staging:
        (staging / "x").write_text("1")
    assert _mode(tmp_path / "out") == 0o777 & ~umask


@pytest.mark.parametrize("umask", UMASKS, indirect=True)
def test_offline_zip_honours_the_umask(tmp_path: Path, umask: int) -> None:
    out = zip_site(_site(tmp_path), tmp_path / "dist" / "site.zip")
    assert _mode(out) == 0o666 & ~umask
    assert zipfile.ZipFile(out).namelist() == ["digest-site/en/index.html", "digest-site/index.html"]


@pytest.mark.parametrize("umask", [0o022], indirect=True)
def test_export_command_honours_the_umask(tmp_path: Path, umask: int) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "articles.json"
    result = CliRunner().invoke(main, ["export", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _mode(out) == 0o644


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError])
def test_interrupted_zip_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: type[BaseException]
) -> None:
    site = _site(tmp_path)
    out = tmp_path / "dist" / "site.zip"
    real = zipfile.ZipFile.writestr
    written = 0

    def writestr(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
        nonlocal written
        written += 1
        if written == 2:
            raise failure()
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)
    with pytest.raises(failure):
        zip_site(site, out)
    assert written == 2
    assert list(out.parent.iterdir()) == []
