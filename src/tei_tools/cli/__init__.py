"""The `tei-tools` command line: a thin layer of options and messages over the Python API.

Exit codes, the same for every command:
  0  success (every file converted, valid, rendered)
  1  the input has problems (a source could not be converted, a document is invalid), or a
     file could not be written (disk full, no permission)
  2  unusable invocation (bad option, missing file or schema): click's usage-error code
  3  a bug in tei-tools: one line says what failed (TEI_TOOLS_DEBUG=1 shows the traceback)
"""
from __future__ import annotations

import os
import sys

import click

from tei_tools import __version__

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
DEBUG_ENV = "TEI_TOOLS_DEBUG"


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tei-tools")
def cli() -> None:
    """Build scholarly TEI P5 editions from plain-text sources.

    \b
    The main job, from a project folder with seeds/ in it:
      tei-tools build                      seeds/*.txt -> editions/*.xml -> site/
    Or step by step:
      tei-tools convert seeds/*.txt -o editions/
      tei-tools validate editions/
      tei-tools render editions/*.xml --to html -o site/
    Looking after the personography:
      tei-tools persons prune --dry-run    automatic entries no edition cites

    Run `tei-tools COMMAND --help` for what each command does and its options.
    """


def main() -> None:
    """The console script: click's own handling, plus one line instead of a traceback for the rest.

    Tests call `cli` itself (click's CliRunner), so a bug still shows its traceback there; set
    TEI_TOOLS_DEBUG=1 to see it from the command line too.
    """
    from tei_tools.batch import tune_collector

    tune_collector()  # this process is ours: collect less often (see tei_tools.batch)
    try:
        cli(prog_name="tei-tools")
    except BrokenPipeError:  # `tei-tools validate ... | head`: the reader has gone, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_INVALID)
    except MemoryError:
        click.echo("tei-tools: error: out of memory (the input is too large for this machine)", err=True)
        sys.exit(EXIT_INVALID)
    except OSError as error:  # disk full, no permission, a folder where a file should be ...
        if os.environ.get(DEBUG_ENV):
            raise
        where = f"{error.filename}: " if error.filename else ""
        click.echo(f"tei-tools: error: {where}{error.strerror or error}", err=True)
        sys.exit(EXIT_INVALID)
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        first = (str(error).strip().splitlines() or [""])[0]
        click.echo(f"tei-tools: internal error: {type(error).__name__}: {first} "
                   f"(a bug in tei-tools: please report it; {DEBUG_ENV}=1 shows the traceback)", err=True)
        sys.exit(EXIT_BUG)


def _register() -> None:
    # Each command lives in its own module so that the commands can grow independently.
    from tei_tools.cli import build, convert, persons, render, validate

    for module in (convert, validate, render, build, persons):
        cli.add_command(module.command)


_register()
