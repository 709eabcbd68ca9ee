"""Shared test helpers: paths, a CLI runner on a real SQLite file, the sample articles."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cronaca.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
EXAMPLES_METADATA = json.loads((ROOT / "tests/data/examples_metadata.json").read_text("utf-8"))

needs_shared = pytest.mark.skipif(
    not (SHARED / "seeds").is_dir(), reason="../shared (seeds and scorer) is not beside the repo"
)

CliFn = Callable[..., Result]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "kb.db"


@pytest.fixture
def cli(db: Path) -> CliFn:
    """Runs `cronaca --db <tmp db> ARGS...` in-process; returns click's Result."""

    def run(*args: str | Path) -> Result:
        return CliRunner().invoke(main, ["--db", str(db), *map(str, args)])

    return run
