"""`tei-tools persons ...`: looking after the personography."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tei_tools.cli.common import fail_usage


@click.group("persons")
def command() -> None:
    """Look after the personography (editions/persons.xml).

    \b
    Example:
      tei-tools persons prune --dry-run     what would go
      tei-tools persons prune               remove it
    """


@command.command("prune")
@click.argument("editions", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--personography", type=click.Path(dir_okay=False, path_type=Path),
              help="The personography to prune [default: persons.xml in the first EDITIONS folder].")
@click.option("-n", "--dry-run", is_flag=True, help="Say what would be removed; change nothing.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per entry and a summary; json: the same as one object on stdout.")
def prune(editions: tuple[Path, ...], personography: Path | None, dry_run: bool, output_format: str) -> None:
    """Remove the automatic entries no edition cites any more.

    `convert` adds a person (marked resp="#tei-tools") for each new name it cannot match; when
    a source is corrected and converted again, or an edition deleted, entries only it cited stay
    behind. This removes them, and only them: entries an editor wrote (or took over by removing
    the tool's resp), entries any edition points at ("persons.xml#ID" in any attribute) and
    entries a relation names always stay. If any edition cannot be read nothing is removed.

    EDITIONS: folders (every *.xml in them) and files whose citations count [default: editions].

    \b
    Examples:
      tei-tools persons prune --dry-run
      tei-tools persons prune editions/ other-project/editions/ --personography editions/persons.xml

    Exit status: 0 done (or nothing to do), 1 an edition or the personography could not be
    read (nothing removed), 2 usage error.
    """
    from tei_tools.prune import PruneError, prune_personography

    folders = list(editions) or [Path("editions")]
    target = personography or next((f for f in folders if f.is_dir()), folders[0]) / "persons.xml"
    if not target.is_file():
        fail_usage(f"{target}: no personography there (give it with --personography)")
    files = sorted({p for f in folders for p in ([f] if f.is_file() else f.glob("*.xml"))})
    try:
        report = prune_personography(target, files, dry_run=dry_run)
    except PruneError as error:
        click.echo(f"tei-tools: error: {error}", err=True)
        sys.exit(1)
    if output_format == "json":
        click.echo(json.dumps(report.as_json(), indent=2))
        return
    for person_id in report.removed:
        click.echo(f"{'would remove' if dry_run else 'removed'} {person_id}")
    click.echo(report.summary(), err=True)
