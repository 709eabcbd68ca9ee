"""Conflicts, kept up to date as documents arrive: where sources or speakers disagree.

- contradiction: a fact and its negation; "X has withdrawn from Y" beside "X is a member of
  Y" (member_of and withdrawn_from of one pair).
- value_disagreement: reports of one event (same type, date and place) giving different
  values for one figure ("19 documents" and "15 documents").

Each ingest recomputes the conflicts of the pairs and events its document touches, from all
stored rows, so the result does not depend on the order documents arrive in.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

# predicates that cannot both hold for one subject and object
EXCLUSIVE = (("member_of", "withdrawn_from"),)


def update_conflicts(conn: sqlite3.Connection, doc_id: int) -> None:
    """Recomputes the conflicts of everything the document's facts and events touch."""
    # A pair's conflicts depend only on the first fact of each (predicate, polarity, claimant)
    # group, so a document whose facts all fall in groups earlier documents opened changes
    # nothing there; skipping those pairs keeps ingest time flat as a pair's facts pile up.
    pairs = conn.execute(
        "SELECT DISTINCT f.subject_id, f.object_id FROM facts f WHERE f.document_id = ?"
        " AND f.object_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM facts g"
        " WHERE g.subject_id = f.subject_id AND g.object_id = f.object_id"
        " AND g.predicate = f.predicate AND g.polarity = f.polarity"
        " AND g.attributed_to IS f.attributed_to AND g.id < f.id AND g.document_id != ?)",
        (doc_id, doc_id),
    ).fetchall()
    for subject_id, object_id in pairs:
        fact_conflicts(conn, subject_id, object_id)
    groups = conn.execute(  # an event without figures cannot disagree on one
        "SELECT DISTINCT type, date, location_id FROM events WHERE document_id = ?"
        " AND date IS NOT NULL AND attributes != '{}'",
        (doc_id,),
    ).fetchall()
    for type_, date, location_id in groups:
        event_conflicts(conn, type_, date, location_id)


def name(conn: sqlite3.Connection, entity_id: int | None) -> str:
    if entity_id is None:
        return "the report"
    row = conn.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return str(row[0]) if row else "?"


def put(
    conn: sqlite3.Connection, key: str, kind: str, items: list[tuple[str, int]], explanation: str
) -> None:
    """Stores a conflict under its key, replacing what the key held (unless unchanged)."""
    held = conn.execute("SELECT id, explanation FROM conflicts WHERE key = ?", (key,)).fetchone()
    if held is not None:
        stored = conn.execute(
            "SELECT item_kind, item_id FROM conflict_items WHERE conflict_id = ? ORDER BY rowid",
            (held[0],),
        ).fetchall()
        if held[1] == explanation and [tuple(r) for r in stored] == items:
            return
    conn.execute("DELETE FROM conflicts WHERE key = ?", (key,))
    cur = conn.execute(
        "INSERT INTO conflicts (key, kind, explanation) VALUES (?,?,?)", (key, kind, explanation)
    )
    conn.executemany(
        "INSERT OR IGNORE INTO conflict_items VALUES (?,?,?)",
        [(cur.lastrowid, k, i) for k, i in items],
    )


def fact_conflicts(conn: sqlite3.Connection, subject_id: int, object_id: int) -> None:
    rows = conn.execute(
        "SELECT MIN(id), predicate, polarity, attributed_to FROM facts WHERE subject_id = ? AND"
        " object_id = ? GROUP BY predicate, polarity, attributed_to ORDER BY MIN(id)",
        (subject_id, object_id),
    ).fetchall()
    by_predicate: dict[tuple[str, int], list[tuple[int, int | None]]] = defaultdict(list)
    for fact_id, predicate, polarity, claimant in rows:
        by_predicate[(predicate, polarity)].append((fact_id, claimant))
    subject, obj = name(conn, subject_id), name(conn, object_id)
    for (predicate, polarity), facts in list(by_predicate.items()):
        opposite = by_predicate.get((predicate, 0))
        if polarity == 1 and opposite:
            (a, who_a), (b, who_b) = facts[0], opposite[0]
            put(
                conn,
                f"fact:{subject_id}:{object_id}:{predicate}",
                "contradiction",
                [("fact", a), ("fact", b)],
                f"{name(conn, who_a)}: {subject} {predicate} {obj}; {name(conn, who_b)}: not so",
            )
    for first, second in EXCLUSIVE:
        yes, no = by_predicate.get((first, 1)), by_predicate.get((second, 1))
        if yes and no:
            (a, who_a), (b, who_b) = yes[0], no[0]
            put(
                conn,
                f"fact:{subject_id}:{object_id}:{first}/{second}",
                "contradiction",
                [("fact", a), ("fact", b)],
                f"{name(conn, who_b)}: {subject} {second.replace('_', ' ')} {obj}; "
                f"{name(conn, who_a)}: {subject} {first.replace('_', ' ')} {obj}",
            )


def event_conflicts(
    conn: sqlite3.Connection, type_: str, date: str, location_id: int | None
) -> None:
    place = "location_id = ?" if location_id is not None else "location_id IS ?"
    rows = conn.execute(
        f"SELECT id, attributes FROM events WHERE type = ? AND date = ? AND {place}"
        " AND attributes != '{}' ORDER BY id",
        (type_, date, location_id),
    ).fetchall()
    values: dict[str, dict[object, int]] = defaultdict(dict)
    for event_id, attributes in rows:
        for key, value in json.loads(attributes).items():
            values[key].setdefault(value, event_id)
    for key, seen in values.items():
        if len(seen) > 1:
            shown = ", ".join(str(v) for v in seen)
            put(
                conn,
                f"event:{type_}:{date}:{location_id}:{key}",
                "value_disagreement",
                [("event", i) for i in seen.values()],
                f"{type_} of {date}: reports give {key} = {shown}",
            )
