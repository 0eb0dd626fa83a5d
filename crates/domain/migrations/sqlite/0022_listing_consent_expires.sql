-- Consent to be listed holds twelve months (docs/security.md "Listing consent expires"): when
-- it runs out, a `withdrawn` event by the channel `expiry` is appended; and the reminders
-- sent before the end, each claimed once per consent (`given_id`) by one instance.

DROP TRIGGER listing_consent_events_append_only_update;
DROP TRIGGER listing_consent_events_append_only_delete;
CREATE TABLE listing_consent_events_new (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('given', 'withdrawn')),
    at           INTEGER NOT NULL,
    text_version INTEGER NOT NULL,
    text_hash    TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('portal', 'staff', 'expiry'))
);
INSERT INTO listing_consent_events_new (id, account_id, kind, at, text_version, text_hash, channel)
    SELECT id, account_id, kind, at, text_version, text_hash, channel FROM listing_consent_events;
DROP TABLE listing_consent_events;
ALTER TABLE listing_consent_events_new RENAME TO listing_consent_events;
CREATE INDEX listing_consent_events_by_account ON listing_consent_events (account_id, id);

CREATE TRIGGER listing_consent_events_append_only_update BEFORE UPDATE ON listing_consent_events
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

CREATE TRIGGER listing_consent_events_append_only_delete BEFORE DELETE ON listing_consent_events
WHEN EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

CREATE TABLE listing_reminders (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    given_id    INTEGER NOT NULL,
    days_before INTEGER NOT NULL,
    sent_at     INTEGER NOT NULL,
    PRIMARY KEY (account_id, given_id, days_before)
);
