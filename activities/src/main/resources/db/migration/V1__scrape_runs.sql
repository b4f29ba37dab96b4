-- One row per jobs scrape run. The row exists before any money is spent (step 2) and ends as
-- completed, failed, cancelled or skipped (step 7 or the cleanup path).
CREATE TABLE scrape_runs (
    id               BIGSERIAL PRIMARY KEY,
    workflow_id      TEXT        NOT NULL,
    -- Temporal's run id: the idempotency key that makes openRun safe to retry.
    temporal_run_id  TEXT        NOT NULL UNIQUE,
    query            TEXT        NOT NULL,
    location         TEXT        NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'running'
                     CHECK (status IN ('running', 'completed', 'failed', 'cancelled', 'skipped')),
    date_range       TEXT,
    lookback_days    INTEGER,
    provider         TEXT,
    -- Recorded by the trigger activity before it returns, so a retried trigger never pays twice.
    snapshot_id      TEXT,
    jobs_found       INTEGER     NOT NULL DEFAULT 0,
    jobs_new         INTEGER     NOT NULL DEFAULT 0,
    jobs_updated     INTEGER     NOT NULL DEFAULT 0,
    jobs_invalid     INTEGER     NOT NULL DEFAULT 0,
    jobs_duplicates  INTEGER     NOT NULL DEFAULT 0,
    error_records    INTEGER     NOT NULL DEFAULT 0,
    -- Set once ingest has committed: a retried ingest returns these counts instead of recounting.
    ingested_at      TIMESTAMPTZ,
    error            TEXT,
    metadata         JSONB       NOT NULL DEFAULT '{}'::jsonb,
    started_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ,
    duration_seconds DOUBLE PRECISION
);

CREATE INDEX scrape_runs_search_idx ON scrape_runs (query, location, status, started_at DESC);
CREATE INDEX scrape_runs_started_idx ON scrape_runs (started_at DESC);

-- Claim-check for a downloaded snapshot: raw records as delivered (TEXT, not JSONB, because a
-- malformed record must be kept verbatim with its reason).
CREATE TABLE job_staging (
    run_id BIGINT  NOT NULL REFERENCES scrape_runs (id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    raw    TEXT    NOT NULL,
    PRIMARY KEY (run_id, seq)
);
