"""Scores entities and quotes on tests/articles/: F1 per language, with what was missed and
what was wrong, for working on the rules.

    python scripts/score_articles.py [--lang it] [--verbose] [--quotes]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.golden import (
    Counts,
    QuoteCounts,
    articles,
    gold_key_of,
    load_gold,
    norm,
    predicted_entities,
    process,
    score_entities,
    score_quotes,
)


def explain(path: Path) -> None:
    doc, gold = process(path), load_gold(path)
    golden = {norm(a): g["type"] for g in gold["entities"] for a in g["aliases"]}
    optional = {norm(a) for a in gold.get("optional_entities", [])}
    seen = set()
    for type_, names in predicted_entities(doc):
        hits = {golden.get(norm(n)) for n in names} - {None}
        seen |= {norm(n) for n in names}
        if type_ not in hits and not any(norm(n) in optional for n in names):
            print(f"  extra  {type_:<12} {sorted(names)}  (gold type: {sorted(hits) or '-'})")
    for g in gold["entities"]:
        if not any(norm(a) in seen for a in g["aliases"]):
            print(f"  missed {g['type']:<12} {g['aliases'][0]}")


def explain_quotes(path: Path) -> None:
    doc, gold = process(path), load_gold(path)
    for q in doc.quotes:
        who = gold_key_of(doc, gold, q.speaker_key)
        print(f"  quote  {'D' if q.direct else 'R'} {who or q.speaker_key}: {q.text[:70]}")
    for g in gold.get("quotes", []):
        print(f"  gold   {'D' if g['direct'] else 'R'} {g['speaker']}: {g['text'][:70]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--quotes", action="store_true", help="list predicted and gold quotes")
    args = ap.parse_args()
    for lang in [args.lang] if args.lang else ["it", "en", "fr", "es", "de", "ru"]:
        persons, everything, quotes = Counts(), Counts(), QuoteCounts()
        for path in articles(lang):
            doc, gold = process(path), load_gold(path)
            persons.add(score_entities(doc, gold, "person"))
            everything.add(score_entities(doc, gold))
            quotes.add(score_quotes(doc, gold))
            if args.quotes:
                print(f"{lang}/{path.name}")
                explain_quotes(path)
            if args.verbose:
                print(f"{lang}/{path.name}")
                explain(path)
        print(
            f"{lang}: persons F1 {persons.f1:.3f} ({persons.tp}/{persons.predicted} pred, "
            f"{persons.gold} gold); entities F1 {everything.f1:.3f}; quotes F1 {quotes.f1:.3f} "
            f"({quotes.tp}/{quotes.predicted} pred, {quotes.gold} gold, direct flag right "
            f"{quotes.direct_ok}/{quotes.tp})"
        )


if __name__ == "__main__":
    main()
