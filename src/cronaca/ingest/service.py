"""Ingests files and folders into a store: discovery, the pipeline, one transaction a file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from tqdm import tqdm

from cronaca.config import Settings
from cronaca.errors import InputError
from cronaca.extract.entities import ExtractEntities
from cronaca.extract.events import ExtractEvents
from cronaca.extract.facts import ExtractFacts
from cronaca.extract.quotes import ExtractQuotes
from cronaca.ingest.clean import CleanText
from cronaca.ingest.language import DetectLanguage
from cronaca.ingest.metadata import ReadMetadata
from cronaca.ingest.read import read_bytes, read_document
from cronaca.pipeline import Pipeline
from cronaca.store.db import Store

Status = Literal["added", "unchanged", "failed"]


@dataclass(frozen=True)
class Outcome:
    path: str
    status: Status
    detail: str  # the document's id, or why it failed


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def summary(self) -> str:
        return (
            f"added {self.count('added')}, unchanged {self.count('unchanged')}, "
            f"failed {self.count('failed')}"
        )


def build_pipeline(settings: Settings) -> Pipeline:
    """The stages every document goes through, in order."""
    return Pipeline(
        [
            CleanText(),
            DetectLanguage(settings.language),
            ReadMetadata(),
            ExtractEntities(),
            ExtractQuotes(),
            ExtractFacts(),
            ExtractEvents(),
        ]
    )


def discover(paths: Iterable[Path], settings: Settings) -> Iterator[tuple[Path, str]]:
    """(file, name) for every file to ingest. A folder gives its readable files, recursively,
    named by their path below it; hidden files and other file types are skipped. A file named
    on its own is always tried, so a wrong one gets a clear error."""
    for root in paths:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                rel = path.relative_to(root)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if path.suffix.lower() in settings.suffixes and not path.is_dir():
                    yield path, rel.as_posix()
        else:
            yield root, root.name


def ingest_file(
    store: Store, pipeline: Pipeline, path: Path, name: str, settings: Settings
) -> Outcome:
    """Reads, processes and stores one file; never raises for a bad file."""
    try:
        raw = read_bytes(path, name, settings)
        known = store.find_sha(raw.sha256)
        if known is not None:
            return Outcome(str(path), "unchanged", known)
        doc = pipeline(read_document(raw))
        doc_key = store.add_document(doc, pipeline.version)
    except InputError as exc:
        return Outcome(str(path), "failed", exc.reason)
    if doc_key is None:
        return Outcome(str(path), "unchanged", store.find_sha(raw.sha256) or name)
    return Outcome(str(path), "added", doc_key)


def ingest_paths(
    store: Store, paths: Iterable[Path], settings: Settings, progress: bool = False
) -> IngestReport:
    """Ingests every file below `paths`; bad files are reported, the rest go on."""
    files = list(discover(paths, settings))
    pipeline = build_pipeline(settings)
    report = IngestReport()
    bar = tqdm(
        files, desc="ingest", unit="doc", disable=not progress or len(files) < 2, leave=False
    )
    for path, name in bar:
        report.outcomes.append(ingest_file(store, pipeline, path, name, settings))
    return report
