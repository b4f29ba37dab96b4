-- The activity that fetched a quote (`<workflow id>/<activity id>`, the same for all its attempts):
-- a retry of an attempt that stored its quote and then died finds it here instead of fetching and
-- paying again, and never stores it twice. Null for quotes fetched outside an activity.
ALTER TABLE quotes ADD COLUMN fetch_key TEXT;
CREATE UNIQUE INDEX quotes_fetch_key_idx ON quotes (fetch_key) WHERE fetch_key IS NOT NULL;
