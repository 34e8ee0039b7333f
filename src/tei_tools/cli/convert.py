"""`tei-tools convert`: plain-text sources -> TEI editions."""
from __future__ import annotations

import codecs
import json
import re
import sys
import time
from pathlib import Path

import click

from tei_tools.batch import BatchSetupError
from tei_tools.cli.common import (batch_options, display_options, fail_usage, progress_bars, progress_echo,
                                  summary_line, wanted)
from tei_tools.convert import DEFAULT_MAX_SIZE, ConversionResult, SourceError, convert_files
from tei_tools.model import Repair
from tei_tools.readers import KINDS


class ByteSize(click.ParamType):
    """A size such as 20MB, 500k, 1.5G or a number of bytes; 0 means no limit."""

    name = "size"
    _UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9}

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(value))
        unit = found and self._UNITS.get(found.group(2).lower())
        if not unit:
            self.fail(f"{value!r} is not a size (examples: 20MB, 500k, 1G, 0 for no limit)", param, ctx)
        return int(float(found.group(1)) * unit)


def _expand_folders(sources: tuple[Path, ...]) -> tuple[Path, ...]:
    """A folder given as a source stands for its *.txt files (not below it), in name order, as
    `build` takes seeds/; a folder without any stays, to be reported as not a text file."""
    expanded: list[Path] = []
    for source in sources:
        found = sorted(p for p in source.glob("*.txt") if p.is_file()) if source.is_dir() else []
        expanded += found or [source]
    return tuple(expanded)


@click.command(name="convert")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the editions (DIR/<source stem>.xml); created if missing.")
@click.option("--kind", type=click.Choice(["auto", *KINDS]), default="auto", show_default=True,
              help="What the sources are; 'auto' recognises each source by its cues.")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Character encoding of the sources, e.g. cp1252 or latin-1 for legacy files.")
@click.option("--force", is_flag=True,
              help="Replace editions that were edited since tei-tools wrote them; each edited file is kept "
                   "beside as <stem>.xml.bak-<digest>.")
@click.option("--max-size", type=ByteSize(), default=DEFAULT_MAX_SIZE, metavar="SIZE",
              help="Refuse sources larger than this (e.g. 50MB; 0: no limit) [default: 20MB]. Conversion needs about 100 "
                   "times a source's size in memory.")
@click.option("--personography", type=click.Path(dir_okay=False, path_type=Path),
              help="The listPerson file to link names to and extend [default: DIR/persons.xml, "
                   "started empty when it is not there].")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="'json' prints one machine-readable report on stdout: the results, "
                                      "and the figures under 'summary'.")
