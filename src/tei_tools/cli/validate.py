"""`tei-tools validate`: prove that editions are what the project says they are."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tei_tools.cli.common import fail_usage
from tei_tools.validate import ENGINES, TEI_ALL_ENV, Message, UnusableInputError, Validator, expand_paths


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
@click.option("--progress/--no-progress", default=None,
              help="Show progress on stderr (default: when stderr is a terminal and there are many files).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr; only the messages.")
def command(paths: tuple[Path, ...], schema: str, tei_all: Path | None, personography: Path | None, engine: str,
            output_format: str, progress: bool | None, quiet: bool) -> None:
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

    Each schema is compiled once per run, whatever the number of files. For tei-all,
    jing (Debian: apt-get install jing) is used when installed: about 1 s to compile
    tei_all, against about 10 s for lxml, which is the fallback.

    Exit status: 0 all valid, 1 a file is invalid (or not well-formed XML), 2 unusable
    input (missing file, unreadable schema, bad option).
    """
    try:
        files = expand_paths(paths)
        validator = Validator(schema, tei_all=tei_all, personography=personography, engine=engine)
        show_progress = progress if progress is not None else (sys.stderr.isatty() and len(files) > 20)
        messages = validator.validate_files(files, progress=_progress_bar() if show_progress else None)
    except UnusableInputError as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_usage(f"{exc.filename or ''}: {exc.strerror}".lstrip(": "))
    invalid = sorted({m.path for m in messages if m.severity == "error"})
    if output_format == "json":
        click.echo(json.dumps(_as_json(files, messages, validator, schema), indent=2, ensure_ascii=False))
    else:
        for message in messages:
            click.echo(str(message))
        if not quiet:
            click.echo(_summary(files, messages, invalid, validator, schema), err=True)
    sys.exit(1 if invalid else 0)


def _summary(files: list[Path], messages: list[Message], invalid: list[str], validator: Validator,
             schema: str) -> str:
    errors = sum(m.severity == "error" for m in messages)
    warnings = len(messages) - errors
    engine = f", {validator.engine}" if validator.engine else ""
    verdict = f"{len(invalid)} invalid" if invalid else "all valid"
    return (f"validate ({schema}{engine}): {len(files)} file(s), {verdict}; "
            f"{errors} error(s), {warnings} warning(s)")


def _as_json(files: list[Path], messages: list[Message], validator: Validator, schema: str) -> dict:
    invalid = {m.path for m in messages if m.severity == "error"}
    return {
        "schema": schema,
        "engine": validator.engine,
        "valid": not invalid,
        "files": [{"path": str(f), "valid": str(f) not in invalid} for f in files],
        "messages": [m.as_json() for m in messages],
    }


def _progress_bar():
    def report(done: int, total: int, path: Path) -> None:
        end = "\n" if done == total else ""
        click.echo(f"\rvalidate: {done}/{total} {path.name[:40]:<40}{end}", err=True, nl=False)
    return report
