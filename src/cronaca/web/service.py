"""What the API and the pages show, read from the store's fused view: both call these."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from cronaca.store.db import Store


@dataclass
class Knowledge:
    """The fused knowledge base of one store, loaded for one request."""

    store: Store

    @cached_property
    def entities(self) -> dict[str, dict[str, Any]]:
        return {e["id"]: e for e in self.store.iter_entities()}

    @cached_property
    def events(self) -> list[dict[str, Any]]:
        return list(self.store.iter_events())

    @cached_property
    def quotes(self) -> list[dict[str, Any]]:
        return list(self.store.iter_quotes())

    @cached_property
    def facts(self) -> list[dict[str, Any]]:
        return list(self.store.iter_facts())

    @cached_property
    def conflicts(self) -> list[dict[str, Any]]:
        return list(self.store.iter_conflicts())

    @cached_property
    def documents(self) -> dict[str, dict[str, Any]]:
        return {d["id"]: d for d in self.store.iter_documents()}

    def name(self, entity_id: Any) -> str:
        if isinstance(entity_id, dict):
            return str(entity_id.get("value"))
        entity = self.entities.get(entity_id)
        return str(entity["name"]) if entity else "?"

    def entity_page(self, entity_id: str) -> dict[str, Any] | None:
        """An entity with its facts (as subject or object), quotes, events and neighbours."""
        entity = self.entities.get(entity_id)
        if entity is None:
            return None
        facts = [f for f in self.facts if entity_id in (f["subject"], f["object"])]
        events = sorted(
            (
                v
                for v in self.events
                if entity_id in v["participants"] or v["location"] == entity_id
            ),
            key=lambda v: v["date"] or "9999",
        )
        neighbours: dict[str, int] = {}
        for v in events:
            for p in v["participants"]:
                if p != entity_id:
                    neighbours[p] = neighbours.get(p, 0) + 1
        conflict_ids = {i for c in self.conflicts for i in c["facts"]}
        return {
            "entity": entity,
            "facts": facts,
            "disputed": {f["id"] for f in facts if f["id"] in conflict_ids},
            "quotes": [q for q in self.quotes if q["speaker"] == entity_id],
            "events": events,
            "neighbours": sorted(neighbours.items(), key=lambda kv: -kv[1])[:20],
            "conflicts": [
                c for c in self.conflicts if any(i in {f["id"] for f in facts} for i in c["facts"])
            ],
        }

    def items(self) -> dict[str, dict[str, Any]]:
        """Facts, events and quotes by their export id."""
        return {x["id"]: x for x in [*self.facts, *self.events, *self.quotes]}

    def document_page(
        self, doc_id: str, start: int | None = None, end: int | None = None
    ) -> dict[str, Any] | None:
        """A document's text cut into pieces: the span asked for highlighted, names linked,
        quotes marked."""
        meta = self.documents.get(doc_id)
        if meta is None:
            return None
        text = self.store.document_text(doc_id) or ""
        marks: list[tuple[int, int, str, str]] = []  # start, end, css class, link
        if start is not None and end is not None and 0 <= start < end <= len(text):
            marks.append((start, end, "hl", ""))
        for e in self.entities.values():
            for m in e["mentions"]:
                if m["doc"] == doc_id:
                    marks.append((m["start"], m["end"], "mention", f"/entities/{e['id']}"))
        for q in self.quotes:
            if q["doc"] == doc_id:
                marks.append((q["start"], q["end"], "quote", ""))
        return {"meta": meta, "pieces": pieces(text, marks)}


def pieces(text: str, marks: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """The text as a list of plain and marked pieces (marks may not overlap: the first wins)."""
    out: list[dict[str, Any]] = []
    pos = 0
    highlight = [m for m in marks if m[2] == "hl"]
    if highlight:  # the span asked for wins over the marks it overlaps
        h0, h1 = highlight[0][0], highlight[0][1]
        marks = [m for m in marks if m[2] == "hl" or m[1] <= h0 or m[0] >= h1]
    for start, end, kind, link in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if start < pos:
            continue
        if start > pos:
            out.append({"text": text[pos:start], "kind": "", "link": "", "start": pos})
        out.append({"text": text[start:end], "kind": kind, "link": link, "start": start})
        pos = end
    out.append({"text": text[pos:], "kind": "", "link": "", "start": pos})
    return out
