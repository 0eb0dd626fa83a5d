-- Newsletter consent as events (GDPR art. 7(1)): appended, never changed. Only erasure of
-- the whole account removes them (the account row goes first, then these by cascade).
CREATE TABLE consent_events (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('given', 'confirmed', 'withdrawn')),
    at           INTEGER NOT NULL,
    text_version INTEGER NOT NULL,
    text_hash    TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('portal', 'email_link', 'staff'))
);
CREATE INDEX consent_events_by_account ON consent_events (account_id, id);

CREATE TRIGGER consent_events_append_only_update BEFORE UPDATE ON consent_events
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

CREATE TRIGGER consent_events_append_only_delete BEFORE DELETE ON consent_events
WHEN EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

-- Double opt-in links: only a hash of the token is kept; single use; they expire.
CREATE TABLE consent_confirmations (
    token_hash   BLOB PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    text_version INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER
);

-- Transactional outbox to the mailing processor: a row is written in the same transaction
-- as the consent event, and a worker delivers it with its idempotency key, retrying with
-- exponential backoff until delivered or dead-lettered. Times in milliseconds.
CREATE TABLE processor_outbox (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    action          TEXT NOT NULL CHECK (action IN ('subscribe', 'unsubscribe')),
    payload         TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    delivered_at    INTEGER
);
CREATE INDEX processor_outbox_due ON processor_outbox (status, next_attempt_at);
CREATE INDEX processor_outbox_by_account ON processor_outbox (account_id, id);
