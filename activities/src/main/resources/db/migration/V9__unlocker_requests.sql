-- Bright Data Unlocker requests made with ?async=true, by the paid call (a FetchQuote activity and
-- symbol) whose attempts share call_prefix: an attempt that dies while its page is being unlocked
-- leaves the response id here, and its retry reads that request's result instead of paying for a
-- second one. ledger_key is the cost_ledger entry holding the request's reservation. A row goes
-- when its call has settled or released the reservation.
CREATE TABLE unlocker_requests (
    call_prefix  TEXT        PRIMARY KEY,
    ledger_key   TEXT        NOT NULL,
    response_id  TEXT        NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
