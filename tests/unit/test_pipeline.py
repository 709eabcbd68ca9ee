from typing import ClassVar

import pytest

from cronaca.config import Settings
from cronaca.ingest.service import build_pipeline
from cronaca.model import Document
from cronaca.pipeline import Pipeline, PipelineError


class NeedsConflicts:
    name: ClassVar[str] = "needs-conflicts"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.conflicts"})
    produces: ClassVar[frozenset[str]] = frozenset({"doc.facts"})

    def __call__(self, doc: Document) -> Document:
        return doc


def test_pipeline_refuses_a_stage_whose_input_nobody_produces():
    with pytest.raises(PipelineError, match=r"'needs-conflicts' requires \[.doc.conflicts.\]"):
        Pipeline([*build_pipeline(Settings()).stages, NeedsConflicts()])


def test_pipeline_version_names_every_stage():
    assert (
        build_pipeline(Settings()).version
        == "clean@1 language@1 metadata@1 entities@1 quotes@1 facts@1 events@1"
    )
