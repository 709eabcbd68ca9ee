"""Dates in the six languages, normalised against an article of Thursday 27 November 2025."""

import datetime as dt

import pytest

from cronaca.extract.dates import find_dates

REF = dt.date(2025, 11, 27)


def dates(text, lang):
    return [
        (text[d.start : d.end], d.value, d.end_value, d.grain) for d in find_dates(text, lang, REF)
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("it", "il 24 novembre", ("24 novembre", "2025-11-24", None, "day")),
        ("it", "dal 1° gennaio 2026", ("1° gennaio 2026", "2026-01-01", None, "day")),
        ("it", "l'11 novembre 2026", ("11 novembre 2026", "2026-11-11", None, "day")),
        ("it", "il prossimo anno", ("il prossimo anno", "2026", None, "year")),
        ("it", "l’anno prossimo", ("l’anno prossimo", "2026", None, "year")),
        ("it", "nel dicembre 2024", ("dicembre 2024", "2024-12", None, "month")),
        ("it", "giovedì", ("giovedì", "2025-11-27", None, "day")),
        ("it", "lunedì prossimo", ("lunedì prossimo", "2025-12-01", None, "day")),
        ("it", "oggi", ("oggi", "2025-11-27", None, "day")),
        (
            "it",
            "dal 25 al 27 novembre",
            ("dal 25 al 27 novembre", "2025-11-25", "2025-11-27", "day"),
        ),
        ("en", "next year", ("next year", "2026", None, "year")),
        ("en", "on Monday", ("Monday", "2025-11-24", None, "day")),
        ("en", "on March 12, 2026", ("March 12, 2026", "2026-03-12", None, "day")),
        ("en", "in 2024", ("2024", "2024", None, "year")),
        ("fr", "l'année prochaine", ("l'année prochaine", "2026", None, "year")),
        ("fr", "du 25 au 27 novembre", ("du 25 au 27 novembre", "2025-11-25", "2025-11-27", "day")),
        ("es", "el próximo año", ("el próximo año", "2026", None, "year")),
        ("es", "el 3 de marzo de 2026", ("3 de marzo de 2026", "2026-03-03", None, "day")),
        ("de", "nächstes Jahr", ("nächstes Jahr", "2026", None, "year")),
        (
            "de",
            "vom 25. bis 27. November",
            ("vom 25. bis 27. November", "2025-11-25", "2025-11-27", "day"),
        ),
        ("de", "Stand: 14.10.2026", ("14.10.2026", "2026-10-14", None, "day")),
        ("ru", "в следующем году", ("в следующем году", "2026", None, "year")),
        ("ru", "в декабре 2024 года", ("декабре 2024", "2024-12", None, "month")),
        ("ru", "24 ноября", ("24 ноября", "2025-11-24", None, "day")),
    ],
)
def test_dates_expressions(lang, text, expected):
    assert dates(text, lang) == [expected]


def test_dates_numbers_and_year_less_dates_far_from_the_article():
    assert dates("Sono stati preparati 19 documenti per 100 anni.", "it") == []
    # a year-less date takes the year nearest the article: early January is next year
    assert dates("il 3 gennaio", "it") == [("3 gennaio", "2026-01-03", None, "day")]
