"""The SQLite store: the only code that speaks SQL.

One file, WAL journal, numbered migrations (`migrations/NNNN_name.sql`, tracked with
`PRAGMA user_version`). Each document is written in one transaction with everything extracted
from it, so a crash or a bad file never leaves half a document behind.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from cronaca.errors import StoreError
from cronaca.model import Document
from cronaca.store.conflicts import update_conflicts
from cronaca.store.views import FusedView

MIGRATIONS = Path(__file__).parent / "migrations"
TABLES = ("documents", "entities", "aliases", "mentions", "events", "quotes", "facts", "conflicts")


def migrations() -> list[tuple[int, Path]]:
    """(number, file) of every migration, in order."""
    found = []
    for path in MIGRATIONS.glob("*.sql"):
        m = re.match(r"(\d{4})_", path.name)
        if m:
            found.append((int(m.group(1)), path))
    return sorted(found)


class Store:
    """A cronaca knowledge base in one SQLite file. Use as a context manager."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self._renamed: set[int] = set()  # entities whose names changed in this document
        try:
            if read_only:  # serving: the file is opened so that nothing can change it
                self.conn = sqlite3.connect(
                    f"file:{self.path}?mode=ro",
                    uri=True,
                    isolation_level=None,
                    timeout=30,
                    check_same_thread=False,
                )
                self.conn.row_factory = sqlite3.Row
                self.conn.create_function("is_latin", 1, is_latin, deterministic=True)
                return
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.create_function("is_latin", 1, is_latin, deterministic=True)
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Applies the migrations the file lacks, each in its own transaction."""
        current = self.schema_version
        known = migrations()
        if known and current > known[-1][0]:
            raise StoreError(
                f"{self.path}: schema version {current} was written by a newer cronaca "
                f"(this one knows up to {known[-1][0]}); upgrade cronaca"
            )
        for number, path in known:
            if number <= current:
                continue
            try:
                self.conn.executescript(
                    f"BEGIN IMMEDIATE;\n{path.read_text(encoding='utf-8')}\n"
                    f"PRAGMA user_version = {number};\nCOMMIT;"
                )
            except sqlite3.DatabaseError:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    # ----- documents ---------------------------------------------------------------------

    def find_sha(self, sha256: str) -> str | None:
        """The doc_key of the document with these bytes, if stored."""
        row = self.conn.execute(
            "SELECT doc_key FROM documents WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return str(row[0]) if row else None

    def add_document(self, doc: Document, pipeline: str) -> str | None:
        """Stores a document and all its items in one transaction; returns its doc_key, or
        None if a document with the same bytes is already stored."""
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            if c.execute("SELECT 1 FROM documents WHERE sha256 = ?", (doc.sha256,)).fetchone():
                c.execute("ROLLBACK")
                return None
            row = c.execute(
                "SELECT MAX(version) FROM documents WHERE name = ?", (doc.name,)
            ).fetchone()
            version = (row[0] or 0) + 1
            doc_key = doc.name if version == 1 else f"{doc.name}@v{version}"
            m = doc.meta
            cur = c.execute(
                "INSERT INTO documents (doc_key, name, version, sha256, path, format, encoding,"
                " language, title, source, authors, published, place, text, raw, pipeline,"
                " ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_key,
                    doc.name,
                    version,
                    doc.sha256,
                    doc.path,
                    doc.format,
                    doc.encoding,
                    m.language,
                    m.title,
                    m.source,
                    json.dumps(list(m.authors), ensure_ascii=False),
                    m.published,
                    m.place,
                    doc.text,
                    doc.raw,
                    pipeline,
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                ),
            )
            doc_id = int(cur.lastrowid or 0)
            self._add_items(doc_id, doc_key, doc)
            self._index(doc_id)
            update_conflicts(c, doc_id)
            c.execute("COMMIT")
            return doc_key
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    def _index(self, doc_id: int) -> None:
        """Adds the document, its quotes and the entities it named to full-text search (rowid:
        id * 3 + 0 for a document, + 1 for an entity, + 2 for a quote)."""
        c = self.conn
        c.execute(
            "INSERT INTO search (rowid, kind, item, title, body) SELECT id * 3, 'document',"
            " id, COALESCE(title, ''), text FROM documents WHERE id = ?",
            (doc_id,),
        )
        c.execute(
            "INSERT INTO search (rowid, kind, item, title, body) SELECT id * 3 + 2,"
            " 'quote', id, '', text FROM quotes WHERE document_id = ?",
            (doc_id,),
        )
        for entity_id in sorted(self._renamed):
            c.execute("DELETE FROM search WHERE rowid = ?", (entity_id * 3 + 1,))
            c.execute(
                "INSERT INTO search (rowid, kind, item, title, body) SELECT e.id * 3 + 1,"
                " 'entity', e.id, e.name, COALESCE((SELECT GROUP_CONCAT(alias, ' ') FROM aliases"
                " WHERE entity_id = e.id), '') FROM entities e WHERE e.id = ?",
                (entity_id,),
            )

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Full-text search: documents, entities and quotes, best first, with a snippet."""
        terms = " ".join(f'"{t}"' for t in query.replace('"', " ").split())
        if not terms:
            return []
        rows = self.conn.execute(
            "SELECT kind, item, title, snippet(search, 3, '[', ']', ' … ', 12) FROM search"
            " WHERE search MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (terms, limit, offset),
        )
        return [{"kind": r[0], "id": int(r[1]), "title": r[2], "snippet": r[3]} for r in rows]

    def _entity_ids(self, doc: Document) -> dict[str, int]:
        """Upserts the entities a document's mentions name, with their aliases; key -> id."""
        c = self.conn
        first: dict[str, tuple[str, str]] = {}
        aliases: set[tuple[str, str]] = set()
        for m in doc.mentions:
            first.setdefault(m.entity_key, (m.entity_type, m.entity_name))
            aliases.add((m.entity_key, m.text))
        for key, (type_, name) in doc.references.items():
            first.setdefault(key, (type_, name))
        keys = list(first)
        before = {key: name for key, (_, name) in self._stored(keys).items()}
        # the canonical name: the knowledge base's (English), else the first Latin spelling
        c.executemany(
            "INSERT INTO entities (key, type, name) VALUES (?,?,?) ON CONFLICT(key) DO UPDATE"
            " SET name = excluded.name"
            " WHERE NOT is_latin(entities.name) AND is_latin(excluded.name)",
            [(key, type_, name) for key, (type_, name) in first.items()],
        )
        after = self._stored(keys)
        ids = {key: entity_id for key, (entity_id, _) in after.items()}
        marks = ",".join("?" * len(ids))
        known = (
            {
                (int(r[0]), str(r[1]))  # tuples: a sqlite3.Row never equals one
                for r in c.execute(
                    f"SELECT entity_id, alias FROM aliases WHERE entity_id IN ({marks})",
                    list(ids.values()),
                )
            }
            if ids
            else set()
        )
        new = [
            (ids[key], alias) for key, alias in sorted(aliases) if (ids[key], alias) not in known
        ]
        c.executemany(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, language) VALUES (?,?,?)",
            [(entity_id, alias, doc.meta.language) for entity_id, alias in new],
        )
        # search needs reindexing only for entities that are new, renamed or newly aliased
        renamed = {entity_id for key, (entity_id, name) in after.items() if before.get(key) != name}
        self._renamed = {entity_id for entity_id, _ in new} | renamed
        return ids

    def _stored(self, keys: list[str]) -> dict[str, tuple[int, str]]:
        """key -> (id, name) of the stored entities among these keys."""
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(f"SELECT key, id, name FROM entities WHERE key IN ({marks})", keys)
        return {str(r[0]): (int(r[1]), str(r[2])) for r in rows}

    def _known_entity(self, key: str | None) -> int | None:
        if key is None:
            return None
        row = self.conn.execute("SELECT id FROM entities WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise StoreError(f"an item refers to entity {key!r}, which no mention introduced")
        return int(row[0])

    def _add_items(self, doc_id: int, doc_key: str, doc: Document) -> None:
        c = self.conn
        ids = self._entity_ids(doc)

        def eid(key: str | None) -> int | None:
            return ids.get(key) if key in ids else self._known_entity(key)

        c.executemany(
            "INSERT OR IGNORE INTO mentions (entity_id, document_id, start, end, text, role)"
            " VALUES (?,?,?,?,?,?)",
            [
                (ids[m.entity_key], doc_id, m.span.start, m.span.end, m.text, m.role)
                for m in doc.mentions
            ],
        )
        c.executemany(
            "INSERT INTO quotes (document_id, speaker_id, speaker_role, text, direct, date, start,"
            " end) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    eid(q.speaker_key),
                    q.speaker_role,
                    q.text,
                    int(q.direct),
                    q.date or doc.meta.published,
                    q.span.start,
                    q.span.end,
                )
                for q in doc.quotes
            ],
        )
        for event in doc.events:
            cur = c.execute(
                "INSERT INTO events (key, document_id, type, date, end_date, location_id, status,"
                " attributes, reference) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    f"{doc_key}#{event.key}",
                    doc_id,
                    event.type,
                    event.date,
                    event.end_date,
                    eid(event.location_key),
                    event.status,
                    json.dumps(event.attributes, ensure_ascii=False),
                    int(event.reference),
                ),
            )
            event_id = int(cur.lastrowid or 0)
            for key in event.participant_keys:
                c.execute(
                    "INSERT OR IGNORE INTO event_participants VALUES (?,?)",
                    (event_id, eid(key)),
                )
            self._add_spans("event", event_id, doc_id, event.spans)
        for fact in doc.facts:
            cur = c.execute(
                "INSERT INTO facts (document_id, subject_id, predicate, object_id, object_value,"
                " qualifier, valid_from, valid_to, polarity, attributed_to)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_id,
                    eid(fact.subject_key),
                    fact.predicate,
                    eid(fact.object_key),
                    fact.object_value,
                    fact.qualifier,
                    fact.valid_from,
                    fact.valid_to,
                    int(fact.polarity),
                    eid(fact.attributed_to_key),
                ),
            )
            self._add_spans("fact", int(cur.lastrowid or 0), doc_id, fact.spans)

    def _add_spans(self, kind: str, item_id: int, doc_id: int, spans: list[Any]) -> None:
        self.conn.executemany(
            "INSERT INTO spans (item_kind, item_id, document_id, start, end) VALUES (?,?,?,?,?)",
            [(kind, item_id, doc_id, s.start, s.end) for s in spans],
        )

    # ----- reading -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {
            t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in TABLES
        }

    def languages(self) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT language, COUNT(*) FROM documents GROUP BY language ORDER BY COUNT(*) DESC"
        )
        return {str(r[0]): int(r[1]) for r in rows}

    def top_entities(self, limit: int = 10) -> list[tuple[str, str, int]]:
        """(name, type, mentions) of the most mentioned entities."""
        rows = self.conn.execute(
            "SELECT e.name, e.type, COUNT(*) AS n FROM mentions m JOIN entities e"
            " ON e.id = m.entity_id GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?",
            (limit,),
        )
        return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        for r in self.conn.execute(
            "SELECT doc_key, language, title, published, source, authors, format, encoding,"
            " place, sha256, version FROM documents ORDER BY id"
        ):
            yield {
                "id": r["doc_key"],
                "language": r["language"],
                "title": r["title"],
                "published": r["published"],
                "source": r["source"],
                "authors": json.loads(r["authors"]),
                "format": r["format"],
                "encoding": r["encoding"],
                "place": r["place"],
                "sha256": r["sha256"],
                "version": r["version"],
            }

    def doc_key(self, document_id: int) -> str:
        row = self.conn.execute(
            "SELECT doc_key FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return str(row[0]) if row else ""

    def document_text(self, doc_key: str) -> str | None:
        row = self.conn.execute(
            "SELECT text FROM documents WHERE doc_key = ?", (doc_key,)
        ).fetchone()
        return str(row[0]) if row else None

    def view(self) -> FusedView:
        """The fused, read-only view the export and queries read."""
        return FusedView(self.conn)

    def iter_entities(self) -> Iterator[dict[str, Any]]:
        return self.view().entities()

    def iter_events(self) -> Iterator[dict[str, Any]]:
        return self.view().events()

    def iter_quotes(self) -> Iterator[dict[str, Any]]:
        return self.view().quotes()

    def iter_facts(self) -> Iterator[dict[str, Any]]:
        return self.view().facts()

    def iter_conflicts(self) -> Iterator[dict[str, Any]]:
        return self.view().conflicts()


def is_latin(name: str) -> bool:
    """Written in Latin letters (a canonical name, English where one exists, is)."""
    return all(not c.isalpha() or c < "\u0250" or "\u1e00" <= c <= "\u1eff" for c in name)
