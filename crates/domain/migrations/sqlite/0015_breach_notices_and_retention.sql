-- Breach notices and retention per record (docs/storage.md "Breach notices", "Retention").

-- A notice about a data breach, written by privacy staff: `text` is JSON of the model's
-- `NoticeText` (every part in Dutch and English), `audience` JSON of `BreachAudience`.
-- A draft is sent once: one conditional UPDATE from 'draft' to 'sent', in the transaction
-- that writes its recipients. No personal data of the affected people is in this table;
-- staff members' accounts are, and go to NULL when such an account is erased.
CREATE TABLE breach_notices (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id   TEXT NOT NULL UNIQUE,
    text        TEXT NOT NULL,
    audience    TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('draft', 'sent')),
    created_by  INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    sent_by     INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    sent_at     INTEGER,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);

-- One row per notice and affected person: it shows the notice in the person's portal (until
-- `read_at`) and is the mail's queue entry (claimed with a lease, retried with backoff, sent
-- once: `mail_status` 'sent' is final). The address is read from `accounts` when the mail
-- goes, never copied here. Goes with the account.
CREATE TABLE breach_recipients (
    notice_id       INTEGER NOT NULL REFERENCES breach_notices (id) ON DELETE CASCADE,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    mail_status     TEXT NOT NULL CHECK (mail_status IN ('pending', 'sent', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT,
    mailed_at       INTEGER,
    read_at         INTEGER,
    PRIMARY KEY (notice_id, account_id)
);
CREATE INDEX breach_recipients_due ON breach_recipients (mail_status, next_attempt_at);
CREATE INDEX breach_recipients_by_account ON breach_recipients (account_id);

-- When a person stopped as course participant: their training history is deleted a number
-- of years later (the register's rule). Deleted when they register again, and with the account.
CREATE TABLE academy_departures (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    left_at    INTEGER NOT NULL
);

-- Consent events stay append-only; the retention job alone may delete a person's history
-- up to an event id, by writing a permit here in the transaction that deletes the events
-- and removes the permit again (the table is empty outside that transaction).
CREATE TABLE consent_event_deletions (
    account_id INTEGER PRIMARY KEY,
    up_to_id   INTEGER NOT NULL
);
DROP TRIGGER consent_events_append_only_delete;
CREATE TRIGGER consent_events_append_only_delete BEFORE DELETE ON consent_events
WHEN EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id)
 AND NOT EXISTS (SELECT 1 FROM consent_event_deletions d WHERE d.account_id = OLD.account_id AND OLD.id <= d.up_to_id)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

CREATE INDEX disclosures_by_time ON disclosures (at);
CREATE INDEX processor_outbox_delivered ON processor_outbox (status, delivered_at);
