"""`tei-tools build`: the main job of a tei-tools project folder."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tei_tools.batch import BatchSetupError
from tei_tools.build import BuildError, Workers, build
from tei_tools.cli.common import (batch_options, display_options, fail_usage, progress_bars, progress_echo,
                                  summary_line, wanted)
from tei_tools.cli.convert import ByteSize
from tei_tools.convert import DEFAULT_MAX_SIZE, PERSONOGRAPHY_NAME, SourceError


@click.command(name="build")
@click.option("--seeds", type=click.Path(file_okay=False, path_type=Path), default=Path("seeds"),
              show_default=True, help="Folder of plain-text sources (*.txt).")
@click.option("--editions", type=click.Path(file_okay=False, path_type=Path), default=Path("editions"),
              show_default=True, help="Folder of TEI editions and the personography persons.xml.")
@click.option("--site", type=click.Path(file_okay=False, path_type=Path), default=Path("site"),
              show_default=True, help="Folder for the HTML reading edition and plain-text versions.")
@click.option("--force", is_flag=True,
              help="Regenerate editions even where they were edited by hand; each edited file is kept "
                   "beside as <stem>.xml.bak-<digest>.")
@click.option("--max-size", type=ByteSize(), default=DEFAULT_MAX_SIZE, metavar="SIZE",
              help="Refuse seeds larger than this (e.g. 50MB; 0: no limit) [default: 20MB].")
@click.option("--tei-all", type=click.Path(dir_okay=False, path_type=Path), envvar="TEI_TOOLS_TEI_ALL",
              help="Also validate against this copy of the official tei_all.rng [env: TEI_TOOLS_TEI_ALL].")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="'json' prints a machine-readable summary on stdout.")
@batch_options
@display_options
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
def command(seeds: Path, editions: Path, site: Path, force: bool, max_size: int, tei_all: Path | None,
            output_format: str, jobs: int | None, executor: str, scheduler: str | None, progress: bool | None,
            stats: bool | None, quiet: bool) -> None:
    """Run the whole job: convert, validate, render.

    \b
      1. convert every SEEDS/*.txt into EDITIONS/<stem>.xml (persons linked to
         EDITIONS/persons.xml); editions edited by hand are kept, not overwritten
      2. validate every edition and the personography against the project schema
         (and tei_all with --tei-all)
      3. render SITE/index.html, SITE/persons.html, one SITE/<stem>.html and
         SITE/<stem>.txt per valid edition (an invalid one is reported and left out;
         an invalid personography stops here)

    A bad seed or edition stops only itself; the last line sums up what was done.

    Every step works document by document in --jobs worker processes (default: the
    machine's cores; the same workers for all three steps) or on a Dask cluster
    (--executor dask [--scheduler ADDRESS]); the editions and the site are the same
    whatever N.

    \b
    Example, from a project folder:
      tei-tools build && xdg-open site/index.html

    Exit status: 0 built, 1 a source failed, an edition is invalid or a page failed,
    2 usage error.
    """
    echo = progress_echo(quiet or output_format == "json")
    if tei_all is not None and not tei_all.is_file():
        fail_usage(f"{tei_all}: no such file (--tei-all)")
    with_bar = wanted(progress)
    try:
        with progress_bars(with_bar) as step:
            report = build(seeds, editions, site, force=force, tei_all=tei_all, max_size=max_size, echo=echo,
                           workers=Workers(jobs, executor, scheduler), progress=step, quiet_progress=with_bar)
    except (BuildError, SourceError, BatchSetupError) as exc:
        fail_usage(str(exc))
    except OSError as exc:  # a file could not be written (disk full, no permission)
        click.echo(f"tei-tools: error: cannot write {exc.filename or editions}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    if output_format == "json":
        click.echo(json.dumps({
            "conversions": [r.as_json() for r in report.conversions],
            "messages": [str(m) for m in report.messages],
            "pages": [str(p) for p in report.pages],
            "unrendered": [str(p) for p in report.unrendered],
            "render_failures": [str(f) for f in report.render_failures],
            "ok": report.ok,
            "summary": dict(report.figures.as_json() if report.figures else {},
                            steps={name: figures.as_json() for name, figures in report.steps.items()})},
            indent=2, ensure_ascii=False))
    for message in report.messages:
        click.echo(str(message), err=True)
    for result in report.failed_conversions:
        click.echo(f"tei-tools: error: {result.message}", err=True)
    for failure in report.render_failures:
        click.echo(f"tei-tools: error: {failure}", err=True)
    if str(editions / PERSONOGRAPHY_NAME) in report.invalid_files:
        click.echo("tei-tools: error: the personography is invalid; nothing rendered (see the messages above)",
                   err=True)
    if output_format != "json" and (not quiet or not report.ok):
        click.echo(report.summary(), err=True)
    if output_format != "json" and not quiet and report.figures and wanted(stats):
        click.echo(summary_line("build", report.figures), err=True)
    sys.exit(0 if report.ok else 1)
