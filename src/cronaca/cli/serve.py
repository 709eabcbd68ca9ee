"""`cronaca serve`: the web UI and the HTTP API over a store, on loopback by default."""

from __future__ import annotations

import click

from cronaca.config import Settings
from cronaca.errors import StoreError
from cronaca.store.db import Store


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--token",
    envvar="CRONACA_TOKEN",
    help="Enable POST /api/documents for clients sending this token ($CRONACA_TOKEN).",
)
@click.pass_obj
def command(settings: Settings, host: str, port: int, token: str | None) -> None:
    """Browse and query the store: pages at /, the API at /api, described at /openapi.json."""
    import uvicorn

    from cronaca.web.app import create_app

    if not settings.db_path.exists():
        raise StoreError(f"{settings.db_path}: no such store; create it with 'cronaca ingest'")
    Store(settings.db_path).close()  # brings the schema up to date before serving read-only
    click.echo(
        f"cronaca: serving {settings.db_path} at http://{host}:{port}/"
        " (API: /api, described at /openapi.json)"
    )
    uvicorn.run(create_app(settings.db_path, token), host=host, port=port, log_level="warning")
