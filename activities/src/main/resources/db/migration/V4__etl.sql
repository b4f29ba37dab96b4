-- The ETL pipeline: one manifest row per source (the last good download), files refused by
-- validation, and one row per source run with the freshness gate's decision and reason.

-- Written only after validation passed, in the same activity that moved the file to its target.
CREATE TABLE etl_manifest (
    source_id     TEXT PRIMARY KEY,
    url           TEXT        NOT NULL,
    etag          TEXT,
    -- Verbatim HTTP-date as the server sent it: the freshness gate compares it as a string.
    last_modified TEXT,
    size          BIGINT      NOT NULL CHECK (size >= 0),
    sha256        TEXT        NOT NULL,
    path          TEXT        NOT NULL,
    format        TEXT        NOT NULL,
    content_type  TEXT,
    downloaded_at TIMESTAMPTZ NOT NULL,
    validated_at  TIMESTAMPTZ NOT NULL,
    workflow_id   TEXT        NOT NULL,
    -- Temporal run that wrote the row: a retried publish of the same run rewrites the same values.
    temporal_run_id TEXT      NOT NULL
);

CREATE TABLE etl_quarantine (
    id              BIGSERIAL PRIMARY KEY,
    source_id       TEXT        NOT NULL,
    url             TEXT        NOT NULL,
    -- Directory quarantine/<source>/<timestamp> holding the file and reason.json.
    directory       TEXT        NOT NULL,
    file_name       TEXT        NOT NULL,
    check_name      TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    size            BIGINT      NOT NULL,
    sha256          TEXT,
    etag            TEXT,
    quarantined_at  TIMESTAMPTZ NOT NULL,
    workflow_id     TEXT        NOT NULL,
    -- One quarantine per source run: the idempotency key of the quarantine activity.
    temporal_run_id TEXT        NOT NULL UNIQUE
);

CREATE INDEX etl_quarantine_source_idx ON etl_quarantine (source_id, quarantined_at DESC);

CREATE TABLE etl_runs (
    id              BIGSERIAL PRIMARY KEY,
    source_id       TEXT        NOT NULL,
    workflow_id     TEXT        NOT NULL,
    temporal_run_id TEXT        NOT NULL UNIQUE,
    outcome         TEXT        NOT NULL
                    CHECK (outcome IN ('downloaded', 'fresh', 'would-download', 'quarantined', 'failed')),
    decision        TEXT CHECK (decision IN ('download', 'skip')),
    reason          TEXT,
    bytes           BIGINT      NOT NULL DEFAULT 0,
    duration_ms     BIGINT      NOT NULL DEFAULT 0,
    path            TEXT,
    sha256          TEXT,
    error           TEXT,
    finished_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX etl_runs_source_idx ON etl_runs (source_id, finished_at DESC);
