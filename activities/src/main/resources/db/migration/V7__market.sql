-- The market pipeline: quotes through the chain cache -> Bright Data (Bloomberg pages) -> Yahoo,
-- the symbols a scheduled collection quotes, and what `market stats` reports across processes.

-- Every quote a provider delivered, history kept; the newest per symbol is the one the cache
-- serves (through api_cache, key market:quote:<SYMBOL>). Cache hits are not stored again.
CREATE TABLE quotes (
    id             BIGSERIAL     PRIMARY KEY,
    symbol         TEXT          NOT NULL,
    name           TEXT          NOT NULL,
    price          NUMERIC(24,8) NOT NULL CHECK (price > 0),
    currency       TEXT,
    change         NUMERIC(24,8),
    change_pct     NUMERIC(14,4),
    volume         BIGINT,
    day_high       NUMERIC(24,8),
    day_low        NUMERIC(24,8),
    previous_close NUMERIC(24,8),
    market_status  TEXT          NOT NULL DEFAULT 'unknown',
    as_of          TIMESTAMPTZ   NOT NULL,
    source         TEXT          NOT NULL CHECK (source IN ('bright_data', 'yahoo')),
    cost_usd       NUMERIC(14,6) NOT NULL DEFAULT 0,
    fetched_at     TIMESTAMPTZ   NOT NULL,
    -- real or sandbox: demo prices must never pass for market data.
    provider_mode  TEXT          NOT NULL DEFAULT 'real' CHECK (provider_mode IN ('real', 'sandbox'))
);

CREATE INDEX quotes_symbol_fetched_idx ON quotes (symbol, fetched_at DESC);

-- The symbols a collection quotes; changed at runtime (`market symbols add|remove`).
CREATE TABLE tracked_symbols (
    symbol      TEXT        PRIMARY KEY,
    asset_class TEXT        NOT NULL,
    added_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per source consulted for one quote, from every worker: the statistics (requests,
-- success rates, cache hit rate, breaker calls, cost) are counted from here, not from one JVM.
-- Cache lookups are rows of source 'cache' with outcome hit or miss.
CREATE TABLE market_calls (
    id          BIGSERIAL     PRIMARY KEY,
    source      TEXT          NOT NULL CHECK (source IN ('cache', 'bright_data', 'yahoo')),
    symbol      TEXT          NOT NULL,
    outcome     TEXT          NOT NULL
                CHECK (outcome IN ('success', 'failure', 'rejected_by_breaker', 'budget_refused',
                                   'hit', 'miss')),
    error_kind  TEXT,
    latency_ms  BIGINT        NOT NULL DEFAULT 0,
    cost_usd    NUMERIC(14,6) NOT NULL DEFAULT 0,
    mode        TEXT          NOT NULL DEFAULT 'real' CHECK (mode IN ('real', 'sandbox')),
    at          TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX market_calls_source_at_idx ON market_calls (source, at);

-- Each state change of a worker's per-source circuit breaker.
CREATE TABLE market_breaker_events (
    id         BIGSERIAL   PRIMARY KEY,
    source     TEXT        NOT NULL CHECK (source IN ('bright_data', 'yahoo')),
    from_state TEXT        NOT NULL,
    to_state   TEXT        NOT NULL,
    -- The breaker's wait in the open state, so `stats` can say when it half-opens.
    open_for_ms BIGINT,
    worker     TEXT,
    at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX market_breaker_events_source_at_idx ON market_breaker_events (source, at DESC);

-- `market breakers --reset NAME` writes a row with from_state 'reset' (to_state 'closed'); every
-- worker's breaker of that source looks up the newest one before each call and closes itself
-- when it is newer than the last it honoured. This keeps that lookup one small index probe.
CREATE INDEX market_breaker_resets_idx ON market_breaker_events (source, id DESC)
    WHERE from_state = 'reset';
