-- 0006: full-text search over documents, entity names and quotes (FTS5; "biskek" finds Biškek).
CREATE VIRTUAL TABLE search USING fts5(
    kind UNINDEXED,      -- document | entity | quote
    item UNINDEXED,      -- its row id
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- rowid: id * 3 for a document, id * 3 + 1 for an entity, id * 3 + 2 for a quote
INSERT INTO search (rowid, kind, item, title, body)
    SELECT id * 3, 'document', id, COALESCE(title, ''), text FROM documents;
INSERT INTO search (rowid, kind, item, title, body)
    SELECT e.id * 3 + 1, 'entity', e.id, e.name,
           COALESCE((SELECT GROUP_CONCAT(alias, ' ') FROM aliases WHERE entity_id = e.id), '')
    FROM entities e;
INSERT INTO search (rowid, kind, item, title, body)
    SELECT id * 3 + 2, 'quote', id, '', text FROM quotes;
