"""Settings: one frozen object built by the CLI (or the caller) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = "cronaca.db"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# The file types `ingest` reads; PDFs must come as the text dumped from them.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def default_db_path() -> Path:
    """`$CRONACA_DB`, else ./cronaca.db."""
    return Path(os.environ.get("CRONACA_DB") or DEFAULT_DB)


@dataclass(frozen=True)
class Settings:
    """What a run of cronaca needs to know; no module-level state elsewhere."""

    db_path: Path = field(default_factory=default_db_path)
    max_bytes: int = DEFAULT_MAX_BYTES
    language: str | None = None  # force this language instead of identifying it

    @property
    def suffixes(self) -> frozenset[str]:
        return TEXT_SUFFIXES | HTML_SUFFIXES
