"""`tei-tools convert`: plain-text sources -> TEI editions."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tei_tools.cli.common import fail_usage, progress_echo
from tei_tools.convert import ConversionResult, SourceError, convert_files
from tei_tools.readers import KINDS


@click.command(name="convert")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the editions (DIR/<source stem>.xml); created if missing.")
@click.option("--kind", type=click.Choice(["auto", *KINDS]), default="auto", show_default=True,
              help="What the sources are; 'auto' recognises each source by its cues.")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Character encoding of the sources, e.g. cp1252 or latin-1 for legacy files.")
@click.option("--force", is_flag=True, help="Overwrite editions that were edited since tei-tools wrote them.")
@click.option("--personography", type=click.Path(dir_okay=False, path_type=Path),
              help="The listPerson file to link names to and extend [default: DIR/persons.xml, "
                   "started empty when it is not there].")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="'json' prints one machine-readable report on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
def command(sources: tuple[Path, ...], out_dir: Path, kind: str, encoding: str, force: bool,
            personography: Path | None, output_format: str, quiet: bool) -> None:
    """Convert plain-text SOURCES into TEI P5 editions in DIR.

    Each SOURCE becomes DIR/<stem>.xml with a teiHeader, the text's structure, and persons,
    dates and quotations marked up. Names are linked to the personography (DIR/persons.xml),
    which gains entries for people it did not know. A <stem>.json or <stem>.toml beside a source
    adds what the text cannot say (title, authors, publisher, date, source_url, licence,
    language).

    Nothing is lost silently: each passage left out (advertising interjections) is reported here
    and declared in the edition's header. An edition edited by hand since tei-tools wrote it is
    never overwritten unless you pass --force.

    \b
    Examples:
      tei-tools convert seeds/*.txt -o editions/
      tei-tools convert old.txt -o out/ --encoding cp1252 --kind biography
      tei-tools convert seeds/*.txt -o editions/ --format json | jq '.[].counts'

    Exit status: 0 all converted, 1 a source failed or an edition was kept, 2 usage error.
    """
    json_mode = output_format == "json"
    echo = progress_echo(quiet or json_mode)
    total = len(sources)

    def report(result: ConversionResult) -> None:
        report.done += 1
        _report(result, f"[{report.done}/{total}] " if total > 1 else "", echo, json_mode)
    report.done = 0

    try:
        results = convert_files(sources, out_dir, kind=None if kind == "auto" else kind, encoding=encoding,
                                force=force, personography=personography, on_result=report)
    except SourceError as exc:
        fail_usage(str(exc))
    if json_mode:
        click.echo(json.dumps([r.as_json() for r in results], indent=2, ensure_ascii=False))
    failed = [r for r in results if not r.ok]
    if failed and not json_mode:
        click.echo(f"tei-tools: {len(failed)} of {len(results)} source(s) not converted", err=True)
    sys.exit(1 if failed else 0)


def _report(result: ConversionResult, prefix: str, echo, json_mode: bool) -> None:
    if not result.ok:
        if not json_mode:
            click.echo(f"tei-tools: error: {result.message}", err=True)
        return
    for omitted in result.omissions:
        echo(f"{result.source}:{omitted.line}: left out ({omitted.reason}): {omitted.text!r}")
    counts = ", ".join(f"{value} {name}" for name, value in result.counts.items())
    verb = "unchanged" if result.status == "unchanged" else "wrote"
    echo(f"{prefix}{verb} {result.output} ({result.kind}; {counts}; {len(result.omissions)} passages left out)")
