"""Stages and the pipeline that runs them in order.

A stage is a pure function of a `Document`: no network, no database, no global state. That is
what lets a distributed engine run the same pipeline on many machines. The pipeline checks when
it is built that every field a stage requires is produced by an earlier stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Protocol

from cronaca.model import Document

# What a document carries before any stage runs.
INPUT_FIELDS = frozenset({"doc.text", "doc.format", "doc.markup_meta"})


class Stage(Protocol):
    name: ClassVar[str]
    version: ClassVar[str]  # bump when the output changes; stored with results
    requires: ClassVar[frozenset[str]]
    produces: ClassVar[frozenset[str]]

    def __call__(self, doc: Document) -> Document: ...


class PipelineError(ValueError):
    """A pipeline whose stages do not fit together."""


class Pipeline:
    """Runs stages in order; raises PipelineError at build time if a requirement is unmet."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = tuple(stages)
        available = set(INPUT_FIELDS)
        for stage in self.stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage "
                    "produces"
                )
            available |= stage.produces

    @property
    def version(self) -> str:
        """Names and versions of the stages, stored with every document."""
        return " ".join(f"{s.name}@{s.version}" for s in self.stages)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc
