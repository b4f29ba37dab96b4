-- The pharmacy pipeline (collection -> dedup -> classification -> verification) and the query
-- cache it shares with the market pipeline.

-- Provider answers worth keeping: a pharmacy search's places, a market quote. A row past
-- expires_at is a miss; NULL expires_at never expires.
CREATE TABLE api_cache (
    key        TEXT        PRIMARY KEY,
    provider   TEXT        NOT NULL,
    value      JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ
);

CREATE INDEX api_cache_expires_idx ON api_cache (expires_at);

-- One row per pharmacy run. A run of the same search (sorted queries and locations: search_key)
-- that failed, was cancelled or ended partial is reopened by the next run, so stages it already
-- completed are not repeated (and not paid for twice).
CREATE TABLE pharmacy_runs (
    id               BIGSERIAL     PRIMARY KEY,
    workflow_id      TEXT          NOT NULL,
    -- Temporal's run id: makes openRun safe to retry; a reopened row takes the new one.
    temporal_run_id  TEXT          NOT NULL UNIQUE,
    search_key       TEXT          NOT NULL,
    queries          TEXT[]        NOT NULL,
    locations        TEXT[]        NOT NULL,
    provider         TEXT          NOT NULL DEFAULT 'sandbox',
    status           TEXT          NOT NULL DEFAULT 'running'
                     CHECK (status IN ('running', 'completed', 'partial', 'failed', 'cancelled')),
    collected        INTEGER       NOT NULL DEFAULT 0,
    unique_places    INTEGER       NOT NULL DEFAULT 0,
    chain            INTEGER       NOT NULL DEFAULT 0,
    independent      INTEGER       NOT NULL DEFAULT 0,
    hospital         INTEGER       NOT NULL DEFAULT 0,
    compounding      INTEGER       NOT NULL DEFAULT 0,
    veterinary       INTEGER       NOT NULL DEFAULT 0,
    not_pharmacy     INTEGER       NOT NULL DEFAULT 0,
    verified         INTEGER       NOT NULL DEFAULT 0,
    unverified       INTEGER       NOT NULL DEFAULT 0,
    closed           INTEGER       NOT NULL DEFAULT 0,
    cache_hits       INTEGER       NOT NULL DEFAULT 0,
    cost_usd         NUMERIC(14,6) NOT NULL DEFAULT 0,
    max_cost_usd     NUMERIC(14,6),
    error            TEXT,
    started_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ
);

CREATE INDEX pharmacy_runs_search_idx ON pharmacy_runs (search_key, started_at DESC);

-- A stage is recorded once its output is committed; a reopened run skips recorded stages.
CREATE TABLE pharmacy_stage (
    run_id       BIGINT      NOT NULL REFERENCES pharmacy_runs (id) ON DELETE CASCADE,
    stage        TEXT        NOT NULL
                 CHECK (stage IN ('collection', 'dedup', 'classification', 'verification')),
    counts       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    completed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, stage)
);

-- One row per (run, query, location). The Apify run id is stored before the start activity
-- returns, so a retried start reuses it: one paid actor run per search.
CREATE TABLE pharmacy_searches (
    run_id        BIGINT        NOT NULL REFERENCES pharmacy_runs (id) ON DELETE CASCADE,
    query         TEXT          NOT NULL,
    location      TEXT          NOT NULL,
    apify_run_id  TEXT,
    dataset_id    TEXT,
    actor_status  TEXT,
    from_cache    BOOLEAN       NOT NULL DEFAULT false,
    items         INTEGER,
    cost_usd      NUMERIC(14,6) NOT NULL DEFAULT 0,
    staged_at     TIMESTAMPTZ,
    PRIMARY KEY (run_id, query, location)
);

-- Claim-check for collected items: raw as delivered, removed once dedup has read them.
CREATE TABLE pharmacy_staging (
    run_id   BIGINT  NOT NULL REFERENCES pharmacy_runs (id) ON DELETE CASCADE,
    query    TEXT    NOT NULL,
    location TEXT    NOT NULL,
    seq      INTEGER NOT NULL,
    item     JSONB   NOT NULL,
    PRIMARY KEY (run_id, query, location, seq)
);

-- One row per place, across runs. place_key is Google's placeId, else a normalized
-- name|address|phone key.
CREATE TABLE pharmacies (
    place_key               TEXT          PRIMARY KEY,
    place_id                TEXT,
    name                    TEXT          NOT NULL,
    address                 TEXT,
    city                    TEXT,
    state                   TEXT,
    postal_code             TEXT,
    country_code            TEXT,
    phone                   TEXT,
    website                 TEXT,
    latitude                DOUBLE PRECISION,
    longitude               DOUBLE PRECISION,
    category                TEXT,
    categories              TEXT[]        NOT NULL DEFAULT '{}',
    classification          TEXT
                            CHECK (classification IN
                                   ('chain', 'independent', 'hospital', 'not_pharmacy')),
    is_chain                BOOLEAN,
    is_compounding          BOOLEAN,
    is_veterinary           BOOLEAN,
    confidence              NUMERIC(4,3),
    rule                    TEXT,
    class_source            TEXT,
    business_status         TEXT,
    verified                BOOLEAN,
    verification_confidence NUMERIC(4,3),
    matched_place_id        TEXT,
    verified_at             TIMESTAMPTZ,
    searches                JSONB         NOT NULL DEFAULT '[]'::jsonb,
    fields                  INTEGER       NOT NULL DEFAULT 0,
    item                    JSONB         NOT NULL,
    first_seen_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_seen_at            TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX pharmacies_class_idx ON pharmacies (classification, state);

-- Which places a run saw: what `pharmacy export --run` and the run's later stages work on.
CREATE TABLE pharmacy_run_places (
    run_id    BIGINT NOT NULL REFERENCES pharmacy_runs (id) ON DELETE CASCADE,
    place_key TEXT   NOT NULL REFERENCES pharmacies (place_key),
    PRIMARY KEY (run_id, place_key)
);
