"""`tei-tools build` (placeholder until its issue lands)."""
import click


@click.command(name="build")
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'build' is not available in this build yet")
