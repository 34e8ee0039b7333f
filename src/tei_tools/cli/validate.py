"""`tei-tools validate`: prove that editions are what the project says they are."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tei_tools.batch import BatchReport, BatchSetupError, run_batch
from tei_tools.cli.common import batch_options, fail_usage, interactive_stderr, progress_bar, summary_line
from tei_tools.validate import ENGINES, TEI_ALL_ENV, Message, UnusableInputError, ValidateJob, Validator, expand_paths
from tei_tools.validate.jobs import messages_of


@click.command(name="validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--schema", "schema", default="project", show_default=True, metavar="project|tei-all|FILE",
              help="'project' (schema/tei-tools.rng + tei-tools.sch), 'tei-all' (the official TEI "
                   "schema, see --tei-all), or a .rng/.rnc (RELAX NG) or .sch (Schematron) file.")
@click.option("--tei-all", type=click.Path(path_type=Path), envvar=TEI_ALL_ENV,
              help=f"Where tei_all.rng is, for --schema tei-all [env: {TEI_ALL_ENV}].")
@click.option("--personography", type=click.Path(path_type=Path),
              help="The persons.xml that persName/@ref='persons.xml#id' must resolve to "
                   "(default: the persons.xml beside each edition).")
@click.option("--engine", type=click.Choice(ENGINES), default="auto", show_default=True,
              help="RELAX NG engine. auto: lxml for the project schema, jing (if installed) otherwise.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="'text': one message per line, as jing prints them; 'json': one object on stdout.")
@batch_options
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: when stderr is a terminal, not in CI).")
@click.option("--stats/--no-stats", default=None,
              help="Print documents, MB, seconds, MB/s and failures on stderr (default: when stderr is a "
                   "terminal, not in CI; --format json always carries them).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr; only the messages.")
def command(paths: tuple[Path, ...], schema: str, tei_all: Path | None, personography: Path | None, engine: str,
            output_format: str, jobs: int | None, executor: str, scheduler: str | None, progress: bool | None,
            stats: bool | None, quiet: bool) -> None:
    """Validate TEI files and folders (every *.xml below a folder) against a schema.

    Each problem is one line on stdout, as jing prints it:

    \b
      FILE:LINE:COLUMN: error: MESSAGE [RULE]
      editions/001.xml:42:57: error: persName/@ref "persons.xml#nightingal" points to
        no person: persons.xml has no person with xml:id "nightingal" ... [ref-resolves]

    [RULE] is the id of the Schematron rule (see schema/tei-tools.sch); messages without
    one come from the grammar. Warnings are advice and do not make a file invalid.

    \b
    Examples:
      tei-tools validate editions/                     the project schema (grammar + rules)
      tei-tools validate editions/001.xml --format json
      tei-tools validate editions/ --schema tei-all --tei-all ../shared/schemas/tei_all.rng
      TEI_TOOLS_TEI_ALL=~/tei/tei_all.rng tei-tools validate --schema tei-all corpus/
      tei-tools validate edition.xml --schema my-rules.sch

    Each schema is compiled once per worker, whatever the number of files. For tei-all,
    jing (Debian: apt-get install jing) is used when installed: about 1 s to compile
    tei_all, against about 10 s for lxml, which is the fallback.

    \b
    Many files: --jobs N worker processes (default: the machine's cores), or a Dask
    cluster with --executor dask [--scheduler tcp://HOST:8786]. The messages and their
    order are the same whatever N and wherever the workers run.
      tei-tools validate corpus/ --jobs 8
      tei-tools validate corpus/ --executor dask --scheduler tcp://10.0.0.5:8786

    Exit status: 0 all valid, 1 a file is invalid (or not well-formed XML), 2 unusable
    input (missing file, unreadable schema, bad option, Dask not installed or unreachable).
    """
    try:
        files = expand_paths(paths)
        job = ValidateJob(str(schema), str(tei_all) if tei_all else None,
                          str(personography) if personography else None, engine)
        validator = _check_options(job, jobs, executor, len(files))
        show_progress = progress if progress is not None else interactive_stderr()
        with progress_bar("validate", len(files), show_progress) as update:
            report = run_batch(job, files, jobs=jobs, executor=executor, scheduler=scheduler, progress=update)
        messages = messages_of(files, report.outcomes)
    except (UnusableInputError, BatchSetupError) as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_usage(f"{exc.filename or ''}: {exc.strerror}".lstrip(": "))
    invalid = sorted({m.path for m in messages if m.severity == "error"})
    engine_name = validator.engine if validator else _engine_name(job)
    if output_format == "json":
        click.echo(json.dumps(_as_json(files, messages, engine_name, schema, report), indent=2, ensure_ascii=False))
    else:
        for message in messages:
            click.echo(str(message))
        if not quiet:
            click.echo(_summary(files, messages, invalid, engine_name, schema), err=True)
            if stats if stats is not None else interactive_stderr():
                click.echo(summary_line("validate", report), err=True)
    sys.exit(1 if invalid else 0)


def _check_options(job: ValidateJob, jobs: int | None, executor: str, count: int) -> Validator | None:
    """Find unusable options before any worker starts: compile here when the work stays here."""
    if executor == "local" and (jobs == 1 or count <= 1):
        from tei_tools.batch import worker_state
        return worker_state(job)  # the serial run will use this very validator
    Validator.check_schema(job.schema, job.tei_all, job.personography, job.engine)
    return None


def _engine_name(job: ValidateJob) -> str | None:
    return Validator.engine_for(job.schema, job.tei_all, job.engine)


def _summary(files: list[Path], messages: list[Message], invalid: list[str], engine_name: str | None,
             schema: str) -> str:
    errors = sum(m.severity == "error" for m in messages)
    warnings = len(messages) - errors
    engine = f", {engine_name}" if engine_name else ""
    verdict = f"{len(invalid)} invalid" if invalid else "all valid"
    return (f"validate ({schema}{engine}): {len(files)} file(s), {verdict}; "
            f"{errors} error(s), {warnings} warning(s)")


def _as_json(files: list[Path], messages: list[Message], engine_name: str | None, schema: str,
             report: BatchReport) -> dict:
    invalid = {m.path for m in messages if m.severity == "error"}
    return {
        "schema": schema,
        "engine": engine_name,
        "valid": not invalid,
        "files": [{"path": str(f), "valid": str(f) not in invalid} for f in files],
        "messages": [m.as_json() for m in messages],
        "summary": report.as_json(),
    }
