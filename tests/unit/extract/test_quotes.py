"""Quote constructions on short fictional texts, in several languages."""

import pytest

from cronaca.extract.cues import load_cues
from cronaca.extract.entities import find_entities
from cronaca.extract.quotes import find_quotes, load_speech, quoted_spans
from cronaca.model import Mention, Span


def run(text, lang="it"):
    cues = load_cues(lang)
    mentions = [
        Mention(
            Span(f.start, f.end),
            text[f.start : f.end],
            f.key,
            f.type,
            f.name,
            f.role,
            clean_span=Span(f.start, f.end),
        )
        for f in find_entities(text, cues)
    ]
    names = {m.entity_key: m.entity_name for m in mentions}
    return [
        (text[q.start : q.end], q.direct, names.get(q.speaker.entity_key) if q.speaker else None)
        for q in find_quotes(text, mentions, cues, load_speech(lang))
    ]


@pytest.mark.parametrize(
    ("lang", "text", "inner"),
    [
        (
            "it",
            "Disse: «Non firmeremo mai questo accordo» e uscì.",
            "Non firmeremo mai questo accordo",
        ),
        ("en", "He said: “We will not sign this deal” and left.", "We will not sign this deal"),
        (
            "de",
            "Er sagte: „Wir werden das nicht unterschreiben“ und ging.",
            "Wir werden das nicht unterschreiben",
        ),
        (
            "de",
            "Er sagte: »Wir werden das nicht unterschreiben« und ging.",
            "Wir werden das nicht unterschreiben",
        ),
        (
            "de",
            "»Er hat mir gesagt: ›Wir kommen zurück.‹ Ich glaube ihm«, sagte sie. Dann ging sie.",
            "Er hat mir gesagt: ›Wir kommen zurück.‹ Ich glaube ihm",
        ),
        (
            "fr",
            "Il a dit : « Nous ne signerons pas cet accord » puis il est parti.",
            " Nous ne signerons pas cet accord ",
        ),
        (
            "ru",
            "Он сказал: «Мы не подпишем „этот“ документ никогда».",
            "Мы не подпишем „этот“ документ никогда",
        ),
        (
            "en",
            'She said: "The l’accord of ‘Lunaria’ will hold" today.',
            "The l’accord of ‘Lunaria’ will hold",
        ),
    ],
)
def test_quotes_scanner_every_style_and_nesting(lang, text, inner):
    spans = quoted_spans(text, lang)
    assert [text[s:e] for s, e, _ in spans] == [inner]


def test_quotes_scanner_marks_lost_by_scrapers():
    text = (
        "Il ministro ha detto:\n\nNoi continueremo a lavorare con tutti i partner della regione.\n\n"
        "“Il vertice è stato un successo e lo diremo ovunque\n\n"
        "Abbiamo firmato tutto quello che era previsto.”"
    )
    found = [text[s:e] for s, e, _ in quoted_spans(text, "it")]
    assert found == [
        "Noi continueremo a lavorare con tutti i partner della regione.",
        "Il vertice è stato un successo e lo diremo ovunque",
        "Abbiamo firmato tutto quello che era previsto.",
    ]


def test_quotes_interrupted_quote_is_two_quotes_of_one_speaker():
    text = (
        "«Questa organizzazione non è un blocco», ha detto il presidente valdoriano Aldo "
        "Ferrante, «ma uno spazio di dialogo tra vicini»."
    )
    assert run(text) == [
        ("Questa organizzazione non è un blocco", True, "Aldo Ferrante"),
        ("ma uno spazio di dialogo tra vicini", True, "Aldo Ferrante"),
    ]


def test_quotes_reported_speech_and_null_subject():
    text = (
        "Il ministro degli Esteri karviano Timur Besedin ha dichiarato ai giornalisti che il "
        "trattato sarà firmato entro l'estate. In seguito, ha aggiunto che la delegazione "
        "resterà a Lunaria fino a lunedì."
    )
    assert run(text) == [
        ("il trattato sarà firmato entro l'estate", False, "Timur Besedin"),
        ("la delegazione resterà a Lunaria fino a lunedì", False, "Timur Besedin"),
    ]


def test_quotes_according_to_with_an_apposition():
    text = (
        "Secondo Ilse Marwitz, portavoce del governo, il vertice si terrà a Lunaria "
        "il prossimo mese."
    )
    assert run(text) == [("il vertice si terrà a Lunaria il prossimo mese", False, "Ilse Marwitz")]


def test_quotes_unnamed_source_stays_unknown():
    text = (
        "Il presidente Aldo Ferrante è arrivato ieri. «Non ci sarà nessun accordo entro "
        "domani», ha detto una fonte diplomatica."
    )
    assert run(text) == [("Non ci sarà nessun accordo entro domani", True, None)]


def test_quotes_inverted_speaker_in_english_and_title_only_reference():
    text = (
        '"We are ready to talk to everyone in the region," said Lena Hartwig, the Orsenian '
        "foreign minister. The minister said that the border would stay open all winter."
    )
    assert run(text, "en") == [
        ("We are ready to talk to everyone in the region,", True, "Lena Hartwig"),
        ("the border would stay open all winter", False, "Lena Hartwig"),
    ]


def test_quotes_scare_quotes_inside_reported_speech_belong_to_it():
    text = (
        'Il presidente Aldo Ferrante ha dichiarato che il paese è "di fatto uscito '
        'dall\'alleanza" ma non lo considera un passo "ostile".'
    )
    assert run(text) == [
        (
            'il paese è "di fatto uscito dall\'alleanza" ma non lo considera un passo "ostile',
            False,
            "Aldo Ferrante",
        ),
    ]


