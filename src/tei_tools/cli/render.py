"""`tei-tools render` (placeholder until its issue lands)."""
import click


@click.command(name="render")
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'render' is not available in this build yet")
