-- Companies, locations and jobs built from the Bright Data LinkedIn records, plus the records
-- that could not be used. Keys are computed in Java (JobNormalizer) so every writer agrees on them.

CREATE TABLE companies (
    id                  BIGSERIAL PRIMARY KEY,
    -- Case-folded name without legal suffixes or punctuation: "Adyen N.V." and "ADYEN" meet here.
    name_key            TEXT        NOT NULL UNIQUE,
    name                TEXT        NOT NULL,
    linkedin_company_id TEXT,
    url                 TEXT,
    first_seen_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE locations (
    id            BIGSERIAL PRIMARY KEY,
    -- lower(city) | lower(region) | lower(country), empty for a missing part: the unique triple.
    location_key  TEXT        NOT NULL UNIQUE,
    city          TEXT,
    region        TEXT,
    country       TEXT,
    country_code  TEXT,
    first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE jobs (
    id              BIGSERIAL PRIMARY KEY,
    job_posting_id  TEXT        NOT NULL UNIQUE,
    title           TEXT        NOT NULL,
    company_id      BIGINT REFERENCES companies (id),
    location_id     BIGINT REFERENCES locations (id),
    -- The posting URL without its query string (the provider appends ?lg=en).
    url             TEXT,
    summary         TEXT,
    seniority       TEXT,
    employment_type TEXT,
    job_function    TEXT,
    industries      TEXT,
    -- Approximate: the provider back-computes it from the relative text; the first sighting wins.
    posted_at       TIMESTAMPTZ,
    posted_text     TEXT,
    num_applicants  INTEGER,
    apply_link      TEXT,
    salary_min      NUMERIC(14, 2),
    salary_max      NUMERIC(14, 2),
    salary_currency TEXT,
    salary_period   TEXT,
    -- SHA-256 over the normalized content fields: content is rewritten only when it changes.
    content_hash    TEXT        NOT NULL,
    content_updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    is_active       BOOLEAN     NOT NULL DEFAULT true,
    first_seen_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    inactive_since  TIMESTAMPTZ,
    first_run_id    BIGINT REFERENCES scrape_runs (id) ON DELETE SET NULL,
    last_run_id     BIGINT REFERENCES scrape_runs (id) ON DELETE SET NULL,
    -- The search the job was last seen under, so the lifecycle job can judge staleness per search.
    last_query      TEXT        NOT NULL,
    last_location   TEXT        NOT NULL,
    CONSTRAINT jobs_active_has_no_inactive_since CHECK (NOT is_active OR inactive_since IS NULL)
);

CREATE INDEX jobs_active_last_seen_idx ON jobs (is_active, last_seen_at);
CREATE INDEX jobs_search_last_seen_idx ON jobs (last_query, last_location, last_seen_at)
    WHERE is_active;
CREATE INDEX jobs_company_idx ON jobs (company_id);
CREATE INDEX jobs_location_idx ON jobs (location_id);

-- Malformed records of a run, kept verbatim with the reason they were refused.
CREATE TABLE job_rejects (
    run_id         BIGINT      NOT NULL REFERENCES scrape_runs (id) ON DELETE CASCADE,
    seq            INTEGER     NOT NULL,
    job_posting_id TEXT,
    reason         TEXT        NOT NULL,
    raw            TEXT        NOT NULL,
    rejected_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, seq)
);
