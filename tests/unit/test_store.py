"""The store on a real SQLite file: migrations, one transaction per document, every item
kind written and exported with its spans."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest

from cronaca.errors import StoreError
from cronaca.export.json_export import write_json
from cronaca.model import Document, Event, Fact, Mention, Metadata, Quote, Span
from cronaca.store.db import Store, migrations

TEXT = "Il presidente di Valdoria Aldo Ferrante ha detto: «Firmeremo». Lunaria, 3 marzo."


def sample_document(name: str = "a.txt", sha: str = "1" * 64) -> Document:
    doc = Document(
        name=name,
        text=TEXT,
        sha256=sha,
        format="text",
        encoding="utf-8",
        meta=Metadata(language="it", title="T", published="2026-03-03"),
    )
    doc.mentions = [
        Mention(Span(26, 39), "Aldo Ferrante", "p:ferrante", "person", "Aldo Ferrante"),
        Mention(Span(17, 25), "Valdoria", "c:valdoria", "country", "Valdoria"),
        Mention(Span(63, 70), "Lunaria", "l:lunaria", "location", "Lunaria"),
    ]
    doc.quotes = [Quote(Span(51, 60), "Firmeremo", True, "p:ferrante")]
    doc.events = [
        Event(
            "ev1",
            "agreement",
            [Span(40, 61)],
            date="2026-03-03",
            location_key="l:lunaria",
            participant_keys=["p:ferrante"],
            status="planned",
            attributes={"documents_signed": 2},
        )
    ]
    doc.facts = [
        Fact(
            "p:ferrante",
            "position_held",
            [Span(3, 39)],
            object_key="c:valdoria",
            qualifier="head_of_state",
        )
    ]
    return doc


def test_store_migrates_a_new_file_to_the_latest_schema(tmp_path):
    with Store(tmp_path / "kb.db") as store:
        assert store.schema_version == migrations()[-1][0]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_refuses_a_file_from_a_newer_cronaca(tmp_path):
    path = tmp_path / "kb.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(StoreError, match="written by a newer cronaca"):
        Store(path)


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "kb.db"
    path.write_text("not a database " * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(path)


def test_store_writes_every_item_kind_and_exports_it(tmp_path):
    with Store(tmp_path / "kb.db") as store:
        assert store.add_document(sample_document(), "test@1") == "a.txt"
        assert store.add_document(sample_document(), "test@1") is None  # same bytes
        out = io.StringIO()
        counts = write_json(store, out)
    export = json.loads(out.getvalue())
    assert counts == {
        "documents": 1,
        "entities": 3,
        "events": 1,
        "quotes": 1,
        "facts": 1,
        "conflicts": 0,
    }
    ids = {e["name"]: e["id"] for e in export["entities"]}
    person = next(e for e in export["entities"] if e["name"] == "Aldo Ferrante")
    assert person["mentions"] == [{"doc": "a.txt", "start": 26, "end": 39}]
    assert TEXT[26:39] == "Aldo Ferrante"
    (event,) = export["events"]
    assert event["location"] == ids["Lunaria"] and event["participants"] == [ids["Aldo Ferrante"]]
    assert event["attributes"] == {"documents_signed": 2}
    assert event["sources"] == [{"doc": "a.txt", "start": 40, "end": 61}]
    (quote,) = export["quotes"]
    assert quote["speaker"] == ids["Aldo Ferrante"] and quote["direct"] is True
    assert quote["date"] == "2026-03-03"  # the article's date when the text gives none
    (fact,) = export["facts"]
    assert (fact["subject"], fact["object"], fact["qualifier"]) == (
        ids["Aldo Ferrante"],
        ids["Valdoria"],
        "head_of_state",
    )


def test_store_a_failing_document_leaves_nothing_behind(tmp_path):
    bad = sample_document(name="b.txt", sha="2" * 64)
    bad.facts.append(Fact("p:nobody", "member_of", [Span(0, 2)], object_key="c:valdoria"))
    with Store(tmp_path / "kb.db") as store:
        store.add_document(sample_document(), "test@1")
        before = store.counts()
        with pytest.raises(StoreError, match="entity 'p:nobody'"):
            store.add_document(bad, "test@1")
        assert store.counts() == before
        assert store.integrity_check() == "ok"


def test_store_conflicts_found_after_many_agreeing_reports(tmp_path):
    """Reports repeating a claim skip the conflict upkeep; a later contradiction still finds
    the first of them, and the figures of one event still disagree."""

    def report(i: int, predicate: str, signed: int) -> Document:
        doc = sample_document(name=f"{i}.txt", sha=f"{i:064d}")
        doc.facts = [Fact("c:valdoria", predicate, [Span(17, 25)], object_key="l:lunaria")]
        doc.events[0].attributes = {"documents_signed": signed}
        return doc

    with Store(tmp_path / "kb.db") as store:
        for i in range(1, 6):
            store.add_document(report(i, "member_of", 2), "test@1")
        assert store.counts()["conflicts"] == 0
        store.add_document(report(6, "withdrawn_from", 3), "test@1")
        out = io.StringIO()
        write_json(store, out)
    export = json.loads(out.getvalue())
    conflicts = export["conflicts"]
    assert sorted(c["kind"] for c in conflicts) == ["contradiction", "value_disagreement"]
    facts = {f["id"]: f for f in export["facts"]}
    (contradiction,) = (c for c in conflicts if c["kind"] == "contradiction")
    sides = [sorted(s["doc"] for s in facts[i]["sources"]) for i in contradiction["facts"]]
    assert sorted(sides) == [[f"{i}.txt" for i in range(1, 6)], ["6.txt"]], contradiction


def test_store_search_follows_new_aliases_and_names(tmp_path):
    """An entity is found by every alias and by its latest canonical name, however late they
    arrive; documents repeating known aliases leave its index entry alone."""

    def naming(i: int, surface: str, name: str) -> Document:
        doc = sample_document(name=f"{i}.txt", sha=f"{i:064d}")
        doc.mentions = [Mention(Span(26, 39), surface, "p:ferrante", "person", name)]
        doc.quotes, doc.events, doc.facts = [], [], []
        return doc

    with Store(tmp_path / "kb.db") as store:
        store.add_document(naming(1, "Альдо Ферранте", "Альдо Ферранте"), "test@1")
        store.add_document(naming(2, "Альдо Ферранте", "Альдо Ферранте"), "test@1")
        assert store._renamed == set()
        store.add_document(naming(3, "Aldo Ferrante", "Aldo Ferrante"), "test@1")
        store.add_document(naming(4, "Ferrante", "Aldo Ferrante"), "test@1")
        hits = {q: store.search(q) for q in ("Ферранте", "Aldo", "Ferrante")}
    for query, found in hits.items():
        entities = [h for h in found if h["kind"] == "entity"]
        assert [h["title"] for h in entities] == ["Aldo Ferrante"], query