def test_quotes_pronoun_subject_is_the_person_named_before():
    text = (
        "Из Новосельска ответил премьер-министр Карвии Ерлан Жумагулов. Он предупредил: "
        "«Наши воды не продаются никому и никогда»."
    )
    assert run(text, "ru") == [("Наши воды не продаются никому и никогда", True, "Ерлан Жумагулов")]


def test_quotes_next_sentence_does_not_attribute_a_closed_quote():
    text = (
        "„Die Gespräche haben gezeigt, dass wir nicht allein sind.“ Karel Drobny "
        "kündigte an, die Grenze bleibe offen."
    )
    quotes = run(text, "de")
    assert ("Die Gespräche haben gezeigt, dass wir nicht allein sind.", True, None) in quotes


def test_quotes_pronoun_after_the_verb_is_the_person_named_last():
    text = (
        "EU-Kommissar Pieter Vermeulen rief zur Mäßigung auf. Der Meeresbiologe Jonas Brandt "
        "aus Kiel warnt seit Jahren vor dem Ende der Bestände. „In zehn Jahren gibt es nichts "
        "mehr zu fangen“, sagte er der Zeitung."
    )
    quotes = run(text, "de")
    assert ("In zehn Jahren gibt es nichts mehr zu fangen", True, "Jonas Brandt") in quotes


def test_quotes_recounting_verbs_attribute_in_french_and_spanish():
    fr = (
        "La ministre Katarina Holm tente une médiation. « Il m’a promis que les bateaux "
        "rentreront bientôt », a raconté Mme Holm."
    )
    es = "«Nos prometieron que los barcos volverán pronto», contó la ministra Katarina Holm."
    assert run(fr, "fr")[0][2] == "Katarina Holm"
    assert run(es, "es")[0][2] == "Katarina Holm"


def test_quotes_french_hints_and_demands_are_reported_speech():
    text = (
        "Le ministre Paul Girard a laissé entendre que son pays pourrait revoir sa position. "
        "La députée Claire Vidal a réclamé une enquête sur les contrats gaziers."
    )
    speakers = {speaker for _, direct, speaker in run(text, "fr") if not direct}
    assert speakers == {"Paul Girard", "Claire Vidal"}


def test_quotes_according_phrase_does_not_reach_into_the_next_sentence():
    text = (
        'The minister will not attend, his office said, citing "prior commitments". Orsenia '
        "will be represented by Deputy Minister Pavel Novak, who told reporters that the talks "
        "would go ahead."
    )
    reported = [(q, s) for q, direct, s in run(text, "en") if not direct]
    assert reported == [("the talks would go ahead", "Pavel Novak")]


def test_quotes_a_bare_title_answers_to_a_more_specific_role_named_before():
    text = (
        "El ministro de Asuntos Exteriores de Valdoria, Edoardo Cavallini, llegó el lunes. "
        "El periodista Pablo Ortiz esperaba en el puerto. Por la noche, el ministro afirmó "
        "que su gobierno no firmará ningún acuerdo."
    )
    reported = [(q, s) for q, direct, s in run(text, "es") if not direct]
    assert reported == [("su gobierno no firmará ningún acuerdo", "Edoardo Cavallini")]


def test_quotes_dashed_attribution_after_a_dash_inside_the_quote():
    text = (
        "Министр Аркадий Волков прибыл утром. «Пустой стул — это тоже ответ, — сказал Волков, — "
        "но не самый вежливый»."
    )
    assert run(text, "ru") == [
        ("Пустой стул — это тоже ответ", True, "Аркадий Волков"),
        ("но не самый вежливый", True, "Аркадий Волков"),
    ]


def test_quotes_plural_demand_verbs_in_german():
    text = "Auch die Vereinten Nationen forderten am Abend eine rasche Lösung des Streits."
    ((said, direct, speaker),) = run(text, "de")
    assert said.endswith("eine rasche Lösung des Streits") and not direct
    assert speaker == "United Nations"


def test_quotes_adverb_between_auxiliary_and_participle():
    it = "La commissaria Kadri Lepik ha però ricordato che Bruxelles chiederà nuove garanzie."
    fr = "Le député Julien Moreau a aussi demandé que l'Union suspende les négociations."
    assert [(q, s) for q, _, s in run(it)] == [("Bruxelles chiederà nuove garanzie", "Kadri Lepik")]
    assert [s for _, _, s in run(fr, "fr")] == ["Julien Moreau"]


def test_quotes_verb_after_a_quote_attributes_it_and_reports_nothing():
    text = (
        "“Nobody here wants to be the first to give in,” said a European diplomat who asked "
        "not to be named. Alia Nurlanova of the group “Clean Strait” recalled that rare "
        "birds nest in the area."
    )
    found = run(text, "en")
    assert ("Nobody here wants to be the first to give in,", True, None) in found
    reported = [(q, s) for q, direct, s in found if not direct]
    assert not any(q.startswith("a European diplomat") for q, _ in reported), reported
    assert ("rare birds nest in the area", "Alia Nurlanova") in reported


def test_quotes_pronoun_after_an_opening_phrase():
    text = (
        "Minister Astrid Lindqvist said that the talks were going well. Senator Marco "
        "Dellarosa was far less convinced. In a post on X, he wrote that the promises were "
        "worthless without written guarantees."
    )
    assert run(text, "en")[-1] == (
        "the promises were worthless without written guarantees",
        False,
        "Marco Dellarosa",
    )
