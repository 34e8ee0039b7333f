"""`tei-tools build`: the main job of a tei-tools project folder."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tei_tools.build import BuildError, build
from tei_tools.cli.common import fail_usage, progress_echo


@click.command(name="build")
@click.option("--seeds", type=click.Path(file_okay=False, path_type=Path), default=Path("seeds"),
              show_default=True, help="Folder of plain-text sources (*.txt).")
@click.option("--editions", type=click.Path(file_okay=False, path_type=Path), default=Path("editions"),
              show_default=True, help="Folder of TEI editions and the personography persons.xml.")
@click.option("--site", type=click.Path(file_okay=False, path_type=Path), default=Path("site"),
              show_default=True, help="Folder for the HTML reading edition and plain-text versions.")
@click.option("--force", is_flag=True, help="Regenerate editions even where they were edited by hand.")
@click.option("--tei-all", type=click.Path(dir_okay=False, path_type=Path), envvar="TEI_TOOLS_TEI_ALL",
              help="Also validate against this copy of the official tei_all.rng [env: TEI_TOOLS_TEI_ALL].")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="'json' prints a machine-readable summary on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
def command(seeds: Path, editions: Path, site: Path, force: bool, tei_all: Path | None,
            output_format: str, quiet: bool) -> None:
    """Run the whole job: convert, validate, render.

    \b
      1. convert every SEEDS/*.txt into EDITIONS/<stem>.xml (persons linked to
         EDITIONS/persons.xml); editions edited by hand are kept, not overwritten
      2. validate every edition and the personography against the project schema
         (and tei_all with --tei-all); stop here if any is invalid
      3. render SITE/index.html, SITE/persons.html, one SITE/<stem>.html and
         SITE/<stem>.txt per edition

    \b
    Example, from a project folder:
      tei-tools build && xdg-open site/index.html

    Exit status: 0 built, 1 a source failed or an edition is invalid, 2 usage error.
    """
    echo = progress_echo(quiet or output_format == "json")
    if tei_all is not None and not tei_all.is_file():
        fail_usage(f"{tei_all}: no such file (--tei-all)")
    try:
        report = build(seeds, editions, site, force=force, tei_all=tei_all, echo=echo)
    except BuildError as exc:
        fail_usage(str(exc))
    if output_format == "json":
        click.echo(json.dumps({
            "conversions": [r.as_json() for r in report.conversions],
            "messages": [str(m) for m in report.messages],
            "pages": [str(p) for p in report.pages],
            "ok": report.ok}, indent=2, ensure_ascii=False))
    for message in report.messages:
        click.echo(str(message), err=True)
    for result in report.failed_conversions:
        click.echo(f"tei-tools: error: {result.message}", err=True)
    if report.invalid:
        click.echo("tei-tools: error: invalid editions; nothing rendered (see the messages above)", err=True)
    sys.exit(0 if report.ok else 1)
