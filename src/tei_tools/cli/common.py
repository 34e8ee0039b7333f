"""Helpers shared by the commands: messages and exits that follow click's conventions."""
from __future__ import annotations

import sys
from typing import Callable, NoReturn

import click


def fail_usage(message: str) -> NoReturn:
    """Unusable input (exit 2), one line on stderr, no traceback."""
    click.echo(f"tei-tools: error: {message}", err=True)
    sys.exit(2)


def progress_echo(quiet: bool) -> Callable[[str], None]:
    """Progress and notes go to stderr so that stdout stays clean for --format json."""
    if quiet:
        return lambda message: None
    return lambda message: click.echo(message, err=True)
