"""Scoring our own test articles against their gold files, the way ../shared/eval/score.py
matches entities: names lower-cased, accents and punctuation removed, any alias counts, types
must agree."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cronaca.config import Settings
from cronaca.ingest.read import read_bytes, read_document
from cronaca.ingest.service import build_pipeline
from cronaca.model import Document

ARTICLES = Path(__file__).parent / "articles"


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def f1(self) -> float:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def articles(lang: str | None = None) -> list[Path]:
    pattern = f"{lang}/*.txt" if lang else "*/*.txt"
    return sorted(p for p in ARTICLES.glob(pattern) if p.with_suffix(".gold.json").exists())


def process(path: Path) -> Document:
    settings = Settings()
    return build_pipeline(settings)(read_document(read_bytes(path, path.name, settings)))


def predicted_entities(doc: Document) -> list[tuple[str, set[str]]]:
    """(type, names) of each entity the document's mentions name."""
    by_key: dict[str, tuple[str, set[str]]] = {}
    for m in doc.mentions:
        entry = by_key.setdefault(m.entity_key, (m.entity_type, {m.entity_name}))
        entry[1].add(m.text)
    return list(by_key.values())


def score_entities(doc: Document, gold: dict, only: str | None = None) -> Counts:
    gold_entities = [g for g in gold["entities"] if only is None or g["type"] == only]
    optional = {norm(a) for a in gold.get("optional_entities", [])}
    alias_to_gold: dict[str, set[int]] = {}
    for i, g in enumerate(gold_entities):
        for a in g["aliases"]:
            alias_to_gold.setdefault(norm(a), set()).add(i)
    counts = Counts(gold=len(gold_entities))
    matched: set[int] = set()
    annotated = {g["type"] for g in gold["entities"]}
    for type_, names in predicted_entities(doc):
        if only is not None and type_ != only:
            continue
        if type_ in ("document", "other") and type_ not in annotated:
            continue  # our articles' gold annotates people, organizations and places only
        keys = set().union(*(alias_to_gold.get(norm(n), set()) for n in names))
        if not keys and any(norm(n) in optional for n in names):
            continue
        counts.predicted += 1
        fresh = [k for k in keys if gold_entities[k]["type"] == type_ and k not in matched]
        if fresh:
            counts.tp += 1
            matched.add(fresh[0])
    return counts


def load_gold(path: Path) -> dict:
    return json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))


def words(text: str | None) -> set[str]:
    return {w for w in norm(text or "").split() if len(w) > 2}


def gold_key_of(doc: Document, gold: dict, entity_key: str | None) -> str | None:
    """The gold entity key that a predicted entity (by any of its names) stands for."""
    if entity_key is None:
        return None
    names = {m.text for m in doc.mentions if m.entity_key == entity_key}
    names |= {m.entity_name for m in doc.mentions if m.entity_key == entity_key}
    for g in gold["entities"]:
        if {norm(a) for a in g["aliases"]} & {norm(n) for n in names}:
            return str(g["key"])
    return None


@dataclass
class QuoteCounts(Counts):
    direct_ok: int = 0

    def add(self, other: Counts) -> None:
        super().add(other)
        if isinstance(other, QuoteCounts):
            self.direct_ok += other.direct_ok


def score_quotes(doc: Document, gold: dict) -> QuoteCounts:
    """As ../shared/eval/score.py: same speaker, at least half of the gold words, not much
    longer than the gold passage."""
    gold_quotes = gold.get("quotes", [])
    counts = QuoteCounts(predicted=len(doc.quotes), gold=len(gold_quotes))
    used: set[int] = set()
    for g in gold_quotes:
        gw = words(g["text"])
        best, best_i = 0.0, None
        for i, q in enumerate(doc.quotes):
            if i in used or gold_key_of(doc, gold, q.speaker_key) != g["speaker"]:
                continue
            pw = words(q.text)
            if len(pw) > 4 * len(gw) + 15:
                continue
            overlap = len(gw & pw) / max(1, len(gw))
            if overlap >= 0.5 and overlap > best:
                best, best_i = overlap, i
        if best_i is not None:
            used.add(best_i)
            counts.tp += 1
            counts.direct_ok += doc.quotes[best_i].direct == g["direct"]
    return counts
