"""Per-seed tasks on a Dask cluster (`dask.distributed`, an optional dependency).

`python -m generator build --executor dask [--scheduler tcp://host:8786]` runs the per-seed
map (`generator.seedmap`) on the cluster's workers; the corpus steps (ids, duplicates,
related lists, rendering) stay on the driver and are linear. Without `--scheduler` a local
cluster of `--jobs` worker processes is started for the run (what the tests use).

Each worker process loads the resources once, through a worker plugin the executor
registers (a worker joining later loads them when it starts), and hands them to every task
it runs, as the process pool's initializer does. Tasks read the seeds by path: the workers
must see the seeds folder at the same path (one machine, or a shared file system) and run
the same `generator` package.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from distributed import Client, LocalCluster, WorkerPlugin

from generator.executors import SerialExecutor

if TYPE_CHECKING:
    from generator.seedmap import Resources

T = TypeVar("T")

# The resources of this worker process, set by the plugin (like the pool's `_WORKER_RESOURCES`).
_WORKER_RESOURCES: list[Resources] = []


class LoadResources(WorkerPlugin):  # type: ignore[misc]
    """`load_resources()` once in each worker process."""

    name = "digest-resources"

    def setup(self, worker: Any) -> None:
        from generator.seedmap import load_resources

        _WORKER_RESOURCES[:] = [load_resources()]

    def teardown(self, worker: Any) -> None:
        _WORKER_RESOURCES.clear()


def _call(task: Callable[..., T], args: tuple[Any, ...]) -> T:
    return task(*args, _WORKER_RESOURCES[0])


class DaskExecutor:
    """Tasks on the cluster at `scheduler`, or on `jobs` local worker processes started here.

    Results come back in the order of the arguments, each what the serial run gives. A map
    of one task runs here, where a round trip would cost more.
    """

    def __init__(self, resources: Resources | Callable[[], Resources], *, scheduler: str | None, jobs: int) -> None:
        self._serial = SerialExecutor(resources)  # for maps of one task; loads on first use
        self._cluster: LocalCluster | None = None
        if scheduler is None:
            self._cluster = LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
            )
            scheduler = self._cluster.scheduler_address
        self._client = Client(scheduler, set_as_default=False)
        self._registered = False

    def map(self, task: Callable[..., T], arguments: Sequence[tuple[Any, ...]]) -> list[T]:
        if len(arguments) <= 1:
            return self._serial.map(task, arguments)
        if not self._registered:
            self._client.register_plugin(LoadResources())
            self._registered = True
        futures = self._client.map(_call, [task] * len(arguments), list(arguments), pure=False)
        return list(self._client.gather(futures))

    def idle(self) -> None:
        pass  # a cluster's workers are not ours to stop between maps

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["DaskExecutor", "LoadResources"]
