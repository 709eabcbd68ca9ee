"""`cronaca ingest`: files and folders into the store."""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import click

from cronaca.config import DEFAULT_MAX_BYTES, Settings
from cronaca.ingest.service import ingest_paths
from cronaca.lang.loader import supported_languages
from cronaca.store.db import Store

UNITS = {
    "": 1,
    "b": 1,
    "k": 1024,
    "kb": 1024,
    "m": 1024**2,
    "mb": 1024**2,
    "g": 1024**3,
    "gb": 1024**3,
}


def parse_size(value: str) -> int:
    """'10MB' -> 10485760."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)
    if not m or m.group(2).lower() not in UNITS:
        raise click.BadParameter(f"{value!r} is not a size such as 500k, 10MB or 1GB")
    return int(float(m.group(1)) * UNITS[m.group(2).lower()])


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--max-size",
    default=f"{DEFAULT_MAX_BYTES // 1024**2}MB",
    show_default=True,
    help="Refuse files larger than this.",
)
@click.option(
    "--language",
    type=click.Choice(supported_languages()),
    help="Skip language identification: every file is in this language.",
)
@click.pass_obj
def command(
    settings: Settings, paths: tuple[Path, ...], max_size: str, language: str | None
) -> None:
    """Ingest articles: .txt/.md (PDF text dumps too) and .html files, or folders of them."""
    settings = dataclasses.replace(settings, max_bytes=parse_size(max_size), language=language)
    with Store(settings.db_path) as store:
        report = ingest_paths(store, paths, settings, progress=sys.stderr.isatty())
    for failure in report.failures:
        click.echo(f"cronaca: failed: {failure.path}: {failure.detail}", err=True)
    click.echo(f"{report.summary()} ({settings.db_path})")
    if report.failures:
        sys.exit(1)
