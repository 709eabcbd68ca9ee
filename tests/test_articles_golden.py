"""Our own test articles (fictional people and places, six languages): persons F1, all-entity
F1, quotes F1 and direct-flag accuracy per language hold their floors (eval_baseline.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.golden import (
    Counts,
    QuoteCounts,
    articles,
    load_gold,
    process,
    score_entities,
    score_quotes,
)

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text("utf-8"))
LANGS = ("it", "en", "fr", "es", "de", "ru")


@pytest.mark.parametrize("lang", LANGS)
def test_articles_golden_entities_and_quotes_per_language(lang):
    paths = articles(lang)
    assert paths, f"no test articles in tests/articles/{lang}"
    persons, everything, quotes = Counts(), Counts(), QuoteCounts()
    for path in paths:
        doc = process(path)
        gold = load_gold(path)
        persons.add(score_entities(doc, gold, only="person"))
        everything.add(score_entities(doc, gold))
        quotes.add(score_quotes(doc, gold))
    floors = BASELINE["articles"][lang]
    assert persons.f1 >= floors["persons_f1"], f"{lang} persons F1 {persons.f1:.3f}"
    assert everything.f1 >= floors["entities_f1"], f"{lang} entities F1 {everything.f1:.3f}"
    assert quotes.f1 >= floors["quotes_f1"], f"{lang} quotes F1 {quotes.f1:.3f}"
    direct = quotes.direct_ok / quotes.tp if quotes.tp else 0.0
    assert direct >= floors["direct_flag"], f"{lang} direct-flag accuracy {direct:.3f}"


def squash(text: str) -> str:
    """Text without white space, hyphens and soft hyphens (line-break artefacts)."""
    return re.sub(r"[\s\-\u00ad]", "", text)


@pytest.mark.parametrize("path", articles(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_entities_golden_every_mention_span_reads_as_its_name(path):
    doc = process(path)
    assert doc.mentions
    for m in doc.mentions:
        assert squash(doc.text[m.span.start : m.span.end]) == squash(m.text)
