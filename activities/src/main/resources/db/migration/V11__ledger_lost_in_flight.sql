-- A reservation booked as spent by a retry because its attempt died with the request in flight
-- (sent_at set, never settled): the provider may have billed it, and the retry made the call again.
-- Kept apart so a report can tell a call lost in flight from one paid twice by mistake.
ALTER TABLE cost_ledger ADD COLUMN lost_in_flight BOOLEAN NOT NULL DEFAULT false;
