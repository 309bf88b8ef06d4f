"""The per-seed map on a Dask cluster gives what the serial run gives (issue 12, point 7).

Local clusters of worker processes stand in for a real one: the same scheduler protocol,
pickled tasks and results, and resources loaded by the worker plugin in each worker.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import LocalCluster

from generator.cli import main
from generator.config import load_settings
from generator.dask_executor import DaskExecutor
from generator.errors import ConfigError
from generator.executors import SerialExecutor
from generator.seedmap import Resources, ingest_and_analyse, load_resources

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def resources() -> Resources:
    return load_resources()


@pytest.fixture
def two_seeds(tmp_path: Path) -> Path:
    """Two small seeds of the shipped ones (with their sidecars): a map of two tasks."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in sorted((ROOT / "seeds").glob("00[34]_*")):
        shutil.copy(path, folder / path.name)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_local_cluster_gives_the_serial_result(two_seeds: Path, resources: Resources) -> None:
    serial = ingest_and_analyse(two_seeds, strict=True, executor=SerialExecutor(resources))
    with DaskExecutor(resources, scheduler=None, jobs=2) as cluster:
        assert ingest_and_analyse(two_seeds, strict=True, executor=cluster) == serial


def test_build_on_a_running_scheduler_writes_the_serial_docs_folder(two_seeds: Path, tmp_path: Path) -> None:
    common = ["--seeds", str(two_seeds), "--no-cache"]
    serial = CliRunner().invoke(main, ["build", *common, "--docs", str(tmp_path / "serial"), "--jobs", "1"])
    assert serial.exit_code == 0, serial.output
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        args = ["--executor", "dask", "--scheduler", cluster.scheduler_address, "--docs", str(tmp_path / "dask")]
        on_dask = CliRunner().invoke(main, ["build", *common, *args])
    assert on_dask.exit_code == 0, on_dask.output
    assert _files(tmp_path / "dask") == _files(tmp_path / "serial")


def test_a_scheduler_needs_the_dask_executor(two_seeds: Path) -> None:
    with pytest.raises(ConfigError, match="--scheduler names a Dask scheduler: it needs --executor dask"):
        load_settings(seeds=two_seeds, scheduler="tcp://127.0.0.1:8786")


def test_an_unknown_executor_is_named(two_seeds: Path) -> None:
    with pytest.raises(ConfigError, match="--executor must be one of local, dask, got 'spark'"):
        load_settings(seeds=two_seeds, executor="spark")


@pytest.mark.parametrize("address", ["nonsense address", "http://10.0.0.5:8786", "tcp://host", "tcp://:8786"])
def test_a_malformed_scheduler_address_is_refused_before_anything_runs(two_seeds: Path, address: str) -> None:
    with pytest.raises(ConfigError, match="--scheduler must be a Dask scheduler address"):
        load_settings(seeds=two_seeds, executor="dask", scheduler=address)


@pytest.mark.parametrize("address", ["tcp://10.0.0.5:8786", "127.0.0.1:8786", "tls://dask.example.org:8786"])
def test_a_scheduler_address_is_accepted(two_seeds: Path, address: str) -> None:
    assert load_settings(seeds=two_seeds, executor="dask", scheduler=address).scheduler == address
