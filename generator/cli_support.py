"""Shared pieces of the command-line modules."""

from __future__ import annotations

import errno
import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import click

from generator.errors import GeneratorError

F = TypeVar("F", bound=Callable[..., Any])


def os_error_message(exc: OSError) -> str:
    """One line for a failure of the system around us: what, where, why."""
    where = " -> ".join(str(name) for name in (exc.filename, exc.filename2) if name)
    reason = exc.strerror or str(exc)
    hint = _OS_ERROR_HINTS.get(exc.errno or 0, "")
    return f"{where}: {reason}{hint}" if where else f"{reason}{hint}"


_OS_ERROR_HINTS = {
    errno.ENOSPC: " (the disk is full; the previous output was kept)",
    errno.EDQUOT: " (disk quota exceeded; the previous output was kept)",
    errno.EACCES: " (check the folder's permissions; the previous output was kept)",
    errno.EPERM: " (check the folder's permissions; the previous output was kept)",
    errno.EROFS: " (read-only file system; the previous output was kept)",
}


def fail_on_errors(func: F) -> F:
    """Turn the generator's own errors, and the system's (disk full, permissions), into
    a clean `Error: ...` and exit code 1.

    The CLI is the only place where errors become exit codes; anything else is a bug
    and keeps its traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GeneratorError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            raise click.ClickException(os_error_message(exc)) from exc

    return wrapper  # type: ignore[return-value]


class _EchoHandler(logging.Handler):
    """Log records through click to the stderr of the moment (CliRunner swaps it per call)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(self.format(record), err=True)
        except Exception:
            self.handleError(record)


def configure_logging(verbose: int) -> None:
    """Exactly one log handler on the root logger, however often the CLI runs in one process.

    `logging.basicConfig` does nothing when any handler exists (pytest's, a host
    application's) and binds the stream of its first call; this handler replaces its
    own earlier copies instead.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _EchoHandler)]:
        root.removeHandler(handler)
    handler = _EchoHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(max(logging.WARNING - 10 * verbose, logging.DEBUG))
