"""Entity rules on short sentences with fictional names (the knowledge base cannot know them)."""

import pytest

from cronaca.extract.cues import load_cues
from cronaca.extract.entities import find_entities


def entities(text, lang="it"):
    return {(text[f.start : f.end], f.type) for f in find_entities(text, load_cues(lang))}


def keys(text, lang="it"):
    return [(text[f.start : f.end], f.key) for f in find_entities(text, load_cues(lang))]


@pytest.mark.parametrize(
    ("lang", "text", "person", "role"),
    [
        (
            "it",
            "Lo ha detto il viceministro degli Esteri valdoriano Ottavio Brenna ai giornalisti.",
            "Ottavio Brenna",
            "deputy_foreign_minister",
        ),
        (
            "en",
            "Karvian Prime Minister Halvard Roenne met the delegation on Monday.",
            "Halvard Roenne",
            "head_of_government",
        ),
        (
            "fr",
            "Selon Quentin Marsac, porte-parole du ministère, la réunion est reportée.",
            "Quentin Marsac",
            "spokesperson",
        ),
        ("de", "Der Meeresbiologe Tobias Lanz warnte vor den Folgen.", "Tobias Lanz", None),
        ("ru", "Представитель банка Томас Эклунд сообщил об этом.", "Томас Эклунд", None),
    ],
)
def test_entities_people_found_by_cues_keep_their_role(lang, text, person, role):
    found = {text[f.start : f.end]: f for f in find_entities(text, load_cues(lang))}
    assert found[person].type == "person"
    assert found[person].role == role


def test_entities_surname_refers_back_to_the_nearest_namesake():
    text = (
        "Il ministro Anvar Karimov ha firmato. Il giornalista Bekzat Karimov ha chiesto "
        "chiarimenti. Karimov ha poi lasciato la sala."
    )
    found = keys(text)
    last = found[-1]
    assert last[0] == "Karimov"
    assert last[1] == dict(found)["Bekzat Karimov"]
    assert dict(found)["Anvar Karimov"] != dict(found)["Bekzat Karimov"]


def test_entities_acronym_definition_makes_one_organization():
    text = (
        "La Comunità energetica del Mar Grigio (CEMG) si riunirà ad aprile. "
        "La CEMG comprende Orsenia, Karvia e Bulgaria."
    )
    found = keys(text)
    org = dict(found)["Comunità energetica del Mar Grigio"]
    assert dict(found)["CEMG"] == org
    assert [k for name, k in found if name == "CEMG"] == [org, org]


def test_entities_list_beside_a_known_country_types_unknown_countries():
    found = entities("La CEMG comprende Orsenia, Karvia, Bulgaria e Romania.")
    assert ("Orsenia", "country") in found and ("Karvia", "country") in found


def test_entities_people_listed_beside_a_person():
    found = entities("Alla cena figuravano anche Sun Wei e Rania Haddad.")
    assert ("Sun Wei", "person") in found and ("Rania Haddad", "person") in found


def test_entities_organizations_and_places_by_their_nouns():
    found = entities(
        "La portavoce dell'associazione ambientalista Onda Verde, Lucia Ferri, "
        "ha visitato la residenza statale di Ala-Archa a Lunaria."
    )
    assert {
        ("Onda Verde", "organization"),
        ("Lucia Ferri", "person"),
        ("Ala-Archa", "location"),
        ("Lunaria", "location"),
    } <= found


def test_entities_common_words_after_prepositions_are_no_places():
    found = entities("Am Abend teilte das Ministerium nach Angaben der Agentur in Kürze mit.", "de")
    assert not {name for name, kind in found if kind == "location"}


def test_entities_document_names():
    found = entities(
        "I leader hanno adottato la dichiarazione finale e un piano per lo sviluppo "
        "della cooperazione militare per il periodo 2026-2030."
    )
    assert ("dichiarazione finale", "document") in found
    assert ("piano per lo sviluppo della cooperazione militare", "document") in found


def test_entities_german_compounds_of_acronyms_and_weekdays_are_no_places():
    found = entities(
        "Die Sicherheitsorganisation des Grauen Meeres (SOGM) tagte am Dienstagabend. "
        "Nach dem SOGM-Treffen reiste die Delegation nach Lunaria.",
        "de",
    )
    places = {name for name, kind in found if kind == "location"}
    assert places == {"Lunaria"}
    assert ("SOGM", "organization") in found


def test_entities_title_before_a_location_preposition_names_no_person():
    found = entities("Der Botschafter in Orsenia traf den Minister Karel Drobny.", "de")
    assert ("Orsenia", "person") not in found
    assert ("Karel Drobny", "person") in found
