"""Events from short fictional articles in the six languages (article date 27 November 2025)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cronaca.config import Settings
from cronaca.ingest.read import read_bytes, read_document
from cronaca.ingest.service import build_pipeline


def events(tmp_path: Path, body: str, lang: str, byline: str) -> list[tuple]:
    path = tmp_path / "article.txt"
    path.write_text(f"Notizie\n\n{body}\n\n{byline}\n", encoding="utf-8")
    settings = Settings(language=lang)
    doc = build_pipeline(settings)(read_document(read_bytes(path, path.name, settings)))
    names = {m.entity_key: m.entity_name for m in doc.mentions}
    names.update({k: name for k, (_, name) in doc.references.items()})
    return [
        (
            e.type,
            e.date,
            e.end_date,
            names.get(e.location_key or ""),
            e.status,
            sorted(names[p] for p in e.participant_keys),
        )
        for e in doc.events
    ]


CASES = [
    (
        "it",
        "di Marta Galli Giovedì 27 Novembre 2025",
        "Il vertice dell'Organizzazione del Mar Grigio (OSMG) si terrà l'11 novembre 2026 a Mosca. "
        "L'Armenia non parteciperà alla riunione. Il presidente Aldo Ferrante sarà a Varsavia dal "
        "25 al 27 novembre.",
        [
            ("meeting", "2026-11-11", None, "Moscow", "planned"),
            ("membership", None, None, None, "negated"),
            ("visit", "2025-11-25", "2025-11-27", "Warsaw", "planned"),
        ],
    ),
    (
        "en",
        "By Jane Roe, November 27, 2025",
        "The Grey Sea Security Organization (GSSO) held a summit in Warsaw on Monday. GSSO "
        "ministers signed an agreement on fishing. Next year the GSSO will hold exercises in Riga.",
        [
            ("meeting", "2025-11-24", None, "Warsaw", "occurred"),
            ("agreement", "2025-11-24", None, "Warsaw", "occurred"),  # told right after it
            ("military_exercise", "2026", None, "Riga", "planned"),
        ],
    ),
    (
        "fr",
        "Par Jean Roux | Publié le 27 novembre 2025",
        "Le sommet de l'Organisation de la mer Grise (OSMG) aura lieu le 3 mars 2026 à Madrid. "
        "Le président Luc Vandamme a proposé un forum sur la sécurité.",
        [
            ("meeting", "2026-03-03", None, "Madrid", "planned"),
            ("proposal", None, None, None, "proposed"),
        ],
    ),
    (
        "es",
        "Por Ana Ruiz · 27 de noviembre de 2025",
        "La cumbre de la Organización del Mar Gris (OSMG) se celebrará el próximo año en Lima.",
        [("meeting", "2026", None, "Lima", "planned")],
    ),
    (
        "de",
        "Von Karl Brandt, 27.11.2025",
        "Der Gipfel der Sicherheitsorganisation Graues Meer (SOGM) fand am 24. November in Wien "
        "statt.",
        [("meeting", "2025-11-24", None, "Vienna", "occurred")],
    ),
    (
        "ru",
        "Автор: Ирина Волкова, 27 ноября 2025",
        "Саммит Организации безопасности Серого моря (ОБСМ) пройдет в Минске в следующем году.",
        [("meeting", "2026", None, "Minsk", "planned")],
    ),
]


@pytest.mark.parametrize(("lang", "byline", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_events_type_date_place_status(tmp_path, lang, byline, body, expected):
    found = events(tmp_path, body, lang, byline)
    for want in expected:
        assert any(f[: len(want)] == want for f in found), (want, found)


def test_events_statement_placed_in_time_and_participants(tmp_path):
    body = (
        "Il 24 novembre il ministro degli Esteri valdoriano Aldo Ferrante aveva dichiarato che "
        "l'Armenia e la Georgia si sarebbero incontrate a Lunaria. Il 25 novembre Ferrante e "
        "il premier armeno Nikol Pashinyan hanno avuto colloqui a Erevan."
    )
    found = events(tmp_path, body, "it", "di Marta Galli Giovedì 27 Novembre 2025")
    assert ("statement", "2025-11-24", None, None, "occurred", ["Aldo Ferrante"]) in found
    meeting = next(f for f in found if f[0] == "meeting" and f[1] == "2025-11-25")
    assert meeting[3] == "Yerevan" and {"Aldo Ferrante", "Nikol Pashinyan"} <= set(meeting[5])


def test_events_one_membership_process_told_twice_is_one_event(tmp_path):
    body = (
        "Secondo il ministro Aldo Ferrante, la Georgia ha sospeso la sua partecipazione alla "
        "NATO. Un deputato dell'opposizione sostiene invece che la Georgia si è ritirata dalla "
        "NATO senza un voto. Il paese non parteciperà al vertice della NATO del 3 dicembre a "
        "Bruxelles."
    )
    found = events(tmp_path, body, "it", "di Marta Galli Giovedì 27 Novembre 2025")
    undated = [f for f in found if f[0] == "membership" and f[1] is None]
    assert len(undated) == 1, found
    dated = [f for f in found if f[0] == "membership" and f[1] == "2025-12-03"]
    assert dated and dated[0][4] == "negated", found
