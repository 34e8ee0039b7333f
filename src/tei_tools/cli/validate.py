"""`tei-tools validate` (placeholder until its issue lands)."""
import click


@click.command(name="validate")
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'validate' is not available in this build yet")
