"""The eval gate: the seed score may not fall below the floors in eval_baseline.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SHARED, needs_shared

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text("utf-8"))


@needs_shared
def test_eval_gate_seed_score_holds_its_floors(cli, tmp_path):
    assert cli("ingest", SHARED / "seeds").exit_code == 0
    export = tmp_path / "export.json"
    assert cli("export", "--format", "json", "-o", export).exit_code == 0
    scored = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            str(export),
            str(SHARED / "eval" / "gold" / "seeds.json"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    # --json prints the report, then the closing "knowledge F1: X" line
    report = json.loads(scored.stdout[: scored.stdout.rindex("knowledge F1:")])
    for field, floor in BASELINE["documents"].items():
        assert report["documents"][field] >= floor, f"documents {field}"
    for section, floor in BASELINE["f1"].items():
        assert report[section]["f1"] >= floor, f"{section} F1"
    assert report["quotes"]["direct_flag_accuracy"] >= BASELINE["direct_flag_accuracy"]
    assert report["conflicts"]["recall"] >= BASELINE["conflicts_recall"]
    assert report["knowledge_f1"] >= BASELINE["knowledge_f1"]
