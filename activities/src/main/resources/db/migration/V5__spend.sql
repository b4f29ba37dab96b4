-- Paid-call accounting: a daily budget per scope (a provider, real or sandbox) and the ledger of
-- what each run reserved before paying and what it settled at once the delivery was counted.

CREATE TABLE budgets (
    scope     TEXT          NOT NULL,
    -- Calendar day in the configured zone: the "midnight reset" is a new key, not a job.
    day       DATE          NOT NULL,
    limit_usd NUMERIC(14,4) NOT NULL CHECK (limit_usd >= 0),
    PRIMARY KEY (scope, day)
);

CREATE TABLE cost_ledger (
    id           BIGSERIAL     PRIMARY KEY,
    scope        TEXT          NOT NULL,
    day          DATE          NOT NULL,
    provider     TEXT          NOT NULL,
    mode         TEXT          NOT NULL CHECK (mode IN ('real', 'sandbox')),
    -- The run the money is spent for; one entry per (scope, run) makes reserve and settle
    -- idempotent under activity retries.
    run_key      TEXT          NOT NULL,
    state        TEXT          NOT NULL CHECK (state IN ('reserved', 'settled', 'released')),
    reserved_usd NUMERIC(14,6) NOT NULL CHECK (reserved_usd >= 0),
    units        BIGINT,
    cost_usd     NUMERIC(14,6) NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    settled_at   TIMESTAMPTZ,
    UNIQUE (scope, run_key),
    FOREIGN KEY (scope, day) REFERENCES budgets (scope, day)
);

CREATE INDEX cost_ledger_scope_day ON cost_ledger (scope, day);
