"""Ingest throughput: the examples replicated to N distinct files, on one core.

    python benchmarks/bench_ingest.py [--files 1000] [--rounds 1]

Prints documents per second for the whole ingest (read, clean, language, metadata, entities,
quotes, facts, events, store), the time per stage and of date handling alone, and the peak
memory of the process. With --rounds N, N batches of distinct files go into one store, one
after the other, and the rate of each is printed: it should stay flat as the store grows.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from cronaca.config import Settings
from cronaca.extract.dates import find_dates, parse_reference
from cronaca.ingest.read import read_bytes, read_document
from cronaca.ingest.service import build_pipeline, discover, ingest_paths
from cronaca.store.db import Store

ROOT = Path(__file__).resolve().parents[1]


def make_corpus(folder: Path, n: int, batch: int = 0) -> int:
    """Writes n distinct articles (the examples with a numbered line); returns total bytes."""
    sources = sorted(p for p in (ROOT / "examples").rglob("*") if p.is_file())
    total = 0
    for i in range(n):
        src = sources[i % len(sources)]
        data = src.read_bytes() + f"\n\nNota {batch}-{i}.\n".encode("ascii")
        (folder / f"{i:06d}-{src.name}").write_bytes(data)
        total += len(data)
    return total


def warm_up(settings: Settings) -> None:
    """Loads what every language needs (models, word lists) once, outside the timing."""
    pipeline = build_pipeline(settings)
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.is_file():
            pipeline(read_document(read_bytes(path, path.name, settings)))


def stage_times(folder: Path, settings: Settings) -> dict[str, float]:
    """Seconds spent in reading and in each stage, over the corpus, without the store; and
    in date handling alone (part of the events stage)."""
    pipeline = build_pipeline(settings)
    spent: dict[str, float] = defaultdict(float)
    for path, name in discover([folder], settings):
        t0 = time.perf_counter()
        doc = read_document(read_bytes(path, name, settings))
        spent["read"] += time.perf_counter() - t0
        for stage in pipeline.stages:
            t0 = time.perf_counter()
            doc = stage(doc)
            spent[stage.name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        find_dates(doc.clean_text, doc.meta.language or "en", parse_reference(doc.meta.published))
        spent["(dates)"] += time.perf_counter() - t0
    return dict(spent)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=1, help="batches of --files into one store")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = make_corpus(corpus, args.files)
        settings = Settings(db_path=Path(tmp) / "bench.db")
        warm_up(settings)
        t0 = time.perf_counter()
        with Store(settings.db_path) as store:
            report = ingest_paths(store, [corpus], settings)
            elapsed = time.perf_counter() - t0
            assert report.count("added") == args.files, report.summary()
            rates = [args.files / elapsed]
            for batch in range(1, args.rounds):
                more = Path(tmp) / f"corpus{batch}"
                more.mkdir()
                make_corpus(more, args.files, batch)
                t1 = time.perf_counter()
                ingest_paths(store, [more], settings)
                rates.append(args.files / (time.perf_counter() - t1))
        per_stage = stage_times(corpus, settings)
        db_mb = settings.db_path.stat().st_size / 1e6
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files: {args.files} ({size / 1e6:.1f} MB), one core")
    print(
        f"ingest: {elapsed:.2f} s, {args.files / elapsed:.0f} documents/s, "
        f"{size / 1e6 / elapsed:.2f} MB/s"
    )
    print(
        "per document: "
        + ", ".join(f"{name} {1000 * t / args.files:.2f} ms" for name, t in per_stage.items())
    )
    if "entities" in per_stage:
        print(f"entity recognition: {size / 1e6 / per_stage['entities']:.2f} MB/s of article text")
    if len(rates) > 1:
        print("documents/s per round as the store grows: " + ", ".join(f"{r:.0f}" for r in rates))
    print(f"store: {db_mb:.1f} MB; peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
