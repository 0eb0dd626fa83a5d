-- Breach notices and retention per record: the same as SQLite migration 0015
-- (docs/storage.md "Breach notices", "Retention").
CREATE TABLE breach_notices (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id   TEXT NOT NULL UNIQUE,
    text        TEXT NOT NULL,
    audience    TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('draft', 'sent')),
    created_by  BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL,
    sent_by     BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    sent_at     BIGINT,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX breach_notices_created_by ON breach_notices (created_by);
CREATE INDEX breach_notices_sent_by ON breach_notices (sent_by);

CREATE TABLE breach_recipients (
    notice_id       BIGINT NOT NULL REFERENCES breach_notices (id) ON DELETE CASCADE,
    account_id      BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    mail_status     TEXT NOT NULL CHECK (mail_status IN ('pending', 'sent', 'dead')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT,
    last_error      TEXT,
    mailed_at       BIGINT,
    read_at         BIGINT,
    PRIMARY KEY (notice_id, account_id)
);
CREATE INDEX breach_recipients_due ON breach_recipients (mail_status, next_attempt_at);
CREATE INDEX breach_recipients_by_account ON breach_recipients (account_id);

CREATE TABLE academy_departures (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    left_at    BIGINT NOT NULL
);

CREATE TABLE consent_event_deletions (
    account_id BIGINT PRIMARY KEY,
    up_to_id   BIGINT NOT NULL
);
CREATE OR REPLACE FUNCTION consent_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'consent events are append-only';
    END IF;
    IF EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id)
       AND NOT EXISTS (SELECT 1 FROM consent_event_deletions d
                       WHERE d.account_id = OLD.account_id AND OLD.id <= d.up_to_id) THEN
        RAISE EXCEPTION 'consent events are append-only';
    END IF;
    RETURN OLD;
END;
$$;

CREATE INDEX disclosures_by_time ON disclosures (at);
CREATE INDEX processor_outbox_delivered ON processor_outbox (status, delivered_at);
