"""The command group, its global options, and how errors reach the user (one line)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from cronaca.config import DEFAULT_DB, Settings
from cronaca.errors import CronacaError


class Group(click.Group):
    """Turns any CronacaError into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CronacaError as exc:
            click.echo(f"cronaca: error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="CRONACA_DB",
    default=DEFAULT_DB,
    show_default=True,
    help="The SQLite knowledge base (also $CRONACA_DB).",
)
@click.version_option(package_name="cronaca")
@click.pass_context
def main(ctx: click.Context, db: Path) -> None:
    """cronaca: a source-grounded record of who did and said what, read from news reports."""
    ctx.obj = Settings(db_path=db)


def register() -> None:
    from cronaca.cli import export, info, ingest, serve

    for module in (ingest, export, info, serve):
        main.add_command(module.command)


register()
