-- 0004: an event named only as a point of reference ("dopo il vertice in Kirghizistan"): it
-- adds a source to the event it names, and stands on its own in no export.
ALTER TABLE events ADD COLUMN reference INTEGER NOT NULL DEFAULT 0;
