from typing import ClassVar

import pytest

from cronaca.config import Settings
from cronaca.ingest.service import build_pipeline
from cronaca.model import Document
from cronaca.pipeline import Pipeline, PipelineError


class NeedsQuotes:
    name: ClassVar[str] = "needs-quotes"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"doc.quotes"})
    produces: ClassVar[frozenset[str]] = frozenset({"doc.facts"})

    def __call__(self, doc: Document) -> Document:
        return doc


def test_pipeline_refuses_a_stage_whose_input_nobody_produces():
    with pytest.raises(PipelineError, match=r"'needs-quotes' requires \['doc.quotes'\]"):
        Pipeline([*build_pipeline(Settings()).stages, NeedsQuotes()])


def test_pipeline_version_names_every_stage():
    assert build_pipeline(Settings()).version == "clean@1 language@1 metadata@1 entities@1"
