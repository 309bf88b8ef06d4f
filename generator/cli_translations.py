"""`python -m generator translations ...`: the translation memory commands."""

from __future__ import annotations

import click


@click.group()
def translations() -> None:
    """Manage translations/en.po, the reviewed English translation memory.

    Example: python -m generator translations status
    """
