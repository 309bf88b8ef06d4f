"""Stopping cleanly: SIGTERM as an exception, and pause points for tests that interrupt builds.

A process killed by SIGTERM's default action runs no `finally`: MkDocs children keep
running and temporary folders stay. `sigterm_as_exit` turns SIGTERM into `Terminated`
(a `SystemExit`), so every `finally` and `except BaseException` cleanup runs and the
exit status is the usual 128 + 15.

Tests must interrupt a build at a known moment, never after a guessed sleep:
`pause_point(phase)` is a no-op unless `DIGEST_TEST_PAUSE_AT` names that phase; then it
writes `DIGEST_TEST_PAUSE_MARKER` (JSON: the process id and whatever the phase adds,
such as child process ids) and waits while that file exists. The test reads it, signals
the process (or deletes the file to let it go on). Phases, in the order a `site` or
`offline` run reaches them:

``compute`` -> ``write-docs`` -> ``swap-docs`` -> ``docs-written`` -> ``mkdocs`` -> ``swap-site`` -> ``zip``
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

PAUSE_AT = "DIGEST_TEST_PAUSE_AT"
PAUSE_MARKER = "DIGEST_TEST_PAUSE_MARKER"
PHASES = ("compute", "write-docs", "swap-docs", "docs-written", "mkdocs", "swap-site", "zip")
_POLL_SECONDS = 0.02
_paused: set[str] = set()


class Terminated(SystemExit):
    """SIGTERM arrived; raised where the process was, so cleanups run."""


def _raise_terminated(signum: int, _frame: FrameType | None) -> None:
    # A second SIGTERM must not interrupt the cleanup the first one started.
    signal.signal(signum, signal.SIG_IGN)
    raise Terminated(128 + signum)


@contextmanager
def sigterm_as_exit() -> Iterator[None]:
    """While active, SIGTERM raises `Terminated`; the previous handler is restored after.

    Only the main thread can install handlers: elsewhere (a host application's worker
    thread) this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def pause_point(phase: str, **info: object) -> None:
    """Wait here while a test holds the build at `phase` (see the module doc); else return at once."""
    if os.environ.get(PAUSE_AT) != phase or phase in _paused:
        return
    _paused.add(phase)  # once per process: a phase inside a loop (zip entries) holds once
    marker = Path(os.environ[PAUSE_MARKER])
    # Written under another name, then renamed: the test never reads half a marker.
    partial = marker.with_name(marker.name + ".tmp")
    partial.write_text(json.dumps({"phase": phase, "pid": os.getpid(), **info}), encoding="utf-8")
    partial.replace(marker)
    while marker.exists():
        time.sleep(_POLL_SECONDS)
