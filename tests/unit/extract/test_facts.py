"""Facts from short fictional texts in the six languages, run through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from cronaca.config import Settings
from cronaca.ingest.read import read_bytes, read_document
from cronaca.ingest.service import build_pipeline


def facts(tmp_path: Path, text: str, lang: str) -> set[tuple]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    settings = Settings(language=lang)
    doc = build_pipeline(settings)(read_document(read_bytes(path, path.name, settings)))
    names = {m.entity_key: m.entity_name for m in doc.mentions}
    names.update({k: name for k, (_, name) in doc.references.items()})
    return {
        (
            names[f.subject_key],
            f.predicate,
            names.get(f.object_key or ""),
            f.qualifier,
            f.valid_from,
            f.polarity,
            names.get(f.attributed_to_key or ""),
        )
        for f in doc.facts
    }


CASES = [
    (
        "it",
        "Vertice a Lunaria\n\nL'Organizzazione del Mar Grigio (OSMG) comprende Italia, Francia e Grecia. Il ministro degli "
        "Esteri greco Nikos Andrianakis è arrivato ieri. La Francia assumerà la presidenza della "
        "OSMG dal 1° marzo 2027.\n",
        [
            ("Greece", "member_of", "Organizzazione del Mar Grigio"),
            ("Nikos Andrianakis", "position_held", "Greece", "foreign_minister"),
            ("France", "chair_of", "Organizzazione del Mar Grigio", None, "2027-03-01"),
        ],
    ),
    (
        "en",
        "Talks in Lunaria\n\nThe Grey Sea Security Organization (GSSO) includes Norway, Sweden and Finland. Swedish Foreign "
        "Minister Karin Lindqvist arrived on Monday. Norway will take over the presidency of the "
        "GSSO from 1 March 2027.\n",
        [
            ("Finland", "member_of", "Grey Sea Security Organization"),
            ("Karin Lindqvist", "position_held", "Sweden", "foreign_minister"),
            ("Norway", "chair_of", "Grey Sea Security Organization", None, "2027-03-01"),
        ],
    ),
    (
        "fr",
        "Sommet à Lunaria\n\nL'Organisation de la mer Grise (OSMG) comprend la France, la Belgique et la Suisse. Le ministre "
        "belge des Affaires étrangères, Luc Vandamme, est arrivé lundi.\n",
        [
            ("Belgium", "member_of", "Organisation de la mer Grise"),
            ("Luc Vandamme", "position_held", "Belgium"),
        ],
    ),
    (
        "es",
        "Cumbre en Lunaria\n\nLa Organización del Mar Gris (OSMG) incluye España, Portugal y Chile. El presidente chileno "
        "Tomás Arancibia llegó el lunes.\n",
        [
            ("Chile", "member_of", "Organización del Mar Gris"),
            ("Tomás Arancibia", "position_held", "Chile", "head_of_state"),
        ],
    ),
    (
        "de",
        "Gipfel in Lunaria\n\nDie Sicherheitsorganisation Graues Meer (SOGM) umfasst Polen, Tschechien und Ungarn. Der polnische "
        "Außenminister Tomasz Wierzbicki traf am Montag ein.\n",
        [
            ("Hungary", "member_of", "Sicherheitsorganisation Graues Meer"),
            ("Tomasz Wierzbicki", "position_held", "Poland", "foreign_minister"),
        ],
    ),
    (
        "ru",
        "Саммит в Лунарии\n\nВ Организацию безопасности Серого моря (ОБСМ) входят Россия, Армения и Казахстан. Министр иностранных "
        "дел Армении Гурген Оганесян прибыл в понедельник.\n",
        [
            ("Kazakhstan", "member_of", "Организацию безопасности Серого моря"),
            ("Гурген Оганесян", "position_held", "Armenia", "foreign_minister"),
        ],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_facts_membership_positions_and_chairs(tmp_path, lang, text, expected):
    found = facts(tmp_path, text, lang)
    for want in expected:
        assert any(f[: len(want)] == want for f in found), (want, sorted(found))


def test_facts_claims_keep_their_claimant(tmp_path):
    text = (
        "Vertice a Lunaria\n\nL'Organizzazione del Mar Grigio (OSMG) si riunisce oggi. Il "
        "presidente del parlamento armeno, Aldo Ferrante, ha dichiarato che l'Armenia si è "
        "ritirata dalla OSMG. In precedenza il premier armeno Carlo Rinaldi aveva detto che "
        "Erevan aveva sospeso la sua partecipazione alla OSMG.\n"
    )
    found = facts(tmp_path, text, "it")
    assert (
        "Armenia",
        "withdrawn_from",
        "Organizzazione del Mar Grigio",
        None,
        None,
        True,
        "Aldo Ferrante",
    ) in found
    assert (
        "Armenia",
        "participation_suspended",
        "Organizzazione del Mar Grigio",
        None,
        None,
        True,
        "Carlo Rinaldi",
    ) in found
    assert (
        "Aldo Ferrante",
        "position_held",
        "Armenia",
        "parliament_speaker",
        None,
        True,
        None,
    ) in found


def test_facts_negated_membership_has_polarity_false(tmp_path):
    text = (
        "Vertice a Lunaria\n\nL'Organizzazione del Mar Grigio (OSMG) non comprende più "
        "Armenia, Georgia e Moldavia, secondo il comunicato.\n"
    )
    found = facts(tmp_path, text, "it")
    assert (
        "Georgia",
        "member_of",
        "Organizzazione del Mar Grigio",
        None,
        None,
        False,
        None,
    ) in found


def test_facts_capital_place_adoption_and_bodies(tmp_path):
    text = (
        "Vertice a Bishkek\n\nI leader si riuniscono nella capitale kirghisa, a Bishkek. I "
        "presidenti hanno visitato la residenza statale di Ala-Archa a Bishkek. Il Consiglio di "
        "sicurezza collettiva della CSTO ha adottato la dichiarazione finale.\n"
    )
    found = {f[:3] for f in facts(tmp_path, text, "it")}
    assert ("Bishkek", "capital_of", "Kyrgyzstan") in found
    assert ("Ala-Archa", "located_in", "Bishkek") in found
    assert (
        "Collective Security Council",
        "part_of",
        "Collective Security Treaty Organization",
    ) in found
    assert any(f[1] == "adopted" and f[2] == "dichiarazione finale" for f in found)


def test_facts_english_claims_and_chairs(tmp_path):
    text = (
        "Talks in Lunaria\n\nThe Grey Sea Security Organization (GSSO) includes Norway, Sweden and "
        "Finland. Norwegian Foreign Minister Ola Brekke said that Finland had suspended its "
        "participation in the GSSO.\n"
    )
    found = facts(tmp_path, text, "en")
    assert (
        "Finland",
        "participation_suspended",
        "Grey Sea Security Organization",
        None,
        None,
        True,
        "Ola Brekke",
    ) in found
