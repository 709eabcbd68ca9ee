"""`cronaca info`: what the store holds."""

from __future__ import annotations

import click

from cronaca.config import Settings
from cronaca.errors import StoreError
from cronaca.store.db import Store


@click.command("info")
@click.pass_obj
def command(settings: Settings) -> None:
    """Show how many documents, entities, events, quotes and facts the store holds."""
    if not settings.db_path.exists():
        raise StoreError(f"{settings.db_path}: no such store; create it with 'cronaca ingest'")
    with Store(settings.db_path) as store:
        click.echo(f"store: {settings.db_path} (schema {store.schema_version})")
        for table, n in store.counts().items():
            click.echo(f"  {table:<10} {n}")
        langs = ", ".join(f"{code} {n}" for code, n in store.languages().items())
        click.echo(f"  languages  {langs or '-'}")
        top = store.top_entities()
        if top:
            click.echo("most mentioned:")
            for name, type_, n in top:
                click.echo(f"  {n:>4}  {name} ({type_})")
