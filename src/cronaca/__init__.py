"""cronaca: news reports in, a source-grounded record of who did and said what out.

The Python API in a few lines::

    from pathlib import Path
    from cronaca import Settings, Store, ingest_paths, write_json

    with Store("kb.db") as store:
        report = ingest_paths(store, [Path("articles/")], Settings())
        print(report.summary())
"""

from __future__ import annotations

from cronaca.config import Settings
from cronaca.errors import CronacaError, InputError, StoreError, UnsupportedLanguageError
from cronaca.export.json_export import write_json
from cronaca.ingest.service import IngestReport, Outcome, build_pipeline, ingest_paths
from cronaca.lang.loader import load_lang, supported_languages
from cronaca.model import Document, Event, Fact, Mention, Metadata, Quote, Span
from cronaca.pipeline import Pipeline, Stage
from cronaca.store.db import Store

__all__ = [
    "CronacaError",
    "Document",
    "Event",
    "Fact",
    "IngestReport",
    "InputError",
    "Mention",
    "Metadata",
    "Outcome",
    "Pipeline",
    "Quote",
    "Settings",
    "Span",
    "Stage",
    "Store",
    "StoreError",
    "UnsupportedLanguageError",
    "build_pipeline",
    "ingest_paths",
    "load_lang",
    "supported_languages",
    "write_json",
]
