"""`tei-tools convert` (placeholder until its issue lands)."""
import click


@click.command(name="convert")
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'convert' is not available in this convert yet")
