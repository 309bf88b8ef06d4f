"""generator/executors.py: forked_map gives the serial results, in order, without pickling the task;
a pool let go of when idle forks its workers again for the next map."""

from __future__ import annotations

import os

from generator.executors import PoolExecutor, forked_map


def test_forked_map_matches_the_serial_map_in_order() -> None:
    table = {n: n * n for n in range(50)}  # data this process holds: the children read it, nothing is sent

    def square_and_pid(n: int) -> tuple[int, int]:  # a closure: not picklable, fine after fork
        return table[n], os.getpid()

    items = list(range(50))
    forked = forked_map(square_and_pid, items, jobs=2)
    assert [value for value, _ in forked] == [n * n for n in items]
    # The first item ran here, the others in forked children.
    assert forked[0][1] == os.getpid() and os.getpid() not in {pid for _, pid in forked[1:]}


def test_forked_map_runs_here_with_one_job_or_one_item() -> None:
    assert forked_map(lambda n: (n, os.getpid()), [7], jobs=4) == [(7, os.getpid())]
    assert forked_map(lambda n: (n, os.getpid()), [1, 2], jobs=1) == [(1, os.getpid()), (2, os.getpid())]


def _pid(n: int, _resources: object) -> tuple[int, int]:
    return n, os.getpid()


def test_an_idle_pool_lets_its_workers_go_and_forks_new_ones_for_the_next_map() -> None:
    with PoolExecutor(None, jobs=2) as pool:  # type: ignore[arg-type]  # tasks here need no resources
        first = pool.map(_pid, [(n,) for n in range(6)])
        pool.idle()
        second = pool.map(_pid, [(n,) for n in range(6)])
    assert [n for n, _ in first] == [n for n, _ in second] == list(range(6))
    assert not {pid for _, pid in first} & {pid for _, pid in second}  # new workers
