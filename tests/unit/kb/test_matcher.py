from cronaca.kb.loader import KBEntry, load_kb
from cronaca.kb.matcher import AliasMatcher, kb_matcher

ENTRIES = [
    KBEntry(
        "org:osmg",
        "organization",
        "Grey Sea Security Organization",
        ("OSMG", "Organizzazione per la sicurezza del Mar Grigio"),
    ),
    KBEntry("city:lunaria", "location", "Lunaria", ("Лунария",)),
    KBEntry("country:VA", "country", "Valdoria", ("Lunaria",)),  # shares an alias: ranks win
    KBEntry("org:nato", "organization", "NATO", ("Nato",)),
]


def found(text, entries=ENTRIES):
    return [(text[m.start : m.end], m.entry.key) for m in AliasMatcher(entries).find(text)]


def test_matcher_longest_name_wins_and_words_stay_whole():
    text = "L'Organizzazione per la sicurezza del Mar Grigio (OSMG) si riunisce a Lunariana."
    assert found(text) == [
        ("Organizzazione per la sicurezza del Mar Grigio", "org:osmg"),
        ("OSMG", "org:osmg"),
    ]


def test_matcher_acronyms_match_only_as_written_and_in_title_case():
    assert found("la osmg e la OSMG") == [("OSMG", "org:osmg")]
    assert found("la Nato e la NATO, nato a Roma") == [("Nato", "org:nato"), ("NATO", "org:nato")]


def test_matcher_countries_win_a_shared_alias_and_other_scripts_match():
    assert found("Lunaria e Лунария") == [("Lunaria", "country:VA"), ("Лунария", "city:lunaria")]


def test_matcher_knowledge_base_has_the_six_language_names():
    text = "Biškek, Бишкек, Kirghizistan, Kirgisistan, OTSC, ОДКБ, Varsavia, Вашингтон."
    keys = [m.entry.key for m in kb_matcher().find(text)]
    assert keys.count("country:KG") == 2
    assert keys.count("org:csto") == 2
    assert len(keys) == 8


def test_kb_entries_have_unique_keys_and_names():
    keys = [e.key for e in load_kb()]
    assert len(keys) == len(set(keys))
    assert all(e.name for e in load_kb())
