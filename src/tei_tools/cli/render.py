"""`tei-tools render`: TEI editions to an HTML reading edition or plain-text versions."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from tei_tools.cli.common import (batch_options, display_options, fail_usage, progress_bars, progress_echo,
                                  summary_line, wanted)

EXIT_OK, EXIT_FAILED = 0, 1


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep or not name.strip():
            fail_usage(f"--param {value!r}: expected NAME=VALUE (see --list-params)")
        params[name.strip()] = setting
    return params


def _list_params(context: click.Context, _option: click.Option, value: bool) -> None:
    if not value or context.resilient_parsing:
        return
    from tei_tools.render import stylesheet_parameters

    for parameter in stylesheet_parameters().values():
        default = parameter.default if parameter.default else "(empty)"
        click.echo(f"{parameter.name}  [default: {default}]  ({', '.join(parameter.stylesheets)})")
        click.echo(f"    {parameter.description}")
    context.exit(0)


@click.command(name="render")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "to", type=click.Choice(["html", "text"]), default="html", show_default=True,
              help="'html': one page per edition plus index.html, persons.html and site.css; "
                   "'text': one <stem>.txt per edition.")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the rendered files (created if missing).")
@click.option("--param", "param_values", multiple=True, metavar="NAME=VALUE",
              help="Set a stylesheet parameter (repeatable); --list-params shows them all.")
@click.option("--personography", type=click.Path(dir_okay=False, path_type=Path),
              help="The personography (default: persons.xml among PATHs or beside the editions).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="'json' prints the written files and failures on stdout.")
@click.option("--search/--no-search", default=True, show_default=True,
              help="With --to html: build the search index (Pagefind) into DIR/pagefind/.")
@batch_options
@display_options
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
@click.option("--list-params", is_flag=True, is_eager=True, expose_value=False, callback=_list_params,
              help="List the stylesheet parameters with their defaults, and exit.")
def command(paths: tuple[Path, ...], to: str, out_dir: Path, param_values: tuple[str, ...],
            personography: Path | None, output_format: str, search: bool, jobs: int | None, executor: str,
            scheduler: str | None, progress: bool | None, stats: bool | None, quiet: bool) -> None:
    """Render TEI documents as a reading edition, by the XSLT 3.0 stylesheets in xslt/.

    PATHS are TEI files or folders of them (*.xml). Any TEI renders, not only tei-tools
    editions; persons.xml among them is taken as the personography, not as an edition.

    \b
    --to html writes the whole site into DIR:
      <stem>.html      one page per edition: header facts, contents, text, notes,
                       a citation, permalinks; person cards and note popovers
      <stem>.txt       its plain text, and <stem>.xml, a copy of its TEI
      index.html       the editions with their metadata
      persons.html     the register: every person of the personography, each
                       mention in context, grouped by edition (persons-data.js
                       feeds the person cards)
      chronology.html  every normalised date of the editions in time order
      search.html      full-text search with facets; the index in pagefind/
                       (needs the pagefind package; serve DIR over http to use it)
      site.css, site.js, site-search.js
    --to text writes DIR/<stem>.txt only: title block, underlined headings,
    paragraphs, indented block quotations, numbered endnotes.

    Editions are rendered in --jobs worker processes (default: the machine's cores) or on a
    Dask cluster (--executor dask), one Saxon processor per worker; the register, chronology
    and front page are made from what each edition's rendering gathered, so the site is the
    same, byte for byte, whatever N (the search index aside: Pagefind's files differ in order).

    \b
    Examples:
      tei-tools render editions/ -o site/
      tei-tools render editions/*.xml --to text -o site/
      tei-tools render corpus/hamlet.xml -o out/ --param show-register=no
      tei-tools render editions/ -o site/ --no-search
      tei-tools render corpus/ -o site/ --jobs 8
      python -m http.server -d site/     # then open http://127.0.0.1:8000/
      tei-tools render --list-params

    Exit status: 0 all rendered, 1 a document failed (the others are still
    written), 2 usage error (missing file, unknown parameter, clashing page names).
    """
    echo = progress_echo(quiet or output_format == "json")
    params = _parse_params(param_values)
    if personography is not None and not personography.is_file():
        fail_usage(f"{personography}: no such file (--personography)")
    try:
        from tei_tools.batch import BatchSetupError
        from tei_tools.render import RenderSetupError, render_paths
    except ImportError as error:  # saxonche missing from the environment
        fail_usage(f"rendering needs saxonche: {error}")

    failures = []
    batches = []

    def report(error) -> None:
        failures.append(error)
        click.echo(f"tei-tools: error: {error}", err=True)

    try:
        started = time.perf_counter()
        with progress_bars(wanted(progress)) as step:
            pages = render_paths(paths, to, out_dir, params=params, personography=personography, on_error=report,
                                 search=search, jobs=jobs, executor=executor, scheduler=scheduler,
                                 progress=step("render"), on_batch=batches.append)
    except (RenderSetupError, BatchSetupError) as error:
        fail_usage(str(error))
    except Exception as error:  # never a traceback: one line naming what failed
        click.echo(f"tei-tools: error: rendering failed: {type(error).__name__}: {error}".splitlines()[0], err=True)
        sys.exit(EXIT_FAILED)

    figures = batches[0].overall(time.perf_counter() - started, len(failures)) if batches else None
    if output_format == "json":
        click.echo(json.dumps({
            "pages": [str(p) for p in pages],
            "failures": [{"path": str(f.path), "message": f.message} for f in failures],
            "ok": not failures,
            "summary": figures.as_json() if figures else None}, indent=2, ensure_ascii=False))
    else:
        failed = f"; {len(failures)} document(s) failed (see above)" if failures else ""
        summary = f"render: {len(pages)} file(s) into {out_dir}/" + (" (open index.html)" if to == "html" else "")
        if failures:  # shown even with --quiet: it says the run is incomplete
            click.echo(summary + failed, err=True)
        else:
            echo(summary)
        if figures and not quiet and wanted(stats):
            click.echo(summary_line("render", figures), err=True)
    sys.exit(EXIT_FAILED if failures else EXIT_OK)

