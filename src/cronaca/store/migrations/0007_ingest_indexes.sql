-- 0007: indexes that stop ingest slowing sharply as the store grows (measured on 3,000 articles:
-- without them, indexing a document's quotes scanned every stored quote and the conflict
-- upkeep scanned every fact of a popular pair, and ingest slowed from 82 to 61 documents/s).
CREATE INDEX quotes_document ON quotes(document_id);
CREATE INDEX facts_group ON facts(subject_id, object_id, predicate, polarity, attributed_to, id);
