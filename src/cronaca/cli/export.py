"""`cronaca export`: the knowledge base as a file analysts load unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cronaca.config import Settings
from cronaca.errors import StoreError
from cronaca.export.json_export import write_json
from cronaca.store.db import Store


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="json: the format of the evaluation schema (SCHEMA.md).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here instead of standard output.",
)
@click.pass_obj
def command(settings: Settings, fmt: str, output: Path | None) -> None:
    """Export everything in the store."""
    if not settings.db_path.exists():
        raise StoreError(f"{settings.db_path}: no such store; create it with 'cronaca ingest'")
    with Store(settings.db_path) as store:
        if output is None:
            write_json(store, sys.stdout)
            return
        tmp = output.with_name(output.name + ".part")
        with tmp.open("w", encoding="utf-8") as fh:
            counts = write_json(store, fh)
        tmp.replace(output)
    click.echo(f"wrote {output}: " + ", ".join(f"{n} {k}" for k, n in counts.items()), err=True)
