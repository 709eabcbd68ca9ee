"""Across documents and languages, spellings and scripts of one name meet in one entity."""

from __future__ import annotations

import json
from pathlib import Path

ITALIAN = (
    "Vertice a Lunaria\n\nIl ministro degli Esteri karviano Timur Besedin ha incontrato ieri "
    "a Lunaria il presidente Sadyr Japarov. Besedin ha detto che il dialogo continuerà e che "
    "la delegazione tornerà a Bishkek il mese prossimo per nuovi colloqui con il governo.\n"
)
RUSSIAN = (
    "Встреча в Лунарии\n\nМинистр иностранных дел Карвии Тимур Беседин провел переговоры с "
    "президентом Садыром Жапаровым. Беседин заявил, что диалог будет продолжен, а делегация "
    "вернется в Бишкек в следующем месяце для новых консультаций с правительством.\n"
)
ENGLISH = (
    "Talks in Lunaria\n\nKarvian Foreign Minister Timur Besedin met President Sadyr Zhaparov "
    "in Biškek on Monday. Besedin said the dialogue would go on and that the delegation would "
    "return next month for new consultations with the government of Kyrgyzstan.\n"
)


def test_entity_linking_one_person_across_three_languages(cli, tmp_path: Path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in (("it.txt", ITALIAN), ("ru.txt", RUSSIAN), ("en.txt", ENGLISH)):
        (folder / name).write_text(text, encoding="utf-8")
    assert cli("ingest", folder).exit_code == 0
    entities = json.loads(cli("export").stdout)["entities"]
    by_name = {e["name"]: e for e in entities}

    besedin = by_name["Timur Besedin"]  # the Latin spelling is the canonical name
    assert besedin["type"] == "person"
    assert {"Timur Besedin", "Тимур Беседин", "Besedin", "Беседин"} <= set(besedin["aliases"])
    assert {m["doc"] for m in besedin["mentions"]} == {"it.txt", "ru.txt", "en.txt"}

    japarov = by_name["Sadyr Japarov"]  # from the knowledge base, with its English name
    assert {m["doc"] for m in japarov["mentions"]} == {"it.txt", "ru.txt", "en.txt"}
    bishkek = by_name["Bishkek"]
    assert {"Bishkek", "Бишкек", "Biškek"} <= set(bishkek["aliases"])
    assert len([e for e in entities if e["name"] in {"Timur Besedin", "Тимур Беседин"}]) == 1