@batch_options
@display_options
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
def command(sources: tuple[Path, ...], out_dir: Path, kind: str, encoding: str, force: bool, max_size: int,
            personography: Path | None, output_format: str, jobs: int | None, executor: str, scheduler: str | None,
            progress: bool | None, stats: bool | None, quiet: bool) -> None:
    """Convert plain-text SOURCES into TEI P5 editions in DIR.

    Each SOURCE becomes DIR/<stem>.xml with a teiHeader, the text's structure, and persons,
    dates and quotations marked up. Names are linked to the personography (DIR/persons.xml),
    which gains entries for people it did not know. A <stem>.json or <stem>.toml beside a source
    adds what the text cannot say (title, authors, publisher, date, source_url, licence,
    language).

    Nothing is lost silently: each passage left out (advertising interjections) and each
    character replaced (control characters XML cannot hold) is reported here and declared in the
    edition's header. A UTF-8, UTF-16 or UTF-32 byte-order mark decides the encoding. An edition
    edited by hand since tei-tools wrote it is never overwritten unless you pass --force, and then
    the edited file is kept beside it as <stem>.xml.bak-<digest>.

    Runs converting into the same folder (the same personography) take turns: a second run
    says "waiting for DIR/persons.xml" and goes on when the first ends.

    Sources are read and annotated in --jobs worker processes (default: the machine's cores)
    or on a Dask cluster (--executor dask); new persons get their ids here, one source at a
    time in the order given, so the editions and the personography are the same, byte for
    byte, whatever N.

    \b
    Examples:
      tei-tools convert seeds/*.txt -o editions/
      tei-tools convert seeds/ -o editions/          a folder: its *.txt, in name order
      tei-tools convert old.txt -o out/ --encoding cp1252 --kind biography
      tei-tools convert seeds/*.txt -o editions/ --format json | jq '.results[].counts'
      tei-tools convert corpus/*.txt -o editions/ --jobs 8

    Exit status: 0 all converted, 1 a source failed or an edition was kept, 2 usage error.
    """
    json_mode = output_format == "json"
    sources = _expand_folders(sources)
    _check_usage(sources, out_dir, encoding)
    echo = progress_echo(quiet or json_mode)
    total = len(sources)
    with_bar = wanted(progress)
    batches = []

    def report(result: ConversionResult) -> None:
        report.done += 1
        # with a bar on the terminal, the bar says how far it has got: only what matters is said
        _report(result, f"[{report.done}/{total}] " if total > 1 else "", echo, json_mode, quiet_progress=with_bar)
    report.done = 0

    started = time.perf_counter()
    try:
        with progress_bars(with_bar) as step:
            results = convert_files(sources, out_dir, kind=None if kind == "auto" else kind, encoding=encoding,
                                    force=force, personography=personography, on_result=report, max_size=max_size,
                                    jobs=jobs, executor=executor, scheduler=scheduler, progress=step("convert"),
                                    on_batch=batches.append)
    except (SourceError, BatchSetupError) as exc:
        fail_usage(str(exc))
    except OSError as exc:  # the personography or the lock could not be written (disk full, no permission)
        click.echo(f"tei-tools: error: cannot write {exc.filename or out_dir}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    failed = [r for r in results if not r.ok]
    figures = batches[0].overall(time.perf_counter() - started, len(failed)) if batches else None
    if json_mode:
        click.echo(json.dumps({"results": [r.as_json() for r in results],
                               "summary": figures.as_json() if figures else None}, indent=2, ensure_ascii=False))
    if failed and not json_mode:
        click.echo(f"tei-tools: {len(failed)} of {len(results)} source(s) not converted", err=True)
    if figures and not json_mode and not quiet and wanted(stats):
        click.echo(summary_line("convert", figures), err=True)
    sys.exit(1 if failed else 0)


def _check_usage(sources: tuple[Path, ...], out_dir: Path, encoding: str) -> None:
    """What makes the whole run pointless is a usage error (exit 2), before anything is written."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        fail_usage(f"unknown encoding {encoding!r} (--encoding); e.g. utf-8, cp1252, latin-1, utf-16")
    seen: dict[str, Path] = {}
    for source in sources:
        if source.stem in seen and source.resolve() != seen[source.stem].resolve():
            fail_usage(f"{seen[source.stem]} and {source} would both become {out_dir / source.stem}.xml; "
                       "rename one or convert them into different folders")
        seen.setdefault(source.stem, source)


def _report(result: ConversionResult, prefix: str, echo, json_mode: bool, quiet_progress: bool = False) -> None:
    if not result.ok:
        if not json_mode:
            click.echo(f"tei-tools: error: {result.message}", err=True)
        return
    for omitted in result.omissions:
        if isinstance(omitted, Repair):
            echo(f"{result.source}:{omitted.line}: replaced ({omitted.reason}): {omitted.example} "
                 f"by {omitted.replacement!r}")
        else:
            echo(f"{result.source}:{omitted.line}: left out ({omitted.reason}): {omitted.text!r}")
    repairs = [o for o in result.omissions if isinstance(o, Repair)]
    counts = ", ".join(f"{value} {name}" for name, value in result.counts.items())
    verb = "unchanged" if result.status == "unchanged" else "wrote"
    fixed = f"; {sum(len(r.text) for r in repairs)} characters replaced" if repairs else ""
    if not quiet_progress:
        echo(f"{prefix}{verb} {result.output} ({result.kind}; {counts}; "
             f"{len(result.omissions) - len(repairs)} passages left out{fixed})")
    if result.backup and not json_mode:  # said even with --quiet: the editor's file is now elsewhere
        click.echo(f"tei-tools: kept the hand-edited {result.output.name} as {result.backup} "
                   "before replacing it (--force)", err=True)
