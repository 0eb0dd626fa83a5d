-- A person's messages to the mailing processor keep their order across an erasure: the
-- order is kept per `person_id` (the account's id, never reused, and not cleared when the
-- account goes), so the erasure notice waits for a message still being delivered
-- (docs/security.md "Outbox order").
ALTER TABLE processor_outbox ADD COLUMN person_id INTEGER;
UPDATE processor_outbox SET person_id = account_id;
CREATE INDEX processor_outbox_by_person ON processor_outbox (person_id, id);
