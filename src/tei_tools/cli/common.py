"""Helpers shared by the commands: messages and exits that follow click's conventions, the
batch options (--jobs, --executor, --scheduler), a progress bar and the closing summary."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Callable, Iterator, NoReturn

import click

from tei_tools.batch import EXECUTORS, BatchReport, default_jobs


def fail_usage(message: str) -> NoReturn:
    """Unusable input (exit 2), one line on stderr, no traceback."""
    click.echo(f"tei-tools: error: {message}", err=True)
    sys.exit(2)


def progress_echo(quiet: bool) -> Callable[[str], None]:
    """Progress and notes go to stderr so that stdout stays clean for --format json."""
    if quiet:
        return lambda message: None
    return lambda message: click.echo(message, err=True)


# ---------------------------------------------------------------- batches


def batch_options(function):
    """--jobs, --executor and --scheduler, for every command that works document by document."""
    function = click.option(
        "--scheduler", metavar="ADDRESS",
        help="With --executor dask: the address of a running Dask scheduler (e.g. tcp://10.0.0.5:8786); "
             "without it a local cluster of --jobs workers is started.")(function)
    function = click.option(
        "--executor", type=click.Choice(EXECUTORS), default="local", show_default=True,
        help="Where the workers run: 'local' processes, or a Dask cluster (pip install 'tei-tools[dask]').")(function)
    function = click.option(
        "-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
        help=f"Worker processes (default: the machine's cores, here {default_jobs()}). "
             "The output is the same whatever N.")(function)
    return function


def display_options(function):
    """--progress/--no-progress and --stats/--no-stats, for every command that works in batches."""
    function = click.option(
        "--stats/--no-stats", default=None,
        help="Print the closing figures (documents, MB, seconds, MB/s, failures) on stderr (default: when "
             "stderr is a terminal, not in CI; --format json always carries them).")(function)
    function = click.option(
        "--progress/--no-progress", default=None,
        help="Show a progress bar on stderr (default: when stderr is a terminal, not in CI).")(function)
    return function


def interactive_stderr() -> bool:
    """A person watches stderr: a terminal, and not a CI job."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def wanted(flag: bool | None) -> bool:
    """An on/off option left unset means: on when a person watches stderr."""
    return flag if flag is not None else interactive_stderr()


@contextmanager
def progress_bar(label: str, total: int, enabled: bool) -> Iterator[Callable[[int, int, int], None]]:
    """A progress callback for tei_tools.batch (done, total, bytes): a bar on stderr, or nothing."""
    if not enabled or total == 0:
        yield lambda done, total, done_bytes: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True, show_eta=True,
                           item_show_func=lambda _: None) as bar:
        shown = [0]

        def update(done: int, total: int, done_bytes: int) -> None:
            bar.update(done - shown[0])
            shown[0] = done
        yield update


@contextmanager
def progress_bars(enabled: bool) -> Iterator[Callable[[str], Callable[[int, int, int], None]]]:
    """Progress callbacks for the steps of one command (build: convert, validate, render), each
    with a bar of its own that ends when the next step starts."""
    current: list = []

    def close() -> None:
        if current:
            current.pop().__exit__(None, None, None)

    def for_step(label: str) -> Callable[[int, int, int], None]:
        close()
        shown: list[Callable[[int, int, int], None]] = []

        def update(done: int, total: int, done_bytes: int) -> None:
            if not shown:  # the bar starts with the step's first result, when its total is known
                bar = progress_bar(label, total, enabled)
                shown.append(bar.__enter__())
                current.append(bar)
            shown[0](done, total, done_bytes)
        return update

    try:
        yield for_step
    finally:
        close()


def summary_line(command: str, report: BatchReport) -> str:
    """'validate: 180 documents, 10.2 MB in 1.31 s (7.8 MB/s, 137 documents/s), 2 jobs (local), 0 failures'."""
    jobs = "1 job" if report.jobs == 1 else f"{report.jobs} jobs"
    return (f"{command}: {report.documents} document(s), {_figure(report.megabytes)} MB in {report.seconds:.2f} s "
            f"({_figure(report.mb_per_second)} MB/s, {_figure(report.documents_per_second)} documents/s), "
            f"{jobs} ({report.executor}), {report.failures} failure(s)")


def _figure(value: float) -> str:
    """Three significant figures or so: 0.296, 2.09, 13.9, 137."""
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.2f}" if value >= 1 \
        else f"{value:.3f}"
