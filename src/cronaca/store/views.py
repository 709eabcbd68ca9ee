"""The fused view of the store: what the export and queries read.

Reports are joined here, not when they are stored, so that the view is the same whatever the
order documents arrived in: the same fact from several documents is one fact with all its
sources; reports of one event are one event whose status follows the latest report; a person
named only by a surname in one document is the person of that surname named in full
elsewhere, when only one is.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from cronaca.extract.events import PLOVER
from cronaca.kb.fold import skeleton


class FusedView:
    """Read-only rows of the export, with entity ids mapped to their canonical entity."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @cached_property
    def canonical(self) -> dict[int, int]:
        """Entity id -> the id it stands for: a one-word person name that matches the surname
        of exactly one person named in full ("Karimov" -> "Anvar Karimov"); where several do,
        the one whose stated role is the same."""
        rows = self.conn.execute(
            "SELECT e.id, e.name, GROUP_CONCAT(DISTINCT m.role) FROM entities e LEFT JOIN"
            " mentions m ON m.entity_id = e.id WHERE e.type = 'person' GROUP BY e.id"
        ).fetchall()
        full: dict[str, list[tuple[int, set[str]]]] = {}
        for entity_id, name, roles in rows:
            if " " in name:
                full.setdefault(skeleton(name.split()[-1]), []).append(
                    (entity_id, set((roles or "").split(",")) - {""})
                )
        mapping: dict[int, int] = {}
        for entity_id, name, roles in rows:
            if " " in name:
                continue
            candidates = full.get(skeleton(name), [])
            if len(candidates) > 1:
                stated = set((roles or "").split(",")) - {""}
                candidates = [c for c in candidates if stated and stated & c[1]]
            if len(candidates) == 1:
                mapping[entity_id] = candidates[0][0]
        return mapping

    def ref(self, entity_id: int | None) -> str | None:
        """The export id of an entity row, through its canonical entity."""
        if entity_id is None:
            return None
        return f"e{self.canonical.get(entity_id, entity_id)}"

    def entities(self) -> Iterator[dict[str, Any]]:
        """Entities; one that stands for another gives it its aliases and mentions."""
        members: dict[int, list[int]] = {}
        for entity_id, target in self.canonical.items():
            members.setdefault(target, []).append(entity_id)
        entities = self.conn.execute("SELECT id, type, name FROM entities ORDER BY id")
        for e in entities.fetchall():
            if e["id"] in self.canonical:
                continue
            ids = [e["id"], *members.get(e["id"], [])]
            marks = ",".join("?" * len(ids))
            aliases = sorted(
                {
                    r[0]
                    for r in self.conn.execute(
                        f"SELECT alias FROM aliases WHERE entity_id IN ({marks})", ids
                    )
                }
            )
            mentions = [
                {"doc": r[0], "start": r[1], "end": r[2]}
                for r in self.conn.execute(
                    "SELECT d.doc_key, m.start, m.end FROM mentions m JOIN documents d ON"
                    f" d.id = m.document_id WHERE m.entity_id IN ({marks}) ORDER BY m.id",
                    ids,
                )
            ]
            yield {
                "id": f"e{e['id']}",
                "type": e["type"],
                "name": e["name"],
                "aliases": aliases,
                "mentions": mentions,
            }

    def _sources(self, kind: str, item_id: int) -> list[dict[str, Any]]:
        return [
            {"doc": r[0], "start": r[1], "end": r[2]}
            for r in self.conn.execute(
                "SELECT d.doc_key, s.start, s.end FROM spans s JOIN documents d ON d.id ="
                " s.document_id WHERE s.item_kind = ? AND s.item_id = ? ORDER BY s.rowid",
                (kind, item_id),
            )
        ]

    def events(self) -> Iterator[dict[str, Any]]:
        """Events; reports of one event (same type, date and place) in several documents
        once, with every source and participant."""
        merged: dict[tuple[Any, ...], dict[str, Any]] = {}
        for v in self.conn.execute("SELECT * FROM events ORDER BY id").fetchall():
            participants = [
                str(self.ref(r[0]))
                for r in self.conn.execute(
                    "SELECT entity_id FROM event_participants WHERE event_id = ? ORDER BY rowid",
                    (v["id"],),
                )
            ]
            key = (
                (v["type"], v["date"], v["location_id"])
                if v["date"] and not v["reference"]
                else (v["id"],)
            )
            published = self.published(v["document_id"])
            if key in merged:
                event = merged[key]
                event["participants"] += [p for p in participants if p not in event["participants"]]
                event["sources"] += self._sources("event", v["id"])
                if published >= event["reported"]:  # the latest report says what became of it
                    event["status"], event["reported"] = v["status"], published
                continue
            merged[key] = {
                "id": f"v{v['id']}",
                "type": v["type"],
                "plover": PLOVER.get(v["type"]),
                "date": v["date"],
                "end_date": v["end_date"],
                "location": self.ref(v["location_id"]),
                "participants": participants,
                "status": v["status"],
                "attributes": json.loads(v["attributes"]),
                "sources": self._sources("event", v["id"]),
                "reference": bool(v["reference"]),
                "reported": published,
            }
        for event in self._join_undated(list(merged.values())):
            del event["reported"]
            if not event.pop("reference"):
                yield event  # a reference that names no reported event stands for nothing

    def published(self, document_id: int) -> str:
        row = self.conn.execute(
            "SELECT published FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return str(row[0] or "") if row else ""

    def _join_undated(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A report with no date or place ("i leader della CSTO hanno adottato un piano") joins
        a dated event of the same type that shares one of its organizations, reported by
        another document."""
        orgs = {
            f"e{r[0]}"
            for r in self.conn.execute("SELECT id FROM entities WHERE type = ?", ("organization",))
        }
        kept: list[dict[str, Any]] = []
        for event in events:
            docs = {src["doc"] for src in event["sources"]}
            target = None
            if event["reference"] or (event["date"] is None and event["location"] is None):
                shared = set(event["participants"]) & orgs
                target = next(
                    (
                        k
                        for k in kept
                        if k["type"] == event["type"]
                        and k["date"]
                        and shared & set(k["participants"])
                        and not docs & {src["doc"] for src in k["sources"]}
                    ),
                    None,
                )
            if target is None:
                kept.append(event)
                continue
            target["participants"] += [
                p for p in event["participants"] if p not in target["participants"]
            ]
            target["sources"] += event["sources"]
        return kept

    def quotes(self) -> Iterator[dict[str, Any]]:
        for q in self.conn.execute(
            "SELECT q.*, d.doc_key FROM quotes q JOIN documents d ON d.id = q.document_id"
            " ORDER BY q.id"
        ):
            yield {
                "id": f"q{q['id']}",
                "speaker": self.ref(q["speaker_id"]),
                "speaker_role": q["speaker_role"],
                "text": q["text"],
                "direct": bool(q["direct"]),
                "date": q["date"],
                "doc": q["doc_key"],
                "start": q["start"],
                "end": q["end"],
            }

    def facts(self) -> Iterator[dict[str, Any]]:
        """Facts; the same fact from several documents once, with all its sources."""
        groups = self.conn.execute(
            "SELECT MIN(id) AS id, subject_id, predicate, object_id, object_value, qualifier,"
            " MIN(valid_from) AS valid_from, MAX(valid_to) AS valid_to, polarity, attributed_to,"
            " GROUP_CONCAT(id) AS ids FROM facts GROUP BY subject_id, predicate, object_id,"
            " object_value, qualifier, polarity, attributed_to ORDER BY MIN(id)"
        ).fetchall()
        for f in groups:
            obj: Any = self.ref(f["object_id"]) if f["object_id"] else {"value": f["object_value"]}
            sources = [s for i in str(f["ids"]).split(",") for s in self._sources("fact", int(i))]
            yield {
                "id": f"f{f['id']}",
                "subject": self.ref(f["subject_id"]),
                "predicate": f["predicate"],
                "object": obj,
                "qualifier": f["qualifier"],
                "valid_from": f["valid_from"],
                "valid_to": f["valid_to"],
                "polarity": bool(f["polarity"]),
                "attributed_to": self.ref(f["attributed_to"]),
                "sources": sources,
            }

    def conflicts(self) -> Iterator[dict[str, Any]]:
        """Conflicts; their items named by the ids the export gives facts and events."""
        for c in self.conn.execute("SELECT * FROM conflicts ORDER BY id").fetchall():
            items = [
                self._export_id(kind, item_id)
                for kind, item_id in self.conn.execute(
                    "SELECT item_kind, item_id FROM conflict_items WHERE conflict_id = ?"
                    " ORDER BY rowid",
                    (c["id"],),
                )
            ]
            yield {
                "id": f"c{c['id']}",
                "kind": c["kind"],
                "facts": items,
                "explanation": c["explanation"],
            }

    def _export_id(self, kind: str, item_id: int) -> str:
        """The export shows a fact (or an event) once for all its reports, under the id of
        the first; this is that id."""
        if kind == "fact":
            row = self.conn.execute(
                "SELECT MIN(b.id) FROM facts a JOIN facts b ON a.subject_id = b.subject_id"
                " AND a.predicate = b.predicate AND a.object_id IS b.object_id"
                " AND a.object_value IS b.object_value AND a.qualifier IS b.qualifier"
                " AND a.polarity = b.polarity AND a.attributed_to IS b.attributed_to"
                " WHERE a.id = ?",
                (item_id,),
            ).fetchone()
            return f"f{row[0]}"
        if kind == "event":
            row = self.conn.execute(
                "SELECT MIN(b.id) FROM events a JOIN events b ON a.type = b.type"
                " AND a.date = b.date AND a.location_id IS b.location_id WHERE a.id = ?",
                (item_id,),
            ).fetchone()
            return f"v{row[0] or item_id}"
        return f"q{item_id}"
