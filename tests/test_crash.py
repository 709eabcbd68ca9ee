"""A SIGKILL part-way through an ingest loses nothing already stored and duplicates nothing."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from cronaca.store.db import Store
from tests.conftest import EXAMPLES

N_FILES = 200


def make_corpus(folder: Path) -> None:
    """200 distinct articles: the examples with a numbered line added."""
    sources = sorted(p for p in EXAMPLES.rglob("*") if p.is_file())
    for i in range(N_FILES):
        src = sources[i % len(sources)]
        out = folder / f"{i:03d}-{src.name}"
        out.write_bytes(src.read_bytes() + f"\n\nNota {i}.\n".encode("ascii"))


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_crash_sigkill_then_rerun_stores_every_file_once(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "kb.db"
    corpus.mkdir()
    make_corpus(corpus)
    command = [sys.executable, "-m", "cronaca", "--db", str(db), "ingest", str(corpus)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while stored(db) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = stored(db)
    assert 0 < before < N_FILES, f"the kill should land part-way, {before} were stored"

    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"added {N_FILES - before}, unchanged {before}, failed 0" in rerun.stdout
    with Store(db) as store:
        assert store.integrity_check() == "ok"
        names = [d["id"] for d in store.iter_documents()]
    assert sorted(names) == sorted(p.name for p in corpus.iterdir())
