-- 0001: documents, entities and what is said about them, each with its source spans.
-- Offsets are code-point offsets into documents.text, the text exactly as ingested.

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    doc_key     TEXT NOT NULL UNIQUE,      -- the export id: name, or name@vN for later versions
    name        TEXT NOT NULL,             -- the id given at ingest (path below the folder)
    version     INTEGER NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,      -- of the bytes as read: the document's identity
    path        TEXT,
    format      TEXT NOT NULL,             -- text | markdown | html | pdf-text
    encoding    TEXT NOT NULL,
    language    TEXT,
    title       TEXT,
    source      TEXT,                      -- the outlet
    authors     TEXT NOT NULL DEFAULT '[]',  -- JSON array
    published   TEXT,                      -- ISO date
    place       TEXT,                      -- the dateline's place
    text        TEXT NOT NULL,
    raw         TEXT,                      -- the markup as read, for HTML
    pipeline    TEXT NOT NULL,             -- stage names and versions that made the rows below
    ingested_at TEXT NOT NULL,
    UNIQUE (name, version)
);

CREATE TABLE entities (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE,            -- stable identity (knowledge-base id or a name key)
    type  TEXT NOT NULL CHECK (type IN
          ('person', 'organization', 'country', 'location', 'document', 'other')),
    name  TEXT NOT NULL                    -- canonical name, English where one exists
);

CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    language  TEXT,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    entity_id   INTEGER NOT NULL REFERENCES entities(id),
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (document_id, start, end, entity_id)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    date        TEXT,
    end_date    TEXT,
    location_id INTEGER REFERENCES entities(id),
    status      TEXT NOT NULL DEFAULT 'unknown' CHECK (status IN
                ('occurred', 'planned', 'proposed', 'cancelled', 'negated', 'unknown')),
    attributes  TEXT NOT NULL DEFAULT '{}'   -- JSON object
);

CREATE TABLE event_participants (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (event_id, entity_id)
);

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker_id  INTEGER REFERENCES entities(id),   -- NULL: speaker unknown, not guessed
    text        TEXT NOT NULL,
    direct      INTEGER NOT NULL,
    date        TEXT,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

CREATE TABLE facts (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    subject_id     INTEGER NOT NULL REFERENCES entities(id),
    predicate      TEXT NOT NULL,
    object_id      INTEGER REFERENCES entities(id),
    object_value   TEXT,
    qualifier      TEXT,
    valid_from     TEXT,
    valid_to       TEXT,
    polarity       INTEGER NOT NULL DEFAULT 1,
    attributed_to  INTEGER REFERENCES entities(id)
);
CREATE INDEX facts_subject ON facts(subject_id, predicate);

CREATE TABLE conflicts (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('contradiction', 'value_disagreement')),
    explanation TEXT NOT NULL
);

CREATE TABLE conflict_items (
    conflict_id INTEGER NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
    item_kind   TEXT NOT NULL CHECK (item_kind IN ('event', 'fact', 'quote')),
    item_id     INTEGER NOT NULL,
    PRIMARY KEY (conflict_id, item_kind, item_id)
);

-- Where each event and fact was read: a document and a span of its text.
CREATE TABLE spans (
    item_kind   TEXT NOT NULL CHECK (item_kind IN ('event', 'fact')),
    item_id     INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL
);
CREATE INDEX spans_item ON spans(item_kind, item_id);
