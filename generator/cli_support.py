"""Shared pieces of the command-line modules."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from generator.errors import GeneratorError

F = TypeVar("F", bound=Callable[..., Any])


def fail_on_errors(func: F) -> F:
    """Turn the generator's own errors into a clean `Error: ...` and exit code 1.

    The CLI is the only place where errors become exit codes; anything else is a bug
    and keeps its traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GeneratorError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]
