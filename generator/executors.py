"""Where per-seed tasks run: in this process or on a process pool.

A task is a top-level function called as `task(*arguments, resources)`; the executor owns
the resources (`seedmap.Resources`), loaded once per process that runs tasks, and returns
results in the order of the arguments. Output never depends on the executor. A Dask cluster
is the third (`generator.dask_executor`, an optional dependency).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from generator.seedmap import Resources

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """What the per-seed map needs: tasks run, results in the order of the arguments."""

    def map(self, task: Callable[..., T], arguments: Sequence[tuple[Any, ...]]) -> list[T]: ...

    def idle(self) -> None:
        """No map for a while: let go of what waits for one (a pool's worker processes,
        forked again if a map comes). The corpus steps after the per-seed map run on the
        driver alone, and idle workers held 170 MB each at 5,000 articles."""


class OwnedExecutor(Executor, Protocol):
    """An executor the pipeline opens and closes (its processes, its cluster connection)."""

    def close(self) -> None: ...

    def __enter__(self) -> OwnedExecutor: ...

    def __exit__(self, *exc: object) -> None: ...


class _Once:
    """The resources an executor was given, or loaded by its loader when the first task needs
    them: a build whose every seed the cache answers loads no line model, topic model or
    segmenter (about 2.5 s)."""

    def __init__(self, given: Resources | Callable[[], Resources]) -> None:
        self._given = given
        self._loaded: list[Resources] = []  # empty until loaded

    def __call__(self) -> Resources:
        if not callable(self._given):
            return self._given
        if not self._loaded:
            self._loaded.append(self._given())
        return self._loaded[0]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class SerialExecutor:
    """Tasks one after the other in this process: the reference every other executor matches."""

    def __init__(self, resources: Resources | Callable[[], Resources]) -> None:
        self._resources = resources if isinstance(resources, _Once) else _Once(resources)

    def map(self, task: Callable[..., T], arguments: Sequence[tuple[Any, ...]]) -> list[T]:
        if not arguments:
            return []
        resources = self._resources()
        return [task(*args, resources) for args in arguments]

    def idle(self) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> SerialExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# The resources of a pool worker, set once by the pool's initializer in that process.
# (A worker is a separate process; this is how each gets its own set, handed to every task.)
_WORKER_RESOURCES: list[Resources] = []


def _install(resources: Resources) -> None:
    _WORKER_RESOURCES[:] = [resources]


def _call(task: Callable[..., T], args: tuple[Any, ...]) -> T:
    return task(*args, _WORKER_RESOURCES[0])


class PoolExecutor:
    """Tasks on `jobs` worker processes; small maps run here, where a pool would cost more.

    Workers are forked from this process after the resources are loaded here, so they
    share the loaded tables (copy on write) instead of each loading them again.
    """

    def __init__(self, resources: Resources | Callable[[], Resources], *, jobs: int) -> None:
        self._resources = _Once(resources)
        self._jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def map(self, task: Callable[..., T], arguments: Sequence[tuple[Any, ...]]) -> list[T]:
        if self._jobs <= 1 or len(arguments) <= 1:
            return SerialExecutor(self._resources).map(task, arguments)
        if self._pool is None:
            resources = self._resources()  # loaded here, before the fork, so workers share them
            # Objects alive now (the loaded tables) move to a generation the collector never
            # scans: a collection in a worker would otherwise write to every one of them and
            # copy the pages it shares with this process.
            gc.freeze()
            self._pool = ProcessPoolExecutor(
                max_workers=self._jobs,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_install,
                initargs=(resources,),
            )
        futures = [self._pool.submit(_call, task, args) for args in arguments]
        return [future.result() for future in futures]

    def idle(self) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            gc.unfreeze()

    def __enter__(self) -> PoolExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# The task and items of the running `forked_map`, read by its forked children (set before
# the pool forks them, cleared after).
_FORKED: list[tuple[Callable[[Any], Any], Sequence[Any]]] = []


def _forked_call(index: int) -> Any:
    task, items = _FORKED[0]
    return task(items[index])


def forked_map(task: Callable[[T], R], items: Sequence[T], *, jobs: int) -> list[R]:
    """`[task(item) for item in items]` on up to `jobs` processes: this one and children
    forked from it.

    For work on data this process already holds (the corpus-level render): the children
    see it copy-on-write, so neither the task nor the items are pickled; only the results
    travel back. The first item runs here while the children run the rest (one process
    fewer holding copies of what the tasks touch). Serial when `jobs` is 1 or there is one
    item; results in item order.
    """
    if jobs <= 1 or len(items) <= 1:
        return [task(item) for item in items]
    _FORKED[:] = [(task, items)]
    gc.freeze()  # as in PoolExecutor: no collection in a child copies the pages it shares
    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs - 1, len(items) - 1), mp_context=multiprocessing.get_context("fork")
        ) as pool:
            rest = [pool.submit(_forked_call, index) for index in range(1, len(items))]
            first = task(items[0])
            return [first, *(future.result() for future in rest)]
    finally:
        _FORKED.clear()
        gc.unfreeze()
