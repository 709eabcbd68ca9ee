-- 0005: indexes for keeping conflicts as documents arrive (measured: without them the
-- per-document update scans every fact and event, and ingest slows as the store grows).
CREATE INDEX facts_document ON facts(document_id);
CREATE INDEX facts_pair ON facts(subject_id, object_id);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_group ON events(type, date, location_id);
