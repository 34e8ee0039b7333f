"""The `tei-tools` command line: a thin layer of options and messages over the Python API.

Exit codes, the same for every command:
  0  success (every file converted, valid, rendered)
  1  the input has problems (a source could not be converted, a document is invalid)
  2  unusable invocation (bad option, missing file or schema): click's usage-error code
"""
from __future__ import annotations

import click

from tei_tools import __version__

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


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

    Run `tei-tools COMMAND --help` for what each command does and its options.
    """


def main() -> None:
    cli(prog_name="tei-tools")


def _register() -> None:
    # Each command lives in its own module so that the commands can grow independently.
    from tei_tools.cli import build, convert, render, validate

    for module in (convert, validate, render, build):
        cli.add_command(module.command)


_register()
