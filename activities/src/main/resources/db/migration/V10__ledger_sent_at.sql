-- When a paid call's request started to leave this process. A reservation whose attempt died is
-- booked as spent by the retry only if its request had left (the provider may have billed it);
-- one that never left goes back, so the ledger matches what the provider billed.
ALTER TABLE cost_ledger ADD COLUMN sent_at TIMESTAMPTZ;
