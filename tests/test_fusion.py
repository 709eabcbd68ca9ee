"""Fusion across documents and languages: one event from three reports, a disagreeing figure
surfaced, a distractor a year earlier kept apart, and the same export whatever the order."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cronaca.cli import main
from tests.conftest import EXAMPLES

REPORTS = {
    "it.txt": (
        "Vertice a Lunaria\n\nOsservatorio Eurasia – mar 13, 2026\n\nL'Organizzazione per la "
        "sicurezza del Mar Grigio (OSMG) ha tenuto il suo vertice a Lunaria il 12 marzo 2026. "
        "I leader hanno firmato 15 documenti sulla cooperazione navale.\n"
    ),
    "en.txt": (
        "Summit in Lunaria\n\nBaltic Ledger – Mar 13, 2026\n\nThe Grey Sea Security "
        "Organization (GSSO) held its summit in Lunaria on March 12, 2026. The leaders signed "
        "16 documents on naval cooperation.\n"
    ),
    "fr.txt": (
        "Sommet à Lunaria\n\nLe Courrier diplomatique – mars 13, 2026\n\nL'Organisation de "
        "sécurité de la mer Grise (OSMG) a tenu son sommet à Lunaria le 12 mars 2026. Les "
        "dirigeants ont signé 19 documents sur la coopération navale.\n"
    ),
    "it-2025.txt": (
        "Vertice a Lunaria\n\nOsservatorio Eurasia – mar 13, 2025\n\nL'Organizzazione per la "
        "sicurezza del Mar Grigio (OSMG) ha tenuto il suo vertice a Lunaria il 12 marzo 2025.\n"
    ),
}


def export(db: Path, *folders: Path) -> dict:
    for folder in folders:
        result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(folder)])
        assert result.exit_code == 0, result.output
    return json.loads(CliRunner().invoke(main, ["--db", str(db), "export"]).stdout)


def test_fusion_one_event_three_languages_and_a_disagreeing_figure(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    data = export(tmp_path / "kb.db", folder)
    names = {e["id"]: e["name"] for e in data["entities"]}
    meetings = {
        (v["date"], names.get(v["location"])): v for v in data["events"] if v["type"] == "meeting"
    }
    summit = meetings[("2026-03-12", "Lunaria")]
    assert {s["doc"] for s in summit["sources"]} == {"it.txt", "en.txt", "fr.txt"}
    assert {s["doc"] for s in meetings[("2025-03-12", "Lunaria")]["sources"]} == {"it-2025.txt"}
    assert summit["plover"] == "CONSULT"
    signing = next(v for v in data["events"] if v["type"] == "agreement")
    by_id = {v["id"]: v for v in data["events"]}
    (conflict,) = [c for c in data["conflicts"] if c["kind"] == "value_disagreement"]
    assert signing["id"] in conflict["facts"]
    assert all(by_id[i]["type"] == "agreement" for i in conflict["facts"])
    for figure in ("15", "16", "19"):
        assert figure in conflict["explanation"]


def normalised(data: dict) -> dict:
    """The export with ids replaced by what they name, lists sorted: comparable across runs."""
    names = {e["id"]: f"{e['type']}:{e['name']}" for e in data["entities"]}

    def n(x: object) -> object:
        return names.get(x, x) if isinstance(x, str) else x

    def src(v: dict) -> list:
        return sorted((s["doc"], s["start"], s["end"]) for s in v["sources"])

    return {
        "documents": sorted(json.dumps(d, sort_keys=True) for d in data["documents"]),
        "entities": sorted(
            (
                e["type"],
                e["name"],
                tuple(sorted(e["aliases"])),
                tuple(sorted((m["doc"], m["start"], m["end"]) for m in e["mentions"])),
            )
            for e in data["entities"]
        ),
        "events": sorted(
            json.dumps(
                [
                    v["type"],
                    v["date"],
                    v["end_date"],
                    n(v["location"]),
                    sorted(map(n, v["participants"])),
                    v["status"],
                    v["attributes"],
                    src(v),
                ]
            )
            for v in data["events"]
        ),
        "quotes": sorted(
            (q["doc"], q["start"], q["end"], n(q["speaker"]), q["direct"], q["date"])
            for q in data["quotes"]
        ),
        "facts": sorted(
            json.dumps(
                [
                    n(f["subject"]),
                    f["predicate"],
                    n(f["object"]),
                    f["qualifier"],
                    f["valid_from"],
                    f["polarity"],
                    n(f["attributed_to"]),
                    src(f),
                ]
            )
            for f in data["facts"]
        ),
        "conflicts": sorted((c["kind"], c["explanation"]) for c in data["conflicts"]),
    }


def test_fusion_order_of_ingest_does_not_change_the_export(tmp_path):
    parts = sorted(p for p in EXAMPLES.iterdir() if p.is_dir())
    forward = export(tmp_path / "a.db", *parts)
    backward = export(tmp_path / "b.db", *reversed(parts))
    assert normalised(forward) == normalised(backward)


def test_fusion_surname_alone_joins_the_one_full_name_and_namesakes_stay_apart(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Accordo a Lunaria\n\nIl ministro degli Esteri karviano Anvar Karimov ha firmato "
        "l'accordo. Il giornalista kazako Bekzat Karimov ha chiesto chiarimenti.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Reazioni a Novoselsk\n\nIl ministro degli Esteri Karimov ha lasciato Lunaria ieri "
        "sera, dopo una lunga giornata di colloqui con le delegazioni.\n",
        encoding="utf-8",
    )
    data = export(tmp_path / "kb.db", folder)
    people = {e["name"]: e for e in data["entities"] if e["type"] == "person"}
    assert "Karimov" not in people  # the minister named by surname is the minister in full
    minister = people["Anvar Karimov"]
    assert {m["doc"] for m in minister["mentions"]} == {"a.txt", "b.txt"}
    assert {m["doc"] for m in people["Bekzat Karimov"]["mentions"]} == {"a.txt"}


def test_fusion_a_planned_event_that_happened_takes_the_latest_status(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "before.txt").write_text(
        "Vertice a Lunaria\n\nOsservatorio Eurasia – mar 1, 2026\n\nIl vertice "
        "dell'Organizzazione per la sicurezza del Mar Grigio (OSMG) si terrà il 12 marzo 2026 a "
        "Lunaria.\n",
        encoding="utf-8",
    )
    (folder / "after.txt").write_text(
        "Vertice a Lunaria\n\nOsservatorio Eurasia – mar 13, 2026\n\nIl vertice "
        "dell'Organizzazione per la sicurezza del Mar Grigio (OSMG) si è svolto il 12 marzo 2026 "
        "a Lunaria.\n",
        encoding="utf-8",
    )
    data = export(tmp_path / "kb.db", folder)
    (summit,) = [v for v in data["events"] if v["type"] == "meeting"]
    assert {s["doc"] for s in summit["sources"]} == {"before.txt", "after.txt"}
    assert summit["status"] == "occurred"
