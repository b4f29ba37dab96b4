-- `market breakers --reset NAME` writes a row with from_state 'reset' (to_state 'closed'); every
-- worker's breaker of that source looks up the newest one before each call and closes itself
-- when it is newer than the last it honoured. This keeps that lookup one small index probe.
CREATE INDEX market_breaker_resets_idx ON market_breaker_events (source, id DESC)
    WHERE from_state = 'reset';
